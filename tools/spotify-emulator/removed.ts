/**
 * Endpoints Spotify removed for new apps (2024-2026): they answer 403 `{"error":{"status":403,"message":
 * "Forbidden"}}` to any authenticated call, whatever the scopes. A client must never call them.
 */
import type { Route } from './api';
import { forbidden } from './errors';

const gone = (method: string, path: string): Route => ({
  method,
  path,
  handle: () => {
    throw forbidden();
  },
});

export const REMOVED_ROUTES: Route[] = [
  gone('GET', '/playlists/{id}/tracks'),
  gone('POST', '/playlists/{id}/tracks'),
  gone('PUT', '/playlists/{id}/tracks'),
  gone('DELETE', '/playlists/{id}/tracks'),
  gone('POST', '/users/{id}/playlists'),
  gone('GET', '/users/{id}/playlists'),
  gone('PUT', '/me/tracks'),
  gone('DELETE', '/me/tracks'),
  gone('GET', '/me/tracks/contains'),
  gone('GET', '/recommendations'),
  gone('GET', '/artists/{id}/related-artists'),
  gone('GET', '/audio-features'),
  gone('GET', '/audio-features/{id}'),
  gone('GET', '/audio-analysis/{id}'),
  gone('GET', '/browse/featured-playlists'),
  gone('GET', '/browse/categories/{id}/playlists'),
];

/** `METHOD /path` of every removed endpoint (OpenAPI-style placeholders), for tests that scan clients. */
export const REMOVED_ENDPOINTS: string[] = REMOVED_ROUTES.map((r) => `${r.method} /v1${r.path}`);
