/**
 * `npm run validate`: checks the skill package, the handlers, account linking and the tracked files offline.
 * Prints one line per problem (file, JSON path or line, message, rule) and exits 1 when there is any.
 */
import * as path from 'node:path';
import {
  formatProblem,
  validateProject,
  type EndpointInfo,
  type HandlerInfo,
  type Problem,
} from './validate';

const ROOT = path.resolve(__dirname, '../..');

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

function main(): number {
  const endpoints = loadEndpoints();
  const problems = Array.isArray(endpoints)
    ? validateProject({ root: ROOT, handlers: loadHandlers(), endpoints })
    : [endpoints];
  for (const p of problems) console.error(formatProblem(p));
  if (problems.length > 0) {
    console.error(`\nvalidate: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.log('validate: skill package, handlers, account linking and tracked files are fine');
  return 0;
}

process.exitCode = main();
