/**
 * The everyday corpus of issue 13: what people actually say to a music remote, written the way they say it
 * (not copied from the interaction model's samples), grouped by the issue's families 1–12 plus the everyday
 * basics that already work. Each entry's expectation is the TARGET behaviour the issue asks for, not what the
 * skill does today. `via`/`needs` serve only the baseline diagnosis (see run.ts).
 *
 * Phrasings users asked for in other Spotify voice projects' trackers:
 * - "play X playlist on shuffle": forslund/spotify-skill#49 ("Would also like to say something along the
 *   lines of 'play X playlist on shuffle'"); German Alexa users ask "spiele meine Playlist XXX zufällig"
 *   (Apollon77/ioBroker.alexa2#30).
 * - volume on Echo's own 1–10 scale: thorpelawrence/alexa-spotify-connect#4 and #5 ("divide VOLUME LEVEL by
 *   10 to mimic Alexa's volume controls").
 * - devices by name, not number: thorpelawrence/alexa-spotify-connect#1.
 * - "play the show X": forslund/spotify-skill#143 (podcasts).
 * - "play discover weekly" failing: MycroftAI/mycroft-skills#423, forslund/spotify-skill#35,
 *   forslund/mopidy_skill#11.
 * - a too general "play" carrier swallowing real requests: forslund/spotify-skill#43.
 */
import type { Call, Entry, Expect, Family, Turn, World } from './run';

// Spotify calls ------------------------------------------------------------------------------------------
const PLAY = 'PUT /me/player/play';
const PAUSE = 'PUT /me/player/pause';
const NEXT = 'POST /me/player/next';
const PREVIOUS = 'POST /me/player/previous';
const QUEUE = 'GET /me/player/queue';
const SEARCH = 'GET /search';
const TRANSFER = 'PUT /me/player';
const playContext = (uri: string | RegExp): Call => ({ call: PLAY, body: { context_uri: uri } });
const playUris = (uri: RegExp): Call => ({ call: PLAY, body: { uris: uri } });
const playlist = (id: string): Call => playContext(`spotify:playlist:${id}`);
const volume = (v: number | RegExp): Call => ({
  call: 'PUT /me/player/volume',
  query: { volume_percent: typeof v === 'number' ? String(v) : v },
});
const volumeOn = (v: RegExp, device: string): Call => ({
  call: 'PUT /me/player/volume',
  query: { volume_percent: v, device_id: device },
});
const shuffle = (on: boolean): Call => ({ call: 'PUT /me/player/shuffle', query: { state: String(on) } });
const repeat = (state: 'track' | 'context' | 'off'): Call => ({
  call: 'PUT /me/player/repeat',
  query: { state },
});
const seek = (ms: number): Call => ({ call: 'PUT /me/player/seek', query: { position_ms: String(ms) } });
const LIKED = playUris(/spotify:track:/);
const WRITES: Call[] = [
  PLAY,
  PAUSE,
  NEXT,
  PREVIOUS,
  TRANSFER,
  'PUT /me/player/volume',
  'POST /me/player/queue',
];

const PLAYING_NAME = /^Playing .+/;
const NOT_PLAYING =
  /(isn't|is not|not) playing|nothing (is )?playing|(no|can't find an) active (Spotify )?device/i;
const EMOJI = /\p{Extended_Pictographic}/u;

// Entry builders -----------------------------------------------------------------------------------------
interface Options {
  world?: World | World[];
  via?: string | string[];
  needs?: 'emulator' | 'intent';
  note?: string;
}

function family(name: Family, defaults: Options = {}) {
  return (say: string | Array<string | Turn>, expect: Expect, options: Options = {}): Entry => ({
    say,
    family: name,
    expect,
    ...defaults,
    ...options,
  });
}

// 1. Play with a modifier ------------------------------------------------------------------------------------
const mod = family('modifier', { world: 'paused', via: 'PlayPlaylistIntent' });
const notADevice = /device called|can't see a device|couldn't find a (device|speaker)/i;
const modifier: Entry[] = [
  mod('shuffle my dinner party playlist', {
    calls: [playlist('pl-dinner-party'), shuffle(true)],
    notSays: notADevice,
  }),
  mod('play road trip 2019 on shuffle', {
    calls: [playlist('pl-filler-1'), shuffle(true)],
    notSays: notADevice,
  }),
  mod('play road trip 2019 shuffled', {
    calls: [playlist('pl-filler-1'), shuffle(true)],
    notSays: notADevice,
  }),
  mod('play my workout mix on shuffle', {
    calls: [playlist('pl-workout-mix'), shuffle(true)],
    notSays: notADevice,
  }),
  mod('play workout mix in shuffle mode', { calls: [playlist('pl-workout-mix'), shuffle(true)] }),
  mod('put my dinner party playlist on shuffle', { calls: [playlist('pl-dinner-party'), shuffle(true)] }),
  mod('shuffle the dinner party playlist', { calls: [playlist('pl-dinner-party'), shuffle(true)] }),
  mod('shuffle play focus flow', { calls: [playlist('pl-filler-2'), shuffle(true)] }),
  mod('play focus flow with shuffle on', { calls: [playlist('pl-filler-2'), shuffle(true)] }),
  mod('play my focus flow playlist and shuffle it', { calls: [playlist('pl-filler-2'), shuffle(true)] }),
  mod('shuffle my rock and roll playlist', { calls: [playlist('pl-rock-and-roll'), shuffle(true)] }),
  mod('play lofi beats to study to on shuffle', { calls: [playlist('pl-lofi'), shuffle(true)] }),
  mod('play my 90s hits playlist shuffled', { calls: [playlist('pl-90s-hits'), shuffle(true)] }),
  mod('play christmas on shuffle', { calls: [playlist('pl-filler-6'), shuffle(true)], notSays: notADevice }),
  mod('play my chill vibes playlist on repeat', { calls: [playlist('pl-chill-vibes'), repeat('context')] }),
  mod('loop my workout mix', { calls: [playlist('pl-workout-mix'), repeat('context')] }),
  mod('play workout mix on loop', {
    calls: [playlist('pl-workout-mix'), repeat('context')],
    notSays: notADevice,
  }),
  mod('play my dinner party playlist on repeat please', {
    calls: [playlist('pl-dinner-party'), repeat('context')],
  }),
  mod('play road trip 2019 on shuffle in the kitchen', {
    calls: [
      {
        call: PLAY,
        query: { device_id: 'dev-kitchen' },
        body: { context_uri: 'spotify:playlist:pl-filler-1' },
      },
      shuffle(true),
    ],
  }),
  mod('play dinner party on shuffle on the tv', {
    calls: [
      {
        call: PLAY,
        query: { device_id: 'dev-tv' },
        body: { context_uri: 'spotify:playlist:pl-dinner-party' },
      },
      shuffle(true),
    ],
  }),
  mod(
    'play the album discovery on repeat',
    { calls: [playContext('spotify:album:al-discovery'), repeat('context')] },
    { via: 'PlayAlbumIntent' },
  ),
  mod(
    'play discovery by daft punk on repeat',
    { calls: [playContext('spotify:album:al-discovery'), repeat('context')] },
    { via: ['PlayAlbumIntent', 'PlaySongIntent'] },
  ),
  mod(
    'repeat the album abbey road',
    { calls: [playContext('spotify:album:al-abbey-road'), repeat('context')] },
    { via: 'PlayAlbumIntent' },
  ),
  mod(
    'shuffle the album lemonade',
    { calls: [playContext('spotify:album:al-lemonade'), shuffle(true)] },
    { via: 'PlayAlbumIntent' },
  ),
  mod(
    'play the album abbey road and shuffle it',
    { calls: [playContext('spotify:album:al-abbey-road'), shuffle(true)] },
    { via: 'PlayAlbumIntent' },
  ),
  mod(
    'play queen on shuffle',
    { calls: [playContext('spotify:artist:ar-queen'), shuffle(true)] },
    { via: 'PlayArtistIntent' },
  ),
  mod(
    'shuffle some daft punk',
    { calls: [playContext('spotify:artist:ar-daft-punk'), shuffle(true)] },
    { via: 'PlayArtistIntent' },
  ),
  mod(
    'play the beatles shuffled',
    { calls: [playContext('spotify:artist:ar-beatles'), shuffle(true)] },
    { via: 'PlayArtistIntent' },
  ),
  mod(
    'shuffle songs by oasis please',
    { calls: [playContext('spotify:artist:ar-oasis'), shuffle(true)] },
    { via: 'PlayArtistIntent' },
  ),
  mod('play my liked songs on shuffle', { calls: [LIKED, shuffle(true)] }, { via: 'PlayLikedSongsIntent' }),
  mod('shuffle my favourite songs', { calls: [LIKED, shuffle(true)] }, { via: 'PlayLikedSongsIntent' }),
  mod(
    'play my liked songs in random order',
    { calls: [LIKED, shuffle(true)] },
    { via: 'PlayLikedSongsIntent' },
  ),
  mod('shuffle everything i liked', { calls: [LIKED, shuffle(true)] }, { via: 'PlayLikedSongsIntent' }),
  mod(
    'play the song bohemian rhapsody on repeat',
    { calls: [playUris(/t-bohemian/), repeat('track')] },
    { via: 'PlaySongIntent' },
  ),
  mod(
    'put wonderwall on repeat',
    { calls: [playUris(/t-wonderwall|wonderwall/i), repeat('track')] },
    { via: 'PlaySongIntent' },
  ),
];

// 2. "Just play" ---------------------------------------------------------------------------------------------
const just = family('just-play', { world: 'paused', via: ['AMAZON.ResumeIntent', 'PlayLikedSongsIntent'] });
const resumes: Expect = { calls: [PLAY], never: [SEARCH], says: /resum|playing/i };
const startsSomething: Expect = {
  calls: [{ call: PLAY, bodyAny: ['uris', 'context_uri'] }],
  never: [SEARCH],
  says: PLAYING_NAME,
};
const justPlay: Entry[] = [
  just('play something', resumes),
  just('put some music on', resumes),
  just('play some music', resumes),
  just('start some music', resumes),
  just('play anything', resumes),
  just('put something on', resumes),
  just('play me something', resumes),
  just('music please', resumes),
  just('play some tunes', resumes),
  just('just play something', resumes),
  just('play whatever', resumes),
  just('put on some music', resumes),
  just('play spotify', resumes),
  just('play something', startsSomething, { world: 'stopped' }),
  just('put some music on', startsSomething, { world: 'stopped' }),
  just('play some music', startsSomething, { world: 'stopped' }),
  just('play anything', startsSomething, { world: 'stopped' }),
  just('put something on', startsSomething, { world: 'stopped' }),
  just('play some tunes', startsSomething, { world: 'stopped' }),
  just('play me some music', startsSomething, { world: 'stopped' }),
  just(
    'play something',
    { calls: [LIKED], never: [SEARCH], says: /liked songs/i },
    { world: ['stopped', 'no-history'] },
  ),
  just('start the music', { ...startsSomething, says: PLAYING_NAME }, { world: 'stopped' }),
  just(
    'play music in the kitchen',
    { calls: [{ call: PLAY, query: { device_id: 'dev-kitchen' } }], never: [SEARCH] },
    { world: 'paused', via: 'TransferPlaybackIntent' },
  ),
];

// 3. Volume the way Echo owners speak ------------------------------------------------------------------------
const vol = family('volume', { world: 'playing', via: 'SetVolumeIntent' });
const up = family('volume', { world: 'playing', via: 'VolumeUpIntent' });
const down = family('volume', { world: 'playing', via: 'VolumeDownIntent' });
const volumeEntries: Entry[] = [
  vol('volume 4', { calls: [volume(40)] }),
  vol('volume five', { calls: [volume(50)] }),
  vol('set the volume to 7', { calls: [volume(70)] }),
  vol('volume to three', { calls: [volume(30)] }),
  vol('set volume to ten', { calls: [volume(100)] }),
  vol('volume 2 please', { calls: [volume(20)] }),
  vol('change the volume to six', { calls: [volume(60)] }),
  vol('put the volume on 8', { calls: [volume(80)] }),
  vol('set the volume to one', { calls: [volume(10)] }),
  vol('volume level 3', { calls: [volume(30)] }),
  vol('turn the volume to 9', { calls: [volume(90)] }),
  vol('set the volume to 40 percent', { calls: [volume(40)] }),
  vol('volume 65', { calls: [volume(65)] }),
  vol('set volume to 25', { calls: [volume(25)] }),
  vol('volume 5 percent', { calls: [volume(5)] }),
  vol('set the volume at 30 percent', { calls: [volume(30)] }),
  vol('volume 150', { calls: [volume(100)], says: /100|maximum|max/i }),
  vol('set the volume to 200 percent', { calls: [volume(100)], says: /100|maximum|max/i }),
  vol('volume eleven', { calls: [volume(/^(11|100)$/)], says: /./ }),
  vol('max volume', { calls: [volume(100)] }, { needs: 'intent' }),
  vol('volume max', { calls: [volume(100)] }, { needs: 'intent' }),
  vol('full volume', { calls: [volume(100)] }, { needs: 'intent' }),
  vol('turn it all the way up', { calls: [volume(100)] }, { needs: 'intent' }),
  vol('crank the volume all the way up', { calls: [volume(100)] }, { needs: 'intent' }),
  vol('minimum volume', { calls: [volume(/^(0|5|10)$/)] }, { needs: 'intent' }),
  vol('turn the volume all the way down', { calls: [volume(/^(0|5|10)$/)] }, { needs: 'intent' }),
  up('turn it up a lot', { calls: [volume(/^(6[5-9]|[7-9]\d|100)$/)] }),
  up('make it way louder', { calls: [volume(/^(6[5-9]|[7-9]\d|100)$/)] }),
  up('turn it up a little', { calls: [volume(/^5[1-9]$/)] }),
  up('a tiny bit louder', { calls: [volume(/^5[1-9]$/)] }),
  down('turn it down a little', { calls: [volume(/^4[1-9]$/)] }),
  down('a bit quieter please', { calls: [volume(/^4[1-9]$/)] }),
  down('turn it down a lot', { calls: [volume(/^([0-2]?\d|3[0-5])$/)] }),
  down('much quieter', { calls: [volume(/^([0-2]?\d|3[0-5])$/)] }),
  vol('volume up to 8', { calls: [volume(80)] }),
  vol('set the volume to zero', { calls: [volume(0)] }),
];

// 4. Commands about a named device or room -------------------------------------------------------------------
const dev = family('named-device', { world: 'tv-playing', needs: 'intent' });
const namedDevice: Entry[] = [
  dev('pause the tv', { calls: [PAUSE], notSays: /device called/i }),
  dev('pause the living room tv', { calls: [PAUSE] }),
  dev('stop the music in the living room', { calls: [PAUSE] }),
  dev('pause the tv', { never: WRITES, says: NOT_PLAYING }, { world: 'playing' }),
  dev('pause the living room', { never: WRITES, says: NOT_PLAYING }, { world: 'playing' }),
  dev('pause the kitchen speaker', { calls: [PAUSE] }, { world: 'playing' }),
  dev('pause the music in the kitchen', { calls: [PAUSE] }, { world: 'playing' }),
  dev('stop the kitchen', { calls: [PAUSE] }, { world: 'playing' }),
  dev('pause the kitchen', { calls: [PAUSE] }, { world: ['two-kitchens', 'playing'] }),
  dev('pause the bedroom', { never: WRITES, says: NOT_PLAYING }, { world: 'playing' }),
  dev('pause the garage', { never: WRITES, says: /garage/i }, { world: 'playing' }),
  dev('pause the tv', { never: WRITES, says: NOT_PLAYING }, { world: 'idle' }),
  dev('pause my macbook', { calls: [PAUSE] }, { world: 'laptop-playing' }),
  dev('resume the kitchen speaker', { calls: [PLAY] }, { world: 'paused' }),
  dev('unpause the kitchen', { calls: [PLAY] }, { world: 'paused' }),
  dev('resume the tv', { never: WRITES, says: NOT_PLAYING }, { world: 'paused' }),
  dev('skip this song on the tv', { calls: [NEXT] }),
  dev('next song in the kitchen', { calls: [NEXT] }, { world: 'playing' }),
  dev('skip on the laptop', { calls: [NEXT] }, { world: 'laptop-playing' }),
  dev('skip the song in the kitchen', { never: WRITES, says: NOT_PLAYING }),
  dev('set the kitchen volume to 3', { calls: [volumeOn(/^30$/, 'dev-kitchen')] }, { world: 'playing' }),
  dev(
    'turn up the kitchen speaker',
    { calls: [volumeOn(/^([6-9]\d)$/, 'dev-kitchen')] },
    { world: 'playing' },
  ),
  dev('turn the kitchen speaker up to 7', { calls: [volumeOn(/^70$/, 'dev-kitchen')] }, { world: 'playing' }),
  dev('turn the tv down', { calls: [volumeOn(/^(\d|1\d|2\d)$/, 'dev-tv')] }),
  dev('turn the living room tv up', { calls: [volumeOn(/^(3[1-9]|[4-9]\d)$/, 'dev-tv')] }),
  dev('mute the tv', { calls: [volumeOn(/^0$/, 'dev-tv')] }),
  dev('turn the office down', { never: WRITES, says: /office/i }),
  dev('turn down the car', { never: WRITES, says: NOT_PLAYING }),
  dev('turn the tv down', { never: WRITES, says: NOT_PLAYING }, { world: 'playing' }),
  dev("what's playing in the bedroom", { noSpotifyWrite: true, says: NOT_PLAYING }, { world: 'playing' }),
  dev(
    "what's playing in the kitchen",
    { noSpotifyWrite: true, says: /Don't Stop Me Now/ },
    { world: 'playing' },
  ),
  dev(
    'what song is playing in the kitchen',
    { noSpotifyWrite: true, says: /Don't Stop Me Now/ },
    { world: ['two-kitchens', 'playing'] },
  ),
  dev("what's on in the living room", { noSpotifyWrite: true, says: /Don't Stop Me Now/ }),
  dev("what's playing on the tv", { noSpotifyWrite: true, says: /Don't Stop Me Now/ }),
  dev('is anything playing on the tv', { noSpotifyWrite: true, says: NOT_PLAYING }, { world: 'playing' }),
  dev('is the tv playing', { noSpotifyWrite: true, says: /Living Room TV|TV/ }),
];

// 5. The queue -------------------------------------------------------------------------------------------------
const q = family('queue', { world: 'queued', needs: 'intent' });
const readsQueue: Expect = { calls: [QUEUE], noSpotifyWrite: true, says: /Hopp[íi]polla/ };
const queue: Entry[] = [
  q("what's next", readsQueue),
  q("what's coming up", readsQueue),
  q("what's in the queue", readsQueue),
  q("what's up next", readsQueue),
  q('what song is next', readsQueue),
  q("what's playing next", readsQueue),
  q('what comes after this', readsQueue),
  q("what's the next song", readsQueue),
  q('read me the queue', readsQueue),
  q("what's queued", readsQueue),
  q("what's on my queue", readsQueue),
  q("what's after this song", readsQueue),
  q('tell me what is next', readsQueue),
  q("what's the next track", readsQueue),
  q('what will play next', readsQueue),
  q("what's coming up next", readsQueue),
  q('what songs are coming up', {
    ...readsQueue,
    says: /Hopp[íi]polla.*One More Time|One More Time.*Hopp[íi]polla/,
  }),
  q(
    "what's next",
    { calls: [QUEUE], noSpotifyWrite: true, says: /nothing|empty|no more|end/i },
    { world: 'lone-track' },
  ),
  q(
    'is there anything in the queue',
    { calls: [QUEUE], noSpotifyWrite: true, says: /nothing|empty|no more|end/i },
    { world: 'lone-track' },
  ),
  q("what's next", { noSpotifyWrite: true, says: NOT_PLAYING }, { world: 'idle' }),
  q(
    "what's next",
    { calls: [QUEUE], noSpotifyWrite: true, says: /Basslines|Episode 41|nothing|end/i },
    { world: 'podcast' },
  ),
];

// 6. Podcasts ----------------------------------------------------------------------------------------------------
const pod = family('podcasts', { world: 'paused', needs: 'intent' });
const playsShow: Expect = {
  calls: [
    { call: SEARCH, query: { type: /show/ } },
    { call: PLAY, body: { context_uri: 'spotify:show:sh-sound-story' } },
  ],
  says: /Sound (&|and) Story/,
};
const playsNewest: Expect = { calls: [playUris(/ep-choruses/)], says: /Episode 42|Choruses/ };
const podcasts: Entry[] = [
  pod('play the podcast sound and story', playsShow, { needs: undefined, via: 'PlaySearchIntent' }),
  pod('play sound and story podcast', playsShow, { needs: undefined, via: 'PlaySearchIntent' }),
  pod('put on sound and story', playsShow, { needs: undefined, via: 'PlaySearchIntent' }),
  pod('listen to sound and story', playsShow, { needs: undefined, via: 'PlaySearchIntent' }),
  pod('play the show sound and story', playsShow, { needs: undefined, via: 'PlaySearchIntent' }),
  pod('play my podcast sound and story', playsShow),
  pod('play the latest episode of sound and story', playsNewest, {
    needs: 'emulator',
    note: 'GET /shows/{id}/episodes',
  }),
  pod('play the newest sound and story', playsNewest, {
    needs: 'emulator',
    note: 'GET /shows/{id}/episodes',
  }),
  pod("play this week's sound and story", playsNewest, {
    needs: 'emulator',
    note: 'GET /shows/{id}/episodes',
  }),
  pod('play the last episode of sound and story', playsNewest, {
    needs: 'emulator',
    note: 'GET /shows/{id}/episodes',
  }),
  pod('play episode 41 of sound and story', { calls: [playUris(/ep-basslines/)] }, { needs: 'emulator' }),
  pod('play the podcast episode why we love choruses', {
    calls: [{ call: SEARCH, query: { type: /episode/ } }, playUris(/ep-choruses/)],
  }),
  pod(
    'resume my podcast',
    { calls: [playUris(/ep-/)], says: /Sound (&|and) Story|Episode/ },
    { needs: 'emulator', note: 'resume_point per user (GET /me/episodes or /episodes/{id})' },
  ),
  pod(
    'continue my podcast',
    { calls: [playUris(/ep-/)] },
    { needs: 'emulator', note: 'resume_point per user' },
  ),
  pod(
    'pick up where i left off in sound and story',
    { calls: [playUris(/ep-/)] },
    { needs: 'emulator', note: 'resume_point per user' },
  ),
  pod('play a podcast', { says: /podcast|show/i, never: [SEARCH] }),
  pod('play the podcast the daily', { never: [PLAY], says: /daily/i }),
  pod(
    "what's playing",
    {
      calls: [{ call: 'GET /me/player*', query: { additional_types: /episode/ } }],
      says: /Episode 42.*Sound (&|and) Story|Sound (&|and) Story.*Episode 42/,
    },
    { world: 'podcast', needs: undefined, via: 'WhatsPlayingIntent' },
  ),
  pod(
    'what episode is this',
    { says: /Episode 42/, noSpotifyWrite: true },
    { world: 'podcast', needs: undefined, via: 'WhatsPlayingIntent' },
  ),
  pod(
    'what podcast is this',
    { says: /Sound (&|and) Story/, noSpotifyWrite: true },
    { world: 'podcast', needs: undefined, via: 'WhatsPlayingIntent' },
  ),
  pod(
    'skip forward thirty seconds',
    { calls: [seek(90_000)] },
    { world: 'podcast', needs: undefined, via: 'SeekIntent' },
  ),
  pod(
    'go back fifteen seconds',
    { calls: [seek(45_000)] },
    { world: 'podcast', needs: undefined, via: 'SeekIntent' },
  ),
  pod(
    'save this episode',
    { calls: [{ call: 'PUT /me/library', query: { uris: /spotify:episode:ep-choruses/ } }] },
    { world: 'podcast', needs: undefined, via: 'SaveSongIntent' },
  ),
  pod(
    'pause the podcast',
    { calls: [PAUSE] },
    { world: 'podcast', needs: undefined, via: 'AMAZON.PauseIntent' },
  ),
  pod(
    'play the next episode',
    { calls: [NEXT] },
    { world: 'podcast', needs: undefined, via: 'AMAZON.NextIntent' },
  ),
];

// 7. Spotify's own playlists -----------------------------------------------------------------------------------
const sp = family('spotify-playlists', { world: 'paused', via: 'PlayPlaylistIntent' });
const outOfReach: Expect = {
  says: /Spotify/,
  notSays: /couldn't find|can't find/i,
  never: [PLAY],
  noSpotifyWrite: true,
};
const spotifyPlaylists: Entry[] = [
  sp('play discover weekly', outOfReach),
  sp('play my discover weekly', outOfReach),
  sp('play my discover weekly playlist', outOfReach),
  sp('put on discover weekly', outOfReach),
  sp('shuffle discover weekly', outOfReach),
  sp('play release radar', outOfReach),
  sp('play my release radar', outOfReach),
  sp('play my daily mix', outOfReach),
  sp('play daily mix 1', outOfReach),
  sp("play today's top hits", outOfReach),
  sp("play the today's top hits playlist", outOfReach),
  sp('play rap caviar', outOfReach),
  sp('play my daylist', outOfReach),
  sp('play the jazz vibes playlist', outOfReach),
  sp('play my discover weekly on the tv', outOfReach),
  sp(
    'add this song to discover weekly',
    { ...outOfReach, never: ['POST /playlists/*/items'] },
    { world: 'playing', via: 'AddToPlaylistIntent' },
  ),
];

// 8. Answers to the skill's own questions -----------------------------------------------------------------------
// "play my road trip playlist" asks "Did you mean Road Trip 🚗 (with Sam), Road Trip 2019 or Road Trip 2021?"
// (the order the skill asks in today; an answer picks by that order); "move playback" asks which device; "add this to a playlist" asks which playlist.
const ans = family('answers', { world: 'paused', via: 'ChooseIntent' });
const ROAD = 'play my road trip playlist';
const endsPolitely: Expect = {
  noSpotifyWrite: true,
  ends: true,
  notSays: /called (neither|none|nope)|couldn't find|can't find|I didn't catch/i,
};
const answers: Entry[] = [
  ans([ROAD, 'the last one'], { calls: [playlist('pl-filler-45')] }),
  ans([ROAD, 'the last'], { calls: [playlist('pl-filler-45')] }),
  ans([ROAD, 'last one please'], { calls: [playlist('pl-filler-45')] }),
  ans([ROAD, 'the second one'], { calls: [playlist('pl-filler-1')] }),
  ans([ROAD, 'number two'], { calls: [playlist('pl-filler-1')] }),
  ans([ROAD, 'the middle one'], { calls: [playlist('pl-filler-1')] }),
  ans([ROAD, 'the first'], { calls: [playlist('pl-priya-road-trip')] }),
  ans([ROAD, 'third'], { calls: [playlist('pl-filler-45')] }),
  ans([ROAD, 'road trip 2021'], { calls: [playlist('pl-filler-45')] }, { via: 'PlayPlaylistIntent' }),
  ans([ROAD, '2021'], { calls: [playlist('pl-filler-45')] }, { via: 'PlayPlaylistIntent' }),
  ans([ROAD, 'the one from 2019'], { calls: [playlist('pl-filler-1')] }, { via: 'PlayPlaylistIntent' }),
  ans([ROAD, 'the one with sam'], { calls: [playlist('pl-priya-road-trip')] }, { via: 'PlayPlaylistIntent' }),
  ans([ROAD, 'the 2019 one'], { calls: [playlist('pl-filler-1')] }, { via: 'PlayPlaylistIntent' }),
  ans([ROAD, 'neither'], endsPolitely, { needs: 'intent' }),
  ans([ROAD, 'none of those'], endsPolitely, { needs: 'intent' }),
  ans([ROAD, 'none of them'], endsPolitely, { needs: 'intent' }),
  ans([ROAD, 'never mind'], endsPolitely, { via: 'AMAZON.CancelIntent' }),
  ans([ROAD, 'forget it'], endsPolitely, { via: 'AMAZON.CancelIntent' }),
  ans([ROAD, 'no'], endsPolitely, { needs: 'intent' }),
  ans([ROAD, 'nope none of them'], endsPolitely, { needs: 'intent' }),
  ans([ROAD, "actually don't bother"], endsPolitely, { needs: 'intent' }),
  ans(
    ['move playback', 'the tv'],
    { calls: [{ call: TRANSFER, body: { device_ids: ['dev-tv'] } }] },
    { world: 'playing', via: 'TransferPlaybackIntent' },
  ),
  ans(
    ['move playback', 'the laptop please'],
    { calls: [{ call: TRANSFER, body: { device_ids: ['dev-laptop'] } }] },
    { world: 'playing', via: 'TransferPlaybackIntent' },
  ),
  ans(['move playback', 'neither'], endsPolitely, { world: 'playing', needs: 'intent' }),
  ans(['move playback', 'never mind'], endsPolitely, { world: 'playing', via: 'AMAZON.CancelIntent' }),
  ans(
    ['add this to a playlist', 'dinner party'],
    { calls: ['POST /playlists/pl-dinner-party/items'] },
    { world: 'playing', via: 'AddToPlaylistIntent' },
  ),
  ans(['add this to a playlist', 'none of them'], endsPolitely, { world: 'playing', needs: 'intent' }),
  // Workout Mix and Workout Mix 2 both fit "the workout one": the skill asks which, and the answer picks.
  ans(
    ['add this to a playlist', 'the workout one', 'the first one'],
    { calls: ['POST /playlists/pl-workout-mix*/items'] },
    { world: 'playing', via: 'AddToPlaylistIntent' },
  ),
];

// 9. Per-Echo default device ------------------------------------------------------------------------------------
const def = family('per-echo-default', { world: 'idle', via: 'PlayPlaylistIntent' });
const onDevice = (id: string): Expect => ({ calls: [{ call: PLAY, query: { device_id: id } }] });
const perEcho: Entry[] = [
  def(
    ['use the living room tv by default', { say: 'play my workout mix', newSession: true }],
    onDevice('dev-tv'),
  ),
  def(
    [
      { say: 'use the tv by default', echo: 'echo-lounge' },
      { say: 'use the kitchen speaker by default', echo: 'echo-kitchen', newSession: true },
      { say: 'play my workout mix', echo: 'echo-lounge', newSession: true },
    ],
    onDevice('dev-tv'),
  ),
  def(
    [
      { say: 'use the tv by default', echo: 'echo-lounge' },
      { say: 'use the kitchen speaker by default', echo: 'echo-kitchen', newSession: true },
      { say: 'play my workout mix', echo: 'echo-kitchen', newSession: true },
    ],
    onDevice('dev-kitchen'),
  ),
  def(
    [
      { say: 'make the laptop my default speaker', echo: 'echo-office' },
      { say: 'put on my dinner party playlist', echo: 'echo-office', newSession: true },
    ],
    onDevice('dev-laptop'),
  ),
  def(
    [
      { say: 'always play on the tv', echo: 'echo-lounge' },
      { say: 'always play on the kitchen speaker', echo: 'echo-kitchen', newSession: true },
      { say: 'play some queen', echo: 'echo-lounge', newSession: true },
    ],
    onDevice('dev-tv'),
    { via: ['PlayArtistIntent', 'PlayGenreIntent', 'PlaySearchIntent'] },
  ),
  def(
    [
      { say: 'use the tv by default', echo: 'echo-lounge' },
      { say: 'which device is my default', echo: 'echo-lounge', newSession: true },
    ],
    { says: /Living Room TV/, noSpotifyWrite: true },
    { needs: 'intent' },
  ),
  def(
    [
      { say: 'use the tv by default', echo: 'echo-lounge' },
      { say: 'use the kitchen speaker by default', echo: 'echo-kitchen', newSession: true },
      { say: "what's my default speaker", echo: 'echo-kitchen', newSession: true },
    ],
    { says: /Kitchen speaker/, notSays: /Living Room TV/, noSpotifyWrite: true },
    { needs: 'intent' },
  ),
  def(
    [
      { say: 'use the tv by default', echo: 'echo-lounge' },
      { say: 'use the kitchen speaker by default', echo: 'echo-kitchen', newSession: true },
      { say: 'which speaker do you play on by default', echo: 'echo-lounge', newSession: true },
    ],
    { says: /Living Room TV/, notSays: /Kitchen/, noSpotifyWrite: true },
    { needs: 'intent' },
  ),
  def(
    'which device is my default',
    { says: /no default|haven't (set|chosen)|not set/i, noSpotifyWrite: true },
    { needs: 'intent' },
  ),
  def(
    'use the kitchen speaker by default',
    { says: /Kitchen speaker/, noSpotifyWrite: true, ends: true },
    { via: 'SetDefaultDeviceIntent' },
  ),
  def(
    'make the garage speaker my default',
    { says: /garage/i, noSpotifyWrite: true },
    { via: 'SetDefaultDeviceIntent' },
  ),
  def(
    [
      { say: 'use the bedroom echo by default', echo: 'echo-bedroom' },
      { say: 'play my workout mix', echo: 'echo-bedroom', newSession: true },
    ],
    onDevice('dev-bedroom'),
  ),
];

// 10. Empty and odd libraries -------------------------------------------------------------------------------------
const odd = family('odd-libraries', { world: 'paused', via: 'PlayPlaylistIntent' });
const saysEmpty: Expect = {
  says: /empty|no songs|nothing in it/i,
  never: [PLAY],
  notSays: /sorry.*(restrict|not allowed)|can't do that/i,
};
const oddLibraries: Entry[] = [
  odd('play my sleep playlist', saysEmpty),
  odd('put on the sleep playlist', saysEmpty),
  odd('shuffle my sleep playlist', saysEmpty),
  odd('play the sleep playlist on the tv', { ...saysEmpty, never: [PLAY, TRANSFER] }),
  odd(
    'play my sleep playlist',
    { calls: [playlist('pl-everyday-sleep-2')] },
    { world: ['paused', 'two-sleeps'] },
  ),
  odd(
    'put on my sleep playlist please',
    { calls: [playlist('pl-everyday-sleep-2')] },
    { world: ['paused', 'two-sleeps'] },
  ),
  odd(
    'list my playlists',
    { says: /no playlists|don't have any playlists|haven't (got|made)/i, noSpotifyWrite: true },
    { world: ['paused', 'empty-library'], via: 'ListPlaylistsIntent' },
  ),
  odd(
    'what playlists have i got',
    { says: /no playlists|don't have any playlists/i, noSpotifyWrite: true },
    { world: ['paused', 'empty-library'], via: 'ListPlaylistsIntent' },
  ),
  odd(
    'play my workout mix',
    { says: /no playlists|don't have any playlists|couldn't find/i, never: [PLAY] },
    { world: ['paused', 'empty-library'] },
  ),
  odd(
    'play my liked songs',
    { says: /no liked songs|haven't liked|don't have any liked songs|liked songs is empty/i, never: [PLAY] },
    { world: ['paused', 'empty-library'], via: 'PlayLikedSongsIntent' },
  ),
  odd(
    'play something',
    { says: /./, never: [SEARCH], notSays: /went wrong/i },
    {
      world: ['paused', 'empty-library', 'no-history'],
      via: ['AMAZON.ResumeIntent', 'PlayLikedSongsIntent'],
    },
  ),
  odd(
    'list my playlists',
    { says: /Spotify/, noSpotifyWrite: true },
    { world: ['paused', 'only-spotify-playlists'], via: 'ListPlaylistsIntent' },
  ),
  odd(
    'add this song to my sleep playlist',
    { calls: ['POST /playlists/pl-filler-13/items'] },
    { world: 'playing', via: 'AddToPlaylistIntent' },
  ),
  odd(
    "add this to priya's indie finds",
    { says: /can't|cannot|only|Priya/i, notSays: /went wrong/i },
    { world: 'playing', via: 'AddToPlaylistIntent' },
  ),
  odd('play my road trip with sam playlist', { calls: [playlist('pl-priya-road-trip')] }),
];

// 11. Speech made for the ear ------------------------------------------------------------------------------------
const ear = family('speech', { world: 'playing', via: 'WhatsPlayingIntent' });
const speech: Entry[] = [
  ear(
    "what's playing",
    { says: /Something/, notSays: /Remastered/, card: /Remastered/ },
    { world: 'remastered' },
  ),
  ear('what song is this', { says: /Something/, notSays: /Remastered/ }, { world: 'remastered' }),
  ear('what is this', { says: /Something/, notSays: /Remastered/ }, { world: 'remastered' }),
  ear('who sings this song', { says: /The Beatles/, notSays: /Remastered/ }, { world: 'remastered' }),
  ear(
    "what's playing",
    { says: /Eye of the Tiger/, notSays: /from Eye of the Tiger/ },
    { world: 'same-album-name' },
  ),
  ear(
    "what's this song",
    { says: /Eye of the Tiger/, notSays: /from Eye of the Tiger/ },
    { world: 'same-album-name' },
  ),
  ear("what's playing", { says: /paused/i, notSays: /is playing/ }, { world: 'paused' }),
  ear('what am i listening to', { says: /paused/i, notSays: /is playing/ }, { world: 'paused' }),
  ear("what's playing", { maxWords: 25 }),
  ear(
    'play my chill vibes playlist',
    { calls: [playlist('pl-chill-vibes')], says: /Chill\s+Vibes/, notSays: EMOJI, card: /🌙/ },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  ear(
    'play my christmas playlist',
    { calls: [playlist('pl-filler-6')], says: /Christmas/, notSays: EMOJI },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  ear(
    'play beach day',
    { calls: [playlist('pl-filler-26')], notSays: EMOJI },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  ear(
    'play the espanol playlist',
    { calls: [playlist('pl-filler-17')], notSays: EMOJI },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  ear(
    'play the song something',
    { calls: [playUris(/spotify:track:/)], says: /Something/, notSays: /Remastered/ },
    { world: 'paused', via: 'PlaySongIntent' },
  ),
  ear(
    'play come together by the beatles',
    { says: /Come Together/, notSays: /Remastered/ },
    { world: 'paused', via: 'PlaySongIntent' },
  ),
  ear('list my devices', { maxWords: 30 }, { via: 'ListDevicesIntent' }),
  ear('what speakers can i use', { maxWords: 30, says: /Kitchen speaker/ }, { via: 'ListDevicesIntent' }),
  ear('list my playlists', { maxWords: 30 }, { via: 'ListPlaylistsIntent' }),
  ear("my echo isn't showing up", { maxWords: 30 }, { via: 'DeviceHelpIntent' }),
  ear('why is my speaker not showing', { maxWords: 30 }, { via: 'DeviceHelpIntent' }),
  ear(
    'play my workout mix',
    { says: /^Playing Workout Mix/, maxWords: 12 },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
];

// 12. Predictable routing -----------------------------------------------------------------------------------------
const route = family('routing', { world: 'playing' });
const routing: Entry[] = [
  route('play the next track', { calls: [NEXT], never: [SEARCH] }, { via: 'AMAZON.NextIntent' }),
  route('play next', { calls: [NEXT], never: [SEARCH] }, { via: 'AMAZON.NextIntent' }),
  route('play the next one', { calls: [NEXT], never: [SEARCH] }, { via: 'AMAZON.NextIntent' }),
  route('listen to the next song', { calls: [NEXT], never: [SEARCH] }, { via: 'AMAZON.NextIntent' }),
  route('put on the next track', { calls: [NEXT], never: [SEARCH] }, { via: 'AMAZON.NextIntent' }),
  route('play the previous track', { calls: [PREVIOUS], never: [SEARCH] }, { via: 'AMAZON.PreviousIntent' }),
  route('play the song before', { calls: [PREVIOUS], never: [SEARCH] }, { via: 'AMAZON.PreviousIntent' }),
  route(
    'put shuffle on',
    { calls: [shuffle(true)], never: [SEARCH, PLAY] },
    { via: 'AMAZON.ShuffleOnIntent' },
  ),
  route(
    'turn shuffling on',
    { calls: [shuffle(true)], never: [SEARCH, PLAY] },
    { via: 'AMAZON.ShuffleOnIntent' },
  ),
  route(
    'shuffle mode on',
    { calls: [shuffle(true)], never: [SEARCH, PLAY] },
    { via: 'AMAZON.ShuffleOnIntent' },
  ),
  route(
    'shuffle this playlist',
    { calls: [shuffle(true)], never: [SEARCH, PLAY] },
    { via: 'AMAZON.ShuffleOnIntent' },
  ),
  route(
    'shuffle these songs',
    { calls: [shuffle(true)], never: [SEARCH, PLAY] },
    { via: 'AMAZON.ShuffleOnIntent' },
  ),
  route('stop shuffle', { calls: [shuffle(false)], never: [SEARCH] }, { via: 'AMAZON.ShuffleOffIntent' }),
  route(
    'turn shuffle off please',
    { calls: [shuffle(false)], never: [SEARCH] },
    { via: 'AMAZON.ShuffleOffIntent' },
  ),
  route('repeat this song', { calls: [repeat('track')], never: [SEARCH, PLAY] }, { via: 'RepeatModeIntent' }),
  route(
    'loop this song',
    { calls: [repeat('track')], never: [SEARCH, PLAY] },
    { via: ['RepeatModeIntent', 'AMAZON.LoopOnIntent'] },
  ),
  route(
    'put this song on repeat',
    { calls: [repeat('track')], never: [SEARCH, PLAY] },
    { via: 'RepeatModeIntent' },
  ),
  route(
    'turn repeat off',
    { calls: [repeat('off')], never: [SEARCH] },
    { via: ['RepeatModeIntent', 'AMAZON.LoopOffIntent'] },
  ),
  route(
    'stop repeating',
    { calls: [repeat('off')], never: [SEARCH] },
    { via: ['RepeatModeIntent', 'AMAZON.LoopOffIntent'] },
  ),
  route('play it from the start', { calls: [seek(0)], never: [SEARCH] }, { via: 'AMAZON.StartOverIntent' }),
  route(
    'play my library playlist',
    { calls: [LIKED], never: [SEARCH] },
    { world: 'paused', via: ['PlayLikedSongsIntent', 'PlayPlaylistIntent'] },
  ),
  route(
    'play the liked songs playlist',
    { calls: [LIKED], never: [SEARCH] },
    { world: 'paused', via: ['PlayLikedSongsIntent', 'PlayPlaylistIntent'] },
  ),
  route(
    'play the playlist called liked songs',
    { calls: [LIKED], never: [SEARCH] },
    { world: 'paused', via: ['PlayLikedSongsIntent', 'PlayPlaylistIntent'] },
  ),
  route(
    'play my favourites playlist',
    { calls: [LIKED], never: [SEARCH] },
    { world: 'paused', via: ['PlayLikedSongsIntent', 'PlayPlaylistIntent'] },
  ),
  route(
    'the second one',
    { noSpotifyWrite: true, says: /choose|choice|pick|nothing to|didn't ask|not asked/i },
    { via: 'ChooseIntent' },
  ),
  route(
    'number three',
    { noSpotifyWrite: true, says: /choose|choice|pick|nothing to|didn't ask|not asked/i },
    { via: 'ChooseIntent' },
  ),
  route(
    'skip forward 30 seconds',
    { noSpotifyWrite: true, says: NOT_PLAYING },
    { world: 'idle', via: 'SeekIntent' },
  ),
  route(
    'go back a minute',
    { noSpotifyWrite: true, says: NOT_PLAYING },
    { world: 'idle', via: 'SeekIntent' },
  ),
  route(
    'play spotify in the kitchen',
    { calls: [{ call: PLAY, query: { device_id: 'dev-kitchen' } }], never: [SEARCH] },
    { world: 'paused', via: 'TransferPlaybackIntent' },
  ),
  route(
    'continue playing',
    { calls: [PLAY], never: [SEARCH] },
    { world: 'paused', via: 'AMAZON.ResumeIntent' },
  ),
  route(
    'play whatever was playing',
    { calls: [PLAY], never: [SEARCH] },
    { world: 'paused', via: 'AMAZON.ResumeIntent' },
  ),
  route(
    'play the music again',
    { calls: [PLAY], never: [SEARCH] },
    { world: 'paused', via: 'AMAZON.ResumeIntent' },
  ),
];

// Everyday basics that already work ---------------------------------------------------------------------------
const b = family('basics', { world: 'playing' });
const basics: Entry[] = [
  b('pause', { calls: [PAUSE], says: /paused/i }, { via: 'AMAZON.PauseIntent' }),
  b('pause it', { calls: [PAUSE] }, { via: 'AMAZON.PauseIntent' }),
  b('pause the music please', { calls: [PAUSE] }, { via: 'AMAZON.PauseIntent' }),
  b('hold on', { calls: [PAUSE] }, { via: 'AMAZON.PauseIntent' }),
  b('stop the song', { calls: [PAUSE] }, { via: 'AMAZON.PauseIntent' }),
  b('resume', { calls: [PLAY] }, { world: 'paused', via: 'AMAZON.ResumeIntent' }),
  b('continue', { calls: [PLAY] }, { world: 'paused', via: 'AMAZON.ResumeIntent' }),
  b('unpause the music', { calls: [PLAY] }, { world: 'paused', via: 'AMAZON.ResumeIntent' }),
  b('carry on playing', { calls: [PLAY] }, { world: 'paused', via: 'AMAZON.ResumeIntent' }),
  b('next', { calls: [NEXT] }, { via: 'AMAZON.NextIntent' }),
  b('skip', { calls: [NEXT] }, { via: 'AMAZON.NextIntent' }),
  b('skip song', { calls: [NEXT] }, { via: 'AMAZON.NextIntent' }),
  b('skip this one', { calls: [NEXT] }, { via: 'AMAZON.NextIntent' }),
  b('next one please', { calls: [NEXT] }, { via: 'AMAZON.NextIntent' }),
  b('i hate this song skip it', { calls: [NEXT] }, { via: 'AMAZON.NextIntent' }),
  b('go back', { calls: [PREVIOUS] }, { via: 'AMAZON.PreviousIntent' }),
  b('previous', { calls: [PREVIOUS] }, { via: 'AMAZON.PreviousIntent' }),
  b('go back one song', { calls: [PREVIOUS] }, { via: 'AMAZON.PreviousIntent' }),
  b('play the last song again', { calls: [PREVIOUS] }, { via: 'AMAZON.PreviousIntent' }),
  b('restart', { calls: [seek(0)] }, { via: 'AMAZON.StartOverIntent' }),
  b('start the song again', { calls: [seek(0)] }, { via: 'AMAZON.StartOverIntent' }),
  b("what's this", { says: /Don't Stop Me Now/, noSpotifyWrite: true }, { via: 'WhatsPlayingIntent' }),
  b('what song is that', { says: /Don't Stop Me Now/, noSpotifyWrite: true }, { via: 'WhatsPlayingIntent' }),
  b('who is this by', { says: /Queen/, noSpotifyWrite: true }, { via: 'WhatsPlayingIntent' }),
  b(
    "what's the name of this track",
    { says: /Don't Stop Me Now/, noSpotifyWrite: true },
    { via: 'WhatsPlayingIntent' },
  ),
  b('which band is this', { says: /Queen/, noSpotifyWrite: true }, { via: 'WhatsPlayingIntent' }),
  b(
    'how loud is it',
    { says: /^The volume is 50 percent on Kitchen speaker\.$/, noSpotifyWrite: true },
    { via: 'WhatsTheVolumeIntent' },
  ),
  b(
    "what's the volume right now",
    { says: /50 percent/, noSpotifyWrite: true },
    { via: 'WhatsTheVolumeIntent' },
  ),
  b(
    "what's playing right now",
    { says: NOT_PLAYING, noSpotifyWrite: true },
    { world: 'idle', via: 'WhatsPlayingIntent' },
  ),
  b(
    'play my workout mix please',
    { calls: [playlist('pl-workout-mix')], says: /Workout Mix/ },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'play my dinner party playlist',
    { calls: [playlist('pl-dinner-party')] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'put on my focus flow playlist please',
    { calls: [playlist('pl-filler-2')] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'play my cooking playlist',
    { calls: [playlist('pl-filler-28')] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'play my yoga playlist',
    { calls: [playlist('pl-filler-37')] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'play my late night drive playlist',
    { calls: [playlist('pl-filler-29')] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'play the rock and roll playlist',
    { calls: [playlist('pl-rock-and-roll')] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    "play mum's favourites",
    { calls: [playlist('pl-mums-favourites')] },
    { world: 'paused', via: ['PlayPlaylistIntent', 'PlaySearchIntent'] },
  ),
  b(
    'play the cafe del mar playlist',
    { calls: [playlist('pl-cafe-del-mar')] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'play my workout mix in the kitchen',
    {
      calls: [
        {
          call: PLAY,
          query: { device_id: 'dev-kitchen' },
          body: { context_uri: 'spotify:playlist:pl-workout-mix' },
        },
      ],
    },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b(
    'play my dinner party playlist on the tv',
    { calls: [{ call: PLAY, query: { device_id: 'dev-tv' } }] },
    { world: 'paused', via: 'PlayPlaylistIntent' },
  ),
  b('play my liked songs please', { calls: [LIKED] }, { world: 'paused', via: 'PlayLikedSongsIntent' }),
  b('play the songs i saved', { calls: [LIKED] }, { world: 'paused', via: 'PlayLikedSongsIntent' }),
  b(
    'play some queen',
    { calls: [playContext('spotify:artist:ar-queen')] },
    { world: 'paused', via: ['PlayArtistIntent', 'PlayGenreIntent'] },
  ),
  b(
    'play music by daft punk please',
    { calls: [playContext('spotify:artist:ar-daft-punk')] },
    { world: 'paused', via: 'PlayArtistIntent' },
  ),
  b(
    'play something by sade',
    { calls: [playContext('spotify:artist:ar-sade')] },
    { world: 'paused', via: 'PlayArtistIntent' },
  ),
  b(
    'play beyonce',
    { calls: [playContext('spotify:artist:ar-beyonce')] },
    { world: 'paused', via: ['PlayArtistIntent', 'PlaySearchIntent'] },
  ),
  b(
    'play the album back in black',
    { calls: [playContext('spotify:album:al-back-in-black')] },
    { world: 'paused', via: 'PlayAlbumIntent' },
  ),
  b(
    'play the kind of blue album',
    { calls: [playContext('spotify:album:al-kind-of-blue')] },
    { world: 'paused', via: 'PlayAlbumIntent' },
  ),
  b(
    'play random access memories by daft punk',
    { calls: [playContext('spotify:album:al-ram')] },
    { world: 'paused', via: ['PlayAlbumIntent', 'PlaySongIntent'] },
  ),
  b(
    'play wonderwall by oasis',
    { calls: [playUris(/spotify:track:/)], says: /Wonderwall/ },
    { world: 'paused', via: 'PlaySongIntent' },
  ),
  b(
    'play the song hoppipolla',
    { calls: [playUris(/t-hoppipolla/)] },
    { world: 'paused', via: 'PlaySongIntent' },
  ),
  b(
    'play bohemian rhapsody',
    { calls: [playUris(/t-bohemian/)] },
    { world: 'paused', via: ['PlaySongIntent', 'PlaySearchIntent'] },
  ),
  b('play some jazz', { calls: [PLAY] }, { world: 'paused', via: 'PlayGenreIntent' }),
  b('list devices please', { says: /Kitchen speaker/, noSpotifyWrite: true }, { via: 'ListDevicesIntent' }),
  b(
    'which speakers do i have',
    { says: /Kitchen speaker/, noSpotifyWrite: true },
    { via: 'ListDevicesIntent' },
  ),
  b(
    'what can i play music on',
    { says: /Kitchen speaker/, noSpotifyWrite: true },
    { via: 'ListDevicesIntent' },
  ),
  b(
    'move the music to the tv',
    { calls: [{ call: TRANSFER, body: { device_ids: ['dev-tv'] } }] },
    { via: 'TransferPlaybackIntent' },
  ),
  b(
    'switch to the living room tv',
    { calls: [{ call: TRANSFER, body: { device_ids: ['dev-tv'] } }] },
    { via: 'TransferPlaybackIntent' },
  ),
  b(
    'play this on my laptop',
    { calls: [{ call: TRANSFER, body: { device_ids: ['dev-laptop'] } }] },
    { via: 'TransferPlaybackIntent' },
  ),
  b(
    'move it to the bedroom',
    { calls: [{ call: TRANSFER, body: { device_ids: ['dev-bedroom'] } }] },
    { via: 'TransferPlaybackIntent' },
  ),
  b(
    'send the music to the kitchen',
    { calls: [{ call: TRANSFER, body: { device_ids: ['dev-kitchen'] } }] },
    { world: 'tv-playing', via: 'TransferPlaybackIntent' },
  ),
  b(
    'like this song',
    { calls: [{ call: 'PUT /me/library', query: { uris: /spotify:track:t-dont-stop/ } }] },
    { via: 'SaveSongIntent' },
  ),
  b(
    'i love this one',
    { calls: [{ call: 'PUT /me/library', query: { uris: /spotify:track:t-dont-stop/ } }] },
    { via: 'SaveSongIntent' },
  ),
  b(
    'save this to my liked songs',
    { calls: [{ call: 'PUT /me/library', query: { uris: /spotify:track:t-dont-stop/ } }] },
    { via: 'SaveSongIntent' },
  ),
  b(
    'add this to my liked songs please',
    { calls: [{ call: 'PUT /me/library', query: { uris: /spotify:track:t-dont-stop/ } }] },
    { via: 'SaveSongIntent' },
  ),
  b(
    'add it to my dinner party playlist',
    { calls: ['POST /playlists/pl-dinner-party/items'] },
    { via: 'AddToPlaylistIntent' },
  ),
  b(
    'add this to workout mix',
    { calls: ['POST /playlists/pl-workout-mix/items'] },
    { via: 'AddToPlaylistIntent' },
  ),
  b(
    'put this song on my road trip 2021 playlist',
    { calls: ['POST /playlists/pl-filler-45/items'] },
    { via: 'AddToPlaylistIntent' },
  ),
  b(
    'add this song to cooking',
    { calls: ['POST /playlists/pl-filler-28/items'] },
    { via: 'AddToPlaylistIntent' },
  ),
  b(
    'queue wonderwall',
    { calls: [{ call: 'POST /me/player/queue', query: { uri: /spotify:track:/ } }] },
    { via: 'QueueSongIntent' },
  ),
  b(
    'add hoppipolla to the queue',
    { calls: [{ call: 'POST /me/player/queue', query: { uri: /t-hoppipolla/ } }] },
    { via: 'QueueSongIntent' },
  ),
  b(
    'play get lucky next',
    { calls: [{ call: 'POST /me/player/queue', query: { uri: /spotify:track:/ } }] },
    { via: 'QueueSongIntent' },
  ),
  b(
    'make a playlist called garden songs',
    { calls: ['POST /me/playlists'] },
    { via: 'CreatePlaylistIntent' },
  ),
  b('mute', { calls: [volume(0)] }, { via: 'MuteIntent' }),
  b('unmute', { calls: [volume(/^\d+$/)] }, { via: 'UnmuteIntent' }),
  b('louder please', { calls: [volume(/^([6-9]\d|100)$/)] }, { via: 'VolumeUpIntent' }),
  b('turn it down a bit', { calls: [volume(/^([0-3]?\d|4\d)$/)] }, { via: 'VolumeDownIntent' }),
  b('shuffle', { calls: [shuffle(true)] }, { via: 'AMAZON.ShuffleOnIntent' }),
  b('skip ahead a minute', { calls: [seek(120_000)] }, { via: 'SeekIntent' }),
  b('rewind thirty seconds', { calls: [seek(30_000)] }, { via: 'SeekIntent' }),
  b(
    'what playlists do i have please',
    { says: /Workout Mix|Road Trip/, noSpotifyWrite: true },
    { via: 'ListPlaylistsIntent' },
  ),
  b('stop', { noSpotifyWrite: true, ends: true }, { via: 'AMAZON.StopIntent' }),
  b('help', { asks: true, noSpotifyWrite: true }, { via: 'AMAZON.HelpIntent' }),
  b(
    'play my workout mix',
    { linkCard: true, noSpotifyWrite: true },
    { world: ['paused', 'unlinked'], via: 'PlayPlaylistIntent' },
  ),
  b('pause', { linkCard: true, noSpotifyWrite: true }, { world: ['unlinked'], via: 'AMAZON.PauseIntent' }),
];

export const CORPUS: Entry[] = [
  ...modifier,
  ...justPlay,
  ...volumeEntries,
  ...namedDevice,
  ...queue,
  ...podcasts,
  ...spotifyPlaylists,
  ...answers,
  ...perEcho,
  ...oddLibraries,
  ...speech,
  ...routing,
  ...basics,
];
