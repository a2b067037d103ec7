/**
 * Retries and the deadline, counted in the emulator's request log: what is retried, how often, after which
 * wait, and what is never sent twice. Waits go through the rig's recording sleep (no real waiting); the
 * deadline itself runs on real time, so "does not fit" is decided against a real budget.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SpotifyClient } from '../../lambda/src/spotify/client';
import { DEFAULT_RETRY } from '../../lambda/src/spotify/core';
import { failure, startRig, type Rig } from './rig';

const KITCHEN = 'dev-kitchen';
const WORKOUT = 'pl-workout-mix';
const ADD_PATH = `/v1/playlists/${WORKOUT}/items`;
/** A track the seeded workout mix does not hold yet. */
const NEW_SONG = 'spotify:track:t-hoppipolla';

describe('retries within the deadline', () => {
  let rig: Rig;
  let spotify: SpotifyClient;

  beforeEach(async () => {
    rig = await startRig();
    spotify = rig.client();
  });
  afterEach(() => rig.close());

  const demo = () => rig.emulator.state.users.get('demo')!;
  const kitchenPlaying = () => {
    const u = demo();
    u.player = {
      ...u.player,
      deviceId: KITCHEN,
      trackId: 't-dont-stop',
      contextUri: null,
      uris: ['spotify:track:t-dont-stop', 'spotify:track:t-bohemian', 'spotify:track:t-eye-tiger'],
      isPlaying: true,
    };
  };
  const statuses = (path?: string) =>
    rig
      .calls()
      .filter((c) => !path || c.path === path)
      .map((c) => c.status);
  const entries = () => rig.emulator.state.playlists.get(WORKOUT)!.entries.map((e) => e.uri);

  describe('idempotent requests (GET, PUT)', () => {
    test('a GET answered 500 twice succeeds on the third attempt, after short growing waits', async () => {
      rig.emulator.faults.add({ path: '/v1/me/player/devices', status: 500, body: '', times: 2 });
      const devices = await spotify.player.getDevices();
      expect(devices.length).toBeGreaterThan(0);
      expect(statuses()).toEqual([500, 500, 200]);
      expect(rig.sleeps).toEqual([DEFAULT_RETRY.serverBackoffMs(1), DEFAULT_RETRY.serverBackoffMs(2)]);
      expect(rig.callLines().map((l) => [l.attempt, l.status, l.errorCode])).toEqual([
        [1, 500, 'UNAVAILABLE'],
        [2, 500, 'UNAVAILABLE'],
        [3, 200, undefined],
      ]);
    });

    test('at most 2 retries: a 503 that persists costs exactly 3 requests, then UNAVAILABLE', async () => {
      rig.emulator.faults.add({ path: '/v1/me/player', status: 503, times: Infinity });
      const err = await failure(spotify.player.getPlaybackState());
      expect(err).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
      expect(statuses()).toEqual([503, 503, 503]);
    });

    test('a reset connection on a PUT is retried (pausing twice is harmless)', async () => {
      kitchenPlaying();
      rig.emulator.faults.add({ path: '/v1/me/player/pause', reset: true });
      await spotify.player.pause();
      expect(statuses()).toEqual([0, 204]);
      expect(demo().player.isPlaying).toBe(false);
    });

    test('202 (device waking up) on play: asked again after a pause, until 204', async () => {
      kitchenPlaying();
      demo().player.isPlaying = false;
      rig.emulator.faults.add({ path: '/v1/me/player/play', status: 202, body: '', times: 2 });
      await spotify.player.play({ deviceId: KITCHEN });
      expect(statuses()).toEqual([202, 202, 204]);
      expect(rig.sleeps).toEqual([DEFAULT_RETRY.acceptedBackoffMs(1), DEFAULT_RETRY.acceptedBackoffMs(2)]);
    });

    test('202 that persists: bounded, and the command counts as accepted', async () => {
      rig.emulator.faults.add({
        path: '/v1/me/player',
        method: 'PUT',
        status: 202,
        body: '',
        times: Infinity,
      });
      await spotify.player.transfer(KITCHEN, true);
      expect(statuses()).toEqual([202, 202, 202]);
    });

    test('4xx answers are never retried', async () => {
      expect(await failure(spotify.player.pause())).toMatchObject({ code: 'NO_ACTIVE_DEVICE' });
      rig.emulator.faults.add({ path: '/v1/search', status: 400 });
      await failure(spotify.search.query('x', ['track']));
      expect(statuses()).toEqual([404, 400]);
      expect(rig.sleeps).toEqual([]);
    });
  });

  describe('429 and Retry-After', () => {
    test('Retry-After that fits in the budget: wait that long, then the request succeeds', async () => {
      rig.emulator.faults.add({ path: '/v1/me/player', status: 429, headers: { 'Retry-After': '1' } });
      await spotify.player.getPlaybackState();
      expect(statuses()).toEqual([429, 204]);
      expect(rig.sleeps).toEqual([1000]);
    });

    test('Retry-After longer than what is left: RATE_LIMITED at once, no waiting past the deadline', async () => {
      rig.emulator.faults.add({ path: '/v1/me/player', status: 429, headers: { 'Retry-After': '2' } });
      const err = await failure(rig.client({ budgetMs: 1500 }).player.getPlaybackState());
      expect(err).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 });
      expect(statuses()).toEqual([429]);
      expect(rig.sleeps).toEqual([]);
    });

    test('a 429 was refused before Spotify acted, so even a POST is sent again after Retry-After', async () => {
      kitchenPlaying();
      rig.emulator.faults.add({ path: '/v1/me/player/next', status: 429, headers: { 'Retry-After': '0' } });
      await spotify.player.next();
      expect(statuses()).toEqual([429, 204]);
      expect(demo().player.trackId).toBe('t-bohemian');
    });

    test('429 on every attempt: bounded to 3 requests', async () => {
      rig.emulator.faults.add({
        path: '/v1/me',
        status: 429,
        headers: { 'Retry-After': '0' },
        times: Infinity,
      });
      expect(await failure(spotify.me.get())).toMatchObject({ code: 'RATE_LIMITED' });
      expect(statuses()).toEqual([429, 429, 429]);
    });
  });

  describe('non-idempotent POSTs are never sent twice once they may have arrived', () => {
    test.each([
      ['a 500', { status: 500 }, 'UNAVAILABLE'],
      ['an empty 502', { status: 502, body: '' }, 'UNAVAILABLE'],
      ['a reset after sending', { reset: true }, 'UNAVAILABLE'],
    ])('addItems after %s: one POST, no duplicate song', async (_name, fault, code) => {
      const before = entries();
      rig.emulator.faults.add({ path: ADD_PATH, method: 'POST', ...fault });
      const err = await failure(spotify.playlists.addItems(WORKOUT, [NEW_SONG]));
      expect(err).toMatchObject({ code });
      expect(rig.calls().filter((c) => c.method === 'POST')).toHaveLength(1);
      expect(rig.sleeps).toEqual([]);
      expect(entries()).toEqual(before);
    });

    test('addItems that times out (Spotify got it, the answer never came): one POST, TIMEOUT', async () => {
      rig.emulator.faults.add({ path: ADD_PATH, method: 'POST', hang: true });
      const client = rig.client({ budgetMs: 300 });
      const err = await failure(client.playlists.addItems(WORKOUT, [NEW_SONG]));
      expect(err).toMatchObject({ code: 'TIMEOUT' });
      expect(rig.calls()).toHaveLength(1);
    });

    test('addItems answered 429: sent again after Retry-After, and the song is there exactly once', async () => {
      rig.emulator.faults.add({
        path: ADD_PATH,
        method: 'POST',
        status: 429,
        headers: { 'Retry-After': '0' },
      });
      expect(entries()).not.toContain(NEW_SONG);
      await spotify.playlists.addItems(WORKOUT, [NEW_SONG]);
      expect(statuses(ADD_PATH)).toEqual([429, 201]);
      expect(entries().filter((u) => u === NEW_SONG)).toHaveLength(1);
    });

    test.each([
      ['a 503', { status: 503 }],
      ['a reset', { reset: true }],
    ])('create after %s: one POST, no duplicate playlist', async (_name, fault) => {
      const count = () => [...rig.emulator.state.playlists.values()].filter((p) => p.name === 'Gym').length;
      rig.emulator.faults.add({ path: '/v1/me/playlists', method: 'POST', ...fault });
      expect(await failure(spotify.playlists.create('Gym'))).toMatchObject({ code: 'UNAVAILABLE' });
      expect(rig.calls()).toHaveLength(1);
      expect(count()).toBe(0);
    });

    test('next, previous and queue after a 500 or a reset: one POST each (no double skip)', async () => {
      kitchenPlaying();
      rig.emulator.faults.add({ path: '/v1/me/player/next', status: 500 });
      rig.emulator.faults.add({ path: '/v1/me/player/previous', reset: true });
      rig.emulator.faults.add({ path: '/v1/me/player/queue', status: 502, body: '' });
      await failure(spotify.player.next());
      await failure(spotify.player.previous());
      await failure(spotify.player.queue('spotify:track:t-stronger'));
      expect(rig.calls().map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
        'POST /v1/me/player/next 500',
        'POST /v1/me/player/previous 0',
        'POST /v1/me/player/queue 502',
      ]);
    });

    test('202 on next is success, not a reason to skip again', async () => {
      kitchenPlaying();
      rig.emulator.faults.add({ path: '/v1/me/player/next', status: 202, body: '' });
      await spotify.player.next();
      expect(statuses()).toEqual([202]);
    });

    test('a refused connection never reached Spotify: even a POST is retried, bounded', async () => {
      const closed = await closedPort();
      const client = rig.client({ baseUrl: `http://127.0.0.1:${closed}/v1` });
      const err = await failure(client.playlists.addItems(WORKOUT, [NEW_SONG]));
      expect(err).toMatchObject({ code: 'UNAVAILABLE', networkCode: 'ECONNREFUSED' });
      expect(rig.callLines().map((l) => [l.endpoint, l.attempt, l.status])).toEqual([
        ['playlists.addItems', 1, 0],
        ['playlists.addItems', 2, 0],
        ['playlists.addItems', 3, 0],
      ]);
    });
  });

  describe('the deadline', () => {
    test('a hung request ends with the budget (300 ms), as TIMEOUT, and nothing is retried', async () => {
      rig.emulator.faults.add({ path: '/v1/me/player', hang: true, times: Infinity });
      const client = rig.client({ budgetMs: 300 });
      const err = await failure(client.player.getPlaybackState());
      expect(err).toMatchObject({ code: 'TIMEOUT' });
      expect(rig.calls()).toHaveLength(1);
      expect(rig.sleeps).toEqual([]);
      expect(rig.deadline.expired()).toBe(true);
    });

    test('once the budget is spent, later calls of the invocation fail at once without a request', async () => {
      rig.emulator.faults.add({ path: '/v1/me/player', hang: true });
      const client = rig.client({ budgetMs: 200 });
      await failure(client.player.getPlaybackState());
      rig.reset();
      expect(await failure(client.player.getDevices())).toMatchObject({ code: 'TIMEOUT' });
      expect(rig.calls()).toEqual([]);
    });

    test('a slow answer inside the budget is simply waited for', async () => {
      rig.emulator.faults.add({ path: '/v1/me', delayMs: 100 });
      await expect(rig.client({ budgetMs: 2000 }).me.get()).resolves.toMatchObject({ id: 'demo' });
    });

    test('a retry is only sent when its wait leaves time for it: 5xx with 200 ms left is not retried', async () => {
      rig.emulator.faults.add({ path: '/v1/me/player/devices', status: 500, times: Infinity });
      const err = await failure(rig.client({ budgetMs: 300 }).player.getDevices());
      expect(err).toMatchObject({ code: 'UNAVAILABLE' });
      // 150 ms of backoff + 250 ms for the next attempt do not fit in what is left of 300 ms.
      expect(statuses()).toEqual([500]);
    });

    test('a body that trickles in forever is cut off by the deadline too', async () => {
      const trickle = await startTrickleServer();
      try {
        const client = rig.client({ baseUrl: `${trickle.url}/v1`, budgetMs: 300 });
        const err = await failure(client.player.getDevices());
        expect(err).toMatchObject({ code: 'TIMEOUT' });
        expect(trickle.bytesSent()).toBeGreaterThan(0);
      } finally {
        await trickle.close();
      }
    });
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers 200 at once, then sends its body one byte every 20 ms and never finishes. */
async function startTrickleServer(): Promise<{ url: string; bytesSent(): number; close(): Promise<void> }> {
  let sent = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{');
    sent += 1;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(' ');
      sent += 1;
    }, 20);
    timers.add(timer);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesSent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
