/**
 * What the client leaves behind: one structured `spotify.call` line per request with the path template
 * (never a filled query), no token anywhere (log lines at debug level, thrown errors, errors passed to the
 * logger), one kept-alive connection for many calls, and no axios loaded until a request is made.
 */
import * as net from 'node:net';
import { inspect } from 'node:util';
import { systemClock } from '../../lambda/src/util/clock';
import { Deadline } from '../../lambda/src/util/deadline';
import { createLogger, silentLogger } from '../../lambda/src/util/logger';
import { findLeaks } from '../support/log-capture';
import { failure, startRig, type Rig } from './rig';

describe('client logging and connections', () => {
  let rig: Rig;

  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(() => rig.close());

  test('one spotify.call line per request: endpoint id, method, path template, status, ms, attempt', async () => {
    const spotify = rig.client();
    await spotify.playlists.items('pl-workout-mix', { limit: 2 });
    await spotify.search.query('queen', ['artist'], 3);
    const lines = rig.callLines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      level: 'info',
      event: 'spotify.call',
      endpoint: 'playlists.items',
      method: 'GET',
      path: '/playlists/{id}/items',
      status: 200,
      ms: expect.any(Number),
      attempt: 1,
    });
    expect(lines[1]).toMatchObject({ endpoint: 'search.query', path: '/search', status: 200 });
  });

  test('a failed call logs its error code and reason, not the message', async () => {
    rig.emulator.faults.add({
      path: '/v1/me/player/pause',
      status: 403,
      reason: 'UNKNOWN',
      message: 'msg-text-x',
    });
    await failure(rig.client().player.pause());
    expect(rig.callLines()).toEqual([
      expect.objectContaining({
        endpoint: 'player.pause',
        status: 403,
        errorCode: 'RESTRICTED',
        reason: 'UNKNOWN',
      }),
    ]);
    expect(rig.lines.join('\n')).not.toContain('msg-text-x');
  });

  test("the user's words and URIs in a query never reach the logs", async () => {
    const spotify = rig.client();
    await spotify.search.query('my very private words', ['track']);
    await spotify.library.save(['spotify:track:t-stronger']);
    const text = rig.lines.join('\n');
    expect(text).not.toContain('private words');
    expect(text).not.toContain('private+words');
    expect(text).not.toContain('t-stronger');
  });

  test('no token in any log line, at debug level, across successes, 401, 5xx, reset, refusal and timeout', async () => {
    const token = rig.issue('demo');
    const spotify = rig.client({ token, budgetMs: 500 });
    rig.emulator.faults.add({ path: '/v1/me/player/devices', status: 500, times: 1 });
    rig.emulator.faults.add({ path: '/v1/me/playlists', method: 'POST', reset: true });
    rig.emulator.faults.add({ path: '/v1/me', hang: true });
    await spotify.player.getDevices();
    await failure(spotify.playlists.create('x'));
    await failure(rig.client({ token: 'emu-unknown-token-123' }).player.pause());
    await failure(spotify.me.get());
    await failure(rig.client({ token, baseUrl: 'http://127.0.0.1:1/v1' }).me.get());
    expect(rig.callLines().length).toBeGreaterThanOrEqual(5);
    expect(findLeaks(rig.lines, [token, 'emu-unknown-token-123'])).toEqual([]);
    expect(rig.lines.join('\n')).not.toMatch(/bearer|authorization/i);
  });

  test('thrown errors carry no token and no request headers, even when inspected deeply or logged', async () => {
    const token = rig.issue('demo');
    rig.emulator.faults.add({ path: '/v1/me/player', reset: true, times: 3 });
    rig.emulator.faults.add({ path: '/v1/me', status: 500, times: 3 });
    const errors = [
      await failure(rig.client({ token }).player.getPlaybackState()),
      await failure(rig.client({ token }).me.get()),
      await failure(rig.client({ token, baseUrl: 'http://127.0.0.1:1/v1' }).me.get()),
      await failure(rig.client({ token: `${token}-wrong` }).me.get()),
    ];
    const lines: string[] = [];
    const logger = createLogger({ sink: (l) => lines.push(l), level: 'debug' });
    for (const err of errors) {
      const dump = inspect(err, { depth: Infinity, showHidden: true }) + JSON.stringify(err);
      expect(dump).not.toContain(token);
      expect(dump).not.toMatch(/authorization|bearer/i);
      expect(err.cause).toBeUndefined();
      logger.error('handler.error', { error: err, detail: { ...err } });
    }
    expect(findLeaks(lines, [token])).toEqual([]);
  });

  test('keep-alive: twenty invocations in a warm container open no new connection', async () => {
    await rig.client().me.get(); // the container's first call opens the connection
    const connect = jest.spyOn(net.Socket.prototype, 'connect');
    try {
      for (let i = 0; i < 20; i++) {
        const client = rig.client(); // a new invocation: new client, new deadline, same axios instance
        await client.player.getPlaybackState();
      }
      expect(connect).not.toHaveBeenCalled();
      expect(rig.calls()).toHaveLength(21);
    } finally {
      connect.mockRestore();
    }
  });

  test('axios is loaded on the first request, not when a client is built (an unlinked user never pays for it)', async () => {
    let loaded = 0;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('axios', () => {
        loaded += 1;
        return jest.requireActual('axios');
      });
      const { createSpotifyClientFactory } = await import('../../lambda/src/spotify/client');
      const client = createSpotifyClientFactory({ baseUrl: rig.emulator.apiUrl, logger: silentLogger })(
        rig.token,
        new Deadline(systemClock, 6000),
      );
      expect(loaded).toBe(0);
      await client.me.get();
      expect(loaded).toBe(1);
    });
  });
});
