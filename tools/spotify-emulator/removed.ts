/**
 * Endpoints Spotify removed for new apps (2024-2026): they answer 403 `{"error":{"status":403,"message":
 * "Forbidden"}}` to any authenticated call, whatever the scopes. The list is the client's own
 * (lambda/src/spotify/endpoints.ts REMOVED_ENDPOINTS, with the reason for each), so the emulator and the
 * client can never disagree about what is gone; test/spotify/contract.test.ts checks it against the OpenAPI
 * description's `deprecated` flags.
 */
import { REMOVED_ENDPOINTS as GONE } from '../../lambda/src/spotify/endpoints';
import type { Route } from './api';
import { forbidden } from './errors';

/** An entry for every method ('*') is served for GET, the only method those read-only endpoints had. */
export const REMOVED_ROUTES: Route[] = GONE.map((r) => ({
  method: r.method === '*' ? 'GET' : r.method,
  path: r.path,
  handle: () => {
    throw forbidden();
  },
}));

/** `METHOD /v1/path` of every removed endpoint (OpenAPI-style placeholders), for tests that scan clients. */
export const REMOVED_ENDPOINTS: string[] = REMOVED_ROUTES.map((r) => `${r.method} /v1${r.path}`);
