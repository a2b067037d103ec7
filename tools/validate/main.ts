/**
 * `npm run validate [-- --root DIR]`: checks the skill package (against Amazon's SMAPI schema, as committed
 * and as ask-cli rewrites it, and our own rules), ask-resources.json, the handlers, account linking and the
 * tracked files offline. Prints one line per problem (file, JSON path or line, message, rule) and exits 1 when there
 * is any. `--root` checks another tree's skill package, ask-resources.json, accountLinking.json and files (a git work tree)
 * against this project's handlers and endpoint table; the default is this repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateApl } from './apl';
import {
  formatProblem,
  validateProject,
  type EndpointInfo,
  type HandlerInfo,
  type Problem,
} from './validate';

const REPO = path.resolve(__dirname, '../..');

/** `--root DIR` (or `--root=DIR`); this repository when absent. */
function rootFromArgs(args: readonly string[]): string {
  const i = args.findIndex((a) => a === '--root' || a.startsWith('--root='));
  if (i < 0) return REPO;
  const value = args[i].startsWith('--root=') ? args[i].slice('--root='.length) : args[i + 1];
  if (!value) throw new Error('--root needs a directory');
  const root = path.resolve(value);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`--root ${value} is not a directory`);
  return root;
}

function loadHandlers(): HandlerInfo[] {
  const { REQUEST_HANDLERS } = require('../../lambda/src/skill') as { REQUEST_HANDLERS: HandlerInfo[] };
  return REQUEST_HANDLERS;
}

/** The Spotify client's endpoint table: every endpoint with the scopes it needs. */
function loadEndpoints(): EndpointInfo[] | Problem {
  const file = 'lambda/src/spotify/endpoints.ts';
  try {
    const { ENDPOINTS } = require('../../lambda/src/spotify/endpoints') as { ENDPOINTS?: EndpointInfo[] };
    if (Array.isArray(ENDPOINTS)) return ENDPOINTS;
    return {
      file,
      path: 'ENDPOINTS',
      rule: 'endpoints-missing',
      message: 'does not export an ENDPOINTS array',
    };
  } catch (error) {
    return {
      file,
      path: '(file)',
      rule: 'endpoints-missing',
      message: `cannot load the endpoint table: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}

function main(screens: readonly Problem[] = []): number {
  let root: string;
  try {
    root = rootFromArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`validate: ${(error as Error).message}`);
    return 2;
  }
  const endpoints = loadEndpoints();
  const problems = [
    ...(Array.isArray(endpoints)
      ? validateProject({ root, handlers: loadHandlers(), endpoints })
      : [endpoints]),
    ...screens,
  ];
  for (const p of problems) console.error(formatProblem(p));
  if (problems.length > 0) {
    console.error(`\nvalidate: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.log(
    "validate: skill package (Amazon's schema and ours), ask-resources.json, handlers, account linking and tracked files are fine",
  );
  return 0;
}

// Amazon's APL validator is asynchronous: the screens are checked first (tools/validate/apl.ts), then the rest.
void validateApl().then((screens) => {
  process.exitCode = main(screens);
});
