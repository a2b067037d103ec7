/**
 * The OpenAPI helper has its own tests: it must reject what the spec forbids (or the contract test could not
 * fail), and accept the real-world deviations SOURCE.md lists.
 */
import { findOperation, loadSpec, validateRequest, validateResponse } from './openapi';

test('the description loads from the repository copy, and a missing file is an error, not a skip', () => {
  expect(loadSpec().operations.length).toBeGreaterThan(50);
  expect(() => loadSpec('/nonexistent/spotify-open-api.yml')).toThrow(/OpenAPI description is missing/);
  loadSpec(); // back to the real one for the tests below
});

const track = {
  type: 'track',
  id: 't1',
  uri: 'spotify:track:t1',
  name: 'Song',
  duration_ms: 1000,
  artists: [{ id: 'a', name: 'A', type: 'artist', uri: 'spotify:artist:a' }],
  album: {
    album_type: 'album',
    total_tracks: 1,
    available_markets: [],
    external_urls: { spotify: 'x' },
    href: 'x',
    id: 'al',
    images: [{ url: 'https://i', height: 640, width: 640 }],
    name: 'Album',
    release_date: '2020',
    release_date_precision: 'year',
    type: 'album',
    uri: 'spotify:album:al',
    artists: [],
  },
};
const paging = (items: unknown[]) => ({
  href: 'h',
  limit: 20,
  next: null,
  offset: 0,
  previous: null,
  total: items.length,
  items,
});

describe('findOperation', () => {
  test('maps concrete paths with or without /v1 and a query to the spec template', () => {
    expect(findOperation('GET', '/v1/playlists/abc/items?limit=5')?.path).toBe(
      '/playlists/{playlist_id}/items',
    );
    expect(findOperation('PUT', 'http://127.0.0.1:1/v1/me/player/pause')?.operationId).toBe(
      'pause-a-users-playback',
    );
    expect(findOperation('GET', '/me/player')?.scopes).toEqual(['user-read-playback-state']);
  });
  test('reports deprecated (removed) endpoints and unknown ones', () => {
    expect(findOperation('GET', '/v1/playlists/abc/tracks')?.deprecated).toBe(true);
    expect(findOperation('POST', '/v1/playlists/abc/items')?.deprecated).toBe(false);
    expect(findOperation('GET', '/v1/no/such/thing')).toBeUndefined();
  });
});

describe('validateResponse', () => {
  test('accepts a well-formed playback state with nulls and the real actions.disallows shape', () => {
    const r = validateResponse('GET', '/v1/me/player', 200, {
      device: { id: null, is_active: true, name: 'Speaker', type: 'Speaker', volume_percent: null },
      context: null,
      progress_ms: null,
      is_playing: true,
      item: track,
      currently_playing_type: 'track',
      actions: { disallows: { resuming: true } },
      smart_shuffle: false,
    });
    expect(r.errors).toEqual([]);
  });
  test('rejects wrong types deep inside $refs', () => {
    const bad = { ...track, album: { ...track.album, images: [{ url: 5, height: 1, width: 1 }] } };
    const r = validateResponse('GET', '/v1/me/player', 200, { item: bad, is_playing: 'yes' });
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(/is_playing/);
    expect(r.errors.join('\n')).toMatch(/images\/0\/url/);
  });
  test('paging: null entries are fine, a missing total is not', () => {
    expect(validateResponse('GET', '/v1/me/playlists', 200, paging([null])).valid).toBe(true);
    const { total: _t, ...noTotal } = paging([]);
    expect(validateResponse('GET', '/v1/me/playlists', 200, noTotal).valid).toBe(false);
  });
  test('devices must be there', () => {
    expect(validateResponse('GET', '/v1/me/player/devices', 200, { devices: [] }).valid).toBe(true);
    expect(validateResponse('GET', '/v1/me/player/devices', 200, {}).valid).toBe(false);
  });
  test('errors: reason allowed, message required; undocumented statuses get the generic envelope', () => {
    const e = {
      error: {
        status: 404,
        message: 'Player command failed: No active device found',
        reason: 'NO_ACTIVE_DEVICE',
      },
    };
    const r = validateResponse('PUT', '/v1/me/player/pause', 404, e);
    expect(r).toMatchObject({ valid: true, documented: false });
    expect(validateResponse('PUT', '/v1/me/player/pause', 403, { error: { status: 403 } }).valid).toBe(false);
    expect(validateResponse('GET', '/v1/me', 200, 'not json').valid).toBe(false);
  });
  test('204: documented or known to be real, and without a body', () => {
    expect(validateResponse('GET', '/v1/me/player', 204, undefined).valid).toBe(true);
    expect(validateResponse('GET', '/v1/me/player/currently-playing', 204, undefined).valid).toBe(true);
    expect(validateResponse('GET', '/v1/me/player/devices', 204, undefined).valid).toBe(false);
    expect(validateResponse('PUT', '/v1/me/player/pause', 204, { x: 1 }).valid).toBe(false);
  });
});

describe('validateRequest', () => {
  test('a good request passes', () => {
    expect(validateRequest('GET', '/v1/search?q=queen&type=artist,track&limit=10', undefined).errors).toEqual(
      [],
    );
    expect(
      validateRequest('PUT', '/v1/me/player/play?device_id=d', {
        context_uri: 'spotify:album:x',
        offset: { position: 0 },
      }).errors,
    ).toEqual([]);
  });
  test('search limit above 10, a bad type, a missing required parameter, an unknown one', () => {
    expect(validateRequest('GET', '/v1/search?q=q&type=track&limit=11', undefined).valid).toBe(false);
    expect(validateRequest('GET', '/v1/search?q=q&type=song', undefined).valid).toBe(false);
    expect(validateRequest('PUT', '/v1/me/player/repeat', undefined).errors).toContain(
      'missing required query parameter state',
    );
    expect(validateRequest('GET', '/v1/me/player?colour=red', undefined).errors).toContain(
      'unknown query parameter colour',
    );
  });
  test('deprecated endpoints and ill-typed bodies are reported', () => {
    expect(validateRequest('POST', '/v1/playlists/p/tracks', { uris: [] }).errors[0]).toMatch(/deprecated/);
    expect(validateRequest('PUT', '/v1/me/player', { device_ids: 'x' }).valid).toBe(false);
  });
});
