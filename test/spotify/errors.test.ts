/**
 * Every error code, each produced by a real emulator answer over HTTP (the state Spotify would be in, or an
 * injected fault where only a misbehaving Spotify produces it). Assertions are on `code`, class, `status`
 * and `reason`, never on Spotify's message text.
 */
import {
  BadRequestError,
  BadResponseError,
  DeviceNotFoundError,
  NoActiveDeviceError,
  NotAllowlistedError,
  NotFoundError,
  PremiumRequiredError,
  RateLimitedError,
  RestrictedError,
  SpotifyError,
  SpotifyTimeoutError,
  TokenInvalidError,
  UnavailableError,
  errorFromResponse,
  parseRetryAfter,
} from '../../lambda/src/spotify/errors';
import type { SpotifyClient } from '../../lambda/src/spotify/client';
import { failure, startRig, type Rig } from './rig';

const KITCHEN = 'dev-kitchen';

describe('Spotify errors from real emulator answers', () => {
  let rig: Rig;
  let spotify: SpotifyClient;

  beforeEach(async () => {
    rig = await startRig();
    spotify = rig.client();
  });
  afterEach(() => rig.close());

  const demo = () => rig.emulator.state.users.get('demo')!;
  const kitchenPlaying = (isPlaying = true) => {
    const u = demo();
    u.player = {
      ...u.player,
      deviceId: KITCHEN,
      trackId: 't-bohemian',
      contextUri: null,
      uris: ['spotify:track:t-bohemian'],
      isPlaying,
    };
  };

  test('TOKEN_INVALID: an unknown token (401)', async () => {
    const err = await failure(rig.client({ token: 'not-a-token-we-issued' }).player.pause());
    expect(err).toBeInstanceOf(TokenInvalidError);
    expect(err).toMatchObject({ code: 'TOKEN_INVALID', status: 401, name: 'TokenInvalidError' });
  });

  test('TOKEN_INVALID: an expired token (401), on any endpoint', async () => {
    const token = rig.issue('demo');
    rig.emulator.expireToken(token);
    const err = await failure(rig.client({ token }).me.get());
    expect(err).toMatchObject({ code: 'TOKEN_INVALID', status: 401 });
  });

  test('PREMIUM_REQUIRED: a free account sends a player command (403 PREMIUM_REQUIRED)', async () => {
    const free = rig.client({ token: rig.issue('free') });
    const err = await failure(free.player.pause());
    expect(err).toBeInstanceOf(PremiumRequiredError);
    expect(err).toMatchObject({ code: 'PREMIUM_REQUIRED', status: 403, reason: 'PREMIUM_REQUIRED' });
  });

  test('NO_ACTIVE_DEVICE: pause with nothing active (404 NO_ACTIVE_DEVICE)', async () => {
    const err = await failure(spotify.player.pause());
    expect(err).toBeInstanceOf(NoActiveDeviceError);
    expect(err).toMatchObject({ code: 'NO_ACTIVE_DEVICE', status: 404, reason: 'NO_ACTIVE_DEVICE' });
  });

  test('DEVICE_NOT_FOUND: a stale device id (404 without a reason on a player call)', async () => {
    kitchenPlaying();
    for (const call of [
      () => spotify.player.pause('dev-gone'),
      () => spotify.player.transfer('dev-gone', true),
      () => spotify.player.setVolume(20, 'dev-gone'),
      () => spotify.player.play({ deviceId: 'dev-gone' }),
    ]) {
      const err = await failure(call());
      expect(err).toBeInstanceOf(DeviceNotFoundError);
      expect(err).toMatchObject({ code: 'DEVICE_NOT_FOUND', status: 404 });
      expect(err.reason).toBeUndefined();
    }
  });

  test('NOT_FOUND: a 404 on a playlist is not a device problem', async () => {
    const err = await failure(spotify.playlists.get('pl-does-not-exist'));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  test('RESTRICTED UNKNOWN: pausing while paused (403 "Restriction violated")', async () => {
    kitchenPlaying(false);
    const err = await failure(spotify.player.pause());
    expect(err).toBeInstanceOf(RestrictedError);
    expect(err).toMatchObject({ code: 'RESTRICTED', status: 403, reason: 'UNKNOWN' });
  });

  test('RESTRICTED NO_NEXT_TRACK / NO_PREV_TRACK: the reason is kept for the speech layer', async () => {
    kitchenPlaying();
    expect(await failure(spotify.player.next())).toMatchObject({
      code: 'RESTRICTED',
      reason: 'NO_NEXT_TRACK',
    });
    expect(await failure(spotify.player.previous())).toMatchObject({
      code: 'RESTRICTED',
      reason: 'NO_PREV_TRACK',
    });
  });

  test('RESTRICTED VOLUME_CONTROL_DISALLOW: a device without volume control', async () => {
    const err = await failure(spotify.player.setVolume(30, 'dev-car'));
    expect(err).toMatchObject({ code: 'RESTRICTED', status: 403, reason: 'VOLUME_CONTROL_DISALLOW' });
  });

  test('RESTRICTED: a restricted device refuses commands', async () => {
    const err = await failure(spotify.player.transfer('dev-ps5', true));
    expect(err).toMatchObject({ code: 'RESTRICTED', status: 403 });
  });

  test('RESTRICTED: any other player reason, e.g. ALREADY_PLAYING from a misbehaving Spotify', async () => {
    rig.emulator.faults.add({ path: '/v1/me/player/play', status: 403, reason: 'ALREADY_PLAYING' });
    const err = await failure(spotify.player.play());
    expect(err).toMatchObject({ code: 'RESTRICTED', status: 403, reason: 'ALREADY_PLAYING' });
  });

  test('RESTRICTED: a token without the needed scope (403 without reason)', async () => {
    const token = rig.issue('demo', ['user-read-playback-state']);
    kitchenPlaying();
    const err = await failure(rig.client({ token }).player.pause());
    expect(err).toMatchObject({ code: 'RESTRICTED', status: 403 });
  });

  test.each([
    ['Check settings on developer.spotify.com/dashboard, the user may not be registered.'],
    ['User not registered in the Developer Dashboard'],
  ])('NOT_ALLOWLISTED: a plain-text 403 "%s"', async (body) => {
    rig.emulator.faults.add({ path: '/v1/me', status: 403, body, contentType: 'text/plain' });
    const err = await failure(spotify.me.get());
    expect(err).toBeInstanceOf(NotAllowlistedError);
    expect(err).toMatchObject({ code: 'NOT_ALLOWLISTED', status: 403 });
  });

  test('RATE_LIMITED: 429 with Retry-After that does not fit the budget, retryAfterMs kept', async () => {
    rig.emulator.faults.add({ path: '/v1/me/player', status: 429, headers: { 'Retry-After': '30' } });
    const err = await failure(spotify.player.getPlaybackState());
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 30_000 });
  });

  test.each([
    ['an empty 500', { status: 500, body: '' }],
    ['an empty 502', { status: 502, body: '' }],
    ['a JSON 503', { status: 503 }],
    [
      'an HTML 502 page',
      { status: 502, body: '<html><body>Bad Gateway</body></html>', contentType: 'text/html' },
    ],
  ])('UNAVAILABLE: %s', async (_name, fault) => {
    rig.emulator.faults.add({ path: '/v1/me/player/devices', times: 5, ...fault });
    const err = await failure(spotify.player.getDevices());
    expect(err).toBeInstanceOf(UnavailableError);
    expect(err).toMatchObject({ code: 'UNAVAILABLE', status: fault.status });
  });

  test('UNAVAILABLE: the connection is reset (ECONNRESET), no status', async () => {
    rig.emulator.faults.add({ path: '/v1/me/player/devices', times: 5, reset: true });
    const err = await failure(spotify.player.getDevices());
    expect(err).toMatchObject({ code: 'UNAVAILABLE', status: undefined, networkCode: 'ECONNRESET' });
  });

  test('TIMEOUT: Spotify never answers; the request ends with the deadline', async () => {
    rig.emulator.faults.add({ path: '/v1/me/player/devices', hang: true });
    const err = await failure(rig.client({ budgetMs: 300 }).player.getDevices());
    expect(err).toBeInstanceOf(SpotifyTimeoutError);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
  });

  test.each([
    ['truncated JSON', '{"devices":[{"id":"dev-kitch'],
    ['an HTML page', '<html>maintenance</html>'],
  ])('BAD_RESPONSE: a 200 whose body is %s', async (_name, body) => {
    rig.emulator.faults.add({
      path: '/v1/me/player/devices',
      status: 200,
      body,
      contentType: 'application/json',
    });
    const err = await failure(spotify.player.getDevices());
    expect(err).toBeInstanceOf(BadResponseError);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  test('BAD_RESPONSE: a 200 with no body where one is required', async () => {
    rig.emulator.faults.add({ path: '/v1/me', status: 200, body: '' });
    expect(await failure(spotify.me.get())).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  test('BAD_REQUEST: a 400 (here from an injected fault)', async () => {
    rig.emulator.faults.add({ path: '/v1/search', status: 400, message: 'Bad search query' });
    const err = await failure(spotify.search.query('x', ['track']));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
  });

  test('every error is a SpotifyError with name = its class', async () => {
    const err = await failure(spotify.player.pause());
    expect(err).toBeInstanceOf(SpotifyError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(err.constructor.name);
  });
});

describe('errorFromResponse (the one mapping)', () => {
  test('statuses and reasons → codes', () => {
    const cases: Array<[number, unknown, string, { player?: boolean }?]> = [
      [401, { error: { status: 401, message: 'x' } }, 'TOKEN_INVALID'],
      [403, { error: { status: 403, message: 'x', reason: 'PREMIUM_REQUIRED' } }, 'PREMIUM_REQUIRED'],
      [404, { error: { status: 404, message: 'x', reason: 'NO_ACTIVE_DEVICE' } }, 'NO_ACTIVE_DEVICE'],
      [404, { error: { status: 404, message: 'x' } }, 'DEVICE_NOT_FOUND', { player: true }],
      [404, { error: { status: 404, message: 'x' } }, 'NOT_FOUND'],
      [403, { error: { status: 403, message: 'x', reason: 'UNKNOWN' } }, 'RESTRICTED'],
      [403, '{"error":{"status":403,"message":"x","reason":"NO_NEXT_TRACK"}}', 'RESTRICTED'],
      [403, 'the user may not be registered', 'NOT_ALLOWLISTED'],
      // JSON that merely mentions registration is not the allowlist refusal.
      [403, { error: { status: 403, message: 'not registered' } }, 'RESTRICTED'],
      [429, '', 'RATE_LIMITED'],
      [500, '', 'UNAVAILABLE'],
      [503, '<html>', 'UNAVAILABLE'],
      [302, '', 'BAD_RESPONSE'],
      [400, { error: { status: 400, message: 'x' } }, 'BAD_REQUEST'],
      [413, '', 'BAD_REQUEST'],
    ];
    for (const [status, body, code, context] of cases) {
      expect([status, body, errorFromResponse(status, body, {}, context).code]).toEqual([status, body, code]);
    }
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
