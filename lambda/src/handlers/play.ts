import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { matchName, normalizeName } from '../matching';
import { parsePlay, type PlayCommand, type PlayHeard, type PlayRequest } from '../matching/play';
import type { Speech } from '../speech/speech';
import { SpotifyError } from '../spotify/errors';
import type { Device, Image, RepeatState } from '../spotify/types';
import { onIntent, showingScreen, type Resume, type SkillRequestHandler } from '../dialog/define';
import { recall, remember, type UserMemory } from '../user/memory';
import { askWhichOne, type Option } from '../dialog/question';
import { intentName, isIntent } from '../dialog/predicates';
import { ask, tell } from '../dialog/respond';
import { slotText } from '../dialog/slots';
import { fallbackDevice, namedDevice } from '../resolve/target';
import { TransferPlaybackHandler } from './devices';
import {
  NextHandler,
  PreviousHandler,
  ResumeHandler,
  StartOverHandler,
  namesSomethingToPlay,
  setRepeat,
  setShuffle,
} from './playback';
import {
  cachedPlaylist,
  choosePlaylist,
  deviceList,
  type DeviceList,
  isGone,
  isSpotifysOwn,
  lookupPlaylists,
  playlistWords,
  readDevices,
} from '../resolve/lookup';

/** Something to start playing. */
export interface Playable {
  name: string;
  artists?: string;
  contextUri?: string;
  uris?: string[];
  images?: Image[] | null;
  /** The playlist's item count, when known: a shuffle starts at a random position within it. */
  total?: number | null;
  /** The song of the context to start at (the most recent play). */
  offset?: string;
  /** Nothing to start: what was paused goes on ("Resuming X"). */
  resuming?: boolean;
  /** Where to start in the first item (a podcast episode resumed at its `resume_point`). */
  positionMs?: number;
  /** `artists` is the show a podcast episode is from: "Playing X from Y", never "by". */
  fromShow?: boolean;
}

/** A modifier said with what to play ("on shuffle", "on repeat"), set once the music plays. */
export interface Modes {
  shuffle?: boolean;
  repeat?: boolean;
}

export interface Where {
  /**
   * The device list, read once per request: from the cache, else a GET. Started at once when a device was
   * named (it is needed to resolve the name, alongside the lookup); otherwise only when the play is sent,
   * alongside it (to name the device in the answer), so a question or "I couldn't find" lists nothing.
   */
  devices: () => Promise<DeviceList>;
  memory: Promise<UserMemory>;
  spokenDevice?: string;
  modes?: Modes;
}

/** What playing needs besides the thing to play, started in parallel with looking that up. */
export function where(input: HandlerInput, spokenDevice: string | undefined, modes?: Modes): Where {
  let listing: Promise<DeviceList> | undefined;
  const devices = () => {
    if (!listing) {
      listing = deviceList(input);
      // Awaited later, or not at all when something fails first: never an unhandled rejection.
      listing.catch(() => undefined);
    }
    return listing;
  };
  if (spokenDevice) void devices();
  return { devices, memory: recall(input), spokenDevice, modes };
}

const isCode = (error: unknown, code: string) => error instanceof SpotifyError && error.code === code;

/**
 * Plays on the device the user named, else optimistically on the active one (one PUT /me/player/play, no
 * device id, nothing listed first), else, when Spotify answers NO_ACTIVE_DEVICE, on the fallback (default,
 * only, last used) with an explicit device id, so "no active device" never reaches the user.
 */
export async function startPlayback(
  input: HandlerInput,
  item: Playable,
  at: Where,
  intent = intentName(input) ?? 'PlaySearchIntent',
): Promise<Response> {
  const { speech, spotify, cache } = ctx(input);
  if (at.spokenDevice) {
    let { devices, cached } = await at.devices();
    let choice = namedDevice(speech, devices, at.spokenDevice);
    if (cached && choice.kind !== 'device') {
      // A named device the cached list does not settle: ask Spotify.
      ({ devices, cached } = await readDevices(input));
      choice = namedDevice(speech, devices, at.spokenDevice);
    }
    if (choice.kind === 'say') return tell(input, choice.ssml);
    if (choice.kind === 'ambiguous') return askWhichDevice(input, item, choice.options, intent, at.modes);
    const memory = await at.memory;
    if (!cached) return playOn(input, item, choice.device, memory, at.modes);
    try {
      return await playOn(input, item, choice.device, memory, at.modes);
    } catch (error) {
      if (!isGone(error)) throw error;
      // "Device not found" for a cached id: the device left or came back with a new id. List, then retry
      // once; the same id again means the 404 was about what to play, which the caller handles.
      ({ devices } = await readDevices(input));
      const again = namedDevice(speech, devices, at.spokenDevice);
      if (again.kind === 'device' && again.device.id === choice.device.id) throw error;
      if (again.kind === 'say') return tell(input, again.ssml);
      if (again.kind === 'ambiguous') return askWhichDevice(input, item, again.options, intent, at.modes);
      return playOn(input, item, again.device, memory, at.modes);
    }
  }
  const playing = spotify().player.play(playBody(input, item, at.modes));
  const listing = at.devices();
  try {
    await playing;
  } catch (error) {
    if (!isCode(error, 'NO_ACTIVE_DEVICE')) throw error;
    // Nothing active. A cached list that said otherwise is stale: read it again.
    const listed = await listing;
    const { devices } = listed.cached ? await readDevices(input) : listed;
    const choice = fallbackDevice(speech, devices, await at.memory);
    if (choice.kind === 'say') return tell(input, choice.ssml);
    if (choice.kind === 'ambiguous') return askWhichDevice(input, item, choice.options, intent, at.modes);
    return playOn(input, item, choice.device, await at.memory, at.modes);
  }
  // The music plays: now the modifier, on the device that plays (the active one).
  await applyModes(input, item, at.modes);
  // It plays on the active device; the list (read alongside, or cached) says which one that is. The music
  // already plays: a list that cannot be read only means the answer names no device.
  const unknown: DeviceList = { devices: [], cached: false };
  const { devices, cached } = await listing.catch(() => unknown);
  let active = devices.find((d) => d.is_active && d.id);
  if (!active && cached) {
    const fresh = await readDevices(input).catch(() => unknown);
    active = fresh.devices.find((d) => d.is_active && d.id);
  }
  if (active?.id) cache().activated(active.id);
  return saidPlaying(
    input,
    item,
    active?.id ? { id: active.id, name: active.name } : undefined,
    await at.memory,
    at.modes,
  );
}

/**
 * What PUT /me/player/play sends: the context or the songs; a shuffled playlist of known length starts at a
 * random position, so the first song is not always the same one.
 */
function playBody(input: HandlerInput, item: Playable, modes?: Modes) {
  const total = item.total ?? 0;
  // The clock's milliseconds are as good as a die here, and keep a test's requests exact.
  const offset =
    modes?.shuffle && item.contextUri && total > 1
      ? { position: Math.abs(Math.floor(ctx(input).deps.clock.now())) % total }
      : item.offset
        ? { uri: item.offset }
        : undefined;
  return { contextUri: item.contextUri, uris: item.uris, offset, positionMs: item.positionMs };
}

/** One song repeats itself; a playlist, album or artist repeats the whole. */
const repeatStateOf = (item: Playable): RepeatState =>
  !item.contextUri && item.uris?.length === 1 ? 'track' : 'context';

/** After the play (time to music first): shuffle on, or repeat, on the same device. */
async function applyModes(input: HandlerInput, item: Playable, modes?: Modes, deviceId?: string) {
  const { spotify } = ctx(input);
  if (modes?.shuffle) await spotify().player.setShuffle(true, deviceId);
  if (modes?.repeat) await spotify().player.setRepeat(repeatStateOf(item), deviceId);
}

/** One PUT /me/player/play on a known device, remembered as the last one used; says what plays where. */
async function playOn(
  input: HandlerInput,
  item: Playable,
  device: { id: string; name: string },
  memory: UserMemory,
  modes?: Modes,
): Promise<Response> {
  const { spotify, cache } = ctx(input);
  await spotify().player.play({ deviceId: device.id, ...playBody(input, item, modes) });
  cache().activated(device.id);
  await applyModes(input, item, modes, device.id);
  return saidPlaying(input, item, device, memory, modes);
}

/** "Playing X on Kitchen speaker." (or without the device when Spotify's list did not show it active). */
async function saidPlaying(
  input: HandlerInput,
  item: Playable,
  device: { id: string; name: string } | undefined,
  memory: UserMemory,
  modes?: Modes,
): Promise<Response> {
  const { speech } = ctx(input);
  if (device && memory.lastDevice?.id !== device.id) {
    await remember(input, { lastDevice: { id: device.id, name: device.name } });
  }
  if (item.resuming) {
    const ssml = device
      ? speech.say('resumingOn', { name: item.name, device: device.name })
      : speech.say('resuming', { name: item.name });
    return tell(input, ssml);
  }
  if (modes?.shuffle || modes?.repeat) {
    // "Shuffling Dinner Party on Kitchen speaker.", "Repeating Wonderwall by Oasis."
    const name = item.artists
      ? speech.fragment('itemBy', { title: item.name, artists: item.artists })
      : item.name;
    const key = modes.shuffle ? 'shuffling' : 'repeating';
    const ssml = device ? speech.say(`${key}On`, { name, device: device.name }) : speech.say(key, { name });
    const text = device ? speech.text('cardPlayingOn', { device: device.name }) : (item.artists ?? item.name);
    return tell(input, ssml, { title: item.name, text, images: item.images });
  }
  const [by, byOn] = item.fromShow
    ? (['playingFrom', 'playingFromOn'] as const)
    : (['playingBy', 'playingByOn'] as const);
  if (!device) {
    const ssml = item.artists
      ? speech.say(by, { name: item.name, artists: item.artists })
      : speech.say('playing', { name: item.name });
    return tell(input, ssml, { title: item.name, text: item.artists ?? item.name, images: item.images });
  }
  const ssml = item.artists
    ? speech.say(byOn, { name: item.name, artists: item.artists, device: device.name })
    : speech.say('playingOn', { name: item.name, device: device.name });
  const on = speech.text('cardPlayingOn', { device: device.name });
  const cardText = item.artists ? `${item.artists}\n${on}` : on;
  return tell(input, ssml, { title: item.name, text: cardText, images: item.images });
}

/**
 * "On the kitchen" with a Kitchen speaker and a Kitchen display: asks which one and elicits the device slot
 * of the same intent, keeping what was about to play in the session, so the answer ("the second one", or
 * "the kitchen display") plays it without searching again (resumePlay).
 */
function askWhichDevice(
  input: HandlerInput,
  item: Playable,
  devices: Array<{ id: string; name: string }>,
  intent: string,
  modes?: Modes,
): Response {
  const options = devices.slice(0, 3).map((d) => ({ name: d.name, id: d.id }));
  const { name, artists, contextUri, uris, positionMs, fromShow } = item;
  const play = { name, artists, contextUri, uris, positionMs, fromShow };
  const carried: Carried = { kind: 'device', play, modes };
  const request = input.requestEnvelope.request as { intent?: Intent };
  const asked: Intent =
    request.intent?.name === intent
      ? {
          ...request.intent,
          slots: { ...request.intent.slots, device: { name: 'device', confirmationStatus: 'NONE' } },
        }
      : {
          name: intent,
          confirmationStatus: 'NONE',
          slots: { device: { name: 'device', confirmationStatus: 'NONE' } },
        };
  return askWhichOne(input, { intent, slot: 'device', options, carried }, asked);
}

/**
 * What a play intent's question carries: for "which device?", what was about to play (played without searching
 * again); for "which playlist?", the device named with it; for both, the modifier said with it.
 */
type Carried =
  | {
      kind: 'device';
      play: Pick<Playable, 'name' | 'artists' | 'contextUri' | 'uris' | 'positionMs' | 'fromShow'>;
      modes?: Modes;
    }
  | { kind: 'playlist'; device?: string; modes?: Modes };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** The modifier a question carried: only `true` flags count. */
function modesOf(value: unknown): Modes | undefined {
  if (!isRecord(value)) return undefined;
  const modes: Modes = {};
  if (value.shuffle === true) modes.shuffle = true;
  if (value.repeat === true) modes.repeat = true;
  return modes.shuffle || modes.repeat ? modes : undefined;
}

/** What the session gave back as Carried, or undefined when it is of another shape. */
function carriedOf(value: unknown): Carried | undefined {
  // "Which playlist?" with no device named carries nothing.
  if (value === undefined) return { kind: 'playlist' };
  if (!isRecord(value)) return undefined;
  const modes = modesOf(value.modes);
  // A device that is not a string is dropped, not the question.
  if (value.kind === 'playlist')
    return { kind: 'playlist', device: typeof value.device === 'string' ? value.device : undefined, modes };
  if (value.kind !== 'device' || !isRecord(value.play)) return undefined;
  const { name, artists, contextUri, uris, positionMs, fromShow } = value.play;
  const urisOk = uris === undefined || (Array.isArray(uris) && uris.every((u) => typeof u === 'string'));
  if (typeof name !== 'string' || !optionalString(artists) || !optionalString(contextUri) || !urisOk)
    return undefined;
  if (!contextUri && !(uris as string[] | undefined)?.length) return undefined;
  // A position that is not a usable number is dropped (the episode starts where Spotify has it).
  const at =
    typeof positionMs === 'number' && Number.isFinite(positionMs) && positionMs > 0 ? positionMs : undefined;
  const play = { name, artists, contextUri, uris, positionMs: at, fromShow: fromShow === true } as Playable;
  return { kind: 'device', play, modes };
}

/**
 * Goes on after a play intent's question: "which device?" plays what was kept, on the device picked; "which
 * playlist?" plays the playlist picked, on the device named then or now.
 */
export const resumePlay: Resume = async (input, choice, value) => {
  const carried = carriedOf(value);
  if (carried?.kind === 'device')
    return playOn(input, carried.play, choice, await recall(input), carried.modes);
  if (carried?.kind !== 'playlist' || !choice.uri) return undefined;
  const at = where(input, slotText(input, 'device') ?? carried.device, carried.modes);
  return startPlayback(input, { name: choice.name, contextUri: choice.uri }, at, 'PlayPlaylistIntent');
};

function playlistOptions(options: Array<{ name: string; value: { id: string; uri: string } }>): Option[] {
  return options.slice(0, 3).map((o) => ({ name: o.name, id: o.value.id, uri: o.value.uri }));
}

/** Asks "Did you mean A or B?" and elicits the playlist slot again; the answer comes back to this intent. */
function askWhichPlaylist(input: HandlerInput, options: Option[], at: Where): Response {
  const intent = 'PlayPlaylistIntent';
  const device = at.spokenDevice;
  const carried: Carried | undefined =
    device || at.modes ? { kind: 'playlist', device, modes: at.modes } : undefined;
  return askWhichOne(
    input,
    { intent, slot: 'playlist', options, carried },
    {
      name: intent,
      confirmationStatus: 'NONE',
      slots: {
        playlist: { name: 'playlist', confirmationStatus: 'NONE' },
        ...(device ? { device: { name: 'device', value: device, confirmationStatus: 'NONE' } } : {}),
      },
    },
  );
}

/** A playlist, artist or show: played as a whole context, by its URI. */
export const ofContext = (p: {
  name: string;
  uri: string;
  images?: Image[] | null;
  total?: number | null;
}): Playable => ({
  name: p.name,
  contextUri: p.uri,
  images: p.images,
  total: p.total,
});

/** A playlist of the user's that holds nothing: said so, never played into Spotify's refusal. */
const isEmpty = (p: { total?: number | null }) => p.total === 0;

/**
 * "Play my workout mix (on the kitchen speaker)": the user's own playlists first (the warm index when it
 * knows the name: one round trip), then Spotify's search. A 404 for a cached playlist (deleted since) reads
 * the index again and tries once more.
 */
async function playPlaylist(
  input: HandlerInput,
  spoken: string,
  at: Where,
  orLiked = false,
  retried = false,
): Promise<Response> {
  const { speech, spotify, cache, lang } = ctx(input);
  const words = playlistWords(spoken, lang);
  const mine = await lookupPlaylists(input, words);
  const { playlists, cached } = mine;
  const result = choosePlaylist(words, mine, lang.matching);
  if (result.kind === 'match') {
    if (isEmpty(result.best.value))
      return tell(input, speech.say('playlistEmpty', { name: result.best.name }));
    try {
      return await startPlayback(input, ofContext(result.best.value), at, deviceIntent(input));
    } catch (error) {
      if (!cached || retried || !isGone(error)) throw error;
      cache().dropPlaylists();
      return playPlaylist(input, spoken, at, orLiked, true);
    }
  }
  if (result.kind === 'ambiguous') return askWhichPlaylist(input, playlistOptions(result.options), at);
  // Discover Weekly and the like: no search can find them for this app any more.
  if (isSpotifysOwn(words, lang)) return tell(input, speech.say('spotifysOwnPlaylist', { name: words }));
  // "Favourites" that is no playlist of the user's: their Liked Songs.
  if (orLiked) return playLiked(input, at);
  // A library with no playlists at all: "my X" cannot be found, and nothing else is played for it.
  if (playlists.length === 0) return tell(input, speech.say('noPlaylists', { name: spoken }));
  // Not in the library: a public playlist of that name, but only a close match, never something unrelated.
  const found = await spotify().search.query(spoken, ['playlist'], 5);
  const publicMatch = matchName(
    lang.matching,
    spoken,
    (found.playlists?.items ?? []).flatMap((p) => (p ? [{ name: p.name, value: p }] : [])),
    { kind: 'playlist' },
  );
  if (publicMatch.kind === 'match')
    return startPlayback(input, ofContext(publicMatch.best.value), at, deviceIntent(input));
  // Spotify hides its own playlists from apps as `null` search hits: one that matched is likely the one meant.
  if (found.playlists?.hidden) return tell(input, speech.say('maybeSpotifysOwnPlaylist', { name: spoken }));
  return tell(input, speech.say(playlists.length ? 'noPlaylistMatch' : 'noPlaylists', { name: spoken }));
}

/** "Play my liked songs": the first fifty, as a list of songs (Liked Songs is no context an app can play). */
async function playLiked(input: HandlerInput, at: Where): Promise<Response> {
  const { speech } = ctx(input);
  const uris = await likedUris(input);
  if (uris.length === 0) return tell(input, speech.say('noLikedSongs'));
  return startPlayback(input, { name: speech.text('likedSongs'), uris }, at, deviceIntent(input));
}

async function likedUris(input: HandlerInput): Promise<string[]> {
  const liked = await ctx(input).spotify().library.likedTracks({ limit: 50 });
  return liked.items.flatMap((saved) => (saved?.track?.uri ? [saved.track.uri] : []));
}

/**
 * "Play something", "put some music on": what was paused resumes; otherwise the user's Liked Songs; otherwise
 * the most recent thing played. The answer says which.
 */
async function justPlay(input: HandlerInput, at: Where): Promise<Response> {
  const { speech, spotify } = ctx(input);
  const state = await spotify().player.getPlaybackState();
  const item = state?.item;
  if (item) {
    if (state.is_playing && !at.spokenDevice) return tell(input, speech.say('errorAlreadyPlaying'));
    // No body: Spotify resumes the song where it stopped, on the device named or the one it was on.
    return startPlayback(input, { name: item.name, resuming: true }, at, deviceIntent(input));
  }
  const uris = await likedUris(input);
  if (uris.length > 0)
    return startPlayback(input, { name: speech.text('likedSongs'), uris }, at, deviceIntent(input));
  const [last] = await spotify().player.recentlyPlayed(1);
  if (!last?.track?.uri) return tell(input, speech.say('nothingToPlay'));
  const song: Playable = {
    name: last.track.name,
    artists: artistNames(speech, last.track.artists) || undefined,
    uris: [last.track.uri],
  };
  const context = last.context?.uri;
  if (!context) return startPlayback(input, song, at, deviceIntent(input));
  try {
    // The song within what it was played from, so the music goes on after it.
    const inContext = { ...song, uris: undefined, contextUri: context, offset: last.track.uri };
    return await startPlayback(input, inContext, at, deviceIntent(input));
  } catch (error) {
    // That context no longer holds the song (or is gone): the song alone.
    if (!isGone(error)) throw error;
    return startPlayback(input, song, at, deviceIntent(input));
  }
}

/** "Queen, David Bowie": the names side by side, in the pack's style (empty when there are none). */
const artistNames = (speech: Speech, artists: Array<{ name: string } | null> | undefined) =>
  speech.names((artists ?? []).flatMap((a) => (a?.name ? [a.name] : [])));

/** Two names the matcher reads as the same ("Beyoncé" and "beyonce"). */
const same = (input: HandlerInput, a: string, b: string) =>
  normalizeName(ctx(input).lang.matching, a) === normalizeName(ctx(input).lang.matching, b);

type Named = { name: string };
/** The item whose name is what was said (the matcher's answer), if any. */
function named<T extends Named>(input: HandlerInput, spoken: string, items: Array<T | null> | undefined) {
  const r = matchName(
    ctx(input).lang.matching,
    spoken,
    (items ?? []).flatMap((i) => (i ? [{ name: i.name, value: i }] : [])),
  );
  return r.kind === 'match' ? r.best.value : undefined;
}

const ofAlbum = (
  speech: Speech,
  a: { name: string; uri: string; images?: Image[] | null; artists?: Array<{ name: string } | null> },
): Playable => ({
  name: a.name,
  artists: artistNames(speech, a.artists) || undefined,
  contextUri: a.uri,
  images: a.images,
});
const ofTrack = (
  speech: Speech,
  t: {
    name: string;
    uri: string;
    artists?: Array<{ name: string } | null>;
    album?: { images?: Image[] | null } | null;
  },
): Playable => ({
  name: t.name,
  artists: artistNames(speech, t.artists),
  uris: [t.uri],
  images: t.album?.images,
});

/**
 * "Play <name> (by <artist>)" for one kind of thing: Spotify's search for that kind, played where the user said
 * (or where the music is); "I couldn't find" otherwise. The search and the device lookup run together.
 * - an artist, an album: the first hit;
 * - a song by an artist ("discovery by daft punk"): the song of that name, else the album of that name, else
 *   the first song;
 * - a genre or mood ("some jazz", "some queen"): an artist of exactly that name, else a playlist for it.
 */
async function playFound(
  input: HandlerInput,
  what: { kind: 'artist' | 'album' | 'song' | 'genre'; name: string; artist?: string },
  at: Where,
): Promise<Response> {
  const { speech, spotify } = ctx(input);
  const { name, artist } = what;
  const q = artist && what.kind !== 'artist' && what.kind !== 'genre' ? `${name} artist:${artist}` : name;
  const found = await spotify().search.query(
    q,
    what.kind === 'song'
      ? artist
        ? ['track', 'album']
        : ['track']
      : what.kind === 'genre'
        ? ['artist', 'playlist']
        : [what.kind],
    5,
  );
  let item: Playable | undefined;
  if (what.kind === 'artist') {
    const hit = found.artists?.items.find(Boolean);
    item = hit && ofContext(hit);
  } else if (what.kind === 'album') {
    const hit = found.albums?.items.find(Boolean);
    item = hit && ofAlbum(speech, hit);
  } else if (what.kind === 'song') {
    const track = named(input, name, found.tracks?.items);
    const album = track ? undefined : named(input, name, found.albums?.items);
    const first = found.tracks?.items.find(Boolean);
    item = track ? ofTrack(speech, track) : album ? ofAlbum(speech, album) : first && ofTrack(speech, first);
  } else {
    const exact = (found.artists?.items ?? []).find((a) => a && same(input, a.name, name));
    const list = found.playlists?.items.find(Boolean);
    item = exact ? ofContext(exact) : list ? ofContext(list) : undefined;
  }
  if (!item) return tell(input, speech.say('noSearchMatch', { name }));
  return startPlayback(input, item, at, deviceIntent(input));
}

/**
 * "Play X" with nothing else to go on: the user's own playlists first, then Spotify's search (an artist,
 * playlist or album whose name matches, else the best track). Own playlists and search run in parallel.
 */
async function playSearch(input: HandlerInput, query: string, at: Where): Promise<Response> {
  const { speech, spotify, cache, lang } = ctx(input);
  const cleaned = playlistWords(query, lang);
  const warm = cachedPlaylist(input, cleaned);
  if (warm && !isEmpty(warm)) {
    // One of the user's own playlists, by its exact name, from the warm index: play it, no search.
    try {
      return await startPlayback(input, ofContext(warm), at, deviceIntent(input));
    } catch (error) {
      if (!isGone(error)) throw error;
      cache().dropPlaylists();
    }
  }
  // Discover Weekly and the like: only the user's own copy can play; a search cannot find them for this app.
  const spotifysOwn = isSpotifysOwn(cleaned, lang);
  // The own playlists are matched as soon as they arrive, while the search may still be on its way.
  const [own, found] = await Promise.all([
    lookupPlaylists(input, cleaned).then((mine) => choosePlaylist(cleaned, mine, lang.matching)),
    spotifysOwn
      ? undefined
      : spotify().search.query(cleaned, ['artist', 'playlist', 'album', 'track', 'show'], 5),
  ]);
  // An artist of exactly that name ("play beyonce") wins over a playlist whose name only contains it.
  const sameName = (found?.artists?.items ?? []).find((a) => a && same(input, a.name, cleaned));
  if (own.kind === 'match' && (!sameName || same(input, own.best.name, cleaned))) {
    if (isEmpty(own.best.value)) return tell(input, speech.say('playlistEmpty', { name: own.best.name }));
    return startPlayback(input, ofContext(own.best.value), at, deviceIntent(input));
  }
  if (own.kind === 'ambiguous' && !sameName) return askWhichPlaylist(input, playlistOptions(own.options), at);
  if (!found) return tell(input, speech.say('spotifysOwnPlaylist', { name: cleaned }));
  const artist = sameName ?? named(input, cleaned, found.artists?.items);
  const playlist = artist ? undefined : named(input, cleaned, found.playlists?.items);
  const album = artist || playlist ? undefined : named(input, cleaned, found.albums?.items);
  const namedTrack = named(input, cleaned, found.tracks?.items);
  // A podcast said without the word ("put on sound and story"): the show, unless a song has that name.
  const show =
    artist || playlist || album || namedTrack ? undefined : named(input, cleaned, found.shows?.items);
  const track = namedTrack ?? found.tracks?.items.find(Boolean);
  const item = artist
    ? ofContext(artist)
    : playlist
      ? ofContext(playlist)
      : album
        ? ofAlbum(speech, album)
        : show
          ? ofContext(show)
          : track && ofTrack(speech, track);
  if (!item) return tell(input, speech.say('noSearchMatch', { name: query }));
  return startPlayback(input, item, at, deviceIntent(input));
}

/** Makes this request the given intent (with these slots), so its own handler answers it as if Alexa had sent it. */
function asIntent(input: HandlerInput, name: string, slots: Record<string, string> = {}) {
  const request = input.requestEnvelope.request as { intent?: Intent };
  request.intent = {
    name,
    confirmationStatus: 'NONE',
    slots: Object.fromEntries(
      Object.entries(slots).map(([slot, value]) => [slot, { name: slot, value, confirmationStatus: 'NONE' }]),
    ),
  };
}

/** A player command said as something to play ("play the next track"): the command's own handler does it. */
function runCommand(input: HandlerInput, command: PlayCommand, device?: string) {
  switch (command) {
    case 'next':
      asIntent(input, 'AMAZON.NextIntent');
      return NextHandler.handle(input);
    case 'previous':
      asIntent(input, 'AMAZON.PreviousIntent');
      return PreviousHandler.handle(input);
    case 'startOver':
      asIntent(input, 'AMAZON.StartOverIntent');
      return StartOverHandler.handle(input);
    case 'resume':
      asIntent(input, 'AMAZON.ResumeIntent');
      return ResumeHandler.handle(input);
    case 'shuffleOn':
      return setShuffle(input, true);
    case 'shuffleOff':
      return setShuffle(input, false);
    case 'repeatOff':
      return setRepeat(input, 'off');
    case 'repeatTrack':
      return setRepeat(input, 'track');
    case 'repeatContext':
      return setRepeat(input, 'context');
    case 'transfer':
      asIntent(input, 'TransferPlaybackIntent', device ? { device } : {});
      return TransferPlaybackHandler.handle(input);
  }
}

/** The intents whose device slot a "which device?" question can elicit again. */
const WITH_DEVICE = new Set([
  'PlayPlaylistIntent',
  'PlayLikedSongsIntent',
  'PlayArtistIntent',
  'PlayAlbumIntent',
  'PlaySongIntent',
  'PlayGenreIntent',
]);
const deviceIntent = (input: HandlerInput) => {
  const name = intentName(input);
  return name && WITH_DEVICE.has(name) ? name : 'PlayPlaylistIntent';
};

/** Which slot of each play intent holds the words, and what the intent itself says. */
const HEARD: Record<string, Omit<PlayHeard, 'text' | 'artist' | 'device'> & { slot?: string }> = {
  PlayPlaylistIntent: { kind: 'playlist', slot: 'playlist' },
  PlayLikedSongsIntent: { kind: 'liked' },
  PlayArtistIntent: { kind: 'artist', slot: 'artist' },
  PlayAlbumIntent: { kind: 'album', slot: 'album' },
  PlaySongIntent: { kind: 'song', slot: 'song' },
  PlayGenreIntent: { kind: 'genre', slot: 'genre' },
  PlaySearchIntent: { kind: 'search', slot: 'query' },
  ShufflePlayIntent: { kind: 'search', slot: 'query', shuffle: true },
  // "Loop my workout mix": a repeat mode that is no mode names what to play (playback.ts sends it here).
  RepeatModeIntent: { kind: 'search', slot: 'mode', repeat: true },
};

/** The words of whichever play intent Alexa chose. */
function heardOf(input: HandlerInput): PlayHeard {
  const { slot, ...said } = HEARD[intentName(input) ?? ''] ?? HEARD.PlaySearchIntent;
  const byArtist = said.kind === 'album' || said.kind === 'song';
  return {
    ...said,
    text: slot ? slotText(input, slot) : undefined,
    artist: byArtist ? slotText(input, 'artist') : undefined,
    device: slotText(input, 'device'),
  };
}

/**
 * Whether a device of the user's may be called that (the cached list first, then Spotify's): the same reading
 * of device names as everywhere (resolve/target.ts), a device that cannot be controlled included.
 */
async function canBeDevice(input: HandlerInput, at: Where, spoken: string): Promise<boolean> {
  const { speech, lang } = ctx(input);
  const names = (devices: Device[]) =>
    namedDevice(speech, devices, spoken).kind !== 'say' ||
    matchName(
      lang.matching,
      spoken,
      devices.flatMap((d) => (d?.name && d.is_restricted ? [{ name: d.name, value: d }] : [])),
      { kind: 'device' },
    ).kind !== 'none';
  const { devices, cached } = await at.devices();
  if (names(devices)) return true;
  return cached ? names((await readDevices(input)).devices) : false;
}

/** Plays what the request names, where it says, with its modifier; or does the command it means. */
async function perform(input: HandlerInput, request: PlayRequest): Promise<Response> {
  const { what, device, shuffle, repeat } = request;
  const at = where(input, device, shuffle || repeat ? { shuffle, repeat } : undefined);
  if (request.whole && device && !(await canBeDevice(input, at, device)))
    return perform(input, request.whole);
  switch (what.kind) {
    case 'command':
      return runCommand(input, what.command, device);
    case 'liked':
      return playLiked(input, at);
    case 'anything':
      return justPlay(input, at);
    case 'playlist':
      return playPlaylist(input, what.name, at, what.orLiked);
    case 'search':
      return what.orLiked ? playPlaylist(input, what.name, at, true) : playSearch(input, what.name, at);
    case 'artist':
    case 'album':
    case 'song':
    case 'genre':
      return playFound(input, { ...what, kind: what.kind }, at);
  }
}

/** Every play intent: the words are read the same way whichever one Alexa chose (matching/play.ts). */
async function play(input: HandlerInput): Promise<Response> {
  const { speech, lang } = ctx(input);
  const heard = heardOf(input);
  const request = parsePlay(lang.play, heard);
  if (request) return perform(input, request);
  if (heard.kind === 'playlist') {
    input.responseBuilder.addElicitSlotDirective('playlist');
    return ask(input, speech.say('whichPlaylist'), speech.say('whichPlaylistReprompt'));
  }
  return ask(input, speech.say('whatToPlay'), speech.say('whatToPlay'));
}

export const PlayHandler = onIntent(
  Object.keys(HEARD).filter((i) => i !== 'RepeatModeIntent'),
  play,
  {
    resume: resumePlay,
  },
);

/** "Loop my workout mix", "put wonderwall on repeat": RepeatModeIntent with a mode that is something to play. */
export const RepeatPlayHandler: SkillRequestHandler = {
  ...onIntent(['RepeatModeIntent'], play),
  canHandle: (input) => isIntent(input, 'RepeatModeIntent') && namesSomethingToPlay(input),
};

export const PLAY_HANDLERS = showingScreen('nowPlaying', [PlayHandler, RepeatPlayHandler]);
