/**
 * The documented minimum of sequential Spotify round trips per intent, with the utterance and the setup that
 * exercise it. The conversation tests (test/skill/round-trips.test.ts) and `npm run bench` both check the
 * achieved count against `minimum`, measured from the emulator's request log.
 */
import type { Emulator } from '../../tools/spotify-emulator';
import { aLaunch, anIntent, type EnvelopeBuilder } from './envelopes';
import { kitchenPlaying } from './world';

export interface RoundTripCase {
  intent: string;
  say: string;
  build: (token: string) => EnvelopeBuilder;
  arrange?: (emulator: Emulator) => void | Promise<void>;
  minimum: number;
  why: string;
}

const intent =
  (name: string, slots: Record<string, string> = {}) =>
  (token: string) => {
    const b = anIntent(name).linked(token);
    for (const [slot, value] of Object.entries(slots)) b.slot(slot, value);
    return b;
  };

const simple = (name: string, say: string, why: string, minimum = 1): RoundTripCase => ({
  intent: name,
  say,
  build: intent(name),
  arrange: kitchenPlaying,
  minimum,
  why,
});

export const ROUND_TRIPS: RoundTripCase[] = [
  {
    intent: 'LaunchRequest',
    say: 'open connect remote',
    build: (token) => aLaunch().linked(token),
    minimum: 1,
    why: 'GET /me/player to say what is playing',
  },
  simple('AMAZON.PauseIntent', 'pause', 'PUT /me/player/pause'),
  simple(
    'AMAZON.ResumeIntent',
    'resume',
    'PUT /me/player/play (a device fallback adds GET devices and PUT /me/player)',
  ),
  simple('AMAZON.NextIntent', 'next', 'POST /me/player/next'),
  simple('AMAZON.PreviousIntent', 'previous', 'POST /me/player/previous'),
  simple('AMAZON.StartOverIntent', 'start over', 'PUT /me/player/seek?position_ms=0'),
  simple('AMAZON.ShuffleOnIntent', 'shuffle on', 'PUT /me/player/shuffle'),
  simple('AMAZON.LoopOnIntent', 'loop on', 'PUT /me/player/repeat'),
  {
    intent: 'RepeatModeIntent',
    say: 'repeat this song',
    build: (token) =>
      anIntent('RepeatModeIntent').slot('mode', 'this song', { id: 'track', name: 'track' }).linked(token),
    arrange: kitchenPlaying,
    minimum: 1,
    why: 'PUT /me/player/repeat?state=track',
  },
  {
    intent: 'SetVolumeIntent',
    say: 'volume forty',
    build: intent('SetVolumeIntent', { volume: '40' }),
    arrange: kitchenPlaying,
    minimum: 1,
    why: 'PUT /me/player/volume',
  },
  simple('VolumeUpIntent', 'turn it up', 'GET /me/player for the level, then PUT volume', 2),
  simple('MuteIntent', 'mute', 'GET /me/player for the level to remember, then PUT volume 0', 2),
  simple('UnmuteIntent', 'unmute', 'PUT volume to the remembered level'),
  {
    intent: 'SeekIntent',
    say: 'skip ahead thirty seconds',
    build: (token) =>
      anIntent('SeekIntent')
        .slot('direction', 'ahead', { id: 'forward', name: 'forward' })
        .slot('duration', 'PT30S')
        .linked(token),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /me/player for the position, then PUT seek',
  },
  simple('WhatsPlayingIntent', "what's playing", 'GET /me/player'),
  {
    intent: 'PlayPlaylistIntent',
    say: 'play my workout mix',
    build: intent('PlayPlaylistIntent', { playlist: 'workout mix' }),
    arrange: kitchenPlaying,
    minimum: 3,
    why: 'GET /me/playlists page 1 with GET devices; pages 2..n in parallel; PUT play',
  },
  {
    intent: 'PlayLikedSongsIntent',
    say: 'play my liked songs',
    build: intent('PlayLikedSongsIntent'),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /me/tracks with GET devices; PUT play',
  },
  {
    intent: 'PlayArtistIntent',
    say: 'play music by queen',
    build: intent('PlayArtistIntent', { artist: 'queen' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search with GET devices; PUT play',
  },
  {
    intent: 'PlaySongIntent',
    say: "play the song don't stop me now",
    build: intent('PlaySongIntent', { song: "don't stop me now" }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search with GET devices; PUT play',
  },
  {
    intent: 'PlaySearchIntent',
    say: 'play daft punk',
    build: intent('PlaySearchIntent', { query: 'daft punk' }),
    arrange: kitchenPlaying,
    minimum: 3,
    why: 'own playlists page 1, GET /search and GET devices together; pages 2..n; PUT play',
  },
  simple('SaveSongIntent', 'like this song', 'GET /me/player, then PUT /me/library', 2),
  {
    intent: 'AddToPlaylistIntent',
    say: 'add this song to workout mix',
    build: intent('AddToPlaylistIntent', { playlist: 'workout mix' }),
    arrange: kitchenPlaying,
    minimum: 3,
    why: 'GET /me/player, GET /me and playlists page 1 together; pages 2..n; POST items',
  },
  {
    intent: 'CreatePlaylistIntent',
    say: 'create a playlist called road trip',
    build: intent('CreatePlaylistIntent', { name: 'road trip' }),
    arrange: kitchenPlaying,
    minimum: 1,
    why: 'POST /me/playlists',
  },
  simple('ListPlaylistsIntent', 'list my playlists', 'GET /me/playlists?limit=5'),
  {
    intent: 'QueueSongIntent',
    say: 'queue eye of the tiger',
    build: intent('QueueSongIntent', { song: 'eye of the tiger' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search, then POST /me/player/queue',
  },
  simple('ListDevicesIntent', 'list my devices', 'GET /me/player/devices'),
  {
    intent: 'TransferPlaybackIntent',
    say: 'move the music to the living room tv',
    build: intent('TransferPlaybackIntent', { device: 'living room tv' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET devices to resolve the name, then PUT /me/player',
  },
  {
    intent: 'SetDefaultDeviceIntent',
    say: 'use the kitchen speaker by default',
    build: intent('SetDefaultDeviceIntent', { device: 'kitchen speaker' }),
    arrange: kitchenPlaying,
    minimum: 1,
    why: 'GET devices to resolve the name (remembered locally)',
  },
  simple('WhichAccountIntent', 'which account is linked', 'GET /me'),
  simple('DeviceHelpIntent', "why can't you find my speaker", 'no Spotify call', 0),
];

export interface TimedRequest {
  at: number;
  ms?: number;
}

/**
 * Sequential round trips in a request log: the longest chain of requests each of which started after the
 * previous one finished. Requests that overlap in time ran in parallel and count once.
 */
export function sequentialSteps(log: readonly TimedRequest[]): number {
  const sorted = [...log].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  let best = 0;
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const q = sorted[j];
      if (q.at + (q.ms ?? 0) <= r.at) d = Math.max(d, depth[j] + 1);
    }
    depth[i] = d;
    best = Math.max(best, d);
  });
  return best;
}
