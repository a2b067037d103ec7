/**
 * The console keeps the skill's memory between runs in its state folder, as the Lambda keeps it in DynamoDB,
 * and `:forget` clears it:
 *
 *   (run 1)  U: use the living room tv by default     A: Okay. Living Room TV is your default device ...
 *   (run 2, nothing active)  U: play my workout mix    A: Playing Workout Mix on Living Room TV.
 *   :forget
 *   (run 3, nothing active)  U: play my workout mix    A: (no default: asks which device)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConsoleApp } from '../../tools/console/app';
import { captureSink, registerSecret } from '../support/log-capture';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-memory-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run<T>(memoryFile: string, work: (app: ConsoleApp) => Promise<T>): Promise<T> {
  const app = await ConsoleApp.start({ say: () => undefined, logSink: captureSink, memoryFile, idle: true });
  registerSecret(app.linker.current!.accessToken);
  registerSecret(app.linker.current!.refreshToken!);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

test('a default device set in one run is used in the next; :forget clears it', async () => {
  const memoryFile = path.join(dir, 'state', 'memory.json');

  const set = await run(memoryFile, (app) => app.utter('use the living room tv by default'));
  expect(set.speech).toBe('Okay. Living Room TV is your default device when nothing else is playing.');
  expect(fs.existsSync(memoryFile)).toBe(true);

  const [played, state] = await run(memoryFile, async (app) => [
    await app.utter('play my workout mix'),
    await app.command(':state'),
  ]);
  expect(played.speech).toBe('Playing Workout Mix on Living Room TV.');
  expect(state.lines.join('\n')).toMatch(
    /memory +defaultDevice Living Room TV, defaultDevice@\S+ Living Room TV, lastDevice Living Room TV/,
  );

  const forgotten = await run(memoryFile, async (app) => [
    await app.command(':forget'),
    await app.command(':state'),
  ]);
  expect(forgotten[0].lines[0]).toMatch(/^Forgotten: the skill remembers nothing about you now/);
  expect(forgotten[1].lines.join('\n')).toMatch(/memory +nothing \(/);

  const after = await run(memoryFile, (app) => app.utter('play my workout mix'));
  expect(after.speech).not.toMatch(/Living Room TV\.$/);
  expect(after.speech).toMatch(/which|device/i);
});

test('without a memory file the console remembers for one run only', async () => {
  const app = await ConsoleApp.start({ say: () => undefined, logSink: captureSink, idle: true });
  registerSecret(app.linker.current!.accessToken);
  registerSecret(app.linker.current!.refreshToken!);
  try {
    expect((await app.command(':state')).lines.join('\n')).toMatch(/memory +nothing \(this run only\)/);
  } finally {
    await app.close();
  }
});
