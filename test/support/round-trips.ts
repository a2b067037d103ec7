/**
 * The documented minimum of sequential Spotify round trips per intent, with the utterance and the setup that
 * exercise it. The conversation tests (test/skill/round-trips.test.ts) and `npm run bench` both check the
 * achieved count against `minimum`, measured from the emulator's request log.
 */
import { PL_WORKOUT_MIX, type Emulator } from '../../tools/spotify-emulator';
import { aLaunch, anIntent, type EnvelopeBuilder } from './envelopes';
import { kitchenPlaying, playing } from './world';

export interface RoundTripCase {
  intent: string;
  /** Tells apart two cases of one intent (for example with and without a device). */
  variant?: string;
  say: string;
  build: (token: string) => EnvelopeBuilder;
  arrange?: (emulator: Emulator) => void | Promise<void>;
  minimum: number;
  why: string;
  /**
   * Measured on the second of two identical requests to one warm container (the first fills the per-user
   * caches: playlist index, profile id, device list for a few seconds).
   */
  repeat?: boolean;
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

/** Workout Mix plays from its second song: next and previous have somewhere to go. */
function insideWorkoutMix(emulator: Emulator): void {
  const entries = emulator.state.playlists.get(PL_WORKOUT_MIX)?.entries ?? [];
  playing(emulator, {
    contextUri: `spotify:playlist:${PL_WORKOUT_MIX}`,
    trackId: entries[1]?.uri.split(':')[2],
  });
}

export const ROUND_TRIPS: RoundTripCase[] = [
  {
    intent: 'LaunchRequest',
    say: 'open connect remote',
    build: (token) => aLaunch().linked(token),
    minimum: 1,
    why: 'GET /me/player to say what is playing',
  },
  simple('AMAZON.PauseIntent', 'pause', 'PUT /me/player/pause'),
  {
    ...simple(
      'AMAZON.ResumeIntent',
      'resume',
      'PUT /me/player/play (a device fallback adds GET devices and PUT /me/player)',
    ),
    // Something paused: resuming while playing is Spotify's 403 "Restriction violated".
    arrange: (emulator) => playing(emulator, { isPlaying: false }),
  },
  { ...simple('AMAZON.NextIntent', 'next', 'POST /me/player/next'), arrange: insideWorkoutMix },
  { ...simple('AMAZON.PreviousIntent', 'previous', 'POST /me/player/previous'), arrange: insideWorkoutMix },
  simple('AMAZON.StartOverIntent', 'start over', 'PUT /me/player/seek?position_ms=0'),
  simple('AMAZON.ShuffleOnIntent', 'shuffle on', 'PUT /me/player/shuffle?state=true'),
  simple('AMAZON.ShuffleOffIntent', 'shuffle off', 'PUT /me/player/shuffle?state=false'),
  simple('AMAZON.LoopOnIntent', 'loop on', 'PUT /me/player/repeat?state=context'),
  simple('AMAZON.LoopOffIntent', 'loop off', 'PUT /me/player/repeat?state=off'),
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
  simple('VolumeDownIntent', 'turn it down', 'GET /me/player for the level, then PUT volume', 2),
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
  simple('WhatsNextIntent', "what's next", 'GET /me/player/queue'),
  simple('WhatsTheVolumeIntent', "what's the volume", 'GET /me/player'),
  {
    intent: 'PlayPlaylistIntent',
    say: 'play my workout mix',
    build: intent('PlayPlaylistIntent', { playlist: 'workout mix' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /me/playlists offsets 0 and 50 together (pages past 100 in parallel); PUT play with GET devices',
  },
  {
    intent: 'PlayPlaylistIntent',
    variant: 'repeat',
    say: 'play my workout mix (again, warm)',
    build: intent('PlayPlaylistIntent', { playlist: 'workout mix' }),
    arrange: kitchenPlaying,
    repeat: true,
    minimum: 1,
    why: 'PUT play; the playlist index and the device list from the warm cache',
  },
  {
    intent: 'PlayPlaylistIntent',
    variant: 'on a device',
    say: 'play my workout mix on the living room tv',
    build: intent('PlayPlaylistIntent', { playlist: 'workout mix', device: 'living room tv' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET devices with the playlist pages; PUT play?device_id=',
  },
  {
    intent: 'PlayLikedSongsIntent',
    say: 'play my liked songs',
    build: intent('PlayLikedSongsIntent'),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /me/tracks; PUT play with GET devices',
  },
  {
    intent: 'PlayArtistIntent',
    say: 'play music by queen',
    build: intent('PlayArtistIntent', { artist: 'queen' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search; PUT play with GET devices',
  },
  {
    intent: 'PlayAlbumIntent',
    say: 'play the album discovery',
    build: intent('PlayAlbumIntent', { album: 'discovery' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search; PUT play with GET devices',
  },
  {
    intent: 'PlayGenreIntent',
    say: 'play some jazz',
    build: intent('PlayGenreIntent', { genre: 'jazz' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search (an artist of that name, else a playlist); PUT play with GET devices',
  },
  {
    intent: 'PlaySongIntent',
    say: "play the song don't stop me now",
    build: intent('PlaySongIntent', { song: "don't stop me now" }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search; PUT play with GET devices',
  },
  {
    intent: 'PlaySearchIntent',
    say: 'play daft punk',
    build: intent('PlaySearchIntent', { query: 'daft punk' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'own playlists (offsets 0 and 50) and GET /search together; PUT play with GET devices',
  },
  {
    intent: 'PlayPodcastIntent',
    say: 'play the podcast sound and story',
    build: intent('PlayPodcastIntent', { show: 'sound and story' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search (shows); PUT play with GET devices',
  },
  {
    intent: 'PlayNewestEpisodeIntent',
    say: 'play the latest episode of sound and story',
    build: intent('PlayNewestEpisodeIntent', { show: 'sound and story' }),
    arrange: kitchenPlaying,
    minimum: 3,
    why: "GET /search (shows); the show's newest episodes; PUT play with GET devices",
  },
  {
    intent: 'ResumePodcastIntent',
    say: 'resume my podcast',
    build: intent('ResumePodcastIntent'),
    arrange: kitchenPlaying,
    minimum: 3,
    why: 'GET /me/player and the followed shows together; their episodes in parallel; PUT play at the resume point',
  },
  {
    intent: 'PlaySearchIntent',
    variant: 'just play',
    say: 'play something (paused)',
    build: intent('PlaySearchIntent', { query: 'something' }),
    arrange: (emulator) => playing(emulator, { isPlaying: false }),
    minimum: 2,
    why: 'GET /me/player (what was paused); PUT play to resume it, with GET devices',
  },
  {
    intent: 'ShufflePlayIntent',
    say: 'shuffle my workout mix',
    build: intent('ShufflePlayIntent', { query: 'my workout mix' }),
    arrange: kitchenPlaying,
    minimum: 3,
    why: 'GET /me/playlists offsets 0 and 50 together; PUT play with GET devices; then PUT shuffle (music first)',
  },
  simple('SaveSongIntent', 'like this song', 'GET /me/player, then PUT /me/library', 2),
  {
    intent: 'AddToPlaylistIntent',
    say: 'add this song to workout mix',
    build: intent('AddToPlaylistIntent', { playlist: 'workout mix' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /me/player, GET /me and playlists (offsets 0 and 50) together; POST items (the last entry is read first only when this same add was sent in the last 10 minutes)',
  },
  {
    intent: 'AddToPlaylistIntent',
    variant: 'repeat',
    say: 'add this song to workout mix (again, warm)',
    build: intent('AddToPlaylistIntent', { playlist: 'workout mix' }),
    arrange: kitchenPlaying,
    repeat: true,
    minimum: 1,
    why: 'GET /me/player (the song must be read each time) and, the playlist known from the warm index, its last entry together: the same song, just added, is not added twice',
  },
  {
    intent: 'CreatePlaylistIntent',
    say: 'create a playlist called road trip',
    build: intent('CreatePlaylistIntent', { name: 'road trip' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /me and the newest playlists together (not twice); POST /me/playlists',
  },
  simple('ListPlaylistsIntent', 'list my playlists', 'GET /me/playlists?limit=10'),
  {
    intent: 'MoreIntent',
    say: 'more (after list my playlists)',
    build: (token) => anIntent('MoreIntent').session({ playlistOffset: 6 }).linked(token),
    arrange: kitchenPlaying,
    minimum: 1,
    why: 'GET /me/playlists?offset=6&limit=10, the offset kept in the session',
  },
  {
    intent: 'ChooseIntent',
    say: 'the second one (after "did you mean …")',
    build: (token) =>
      anIntent('ChooseIntent')
        .slot('ordinal', '2')
        .session({
          pending: {
            v: 2,
            intent: 'PlayPlaylistIntent',
            slot: 'playlist',
            options: [
              { name: 'Workout Mix', id: PL_WORKOUT_MIX, uri: `spotify:playlist:${PL_WORKOUT_MIX}` },
              { name: 'Workout Mix 2', id: 'pl-workout-mix-2', uri: 'spotify:playlist:pl-workout-mix-2' },
            ],
          },
        })
        .linked(token),
    arrange: kitchenPlaying,
    minimum: 1,
    why: 'PUT play with GET devices (to name the device); the options are in the session',
  },
  {
    intent: 'QueueSongIntent',
    say: 'queue eye of the tiger',
    build: intent('QueueSongIntent', { song: 'eye of the tiger' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /search, then POST /me/player/queue',
  },
  simple('ListDevicesIntent', 'list my devices', 'GET /me/player/devices and GET /me/player together'),
  {
    intent: 'TransferPlaybackIntent',
    say: 'move the music to the living room tv',
    build: intent('TransferPlaybackIntent', { device: 'living room tv' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET devices to resolve the name, then PUT /me/player',
  },
  {
    intent: 'TransferPlaybackIntent',
    variant: 'repeat',
    say: 'move the music to the living room tv (again, warm)',
    build: intent('TransferPlaybackIntent', { device: 'living room tv' }),
    arrange: kitchenPlaying,
    repeat: true,
    minimum: 1,
    why: 'PUT /me/player; the device list from the warm cache',
  },
  {
    intent: 'SetDefaultDeviceIntent',
    say: 'use the kitchen speaker by default',
    build: intent('SetDefaultDeviceIntent', { device: 'kitchen speaker' }),
    arrange: kitchenPlaying,
    minimum: 1,
    why: 'GET devices to resolve the name (remembered locally)',
  },
  {
    intent: 'PauseDeviceIntent',
    say: 'pause the kitchen speaker',
    build: intent('PauseDeviceIntent', { device: 'kitchen speaker' }),
    arrange: kitchenPlaying,
    minimum: 2,
    why: 'GET /me/player and GET devices side by side (is it the one playing?), then PUT pause',
  },
  {
    intent: 'ResumeDeviceIntent',
    say: 'resume the kitchen speaker',
    build: intent('ResumeDeviceIntent', { device: 'kitchen speaker' }),
    arrange: (emulator) => playing(emulator, { isPlaying: false }),
    minimum: 2,
    why: 'GET /me/player and GET devices side by side, then PUT play on it',
  },
  {
    intent: 'SkipDeviceIntent',
    say: 'skip this song in the kitchen',
    build: intent('SkipDeviceIntent', { device: 'kitchen' }),
    arrange: insideWorkoutMix,
    minimum: 2,
    why: 'GET /me/player and GET devices side by side, then POST next on it',
  },
  {
    intent: 'WhichDefaultDeviceIntent',
    say: 'which device is my default',
    build: intent('WhichDefaultDeviceIntent'),
    arrange: kitchenPlaying,
    minimum: 0,
    why: 'no Spotify call (remembered locally)',
  },
  simple('WhichAccountIntent', 'which account is linked', 'GET /me'),
  simple('DeviceHelpIntent', "why can't you find my speaker", 'no Spotify call', 0),
  simple('UnlinkHelpIntent', 'how do i unlink my account', 'no Spotify call', 0),
  simple('AMAZON.HelpIntent', 'help', 'no Spotify call', 0),
  simple('AMAZON.StopIntent', 'stop', 'no Spotify call (the music keeps playing)', 0),
  simple('AMAZON.CancelIntent', 'cancel', 'no Spotify call', 0),
  simple('AMAZON.FallbackIntent', 'what is the weather', 'no Spotify call', 0),
  simple('AMAZON.NavigateHomeIntent', 'go home', 'no Spotify call', 0),
];

/** A name for a case that is unique in ROUND_TRIPS. */
export const caseName = (c: Pick<RoundTripCase, 'intent' | 'variant'>): string =>
  c.variant ? `${c.intent} (${c.variant})` : c.intent;

/**
 * The table of ROUND_TRIPS as the README carries it (between `<!-- round-trips:start -->` and
 * `<!-- round-trips:end -->`); test/project/readme.test.ts keeps the two equal.
 */
export function roundTripsMarkdown(): string {
  const rows = ROUND_TRIPS.map(
    (c) => `| ${caseName(c)} | ${c.say} | ${c.minimum} | ${c.minimum} | ${c.why} |`,
  );
  return [
    '| intent | for example | minimum | achieved | the calls |',
    '| --- | --- | --: | --: | --- |',
    ...rows,
  ].join('\n');
}

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
