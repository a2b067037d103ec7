/**
 * `npm run deploy [-- --skip-build] [-- --root DIR]`: see deploy.ts and docs/deployment.md.
 */
import * as path from 'node:path';
import { buildBundle } from '../build';
import { deploy, DeployError, masker } from './deploy';
import { loadDotEnv } from './dotenv';

const args = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const root = rootIndex >= 0 ? path.resolve(args[rootIndex + 1] ?? '.') : path.resolve(__dirname, '../..');
const skipBuild = args.includes('--skip-build');

deploy({
  root,
  env: process.env,
  out: (line) => console.log(line),
  build: skipBuild
    ? async () => console.log('  (--skip-build: using the existing bundle)')
    : () => buildBundle(),
}).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    const mask = masker([
      process.env.SPOTIFY_CLIENT_SECRET ?? '',
      loadDotEnv(root).SPOTIFY_CLIENT_SECRET ?? '',
    ]);
    const message = error instanceof DeployError ? error.message : String((error as Error)?.message ?? error);
    console.error(mask(`deploy failed: ${message}`));
    process.exitCode = 1;
  },
);
