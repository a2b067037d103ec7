/** Runs bench/cold.js or bench/warm.js in a fresh `node` process and collects its one-line JSON result. */
import { spawn } from 'node:child_process';

export interface ChildRun<T> {
  result: T;
  /** Spawn until the process exited, in milliseconds (node's start-up included). */
  wallMs: number;
}

const LIMIT_MS = 120_000;

export function runChild<T>(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildRun<T>> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let exitedAt: bigint | undefined;
    const child = spawn(process.execPath, [script, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', () => undefined); // the bundle's own log lines: drained, not kept
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('exit', () => (exitedAt = process.hrtime.bigint()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) {
        reject(
          new Error(`${script} ${args.join(' ')} failed (${signal ?? code}): ${line} ${err.slice(0, 500)}`),
        );
        return;
      }
      resolve({
        result: JSON.parse(line) as T,
        wallMs: Number((exitedAt ?? process.hrtime.bigint()) - started) / 1e6,
      });
    });
  });
}
