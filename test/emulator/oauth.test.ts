/**
 * The accounts service as Alexa account linking uses it: /authorize redirects with a code and the caller's
 * state, /api/token exchanges it (HTTP Basic client auth) and refreshes, with Spotify's error bodies.
 */
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { registerSecret } from '../support/log-capture';
import { basic, call, type Answer } from './http';

const ALEXA_REDIRECT = 'https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA';

describe('accounts service', () => {
  let emulator: Emulator;
  let clock: number;
  beforeAll(async () => {
    clock = Date.UTC(2026, 5, 1);
    emulator = await startEmulator({ now: () => clock });
    registerSecret(emulator.clientSecret);
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const authorize = (params: Record<string, string>): Promise<Answer> =>
    call('GET', `${emulator.url}/authorize?${new URLSearchParams(params)}`);

  const location = (a: Answer): URL => new URL(a.headers.get('location')!);

  async function code(
    scope = 'user-read-playback-state user-modify-playback-state',
    redirect = ALEXA_REDIRECT,
  ) {
    const a = await authorize({
      client_id: emulator.clientId,
      response_type: 'code',
      redirect_uri: redirect,
      state: 'xyz',
      scope,
    });
    expect(a.status).toBe(302);
    return location(a).searchParams.get('code')!;
  }

  /** `auth` null: no Authorization header at all. */
  const token = (
    form: Record<string, string>,
    auth: string | null = basic(emulator.clientId, emulator.clientSecret),
  ) => call('POST', `${emulator.url}/api/token`, { form, headers: auth ? { Authorization: auth } : {} });

  function secrets(a: Answer): void {
    const b = a.json as { access_token?: string; refresh_token?: string };
    if (b?.access_token) registerSecret(b.access_token);
    if (b?.refresh_token) registerSecret(b.refresh_token);
  }

  test('authorize approves the demo user and redirects with a code and the exact state', async () => {
    const state = 'a b+c/d=é&x';
    const a = await authorize({
      client_id: emulator.clientId,
      response_type: 'code',
      redirect_uri: ALEXA_REDIRECT,
      state,
      scope: 'user-read-playback-state',
      show_dialog: 'true',
    });
    expect(a.status).toBe(302);
    const to = location(a);
    expect(`${to.origin}${to.pathname}`).toBe(ALEXA_REDIRECT);
    expect(to.searchParams.get('state')).toBe(state);
    expect(to.searchParams.get('code')).toMatch(/^emu-code-/);
  });

  test('every Alexa region and a loopback redirect on any port are registered; localhost is not', async () => {
    for (const r of [
      'https://layla.amazon.com/api/skill/link/VENDOR1',
      'https://alexa.amazon.co.jp/api/skill/link/VENDOR2',
      'http://127.0.0.1:53123/callback',
      'http://127.0.0.1/callback',
    ]) {
      expect(
        (await authorize({ client_id: emulator.clientId, response_type: 'code', redirect_uri: r })).status,
      ).toBe(302);
    }
    for (const r of [
      'http://localhost:53123/callback',
      'https://pitangui.amazon.com/api/skill/link/',
      'https://evil.example/api/skill/link/V',
      'http://127.0.0.1:53123/other',
    ]) {
      const a = await authorize({ client_id: emulator.clientId, response_type: 'code', redirect_uri: r });
      expect(a.status).toBe(400);
      expect(a.headers.get('location')).toBeNull();
      expect(a.text).toContain('INVALID_CLIENT: Invalid redirect URI');
    }
  });

  test('unknown client: 400 without a redirect', async () => {
    const a = await authorize({ client_id: 'nope', response_type: 'code', redirect_uri: ALEXA_REDIRECT });
    expect(a.status).toBe(400);
    expect(a.headers.get('location')).toBeNull();
    expect(a.text).toContain('INVALID_CLIENT: Invalid client');
  });

  test('wrong response_type, unknown scope and a denial redirect with an error and the state', async () => {
    const base = { client_id: emulator.clientId, redirect_uri: ALEXA_REDIRECT, state: 's1' };
    const errorOf = async (p: Record<string, string>) => {
      const to = location(await authorize({ ...base, ...p }));
      expect(to.searchParams.get('state')).toBe('s1');
      expect(to.searchParams.get('code')).toBeNull();
      return to.searchParams.get('error');
    };
    expect(await errorOf({ response_type: 'token' })).toBe('unsupported_response_type');
    expect(await errorOf({ response_type: 'code', scope: 'user-read-playback-state made-up-scope' })).toBe(
      'invalid_scope',
    );
    expect(await errorOf({ response_type: 'code', deny: '1' })).toBe('access_denied');
  });

  test('code exchange: tokens with the granted scopes, expires_in, a refresh token; the access token works', async () => {
    const c = await code('user-read-playback-state');
    const a = await token({ grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT });
    secrets(a);
    expect(a.status).toBe(200);
    expect(a.json).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      scope: 'user-read-playback-state',
      expires_in: 3600,
      refresh_token: expect.any(String),
    });
    const { access_token } = a.json as { access_token: string };
    expect((await call('GET', `${emulator.apiUrl}/me/player/devices`, { token: access_token })).status).toBe(
      200,
    );
    // Only the granted scopes: pausing needs user-modify-playback-state.
    expect((await call('PUT', `${emulator.apiUrl}/me/player/pause`, { token: access_token })).status).toBe(
      403,
    );
  });

  test('the user query picks another seeded user', async () => {
    const a = await authorize({
      client_id: emulator.clientId,
      response_type: 'code',
      redirect_uri: ALEXA_REDIRECT,
      user: 'free',
    });
    const c = location(a).searchParams.get('code')!;
    const t = await token({ grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT });
    secrets(t);
    const me = await call('GET', `${emulator.apiUrl}/me`, {
      token: (t.json as { access_token: string }).access_token,
    });
    expect((me.json as { id: string }).id).toBe('free');
  });

  test('client credentials in the body are accepted too', async () => {
    const c = await code();
    const a = await token(
      {
        grant_type: 'authorization_code',
        code: c,
        redirect_uri: ALEXA_REDIRECT,
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
      },
      null,
    );
    secrets(a);
    expect(a.status).toBe(200);
    expect(emulator.log.at(-1)?.authorization).toBeUndefined();
  });

  test('a code works once; a second exchange is invalid_grant', async () => {
    const c = await code();
    const first = await token({ grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT });
    secrets(first);
    expect(first.status).toBe(200);
    const again = await token({ grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
  });

  test('invalid_grant: unknown code, redirect_uri mismatch, expired code', async () => {
    const unknown = await token({
      grant_type: 'authorization_code',
      code: 'nope',
      redirect_uri: ALEXA_REDIRECT,
    });
    expect(unknown.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });

    const c = await code();
    const mismatch = await token({
      grant_type: 'authorization_code',
      code: c,
      redirect_uri: 'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid redirect URI' });

    const late = await code();
    clock += 10 * 60_000 + 1;
    const expired = await token({
      grant_type: 'authorization_code',
      code: late,
      redirect_uri: ALEXA_REDIRECT,
    });
    expect(expired.json).toEqual({ error: 'invalid_grant', error_description: 'Authorization code expired' });
  });

  test('invalid_client: unknown client, wrong secret, no client auth at all', async () => {
    const c = await code();
    const form = { grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT };
    const wrongId = await token(form, basic('someone', emulator.clientSecret));
    expect(wrongId.status).toBe(400);
    expect(wrongId.json).toEqual({ error: 'invalid_client', error_description: 'Invalid client' });
    const wrongSecret = await token(form, basic(emulator.clientId, 'guess'));
    expect(wrongSecret.json).toEqual({ error: 'invalid_client', error_description: 'Invalid client secret' });
    expect((await token(form, null)).json).toEqual({
      error: 'invalid_client',
      error_description: 'Invalid client',
    });
    // The code survived the failed attempts.
    const ok = await token(form);
    secrets(ok);
    expect(ok.status).toBe(200);
  });

  test('unsupported grant types', async () => {
    for (const grant_type of ['client_credentials', '']) {
      const a = await token({ grant_type });
      expect(a.status).toBe(400);
      expect(a.json).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'grant_type parameter is missing',
      });
    }
  });

  test('refresh: a new access token with the same scopes and no new refresh token; the old token expires', async () => {
    const c = await code('user-read-playback-state');
    const first = await token({ grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT });
    secrets(first);
    const { access_token, refresh_token } = first.json as { access_token: string; refresh_token: string };
    clock += 3600 * 1000;
    const expired = await call('GET', `${emulator.apiUrl}/me/player/devices`, { token: access_token });
    expect(expired.status).toBe(401);
    const r = await token({ grant_type: 'refresh_token', refresh_token });
    secrets(r);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      scope: 'user-read-playback-state',
      expires_in: 3600,
    });
    const fresh = (r.json as { access_token: string }).access_token;
    expect(fresh).not.toBe(access_token);
    expect((await call('GET', `${emulator.apiUrl}/me/player/devices`, { token: fresh })).status).toBe(200);
  });

  test('refresh errors: unknown refresh token, six months after authorization', async () => {
    const bad = await token({ grant_type: 'refresh_token', refresh_token: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });

    const c = await code();
    const t = await token({ grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT });
    secrets(t);
    clock += 183 * 86_400_000;
    const old = await token({
      grant_type: 'refresh_token',
      refresh_token: (t.json as { refresh_token: string }).refresh_token,
    });
    expect(old.status).toBe(400);
    expect((old.json as { error: string }).error).toBe('invalid_grant');
  });
});

describe('accounts service options', () => {
  test('omitExpiresIn leaves expires_in out; tokenTtlSeconds sets the lifetime', async () => {
    let clock = 1_000_000;
    const emulator = await startEmulator({ omitExpiresIn: true, tokenTtlSeconds: 60, now: () => clock });
    try {
      const a = await call(
        'GET',
        `${emulator.url}/authorize?${new URLSearchParams({ client_id: emulator.clientId, response_type: 'code', redirect_uri: ALEXA_REDIRECT })}`,
      );
      const c = new URL(a.headers.get('location')!).searchParams.get('code')!;
      const t = await call('POST', `${emulator.url}/api/token`, {
        form: { grant_type: 'authorization_code', code: c, redirect_uri: ALEXA_REDIRECT },
        headers: { Authorization: basic(emulator.clientId, emulator.clientSecret) },
      });
      const body = t.json as Record<string, string>;
      registerSecret(body.access_token);
      registerSecret(body.refresh_token);
      expect(body).not.toHaveProperty('expires_in');
      expect((await call('GET', `${emulator.apiUrl}/me`, { token: body.access_token })).status).toBe(200);
      clock += 60_000;
      const late = await call('GET', `${emulator.apiUrl}/me`, { token: body.access_token });
      expect(late.status).toBe(401);
    } finally {
      await emulator.close();
    }
  });
});
