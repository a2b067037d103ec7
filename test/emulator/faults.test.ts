/**
 * Fault injection (programmatic and over the admin API), the request log and reset: the tools the client's
 * tests use to make the emulator misbehave exactly like Spotify, and to count the calls.
 */
import { DEV_KITCHEN, startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { registerSecret } from '../support/log-capture';
import { call, errorOf } from './http';

describe('fault injection', () => {
  let emulator: Emulator;
  let token: string;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    token = emulator.issueToken('demo');
    registerSecret(token);
  });
  const api = (
    method: string,
    path: string,
    opts: { timeoutMs?: number; token?: string | null; body?: unknown } = {},
  ) =>
    call(method, `${emulator.apiUrl}${path}`, {
      token: opts.token === null ? undefined : (opts.token ?? token),
      timeoutMs: opts.timeoutMs,
      body: opts.body,
    });

  test('status, reason and message: Spotify JSON error body; consumed after one use', async () => {
    emulator.faults.add({
      method: 'PUT',
      path: '/v1/me/player/pause',
      status: 403,
      reason: 'PREMIUM_REQUIRED',
      message: 'Player command failed: Premium required',
    });
    expect(emulator.faults.pending()).toBe(1);
    const a = await api('PUT', '/me/player/pause');
    expect(a.status).toBe(403);
    expect(a.headers.get('content-type')).toMatch(/application\/json/);
    expect(a.json).toEqual({
      error: { status: 403, message: 'Player command failed: Premium required', reason: 'PREMIUM_REQUIRED' },
    });
    expect(emulator.faults.pending()).toBe(0);
    // The real answer again: nothing is active.
    const b = await api('PUT', '/me/player/pause');
    expect([b.status, errorOf(b).reason]).toEqual([404, 'NO_ACTIVE_DEVICE']);
  });

  test('429 with Retry-After', async () => {
    emulator.faults.add({ path: '/v1/me/player', status: 429, headers: { 'Retry-After': '2' } });
    const a = await api('GET', '/me/player');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('2');
    expect(errorOf(a)).toEqual({ status: 429, message: 'API rate limit exceeded' });
  });

  test.each([
    ['an empty 503', { status: 503, body: '' }, 503, '', null],
    [
      'an HTML 502',
      { status: 502, body: '<html><body>Bad Gateway</body></html>', contentType: 'text/html' },
      502,
      '<html><body>Bad Gateway</body></html>',
      'text/html',
    ],
    [
      'plain-text 403 "user not registered"',
      { status: 403, body: 'user not registered', contentType: 'text/plain' },
      403,
      'user not registered',
      'text/plain',
    ],
    [
      'truncated JSON with 200',
      { status: 200, body: '{"devices":[{"id":"dev-k', contentType: 'application/json' },
      200,
      '{"devices":[{"id":"dev-k',
      'application/json',
    ],
  ])('raw bodies: %s', async (_name, fault, status, text, type) => {
    emulator.faults.add({ path: '/v1/me/player/devices', ...fault });
    const a = await api('GET', '/me/player/devices');
    expect(a.status).toBe(status);
    expect(a.text).toBe(text);
    expect(a.headers.get('content-type')).toBe(type);
  });

  test('faults apply before authentication (Spotify itself misbehaving)', async () => {
    emulator.faults.add({ path: '/v1/me', status: 500 });
    expect((await api('GET', '/me', { token: null })).status).toBe(500);
    expect((await api('GET', '/me', { token: null })).status).toBe(401);
  });

  test('delay: answered normally, later; a client with a shorter timeout gives up', async () => {
    emulator.faults.add({ path: '/v1/me', delayMs: 150 });
    const a = await api('GET', '/me');
    expect(a.status).toBe(200);
    expect(emulator.log.at(-1)!.ms).toBeGreaterThanOrEqual(140);
    emulator.faults.add({ path: '/v1/me', delayMs: 400, status: 503 });
    await expect(api('GET', '/me', { timeoutMs: 50 })).rejects.toThrow();
  });

  test('hang: never answered; logged with status 0', async () => {
    emulator.faults.add({ path: '/v1/me/player', hang: true });
    await expect(api('GET', '/me/player', { timeoutMs: 100 })).rejects.toThrow(/abort|timeout/i);
    expect(emulator.log.at(-1)).toMatchObject({ path: '/v1/me/player', status: 0 });
    expect(emulator.log.at(-1)!.ms).toBeUndefined();
  });

  test('reset: the socket is destroyed; logged with status 0', async () => {
    emulator.faults.add({ path: '/v1/me/player/devices', reset: true });
    await expect(api('GET', '/me/player/devices')).rejects.toThrow();
    expect(emulator.log.at(-1)).toMatchObject({ path: '/v1/me/player/devices', status: 0 });
    expect((await api('GET', '/me/player/devices')).status).toBe(200);
  });

  test('times: N uses, then normal; Infinity until cleared', async () => {
    emulator.faults.add({ path: '/v1/me', status: 502, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('GET', '/me')).status);
    expect(statuses).toEqual([502, 502, 200]);
    emulator.faults.add({ path: '/v1/me', status: 500, times: Infinity });
    for (let i = 0; i < 4; i++) expect((await api('GET', '/me')).status).toBe(500);
    expect(emulator.faults.pending()).toBe(1);
    emulator.faults.clear();
    expect((await api('GET', '/me')).status).toBe(200);
  });

  test('matching: method, glob, RegExp; first matching fault wins, others untouched', async () => {
    emulator.faults.add({ method: 'POST', path: '/v1/me/player*', status: 500 });
    expect((await api('GET', '/me/player')).status).toBe(204);
    expect((await api('POST', '/me/player/next')).status).toBe(500);
    emulator.faults.add({ path: /\/items$/, status: 503 });
    emulator.faults.add({ path: '/v1/playlists/*', status: 504 });
    expect((await api('GET', '/me/playlists')).status).toBe(200);
    expect((await api('GET', '/playlists/pl-workout-mix/items')).status).toBe(503);
    expect((await api('GET', '/playlists/pl-workout-mix/items')).status).toBe(504);
    expect(emulator.faults.pending()).toBe(0);
  });

  test('headers alone decorate the normal answer', async () => {
    emulator.faults.add({ path: '/v1/me', headers: { 'X-Extra': 'yes' } });
    const a = await api('GET', '/me');
    expect(a.status).toBe(200);
    expect(a.headers.get('x-extra')).toBe('yes');
  });

  test('the accounts service can fail too', async () => {
    emulator.faults.add({ path: '/api/token', status: 503, body: '' });
    const a = await call('POST', `${emulator.url}/api/token`, {
      form: { grant_type: 'refresh_token', refresh_token: 'x' },
    });
    expect(a.status).toBe(503);
  });

  test('a fault needs a path; times must be positive', () => {
    expect(() => emulator.faults.add({} as never)).toThrow();
    expect(() => emulator.faults.add({ path: '/v1/me', times: 0 })).toThrow();
  });
});

describe('request log', () => {
  test('every request in order with method, path, query, body, authorization, status, at and ms', async () => {
    const emulator = await startEmulator();
    try {
      const token = emulator.issueToken('demo');
      registerSecret(token);
      const demo = emulator.state.users.get('demo')!;
      demo.player = { ...demo.player, deviceId: DEV_KITCHEN, trackId: 't-dont-stop', isPlaying: true };
      await call('GET', `${emulator.apiUrl}/me/player?additional_types=episode`, { token });
      await call('PUT', `${emulator.apiUrl}/me/player/play?device_id=${DEV_KITCHEN}`, {
        token,
        body: { context_uri: 'spotify:album:al-jazz' },
      });
      await call('GET', `${emulator.apiUrl}/me`);
      expect(
        emulator.log.map(({ method, path, query, body, authorization, status }) => ({
          method,
          path,
          query,
          body,
          authorization,
          status,
        })),
      ).toEqual([
        {
          method: 'GET',
          path: '/v1/me/player',
          query: { additional_types: 'episode' },
          body: undefined,
          authorization: `Bearer ${token}`,
          status: 200,
        },
        {
          method: 'PUT',
          path: '/v1/me/player/play',
          query: { device_id: DEV_KITCHEN },
          body: { context_uri: 'spotify:album:al-jazz' },
          authorization: `Bearer ${token}`,
          status: 204,
        },
        { method: 'GET', path: '/v1/me', query: {}, body: undefined, authorization: undefined, status: 401 },
      ]);
      const [a, b] = emulator.log;
      expect(b.at).toBeGreaterThanOrEqual(a.at + a.ms!);
      expect(typeof a.ms).toBe('number');
    } finally {
      await emulator.close();
    }
  });

  test('close() ends hung requests and is idempotent', async () => {
    const emulator = await startEmulator();
    emulator.faults.add({ path: '/v1/me', hang: true });
    const pending = call('GET', `${emulator.apiUrl}/me`, { timeoutMs: 5000 });
    // Wait (bounded) until the request has arrived.
    for (let i = 0; i < 100 && emulator.log.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(emulator.log).toHaveLength(1);
    await Promise.all([emulator.close(), emulator.close()]);
    await expect(pending).rejects.toThrow();
  });
});

describe('admin API', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, `${emulator.url}/__admin${path}`, { body });

  test('faults over HTTP: a glob or a regex; DELETE clears; admin calls are not logged', async () => {
    emulator.reset();
    expect(
      (
        await admin('POST', '/faults', {
          path: '/v1/me',
          status: 429,
          headers: { 'Retry-After': '1' },
          times: 2,
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin('POST', '/faults', { method: 'GET', path: { regex: '^/v1/search$' }, status: 500 })).json,
    ).toEqual({ pending: 2 });
    expect((await admin('POST', '/faults', { path: 42 })).status).toBe(400);
    expect((await call('GET', `${emulator.apiUrl}/me`)).status).toBe(429);
    expect((await call('GET', `${emulator.apiUrl}/search?q=x&type=track`)).status).toBe(500);
    expect((await admin('DELETE', '/faults')).json).toEqual({ pending: 0 });
    expect((await call('GET', `${emulator.apiUrl}/me`)).status).toBe(401);
    expect(emulator.log.map((e) => e.path)).toEqual(['/v1/me', '/v1/search', '/v1/me']);
  });

  test('token, log (redacted), state and reset', async () => {
    emulator.reset();
    const t = (await admin('POST', '/token', { user: 'free', scopes: ['user-read-playback-state'] }))
      .json as { access_token: string };
    registerSecret(t.access_token);
    expect(
      (await call('GET', `${emulator.apiUrl}/me/player/devices`, { token: t.access_token })).status,
    ).toBe(200);
    expect((await admin('POST', '/token', { user: 'nobody' })).status).toBe(400);
    const log = (await admin('GET', '/log')).json as Array<{ authorization: string }>;
    expect(log).toHaveLength(1);
    expect(log[0].authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(log)).not.toContain(t.access_token);
    const state = (await admin('GET', '/state')).json as {
      users: Array<{ id: string; playlists: unknown[] }>;
      tokens: number;
    };
    expect(state.users.find((u) => u.id === 'demo')!.playlists).toHaveLength(64);
    expect(JSON.stringify(state)).not.toContain(t.access_token);
    emulator.state.users.get('demo')!.player.isPlaying = true;
    expect((await admin('POST', '/reset')).status).toBe(200);
    expect(emulator.log).toHaveLength(0);
    expect(emulator.state.users.get('demo')!.player.isPlaying).toBe(false);
    // Tokens survive a reset.
    expect(
      (await call('GET', `${emulator.apiUrl}/me/player/devices`, { token: t.access_token })).status,
    ).toBe(200);
    expect((await admin('GET', '/nothing')).status).toBe(404);
  });
});
