/**
 * Account linking as Alexa does it, against the emulator's accounts service over real HTTP: the code flow
 * with `state`, both token schemes, refresh on expiry, `defaultTokenExpirationInSeconds`, and the failures.
 */
import * as path from 'node:path';
import {
  AccountLinker,
  browserlessAuthorize,
  LinkingError,
  readAccountLinking,
  withAccountsOrigin,
  type AccountLinkingConfig,
  type Authorize,
} from '../../tools/console/linking';
import {
  REFRESH_TOKEN_TTL_MS,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from '../../tools/spotify-emulator';
import { registerSecret } from '../support/log-capture';

const ROOT = path.resolve(__dirname, '..', '..');
const REDIRECT = 'http://127.0.0.1/callback';
const TEMPLATE = readAccountLinking(path.join(ROOT, 'accountLinking.json'));

let clock = Date.now();
let emulator: Emulator;

async function emulatorWith(options: EmulatorOptions = {}): Promise<Emulator> {
  emulator = await startEmulator({ now: () => clock, ...options });
  return emulator;
}

function configFor(e: Emulator, extra: Partial<AccountLinkingConfig> = {}): AccountLinkingConfig {
  return {
    ...withAccountsOrigin(TEMPLATE, e.url),
    clientId: e.clientId,
    clientSecret: e.clientSecret,
    ...extra,
  };
}

function linker(
  e: Emulator,
  extra: Partial<AccountLinkingConfig> = {},
  authorize?: Authorize,
): AccountLinker {
  return new AccountLinker({
    config: configFor(e, extra),
    redirectUri: REDIRECT,
    authorize: authorize ?? browserlessAuthorize(),
    now: () => clock,
  });
}

function secrets(l: AccountLinker): void {
  const t = l.current;
  if (t) {
    registerSecret(t.accessToken);
    if (t.refreshToken) registerSecret(t.refreshToken);
  }
}

/** The pieces of the emulator's log for the accounts service. */
const accountsLog = () =>
  emulator.log
    .filter((r) => r.path === '/authorize' || r.path === '/api/token')
    .map((r) => ({ method: r.method, path: r.path, status: r.status }));

beforeEach(() => {
  clock = Date.now();
});
afterEach(() => emulator?.close());

describe('accountLinking.json', () => {
  test('is read as the AUTH_CODE template and moved to the emulator origin path by path', () => {
    expect(TEMPLATE).toMatchObject({ type: 'AUTH_CODE', accessTokenScheme: 'HTTP_BASIC' });
    const moved = withAccountsOrigin(TEMPLATE, 'http://127.0.0.1:9');
    expect(moved.authorizationUrl).toBe('http://127.0.0.1:9/authorize');
    expect(moved.accessTokenUrl).toBe('http://127.0.0.1:9/api/token');
  });
});

describe('linking: the authorization-code flow', () => {
  test('authorize with the scopes and a state, exchange the code with HTTP Basic client auth, tokens work', async () => {
    const e = await emulatorWith();
    const l = linker(e);
    const tokens = await l.link();
    secrets(l);
    expect(accountsLog()).toEqual([
      { method: 'GET', path: '/authorize', status: 302 },
      { method: 'POST', path: '/api/token', status: 200 },
    ]);
    const authorize = e.log.find((r) => r.path === '/authorize')!;
    expect(authorize.query).toMatchObject({
      client_id: 'emu-client-id',
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: TEMPLATE.scopes.join(' '),
    });
    expect(authorize.query.state).toMatch(/^[0-9a-f]{32}$/);
    const token = e.log.find((r) => r.path === '/api/token')!;
    expect(token.authorization).toBe(
      `Basic ${Buffer.from('emu-client-id:emu-client-secret').toString('base64')}`,
    );
    expect(token.body).toMatchObject({ grant_type: 'authorization_code', redirect_uri: REDIRECT });
    expect(token.body).not.toHaveProperty('client_secret');
    expect(tokens.expiresAt).toBe(clock + 3600 * 1000);
    expect(tokens.refreshToken).toBeTruthy();
    expect(e.state.tokens.get(tokens.accessToken)?.userId).toBe('demo');
  });

  test('CREDENTIALS_IN_BODY sends the client id and secret as form fields, no Authorization header', async () => {
    const e = await emulatorWith();
    const l = linker(e, { accessTokenScheme: 'CREDENTIALS_IN_BODY' });
    await l.link();
    secrets(l);
    const token = e.log.find((r) => r.path === '/api/token')!;
    expect(token.authorization).toBeUndefined();
    expect(token.body).toMatchObject({ client_id: 'emu-client-id', client_secret: 'emu-client-secret' });
    expect(token.status).toBe(200);
  });

  test('a state that comes back changed is refused before any code exchange', async () => {
    const e = await emulatorWith();
    const tampering: Authorize = async (url) => {
      const back = new URL(await browserlessAuthorize()(url));
      back.searchParams.set('state', 'forged');
      return back.toString();
    };
    const l = linker(e, {}, tampering);
    await expect(l.link()).rejects.toMatchObject({ name: 'LinkingError', code: 'state_mismatch' });
    expect(accountsLog().map((c) => c.path)).toEqual(['/authorize']);
    expect(l.linked).toBe(false);
  });

  test('the user pressing Cancel (error=access_denied) is a LinkingError', async () => {
    const e = await emulatorWith();
    const l = linker(e, { authorizationUrl: `${e.url}/authorize?deny=1` });
    await expect(l.link()).rejects.toMatchObject({ code: 'access_denied' });
  });

  test('a wrong client secret: invalid_client with the error_description, status 400', async () => {
    const e = await emulatorWith();
    const l = linker(e, { clientSecret: 'not-the-secret' });
    registerSecret('not-the-secret');
    const error = await l.link().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(LinkingError);
    expect(error).toMatchObject({ code: 'invalid_client', status: 400 });
    expect((error as LinkingError).description.length).toBeGreaterThan(0);
  });

  test('an unknown client id: the authorization page answers 400 without a redirect', async () => {
    const e = await emulatorWith();
    const l = linker(e, { clientId: 'someone-else' });
    await expect(l.link()).rejects.toMatchObject({ code: 'http_400', status: 400 });
  });

  test('an accounts service that is not there: unreachable, bounded by the timeout', async () => {
    const e = await emulatorWith();
    const origin = e.url;
    await e.close();
    const l = linker(e, {
      authorizationUrl: `${origin}/authorize`,
      accessTokenUrl: `${origin}/api/token`,
    });
    await expect(l.link()).rejects.toMatchObject({ name: 'LinkingError', code: 'unreachable' });
  });
});

describe('linking: expiry and refresh', () => {
  test('a fresh token is used as it is; an expired one is refreshed with the refresh token first', async () => {
    const e = await emulatorWith();
    const l = linker(e);
    const first = await l.link();
    secrets(l);
    expect(await l.accessToken()).toEqual({
      state: 'linked',
      accessToken: first.accessToken,
      refreshed: false,
    });

    clock += 3600 * 1000; // the hour is over
    const outcome = await l.accessToken();
    secrets(l);
    expect(outcome).toMatchObject({ state: 'linked', refreshed: true });
    const refresh = e.log.filter((r) => r.path === '/api/token').at(-1)!;
    expect(refresh.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: first.refreshToken });
    expect(refresh.status).toBe(200);
    // Spotify sent no new refresh token: the old one is kept for next time.
    expect(l.current?.refreshToken).toBe(first.refreshToken);
    expect(l.current?.accessToken).not.toBe(first.accessToken);
    expect(l.current?.expiresAt).toBe(clock + 3600 * 1000);
  });

  test('without expires_in in the token response, defaultTokenExpirationInSeconds (1800) decides', async () => {
    const e = await emulatorWith({ omitExpiresIn: true });
    const l = linker(e);
    const tokens = await l.link();
    secrets(l);
    expect(TEMPLATE.defaultTokenExpirationInSeconds).toBe(1800);
    expect(tokens.expiresAt).toBe(clock + 1800 * 1000);
    clock += 1799 * 1000;
    expect(await l.accessToken()).toMatchObject({ refreshed: false });
    clock += 1000;
    expect(await l.accessToken()).toMatchObject({ state: 'linked', refreshed: true });
    secrets(l);
  });

  test(':expire marks the token expired now, so the next turn refreshes', async () => {
    const e = await emulatorWith();
    const l = linker(e);
    await l.link();
    l.expire();
    expect(l.expired()).toBe(true);
    expect(await l.accessToken()).toMatchObject({ refreshed: true });
    secrets(l);
  });

  test('a refresh token past its six months: invalid_grant, and the account is unlinked', async () => {
    const e = await emulatorWith();
    const l = linker(e);
    await l.link();
    secrets(l);
    clock += REFRESH_TOKEN_TTL_MS + 1000;
    const outcome = await l.accessToken();
    expect(outcome).toMatchObject({ state: 'unlinked' });
    expect(outcome.state === 'unlinked' && outcome.reason).toMatch(/invalid_grant/);
    expect(l.linked).toBe(false);
    expect(e.log.at(-1)).toMatchObject({ path: '/api/token', status: 400 });
  });

  test('a refresh that fails for a passing reason (503) keeps the link and sends the old token', async () => {
    const e = await emulatorWith();
    const l = linker(e);
    const first = await l.link();
    secrets(l);
    e.faults.add({ method: 'POST', path: '/api/token', status: 503, body: '' });
    clock += 3600 * 1000;
    expect(await l.accessToken()).toMatchObject({ state: 'stale', accessToken: first.accessToken });
    expect(l.linked).toBe(true);
    expect(await l.accessToken()).toMatchObject({ state: 'linked', refreshed: true });
    secrets(l);
  });

  test('a token given directly (SPOTIFY_ACCESS_TOKEN) cannot be refreshed: unlinked when it expires', async () => {
    const e = await emulatorWith();
    const l = linker(e);
    const token = e.issueToken('demo');
    registerSecret(token);
    l.useAccessToken(token, 60);
    expect(await l.accessToken()).toMatchObject({ state: 'linked', accessToken: token });
    clock += 61 * 1000;
    expect(await l.accessToken()).toMatchObject({ state: 'unlinked' });
  });
});
