/**
 * Spotify (or a proxy in front of it) answers something that is not the JSON it promised: malformed JSON, an
 * HTML error page, a truncated body, an empty 5xx. Each gets a sensible sentence, and nothing crashes (no
 * "Sorry, something went wrong": that sentence means a handler threw something it did not expect).
 */
import type { FaultSpec } from '../../tools/spotify-emulator';
import { enUS } from '../../lambda/src/speech/en-US';
import { startAlexa, type Alexa } from '../support/harness';
import { capturedLogs } from '../support/log-capture';
import { playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa({ budgetMs: 1500 });
  playing(alexa.emulator);
});
afterEach(() => alexa.close());

const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

const ANSWERS: Array<[string, Omit<FaultSpec, 'path'>, string]> = [
  [
    'malformed JSON (200)',
    { status: 200, body: '{"devices": [{"id": tru', contentType: 'application/json' },
    enUS.errorBadResponse,
  ],
  ['an HTML page (200)', { status: 200, body: HTML, contentType: 'text/html' }, enUS.errorBadResponse],
  [
    'a truncated body (200)',
    { status: 200, body: '{"items": [{"name": "Work', contentType: 'application/json' },
    enUS.errorBadResponse,
  ],
  [
    'an HTML error page (502, every time)',
    { status: 502, body: HTML, contentType: 'text/html', times: Infinity },
    enUS.errorUnavailable,
  ],
  ['an empty 500 (every time)', { status: 500, body: '', times: Infinity }, enUS.errorUnavailable],
  ['an empty 503 (every time)', { status: 503, body: '', times: Infinity }, enUS.errorUnavailable],
  [
    'malformed JSON in a 500 (every time)',
    { status: 500, body: '{"error": {"status": 5', times: Infinity },
    enUS.errorUnavailable,
  ],
];

/** Intents whose first call is the faulted GET, with the path it goes to. */
const INTENTS: Array<[string, string, Record<string, string>]> = [
  ["what's playing", '/v1/me/player', {}],
  ['list my devices', '/v1/me/player/devices', {}],
  ['list my playlists', '/v1/me/playlists', {}],
  ['which account is linked', '/v1/me', {}],
];
const INTENT_NAMES: Record<string, string> = {
  "what's playing": 'WhatsPlayingIntent',
  'list my devices': 'ListDevicesIntent',
  'list my playlists': 'ListPlaylistsIntent',
  'which account is linked': 'WhichAccountIntent',
};

describe.each(INTENTS)('U: %s', (utterance, path, slots) => {
  test.each(ANSWERS)(
    '(Spotify answers %s) / A: a sensible sentence, no crash',
    async (_what, spec, sentence) => {
      const logged = capturedLogs().length;
      alexa.emulator.faults.add({ path, ...spec });
      const reply = await alexa.say(INTENT_NAMES[utterance], slots);
      expect(reply.speech).toBe(sentence);
      expect(reply.endsSession).toBe(true);
      expect(
        capturedLogs()
          .slice(logged)
          .filter((l) => l.includes('"handler.error"')),
      ).toEqual([]);
    },
  );
});

test('U: add this song to workout mix (the POST answers an HTML 502) / A: a sentence, and the song is added at most once', async () => {
  const before = alexa.emulator.state.playlists.get('pl-workout-mix')!.entries.length;
  alexa.emulator.faults.add({
    method: 'POST',
    path: '/v1/playlists/*/items',
    status: 502,
    body: HTML,
    contentType: 'text/html',
  });
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe(enUS.errorUnavailable);
  expect(alexa.calls().filter((c) => c.method === 'POST')).toHaveLength(1);
  expect(alexa.emulator.state.playlists.get('pl-workout-mix')!.entries.length).toBe(before);
});

test('U: pause (Spotify answers a 200 with an HTML page instead of 204) / A: could not understand (a 2xx body is parsed, even for a command)', async () => {
  alexa.emulator.faults.add({
    path: '/v1/me/player/pause',
    status: 200,
    body: HTML,
    contentType: 'text/html',
  });
  const reply = await alexa.say('AMAZON.PauseIntent');
  expect(reply.speech).toBe(enUS.errorBadResponse);
});

/**
 * JSON of the wrong shape (a 200 that parses but is not what the endpoint promises): the client's shape check
 * (lambda/src/spotify/client.ts) turns it into BAD_RESPONSE, so the user hears "could not understand", never
 * "something went wrong" from a TypeError in a handler.
 */
/** [utterance, faulted path, the 200 body, intent, slots] */
const WRONG_SHAPES: Array<[string, string, string, string, Record<string, string>]> = [
  ['list my playlists', '/v1/me/playlists', '{"total": 3}', 'ListPlaylistsIntent', {}],
  [
    'list my playlists',
    '/v1/me/playlists',
    '{"items": null, "total": null, "next": 5}',
    'ListPlaylistsIntent',
    {},
  ],
  ['list my playlists', '/v1/me/playlists', '{"items": [], "total": -1}', 'ListPlaylistsIntent', {}],
  [
    'play my workout mix',
    '/v1/me/playlists',
    '{"items": "x", "total": 1}',
    'PlayPlaylistIntent',
    { playlist: 'workout mix' },
  ],
  ['list my devices', '/v1/me/player/devices', '{"devices": null}', 'ListDevicesIntent', {}],
  ['list my devices', '/v1/me/player/devices', '{}', 'ListDevicesIntent', {}],
  ['play my liked songs', '/v1/me/tracks', '{"total": 36}', 'PlayLikedSongsIntent', {}],
  [
    'play music by queen',
    '/v1/search',
    '{"artists": {"items": "x"}}',
    'PlayArtistIntent',
    { artist: 'queen' },
  ],
  ['which account is linked', '/v1/me', '{"id": null, "display_name": {"a": 1}}', 'WhichAccountIntent', {}],
  ["what's playing", '/v1/me/player', '[]', 'WhatsPlayingIntent', {}],
  ["what's playing", '/v1/me/player', '"a string"', 'WhatsPlayingIntent', {}],
];

test.each(WRONG_SHAPES)(
  'U: %s (Spotify answers %s with a 200 %s) / A: could not understand, no crash',
  async (_utterance, path, body, intent, slots) => {
    const logged = capturedLogs().length;
    alexa.emulator.faults.add({ method: 'GET', path, status: 200, body, contentType: 'application/json' });
    const reply = await alexa.say(intent, slots);
    expect(reply.speech).toBe(enUS.errorBadResponse);
    expect(reply.endsSession).toBe(true);
    expect(alexa.calls().find((c) => c.path === path)).toBeDefined();
    expect(
      capturedLogs()
        .slice(logged)
        .filter((l) => l.includes('"handler.error"')),
    ).toEqual([]);
  },
);

test('U: list my devices (Spotify lists null, a number and a device without a name) / A: the usable devices only', async () => {
  alexa.emulator.faults.add({
    path: '/v1/me/player/devices',
    status: 200,
    body: '{"devices": [null, 7, {"id": "dev-x", "name": "Attic radio", "is_active": false, "is_restricted": false, "type": "Speaker", "volume_percent": 50}]}',
    contentType: 'application/json',
  });
  const reply = await alexa.say('ListDevicesIntent');
  expect(reply.speech).toBe('I can see one device: Attic radio.');
});
