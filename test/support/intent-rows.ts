/**
 * The rows of the conversation-per-intent table (test/skill/intents.test.ts): what the user says, the envelope
 * Alexa sends, the emulator's world, the exact Spotify requests the skill makes and the exact answer. Shared
 * so other suites can replay every intent (test/lang/pseudo-locale.test.ts sends each in a pseudo-locale).
 */
import type { UserMemory } from '../../lambda/src/user/memory';
import type { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { enUS } from '../../lambda/src/speech/en-US';
import type { Emulator } from '../../tools/spotify-emulator';
import { aLaunch, anIntent, aSessionEnded, TEST_USER_ID, type EnvelopeBuilder } from './envelopes';
import { activeDevice, demo, nothingActive, playing } from './world';

/** A Spotify request as the emulator logged it; `body` is the parsed JSON, absent when none was sent. */
export interface Request {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

/** One request, or several sent in parallel (in any order among themselves). */
export type Step = Request | Request[];

/** What a row may look at and arrange: the emulator's world and what the skill remembers per user. */
export interface World {
  emulator: Emulator;
  memory: MemoryPersistenceAdapter;
}

export interface Row {
  /** The model's intent name, or the request type for LaunchRequest and SessionEndedRequest. */
  intent: string;
  /** What the user says (for the test name). */
  say: string;
  envelope: (token: string) => EnvelopeBuilder;
  /** The emulator's world before the turn; by default Don't Stop Me Now plays on the kitchen speaker. */
  arrange?: (world: World) => void;
  /** What the skill remembers about the user before the turn (a default device, the muted volume). */
  remembered?: UserMemory;
  /** The Spotify requests, in order of sending; an inner array is a set sent in parallel. */
  requests: Step[] | ((world: World) => Step[]);
  speech: string | RegExp;
  /** false: the skill waits for an answer (session kept open). Default true. */
  endsSession?: boolean;
  /** The session attributes the reply keeps for the next turn (what a following row starts from). */
  keeps?: Record<string, unknown>;
  /** A piece of state that must read `from` before the turn and `to` after it (equal: must not change). */
  state?: { of: (world: World) => unknown; from: unknown; to: unknown };
}

const query = (q: Record<string, string | number | boolean>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));
const request =
  (method: string) =>
  (p: string, q: Record<string, string | number | boolean> = {}, body?: unknown): Request => ({
    method,
    path: `/v1${p}`,
    query: query(q),
    ...(body === undefined ? {} : { body }),
  });
const GET = request('GET');
const PUT = request('PUT');
const POST = request('POST');

const PLAYBACK_STATE = GET('/me/player', { additional_types: 'episode' });
const DEVICES = GET('/me/player/devices');
const ME = GET('/me');
/** `playlists.mine()`: page 1, then page 2 (the demo user has 64 entries) once the total is known. */
const PLAYLIST_PAGES = [
  GET('/me/playlists', { limit: 50, offset: 0 }),
  GET('/me/playlists', { limit: 50, offset: 50 }),
];
const search = (q: string, type: string) => GET('/search', { q, type, limit: 5 });
const play = (deviceId: string, body: unknown) => PUT('/me/player/play', { device_id: deviceId }, body);
/**
 * Optimistic play on the active device: PUT /me/player/play without a device id, and the device list read
 * alongside it (to name the device in the answer), not before it.
 */
const playHere = (body: unknown): Request[] => [PUT('/me/player/play', {}, body), DEVICES];

const player = (w: World) => demo(w.emulator).player;
/** Where and what plays: the device, the context or URIs given to play, and whether it plays. */
const nowPlaying = (w: World) => {
  const p = player(w);
  return { device: p.deviceId, context: p.contextUri, uris: p.uris ?? null, playing: p.isPlaying };
};
const volume = (w: World) => activeDevice(w.emulator)?.volume_percent;
const remembered = (w: World) => w.memory.store.get(TEST_USER_ID) as UserMemory | undefined;
/** Paused on the kitchen speaker: what play-by-name starts from. */
const pausedInKitchen = (w: World) => playing(w.emulator, { isPlaying: false });
/** Paused on the TV: "… on the kitchen speaker" must move it. */
const pausedOnTv = (w: World) => playing(w.emulator, { deviceId: 'dev-tv', isPlaying: false });
const inJazz = (trackId: string) => (w: World) =>
  playing(w.emulator, { contextUri: 'spotify:album:al-jazz', trackId });
const addDevice = (w: World, id: string, name: string) =>
  demo(w.emulator).devices.push({
    ...demo(w.emulator).devices[0],
    id,
    name,
    is_active: false,
    idleMs: undefined,
    lastSeenAt: undefined,
  });

/** The envelope of an intent as the linked user says it; a slot may carry its entity-resolution id. */
const intent =
  (name: string, slots: Record<string, string | { value: string; id: string }> = {}) =>
  (token: string) => {
    const b = anIntent(name).linked(token);
    for (const [slot, v] of Object.entries(slots)) {
      if (typeof v === 'string') b.slot(slot, v);
      else b.slot(slot, v.value, { id: v.id, name: v.id });
    }
    return b;
  };
/** The same, in a session that continues with `attributes` (what the previous turn kept). */
const continuing =
  (attributes: Record<string, unknown>, name: string, slots: Record<string, string> = {}) =>
  (token: string) =>
    intent(name, slots)(token).session(structuredClone(attributes));

/** What "play my workout" keeps in the session: the question "Did you mean Workout Mix or Workout Mix 2?". */
const WHICH_WORKOUT = {
  pending: {
    v: 2,
    intent: 'PlayPlaylistIntent',
    slot: 'playlist',
    options: [
      { name: 'Workout Mix', id: 'pl-workout-mix', uri: 'spotify:playlist:pl-workout-mix' },
      { name: 'Workout Mix 2', id: 'pl-workout-mix-2', uri: 'spotify:playlist:pl-workout-mix-2' },
    ],
  },
};

/** What "list my playlists" keeps in the session: "more" reads on from the sixth entry. */
const LISTED_FIRST_PAGE = { playlistOffset: 6 };

export const TABLE: Row[] = [
  // Launch and the built-ins
  {
    intent: 'LaunchRequest',
    say: 'open connect remote',
    envelope: (token) => aLaunch().linked(token),
    requests: [PLAYBACK_STATE],
    speech:
      "Connect Remote is ready. Don't Stop Me Now by Queen is playing on Kitchen speaker. What would you like to do?",
    endsSession: false,
  },
  {
    intent: 'AMAZON.HelpIntent',
    say: 'help',
    envelope: intent('AMAZON.HelpIntent'),
    requests: [],
    speech: enUS.help,
    endsSession: false,
  },
  {
    intent: 'AMAZON.StopIntent',
    say: 'stop (while music plays)',
    envelope: intent('AMAZON.StopIntent'),
    requests: [],
    speech: 'Okay.',
    state: { of: nowPlaying, from: nowPlayingKitchen(), to: nowPlayingKitchen() },
  },
  {
    intent: 'AMAZON.CancelIntent',
    say: 'cancel (after "Did you mean Workout Mix or Workout Mix 2?")',
    envelope: continuing(WHICH_WORKOUT, 'AMAZON.CancelIntent'),
    requests: [],
    speech: 'Okay.',
    state: { of: nowPlaying, from: nowPlayingKitchen(), to: nowPlayingKitchen() },
  },
  {
    intent: 'AMAZON.FallbackIntent',
    say: 'order me a pizza',
    envelope: intent('AMAZON.FallbackIntent'),
    requests: [],
    speech: enUS.fallback,
    endsSession: false,
  },
  {
    intent: 'AMAZON.NavigateHomeIntent',
    say: 'go home',
    envelope: intent('AMAZON.NavigateHomeIntent'),
    requests: [],
    speech: 'Okay.',
  },
  {
    intent: 'SessionEndedRequest',
    say: '(walks away)',
    envelope: (token) => aSessionEnded('USER_INITIATED').linked(token),
    requests: [],
    speech: '',
    endsSession: undefined,
  },

  // Playback
  {
    intent: 'AMAZON.PauseIntent',
    say: 'pause',
    envelope: intent('AMAZON.PauseIntent'),
    requests: [PUT('/me/player/pause')],
    speech: 'Paused.',
    state: { of: (w) => player(w).isPlaying, from: true, to: false },
  },
  {
    intent: 'PauseDeviceIntent',
    say: 'pause the tv (it plays on the Living Room TV)',
    envelope: intent('PauseDeviceIntent', { device: 'tv' }),
    arrange: (w) => playing(w.emulator, { deviceId: 'dev-tv' }),
    requests: [[PLAYBACK_STATE, DEVICES], PUT('/me/player/pause', { device_id: 'dev-tv' })],
    speech: 'Paused.',
    state: { of: (w) => player(w).isPlaying, from: true, to: false },
  },
  {
    intent: 'ResumeDeviceIntent',
    say: 'resume the kitchen speaker',
    envelope: intent('ResumeDeviceIntent', { device: 'kitchen speaker' }),
    arrange: pausedInKitchen,
    requests: [[PLAYBACK_STATE, DEVICES], PUT('/me/player/play', { device_id: 'dev-kitchen' })],
    speech: 'Resuming.',
    state: { of: (w) => player(w).isPlaying, from: false, to: true },
  },
  {
    intent: 'SkipDeviceIntent',
    say: 'skip this song in the kitchen',
    envelope: intent('SkipDeviceIntent', { device: 'kitchen' }),
    arrange: (w) =>
      playing(w.emulator, { contextUri: 'spotify:playlist:pl-workout-mix', trackId: 't-eye-tiger' }),
    requests: [[PLAYBACK_STATE, DEVICES], POST('/me/player/next', { device_id: 'dev-kitchen' })],
    speech: 'Skipping.',
  },
  {
    intent: 'AMAZON.ResumeIntent',
    say: 'resume',
    envelope: intent('AMAZON.ResumeIntent'),
    arrange: pausedInKitchen,
    requests: [PUT('/me/player/play')],
    speech: 'Resuming.',
    state: { of: (w) => player(w).isPlaying, from: false, to: true },
  },
  {
    intent: 'AMAZON.ResumeIntent',
    say: 'resume (nothing active, the living room tv remembered as default)',
    envelope: intent('AMAZON.ResumeIntent'),
    arrange: (w) => nothingActive(w.emulator),
    remembered: { defaultDevice: { id: 'dev-tv', name: 'Living Room TV' } },
    requests: [
      PUT('/me/player/play'),
      DEVICES,
      PUT('/me/player', {}, { device_ids: ['dev-tv'], play: true }),
    ],
    speech: 'Resuming on Living Room TV.',
    state: { of: (w) => player(w).deviceId, from: null, to: 'dev-tv' },
  },
  {
    intent: 'AMAZON.ResumeIntent',
    say: 'resume (nothing active, six usable devices, nothing remembered)',
    envelope: intent('AMAZON.ResumeIntent'),
    arrange: (w) => {
      addDevice(w, 'dev-office', 'Office speaker');
      nothingActive(w.emulator);
    },
    requests: [PUT('/me/player/play'), DEVICES],
    speech:
      "Nothing is playing, and I'm not sure which device to use. Say, for example, play on the kitchen speaker. Your devices are: Kitchen speaker, Living Room TV, Sam's MacBook Pro, Bedroom Echo, Car and Office speaker.",
  },
  {
    intent: 'AMAZON.NextIntent',
    say: 'next song',
    envelope: intent('AMAZON.NextIntent'),
    arrange: inJazz('t-dont-stop'),
    requests: [POST('/me/player/next')],
    speech: 'Skipping.',
    state: { of: (w) => player(w).trackId, from: 't-dont-stop', to: 't-bicycle-race' },
  },
  {
    intent: 'AMAZON.PreviousIntent',
    say: 'previous song',
    envelope: intent('AMAZON.PreviousIntent'),
    arrange: inJazz('t-bicycle-race'),
    requests: [POST('/me/player/previous')],
    speech: 'Going back.',
    state: { of: (w) => player(w).trackId, from: 't-bicycle-race', to: 't-dont-stop' },
  },
  {
    intent: 'AMAZON.StartOverIntent',
    say: 'start this song over',
    envelope: intent('AMAZON.StartOverIntent'),
    requests: [PUT('/me/player/seek', { position_ms: 0 })],
    speech: 'Starting over.',
    state: { of: (w) => player(w).progressMs, from: 60_000, to: 0 },
  },
  {
    intent: 'AMAZON.ShuffleOnIntent',
    say: 'turn on shuffle',
    envelope: intent('AMAZON.ShuffleOnIntent'),
    requests: [PUT('/me/player/shuffle', { state: true })],
    speech: 'Shuffle is on.',
    state: { of: (w) => player(w).shuffle, from: false, to: true },
  },
  {
    intent: 'AMAZON.ShuffleOffIntent',
    say: 'turn off shuffle',
    envelope: intent('AMAZON.ShuffleOffIntent'),
    arrange: (w) => {
      playing(w.emulator);
      player(w).shuffle = true;
    },
    requests: [PUT('/me/player/shuffle', { state: false })],
    speech: 'Shuffle is off.',
    state: { of: (w) => player(w).shuffle, from: true, to: false },
  },
  {
    intent: 'AMAZON.LoopOnIntent',
    say: 'loop on',
    envelope: intent('AMAZON.LoopOnIntent'),
    requests: [PUT('/me/player/repeat', { state: 'context' })],
    speech: 'Repeating the playlist.',
    state: { of: (w) => player(w).repeat, from: 'off', to: 'context' },
  },
  {
    intent: 'AMAZON.LoopOffIntent',
    say: 'loop off',
    envelope: intent('AMAZON.LoopOffIntent'),
    arrange: (w) => {
      playing(w.emulator);
      player(w).repeat = 'track';
    },
    requests: [PUT('/me/player/repeat', { state: 'off' })],
    speech: 'Repeat is off.',
    state: { of: (w) => player(w).repeat, from: 'track', to: 'off' },
  },
  {
    intent: 'RepeatModeIntent',
    say: 'repeat this song',
    envelope: intent('RepeatModeIntent', { mode: { value: 'this song', id: 'track' } }),
    requests: [PUT('/me/player/repeat', { state: 'track' })],
    speech: 'Repeating this song.',
    state: { of: (w) => player(w).repeat, from: 'off', to: 'track' },
  },
  {
    intent: 'SetVolumeIntent',
    say: 'set the volume to forty',
    envelope: intent('SetVolumeIntent', { volume: '40' }),
    requests: [PUT('/me/player/volume', { volume_percent: 40 })],
    speech: 'Volume 40 percent.',
    state: { of: volume, from: 50, to: 40 },
  },
  {
    intent: 'VolumeUpIntent',
    say: 'turn it up',
    envelope: intent('VolumeUpIntent'),
    requests: [PLAYBACK_STATE, PUT('/me/player/volume', { volume_percent: 60, device_id: 'dev-kitchen' })],
    speech: 'Volume 60 percent.',
    state: { of: volume, from: 50, to: 60 },
  },
  {
    intent: 'VolumeDownIntent',
    say: 'turn it down by twenty five',
    envelope: intent('VolumeDownIntent', { step: '25' }),
    arrange: (w) => {
      playing(w.emulator);
      activeDevice(w.emulator)!.volume_percent = 30;
    },
    requests: [PLAYBACK_STATE, PUT('/me/player/volume', { volume_percent: 5, device_id: 'dev-kitchen' })],
    speech: 'Volume 5 percent.',
    state: { of: volume, from: 30, to: 5 },
  },
  {
    intent: 'MuteIntent',
    say: 'mute',
    envelope: intent('MuteIntent'),
    arrange: (w) => {
      playing(w.emulator);
      activeDevice(w.emulator)!.volume_percent = 70;
    },
    requests: [PLAYBACK_STATE, PUT('/me/player/volume', { volume_percent: 0, device_id: 'dev-kitchen' })],
    speech: 'Muted. Say unmute to bring it back.',
    state: {
      of: (w) => ({ volume: volume(w), remembered: remembered(w)?.mutedVolume }),
      from: { volume: 70, remembered: undefined },
      to: { volume: 0, remembered: 70 },
    },
  },
  {
    intent: 'UnmuteIntent',
    say: 'unmute (muted at 70)',
    envelope: intent('UnmuteIntent'),
    arrange: (w) => {
      playing(w.emulator);
      activeDevice(w.emulator)!.volume_percent = 0;
    },
    remembered: { mutedVolume: 70 },
    requests: [PUT('/me/player/volume', { volume_percent: 70 })],
    speech: 'Volume back to 70 percent.',
    state: { of: volume, from: 0, to: 70 },
  },
  {
    intent: 'SeekIntent',
    say: 'skip ahead thirty seconds',
    envelope: intent('SeekIntent', { direction: { value: 'ahead', id: 'forward' }, duration: 'PT30S' }),
    requests: [PLAYBACK_STATE, PUT('/me/player/seek', { position_ms: 90_000, device_id: 'dev-kitchen' })],
    speech: 'Skipping ahead 30 seconds.',
    state: { of: (w) => player(w).progressMs, from: 60_000, to: 90_000 },
  },
  {
    intent: 'SeekIntent',
    say: 'go back ten seconds',
    envelope: intent('SeekIntent', { direction: { value: 'back', id: 'back' }, duration: 'PT10S' }),
    requests: [PLAYBACK_STATE, PUT('/me/player/seek', { position_ms: 50_000, device_id: 'dev-kitchen' })],
    speech: 'Going back 10 seconds.',
    state: { of: (w) => player(w).progressMs, from: 60_000, to: 50_000 },
  },
  {
    intent: 'WhatsPlayingIntent',
    say: "what's playing",
    envelope: intent('WhatsPlayingIntent'),
    requests: [PLAYBACK_STATE],
    speech: "Don't Stop Me Now by Queen, from Jazz, is playing on Kitchen speaker.",
  },
  {
    intent: 'WhatsNextIntent',
    say: "what's next (in my workout mix, a song queued)",
    envelope: intent('WhatsNextIntent'),
    arrange: (w) => {
      playing(w.emulator, { contextUri: 'spotify:playlist:pl-workout-mix', trackId: 't-eye-tiger' });
      demo(w.emulator).player.queue = ['spotify:track:t-highway'];
    },
    requests: [GET('/me/player/queue')],
    speech: 'Next up is Highway to Hell by AC/DC, then Stronger by Kanye West.',
    state: {
      of: (w) => demo(w.emulator).player.queue,
      from: ['spotify:track:t-highway'],
      to: ['spotify:track:t-highway'],
    },
  },
  {
    intent: 'WhatsNextIntent',
    say: "what's coming up (the last song of the album)",
    envelope: intent('WhatsNextIntent'),
    arrange: inJazz('t-fat-bottomed'),
    requests: [GET('/me/player/queue')],
    speech: 'Nothing is lined up after this one.',
  },
  {
    intent: 'WhatsTheVolumeIntent',
    say: "what's the volume",
    envelope: intent('WhatsTheVolumeIntent'),
    requests: [PLAYBACK_STATE],
    speech: 'The volume is 50 percent on Kitchen speaker.',
    state: {
      of: (w) => demo(w.emulator).devices.find((d) => d.id === 'dev-kitchen')?.volume_percent,
      from: 50,
      to: 50,
    },
  },

  // Play by name, on the active device and "… on the kitchen speaker"
  {
    intent: 'PlayPlaylistIntent',
    say: 'play my workout mix',
    envelope: intent('PlayPlaylistIntent', { playlist: 'workout mix' }),
    arrange: pausedInKitchen,
    requests: [PLAYLIST_PAGES, playHere({ context_uri: 'spotify:playlist:pl-workout-mix' })],
    speech: 'Playing Workout Mix on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-kitchen'),
      to: started('dev-kitchen', 'spotify:playlist:pl-workout-mix'),
    },
  },
  {
    intent: 'PlayPlaylistIntent',
    say: 'play my workout mix on the kitchen speaker (paused on the tv)',
    envelope: intent('PlayPlaylistIntent', { playlist: 'workout mix', device: 'kitchen speaker' }),
    arrange: pausedOnTv,
    requests: [
      [...PLAYLIST_PAGES, DEVICES],
      play('dev-kitchen', { context_uri: 'spotify:playlist:pl-workout-mix' }),
    ],
    speech: 'Playing Workout Mix on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-tv'),
      to: started('dev-kitchen', 'spotify:playlist:pl-workout-mix'),
    },
  },
  {
    intent: 'PlayPlaylistIntent',
    say: 'play my workout',
    envelope: intent('PlayPlaylistIntent', { playlist: 'workout' }),
    arrange: pausedInKitchen,
    requests: [PLAYLIST_PAGES],
    speech: 'Did you mean Workout Mix or Workout Mix 2?',
    endsSession: false,
    keeps: WHICH_WORKOUT,
    state: { of: nowPlaying, from: paused('dev-kitchen'), to: paused('dev-kitchen') },
  },
  {
    intent: 'PlayLikedSongsIntent',
    say: 'play my liked songs',
    envelope: intent('PlayLikedSongsIntent'),
    arrange: pausedInKitchen,
    requests: (w) => [GET('/me/tracks', { limit: 50 }), playHere({ uris: liked(w) })],
    speech: 'Playing your liked songs on Kitchen speaker.',
    state: {
      of: (w) => ({ ...nowPlaying(w), liked: nowPlaying(w).uris?.join() === liked(w).join() }),
      from: { ...paused('dev-kitchen'), liked: false },
      to: { device: 'dev-kitchen', context: null, uris: expect.any(Array), playing: true, liked: true },
    },
  },
  {
    intent: 'PlayLikedSongsIntent',
    say: 'play my liked songs on the kitchen speaker (paused on the tv)',
    envelope: intent('PlayLikedSongsIntent', { device: 'kitchen speaker' }),
    arrange: pausedOnTv,
    requests: (w) => [[GET('/me/tracks', { limit: 50 }), DEVICES], play('dev-kitchen', { uris: liked(w) })],
    speech: 'Playing your liked songs on Kitchen speaker.',
    state: {
      of: (w) => ({ device: player(w).deviceId, playing: player(w).isPlaying }),
      from: { device: 'dev-tv', playing: false },
      to: { device: 'dev-kitchen', playing: true },
    },
  },
  {
    intent: 'PlayArtistIntent',
    say: 'play music by queen',
    envelope: intent('PlayArtistIntent', { artist: 'queen' }),
    arrange: pausedInKitchen,
    requests: [search('queen', 'artist'), playHere({ context_uri: 'spotify:artist:ar-queen' })],
    speech: 'Playing Queen on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-kitchen'),
      to: started('dev-kitchen', 'spotify:artist:ar-queen'),
    },
  },
  {
    intent: 'PlayArtistIntent',
    say: 'play music by queen on the kitchen speaker (paused on the tv)',
    envelope: intent('PlayArtistIntent', { artist: 'queen', device: 'kitchen speaker' }),
    arrange: pausedOnTv,
    requests: [
      [search('queen', 'artist'), DEVICES],
      play('dev-kitchen', { context_uri: 'spotify:artist:ar-queen' }),
    ],
    speech: 'Playing Queen on Kitchen speaker.',
    state: { of: nowPlaying, from: paused('dev-tv'), to: started('dev-kitchen', 'spotify:artist:ar-queen') },
  },
  {
    intent: 'PlayAlbumIntent',
    say: 'play the album discovery by daft punk',
    envelope: intent('PlayAlbumIntent', { album: 'discovery', artist: 'daft punk' }),
    arrange: pausedInKitchen,
    requests: [
      search('discovery artist:daft punk', 'album'),
      playHere({ context_uri: 'spotify:album:al-discovery' }),
    ],
    speech: 'Playing Discovery by Daft Punk on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-kitchen'),
      to: started('dev-kitchen', 'spotify:album:al-discovery'),
    },
  },
  {
    intent: 'PlayAlbumIntent',
    say: 'play the album abbey road on the kitchen speaker (paused on the tv)',
    envelope: intent('PlayAlbumIntent', { album: 'abbey road', device: 'kitchen speaker' }),
    arrange: pausedOnTv,
    requests: [
      [search('abbey road', 'album'), DEVICES],
      play('dev-kitchen', { context_uri: 'spotify:album:al-abbey-road' }),
    ],
    speech: 'Playing Abbey Road by The Beatles on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-tv'),
      to: started('dev-kitchen', 'spotify:album:al-abbey-road'),
    },
  },
  {
    intent: 'PlaySongIntent',
    say: 'play bohemian rhapsody by queen',
    envelope: intent('PlaySongIntent', { song: 'bohemian rhapsody', artist: 'queen' }),
    arrange: pausedInKitchen,
    requests: [
      // A song by an artist may be an album of that name ("discovery by daft punk"): both kinds are searched.
      search('bohemian rhapsody artist:queen', 'track,album'),
      playHere({ uris: ['spotify:track:t-bohemian'] }),
    ],
    speech: 'Playing Bohemian Rhapsody by Queen on Kitchen speaker.',
    state: {
      of: (w) => ({ track: player(w).trackId, playing: player(w).isPlaying }),
      from: { track: 't-dont-stop', playing: false },
      to: { track: 't-bohemian', playing: true },
    },
  },
  {
    intent: 'PlaySongIntent',
    say: 'play the song one more time on the kitchen speaker (paused on the tv)',
    envelope: intent('PlaySongIntent', { song: 'one more time', device: 'kitchen speaker' }),
    arrange: pausedOnTv,
    requests: [
      [search('one more time', 'track'), DEVICES],
      play('dev-kitchen', { uris: ['spotify:track:t-one-more-time'] }),
    ],
    speech: 'Playing One More Time by Daft Punk on Kitchen speaker.',
    state: {
      of: (w) => ({ device: player(w).deviceId, track: player(w).trackId, playing: player(w).isPlaying }),
      from: { device: 'dev-tv', track: 't-dont-stop', playing: false },
      to: { device: 'dev-kitchen', track: 't-one-more-time', playing: true },
    },
  },
  {
    intent: 'PlayGenreIntent',
    say: 'play some jazz',
    envelope: intent('PlayGenreIntent', { genre: 'jazz' }),
    arrange: pausedInKitchen,
    // An artist of exactly that name would win ("play some queen"); none is called Jazz.
    requests: [
      search('jazz', 'artist,playlist'),
      playHere({ context_uri: 'spotify:playlist:pl-jazz-classics' }),
    ],
    speech: 'Playing Jazz Classics on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-kitchen'),
      to: started('dev-kitchen', 'spotify:playlist:pl-jazz-classics'),
    },
  },
  {
    intent: 'PlayGenreIntent',
    say: 'play some jazz on the kitchen speaker (paused on the tv)',
    envelope: intent('PlayGenreIntent', { genre: 'jazz', device: 'kitchen speaker' }),
    arrange: pausedOnTv,
    requests: [
      [search('jazz', 'artist,playlist'), DEVICES],
      play('dev-kitchen', { context_uri: 'spotify:playlist:pl-jazz-classics' }),
    ],
    speech: 'Playing Jazz Classics on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-tv'),
      to: started('dev-kitchen', 'spotify:playlist:pl-jazz-classics'),
    },
  },
  {
    intent: 'ShufflePlayIntent',
    say: 'shuffle the album lemonade',
    envelope: intent('ShufflePlayIntent', { query: 'the album lemonade' }),
    arrange: pausedInKitchen,
    requests: [
      search('lemonade', 'album'),
      playHere({ context_uri: 'spotify:album:al-lemonade' }),
      PUT('/me/player/shuffle', { state: true }),
    ],
    speech: /^Shuffling Lemonade by Beyonc. on Kitchen speaker\.$/,
    state: { of: (w) => player(w).shuffle, from: false, to: true },
  },
  {
    intent: 'PlaySearchIntent',
    say: 'play daft punk',
    envelope: intent('PlaySearchIntent', { query: 'daft punk' }),
    arrange: pausedInKitchen,
    requests: [
      [...PLAYLIST_PAGES, search('daft punk', 'artist,playlist,album,track,show')],
      playHere({ context_uri: 'spotify:artist:ar-daft-punk' }),
    ],
    speech: 'Playing Daft Punk on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-kitchen'),
      to: started('dev-kitchen', 'spotify:artist:ar-daft-punk'),
    },
  },

  // Podcasts
  {
    intent: 'PlayPodcastIntent',
    say: 'play the podcast sound and story',
    envelope: intent('PlayPodcastIntent', { show: 'sound and story' }),
    arrange: pausedInKitchen,
    requests: [search('sound and story', 'show'), playHere({ context_uri: 'spotify:show:sh-sound-story' })],
    speech: 'Playing Sound & Story on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-kitchen'),
      to: started('dev-kitchen', 'spotify:show:sh-sound-story'),
    },
  },
  {
    intent: 'PlayNewestEpisodeIntent',
    say: 'play the latest episode of sound and story',
    envelope: intent('PlayNewestEpisodeIntent', { show: 'sound and story' }),
    arrange: pausedInKitchen,
    requests: [
      search('sound and story', 'show'),
      GET('/shows/sh-sound-story/episodes', { limit: 10 }),
      playHere({ uris: ['spotify:episode:ep-choruses'] }),
    ],
    speech: 'Playing Episode 42: Why We Love Choruses from Sound & Story on Kitchen speaker.',
  },
  {
    intent: 'ResumePodcastIntent',
    say: 'resume my podcast (halfway through episode 42, a song paused)',
    envelope: intent('ResumePodcastIntent'),
    arrange: pausedInKitchen,
    requests: [
      [PLAYBACK_STATE, GET('/me/shows', { limit: 5 })],
      [
        GET('/shows/sh-sound-story/episodes', { limit: 10 }),
        GET('/shows/sh-quiet-hour/episodes', { limit: 10 }),
      ],
      playHere({ uris: ['spotify:episode:ep-choruses'], position_ms: 754_000 }),
    ],
    speech: 'Playing Episode 42: Why We Love Choruses from Sound & Story on Kitchen speaker.',
    state: { of: (w) => player(w).progressMs, from: 60_000, to: 754_000 },
  },

  // Choosing after a question the previous turn asked
  {
    intent: 'ChooseIntent',
    say: 'the second one (after "Did you mean Workout Mix or Workout Mix 2?")',
    envelope: continuing(WHICH_WORKOUT, 'ChooseIntent', { ordinal: '2' }),
    arrange: pausedInKitchen,
    requests: [playHere({ context_uri: 'spotify:playlist:pl-workout-mix-2' })],
    speech: 'Playing Workout Mix 2 on Kitchen speaker.',
    state: {
      of: nowPlaying,
      from: paused('dev-kitchen'),
      to: started('dev-kitchen', 'spotify:playlist:pl-workout-mix-2'),
    },
  },
  {
    intent: 'ChooseIntent',
    say: 'the first one (after "Did you mean Living Room TV or Sam\'s MacBook Pro?" for a transfer)',
    envelope: continuing(
      {
        pending: {
          v: 2,
          intent: 'TransferPlaybackIntent',
          slot: 'device',
          options: [
            { name: 'Living Room TV', id: 'dev-tv' },
            { name: "Sam's MacBook Pro", id: 'dev-laptop' },
          ],
        },
      },
      'ChooseIntent',
      { ordinal: 'first' },
    ),
    requests: [PUT('/me/player', {}, { device_ids: ['dev-tv'], play: true })],
    speech: 'Moving playback to Living Room TV.',
    state: { of: (w) => player(w).deviceId, from: 'dev-kitchen', to: 'dev-tv' },
  },

  // Playlists and the library
  {
    intent: 'ListPlaylistsIntent',
    say: 'list my playlists',
    envelope: intent('ListPlaylistsIntent'),
    requests: [GET('/me/playlists', { limit: 10, offset: 0 })],
    speech:
      'You have 64 playlists. The first 5 are: Road Trip 2019, Focus Flow, Workout Mix 2, Sunday Morning and Chill Vibes. Say, more, to hear the next ones.',
    keeps: LISTED_FIRST_PAGE,
    endsSession: false,
  },
  {
    intent: 'MoreIntent',
    say: 'more (after "The first 5 are: …")',
    envelope: continuing(LISTED_FIRST_PAGE, 'MoreIntent'),
    requests: [GET('/me/playlists', { limit: 10, offset: 6 })],
    speech:
      "The next 5 are: Kids' Party, Rock & Roll, Gym — Legs Day, Christmas and 90s Hits. Say, more, to hear the next ones.",
    keeps: { playlistOffset: 11 },
    endsSession: false,
  },
  {
    intent: 'MoreIntent',
    say: 'more (nothing was listed)',
    envelope: intent('MoreIntent'),
    requests: [],
    speech: "There's nothing more to read.",
  },
  {
    intent: 'AddToPlaylistIntent',
    say: 'add this song to workout mix',
    envelope: intent('AddToPlaylistIntent', { playlist: 'workout mix' }),
    requests: [
      [PLAYBACK_STATE, ...PLAYLIST_PAGES, ME],
      // Not sent lately by this skill: no read of the playlist's end first, the write goes out at once.
      POST('/playlists/pl-workout-mix/items', {}, { uris: ['spotify:track:t-dont-stop'] }),
    ],
    speech: "Added Don't Stop Me Now to Workout Mix.",
    state: {
      of: (w) =>
        w.emulator.state.playlists
          .get('pl-workout-mix')!
          .entries.filter((e) => e.uri === 'spotify:track:t-dont-stop').length,
      from: 1,
      to: 2,
    },
  },
  {
    intent: 'CreatePlaylistIntent',
    say: 'create a playlist called road trip',
    envelope: intent('CreatePlaylistIntent', { name: 'road trip' }),
    requests: [
      // The newest playlists: one of that name made a moment ago would not be made again.
      [ME, GET('/me/playlists', { limit: 5, offset: 0 })],
      POST('/me/playlists', {}, { name: 'road trip', public: false }),
    ],
    speech: 'Created the playlist road trip.',
    state: {
      of: (w) =>
        [...w.emulator.state.playlists.values()].filter((p) => p.name === 'road trip' && p.ownerId === 'demo')
          .length,
      from: 0,
      to: 1,
    },
  },
  {
    intent: 'QueueSongIntent',
    say: 'queue eye of the tiger',
    envelope: intent('QueueSongIntent', { song: 'eye of the tiger' }),
    requests: [
      search('eye of the tiger', 'track'),
      POST('/me/player/queue', { uri: 'spotify:track:t-eye-tiger' }),
    ],
    speech: 'Added Eye of the Tiger by Survivor to the queue.',
    state: { of: (w) => player(w).queue ?? [], from: [], to: ['spotify:track:t-eye-tiger'] },
  },
  {
    intent: 'SaveSongIntent',
    say: 'like this song (hoppipolla, not liked yet)',
    envelope: intent('SaveSongIntent'),
    arrange: (w) => {
      playing(w.emulator, { trackId: 't-hoppipolla' });
      const user = demo(w.emulator);
      user.savedTracks = (user.savedTracks ?? []).filter((s) => s.trackId !== 't-hoppipolla');
    },
    requests: [PLAYBACK_STATE, PUT('/me/library', { uris: 'spotify:track:t-hoppipolla' })],
    speech: 'Saved Hoppípolla to your Liked Songs.',
    state: {
      of: (w) => (demo(w.emulator).savedTracks ?? []).some((s) => s.trackId === 't-hoppipolla'),
      from: false,
      to: true,
    },
  },

  // Devices
  {
    intent: 'ListDevicesIntent',
    say: 'list my devices (six)',
    envelope: intent('ListDevicesIntent'),
    requests: [[DEVICES, PLAYBACK_STATE]],
    speech:
      "I can see 6 devices: Kitchen speaker, which is playing, Living Room TV, Sam's MacBook Pro, Bedroom Echo, Car and PlayStation 5, which I can't control.",
  },
  {
    intent: 'ListDevicesIntent',
    say: 'list my devices (seven)',
    envelope: intent('ListDevicesIntent'),
    arrange: (w) => {
      addDevice(w, 'dev-office', 'Office speaker');
      playing(w.emulator);
    },
    requests: [[DEVICES, PLAYBACK_STATE]],
    speech:
      "I can see 7 devices: Kitchen speaker, which is playing, Living Room TV, Sam's MacBook Pro, Bedroom Echo, Car, and 2 more.",
  },
  {
    intent: 'ListDevicesIntent',
    say: 'list my devices (exactly five: all of them read)',
    envelope: intent('ListDevicesIntent'),
    arrange: (w) => {
      const user = demo(w.emulator);
      user.devices = user.devices.filter((d) => d.id !== 'dev-car');
      playing(w.emulator);
    },
    requests: [[DEVICES, PLAYBACK_STATE]],
    speech:
      "I can see 5 devices: Kitchen speaker, which is playing, Living Room TV, Sam's MacBook Pro, Bedroom Echo and PlayStation 5, which I can't control.",
  },
  {
    intent: 'TransferPlaybackIntent',
    say: 'move the music to the living room tv',
    envelope: intent('TransferPlaybackIntent', { device: 'living room tv' }),
    requests: [DEVICES, PUT('/me/player', {}, { device_ids: ['dev-tv'], play: true })],
    speech: 'Moving playback to Living Room TV.',
    state: {
      of: (w) => ({ device: player(w).deviceId, last: remembered(w)?.lastDevice?.id }),
      from: { device: 'dev-kitchen', last: undefined },
      to: { device: 'dev-tv', last: 'dev-tv' },
    },
  },
  {
    intent: 'TransferPlaybackIntent',
    say: 'switch to the toaster',
    envelope: intent('TransferPlaybackIntent', { device: 'toaster' }),
    requests: [DEVICES],
    speech:
      "I can't see a device called toaster. Your devices are: Kitchen speaker, Living Room TV, Sam's MacBook Pro, Bedroom Echo, PlayStation 5 and Car.",
    state: { of: (w) => player(w).deviceId, from: 'dev-kitchen', to: 'dev-kitchen' },
  },
  {
    intent: 'SetDefaultDeviceIntent',
    say: 'use the kitchen speaker by default',
    envelope: intent('SetDefaultDeviceIntent', { device: 'kitchen speaker' }),
    requests: [DEVICES],
    speech: 'Okay. Kitchen speaker is your default device when nothing else is playing.',
    state: {
      of: (w) => remembered(w)?.defaultDevice,
      from: undefined,
      to: { id: 'dev-kitchen', name: 'Kitchen speaker' },
    },
  },

  {
    intent: 'WhichDefaultDeviceIntent',
    say: 'which device is my default',
    envelope: intent('WhichDefaultDeviceIntent'),
    remembered: { defaultDevice: { id: 'dev-tv', name: 'Living Room TV' } },
    requests: [],
    speech: 'Living Room TV is your default device.',
  },

  // Troubleshooting and the account
  {
    intent: 'DeviceHelpIntent',
    say: "why can't you find my speaker",
    envelope: intent('DeviceHelpIntent'),
    requests: [],
    speech: enUS.deviceHelp,
  },
  {
    intent: 'UnlinkHelpIntent',
    say: 'how do i unlink my account',
    envelope: intent('UnlinkHelpIntent'),
    requests: [],
    speech: enUS.unlinkHelp,
  },
  {
    intent: 'WhichAccountIntent',
    say: 'which account is linked',
    envelope: intent('WhichAccountIntent'),
    requests: [ME],
    speech: "You're linked to Spotify as Demo User.",
  },
];

/** Don't Stop Me Now plays on the kitchen speaker, no context (the default world). */
function nowPlayingKitchen() {
  return { device: 'dev-kitchen', context: null, uris: null, playing: true };
}
function paused(device: string) {
  return { device, context: null, uris: null, playing: false };
}
function started(device: string, context: string) {
  return { device, context, uris: null, playing: true };
}
/** The Liked Songs as URIs, in Spotify's order (newest first). */
function liked(w: World): string[] {
  return (demo(w.emulator).savedTracks ?? []).map((s) => `spotify:track:${s.trackId}`);
}

const key = (r: Request) =>
  JSON.stringify([r.method, r.path, Object.entries(r.query).sort(), r.body === undefined ? null : r.body]);

/**
 * The requests as sent, each parallel group put in the expected order when it holds the same requests, so that
 * comparing with the expected list shows only real differences (a missing, extra or different request).
 */
export function alignParallel(sent: Request[], steps: Step[]): Request[] {
  const out: Request[] = [];
  let i = 0;
  for (const step of steps) {
    const group = Array.isArray(step) ? step : [step];
    const pool = sent.slice(i, i + group.length);
    i += group.length;
    for (const expected of group) {
      const at = pool.findIndex((r) => key(r) === key(expected));
      if (at >= 0) out.push(...pool.splice(at, 1));
    }
    out.push(...pool);
  }
  return [...out, ...sent.slice(i)];
}

export const describeSpeech = (s: string | RegExp) =>
  typeof s === 'string' ? (s.length > 90 ? `${s.slice(0, 87)}...` : s || '(nothing)') : `~ ${s.source}`;
export const requestName = (envelope: ReturnType<EnvelopeBuilder['build']>) => {
  const r = envelope.request as { type: string; intent?: { name: string } };
  return r.type === 'IntentRequest' ? r.intent!.name : r.type;
};
