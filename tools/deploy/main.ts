/**
 * `npm run deploy [-- --skip-build] [-- --region REGION] [-- --root DIR]`: see deploy.ts and
 * docs/deployment.md.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops the running `ask`, puts ask-resources.json back, deletes the temporary
 * account-linking copy, and exits 130 (143 for SIGTERM). A second signal while that happens is ignored:
 * leaving early is exactly what would leave the secret on disk.
 */
import * as path from 'node:path';
import { buildBundle } from '../build';
import { deploy, DeployError, masker } from './deploy';
import { loadDotEnv } from './dotenv';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].startsWith(`${name}=`) ? args[i].slice(name.length + 1) : args[i + 1];
};
const rootArg = option('--root');
const root = rootArg !== undefined ? path.resolve(rootArg) : path.resolve(__dirname, '../..');
const skipBuild = args.includes('--skip-build');

const controller = new AbortController();
let exitOnSignal: number | undefined;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.on(signal, () => {
    if (exitOnSignal !== undefined) return;
    exitOnSignal = code;
    console.error(`\n${signal}: stopping ask and putting every file back…`);
    controller.abort();
  });

deploy({
  root,
  env: process.env,
  region: option('--region'),
  signal: controller.signal,
  out: (line) => console.log(line),
  build: skipBuild
    ? async () => console.log('  (--skip-build: using the existing bundle)')
    : () => buildBundle(),
}).then(
  () => {
    process.exitCode = exitOnSignal ?? 0;
  },
  (error: unknown) => {
    const mask = masker([
      process.env.SPOTIFY_CLIENT_SECRET ?? '',
      loadDotEnv(root).SPOTIFY_CLIENT_SECRET ?? '',
    ]);
    const message = error instanceof DeployError ? error.message : String((error as Error)?.message ?? error);
    console.error(mask(`deploy failed: ${message}`));
    process.exitCode = exitOnSignal ?? 1;
  },
);
