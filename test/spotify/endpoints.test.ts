/**
 * The endpoint table is data the validator and the contract test read: its scopes must be exactly what
 * account linking asks for, and nothing in it may be a removed endpoint.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ENDPOINTS,
  REMOVED_ENDPOINTS,
  endpoint,
  fillPath,
  removedEndpoint,
  requiredScopes,
} from '../../lambda/src/spotify/endpoints';

const ROOT = path.resolve(__dirname, '../..');

describe('ENDPOINTS', () => {
  test("the union of the table's scopes is exactly accountLinking.json's scope list", () => {
    const linking = JSON.parse(fs.readFileSync(path.join(ROOT, 'accountLinking.json'), 'utf8'));
    const asked: string[] = linking.accountLinkingRequest.scopes;
    expect(requiredScopes()).toEqual([...asked].sort());
    expect(new Set(asked).size).toBe(asked.length);
  });

  test('every scope is used by at least one endpoint, and GET /me needs none', () => {
    expect(endpoint('me.get').scopes).toEqual([]);
    for (const scope of requiredScopes()) {
      expect(ENDPOINTS.filter((e) => (e.scopes as readonly string[]).includes(scope)).length).toBeGreaterThan(
        0,
      );
    }
  });

  test('ids are unique; each method+path appears once', () => {
    expect(new Set(ENDPOINTS.map((e) => e.id)).size).toBe(ENDPOINTS.length);
    expect(new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`)).size).toBe(ENDPOINTS.length);
  });

  test('no entry is a removed endpoint', () => {
    expect(ENDPOINTS.filter((e) => removedEndpoint(e.method, e.path))).toEqual([]);
  });

  test('only GET and PUT are idempotent; every POST is not (no blind retry of add, create, next, queue)', () => {
    for (const e of ENDPOINTS) expect([e.id, e.idempotent]).toEqual([e.id, e.method !== 'POST']);
    expect(ENDPOINTS.filter((e) => e.method === 'POST').map((e) => e.id)).toEqual([
      'player.next',
      'player.previous',
      'player.queue',
      'playlists.addItems',
      'playlists.create',
    ]);
  });

  test('the 2026 paths: playlist items, create under /me, save to /me/library', () => {
    expect(endpoint('playlists.items').path).toBe('/playlists/{id}/items');
    expect(endpoint('playlists.addItems')).toMatchObject({ method: 'POST', path: '/playlists/{id}/items' });
    expect(endpoint('playlists.create')).toMatchObject({ method: 'POST', path: '/me/playlists' });
    expect(endpoint('library.save')).toMatchObject({ method: 'PUT', path: '/me/library' });
  });
});

describe('removedEndpoint', () => {
  test.each([
    ['GET', '/v1/playlists/abc/tracks'],
    ['POST', '/v1/playlists/abc/tracks'],
    ['POST', '/v1/users/demo/playlists'],
    ['PUT', '/v1/me/tracks'],
    ['DELETE', '/me/tracks'],
    ['GET', '/v1/me/tracks/contains'],
    ['GET', '/v1/recommendations'],
    ['GET', '/v1/artists/x/related-artists'],
    ['GET', '/v1/audio-features/x'],
    ['GET', '/v1/audio-features'],
    ['GET', '/v1/browse/featured-playlists'],
    ['GET', '/v1/browse/categories/party/playlists'],
  ])('%s %s is removed', (method, p) => {
    expect(removedEndpoint(method, p)).toBeDefined();
  });

  test.each([
    ['GET', '/v1/me/tracks'],
    ['GET', '/v1/playlists/abc/items'],
    ['POST', '/v1/playlists/abc/items'],
    ['GET', '/v1/me/playlists'],
    ['POST', '/v1/me/playlists'],
    ['PUT', '/v1/me/library'],
    ['GET', '/v1/playlists/tracks'],
  ])('%s %s is current', (method, p) => {
    expect(removedEndpoint(method, p)).toBeUndefined();
  });

  test('the list names every removal the 2026 changes made', () => {
    const names = REMOVED_ENDPOINTS.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /playlists/{id}/tracks',
        'POST /playlists/{id}/tracks',
        'POST /users/{id}/playlists',
        'PUT /me/tracks',
        'DELETE /me/tracks',
        'GET /me/tracks/contains',
        '* /recommendations',
        '* /artists/{id}/related-artists',
        '* /audio-features/{id}',
        '* /browse/featured-playlists',
        '* /browse/categories/{id}/playlists',
      ]),
    );
  });
});

describe('fillPath', () => {
  test('encodes every path parameter so an id cannot walk to another path', () => {
    expect(fillPath('/playlists/{id}/items', { id: 'abc' })).toBe('/playlists/abc/items');
    expect(fillPath('/playlists/{id}/items', { id: '../../me/tracks?x=1#' })).toBe(
      '/playlists/%2E%2E%2F%2E%2E%2Fme%2Ftracks%3Fx%3D1%23/items',
    );
    expect(fillPath('/playlists/{id}', { id: '..' })).toBe('/playlists/%2E%2E');
  });

  test('a missing parameter is a programming error, not a request to a wrong path', () => {
    expect(() => fillPath('/playlists/{id}', {})).toThrow(TypeError);
    expect(() => fillPath('/playlists/{id}', { id: '' })).toThrow(TypeError);
  });
});
