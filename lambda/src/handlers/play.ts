import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { matchName } from '../matching';
import type { Speech } from '../speech/speech';
import { SpotifyError } from '../spotify/errors';
import type { Image, SearchResults, SearchType } from '../spotify/types';
import { onIntent, showingScreen, type Resume } from '../dialog/define';
import { recall, remember, type UserMemory } from '../user/memory';
import { askWhichOne, type Option } from '../dialog/question';
import { intentName } from '../dialog/predicates';
import { ask, tell } from '../dialog/respond';
import { slotText } from '../dialog/slots';
import { fallbackDevice, namedDevice } from '../resolve/target';
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
  /** Where to start in the first item (a podcast episode resumed at its `resume_point`). */
  positionMs?: number;
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
}

/** What playing needs besides the thing to play, started in parallel with looking that up. */
export function where(input: HandlerInput, spokenDevice = slotText(input, 'device')): Where {
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
  return { devices, memory: recall(input), spokenDevice };
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
    if (choice.kind === 'ambiguous') return askWhichDevice(input, item, choice.options, intent);
    const memory = await at.memory;
    if (!cached) return playOn(input, item, choice.device, memory);
    try {
      return await playOn(input, item, choice.device, memory);
    } catch (error) {
      if (!isGone(error)) throw error;
      // "Device not found" for a cached id: the device left or came back with a new id. List, then retry
      // once; the same id again means the 404 was about what to play, which the caller handles.
      ({ devices } = await readDevices(input));
      const again = namedDevice(speech, devices, at.spokenDevice);
      if (again.kind === 'device' && again.device.id === choice.device.id) throw error;
      if (again.kind === 'say') return tell(input, again.ssml);
      if (again.kind === 'ambiguous') return askWhichDevice(input, item, again.options, intent);
      return playOn(input, item, again.device, memory);
    }
  }
  const playing = spotify().player.play({
    contextUri: item.contextUri,
    uris: item.uris,
    positionMs: item.positionMs,
  });
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
    if (choice.kind === 'ambiguous') return askWhichDevice(input, item, choice.options, intent);
    return playOn(input, item, choice.device, await at.memory);
  }
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
  );
}

/** One PUT /me/player/play on a known device, remembered as the last one used; says what plays where. */
async function playOn(
  input: HandlerInput,
  item: Playable,
  device: { id: string; name: string },
  memory: UserMemory,
): Promise<Response> {
  const { spotify, cache } = ctx(input);
  await spotify().player.play({
    deviceId: device.id,
    contextUri: item.contextUri,
    uris: item.uris,
    positionMs: item.positionMs,
  });
  cache().activated(device.id);
  return saidPlaying(input, item, device, memory);
}

/** "Playing X on Kitchen speaker." (or without the device when Spotify's list did not show it active). */
async function saidPlaying(
  input: HandlerInput,
  item: Playable,
  device: { id: string; name: string } | undefined,
  memory: UserMemory,
): Promise<Response> {
  const { speech } = ctx(input);
  if (device && memory.lastDevice?.id !== device.id) {
    await remember(input, { lastDevice: { id: device.id, name: device.name } });
  }
  if (!device) {
    const ssml = item.artists
      ? speech.say('playingBy', { name: item.name, artists: item.artists })
      : speech.say('playing', { name: item.name });
    return tell(input, ssml, { title: item.name, text: item.artists ?? item.name, images: item.images });
  }
  const ssml = item.artists
    ? speech.say('playingByOn', { name: item.name, artists: item.artists, device: device.name })
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
): Response {
  const options = devices.slice(0, 3).map((d) => ({ name: d.name, id: d.id }));
  const { name, artists, contextUri, uris, positionMs } = item;
  const carried: Carried = { kind: 'device', play: { name, artists, contextUri, uris, positionMs } };
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
 * again); for "which playlist?", the device named with it.
 */
type Carried =
  | { kind: 'device'; play: Pick<Playable, 'name' | 'artists' | 'contextUri' | 'uris' | 'positionMs'> }
  | { kind: 'playlist'; device?: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** What the session gave back as Carried, or undefined when it is of another shape. */
function carriedOf(value: unknown): Carried | undefined {
  // "Which playlist?" with no device named carries nothing.
  if (value === undefined) return { kind: 'playlist' };
  if (!isRecord(value)) return undefined;
  // A device that is not a string is dropped, not the question.
  if (value.kind === 'playlist')
    return { kind: 'playlist', device: typeof value.device === 'string' ? value.device : undefined };
  if (value.kind !== 'device' || !isRecord(value.play)) return undefined;
  const { name, artists, contextUri, uris, positionMs } = value.play;
  const urisOk = uris === undefined || (Array.isArray(uris) && uris.every((u) => typeof u === 'string'));
  if (typeof name !== 'string' || !optionalString(artists) || !optionalString(contextUri) || !urisOk)
    return undefined;
  if (!contextUri && !(uris as string[] | undefined)?.length) return undefined;
  // A position that is not a usable number is dropped (the episode starts where Spotify has it).
  const at =
    typeof positionMs === 'number' && Number.isFinite(positionMs) && positionMs > 0 ? positionMs : undefined;
  const play = { name, artists, contextUri, uris, positionMs: at } as Playable;
  return { kind: 'device', play };
}

/**
 * Goes on after a play intent's question: "which device?" plays what was kept, on the device picked; "which
 * playlist?" plays the playlist picked, on the device named then or now.
 */
export const resumePlay: Resume = async (input, choice, value) => {
  const carried = carriedOf(value);
  if (carried?.kind === 'device') return playOn(input, carried.play, choice, await recall(input));
  if (carried?.kind !== 'playlist' || !choice.uri) return undefined;
  const at = where(input, slotText(input, 'device') ?? carried.device);
  return startPlayback(input, { name: choice.name, contextUri: choice.uri }, at, 'PlayPlaylistIntent');
};

function playlistOptions(options: Array<{ name: string; value: { id: string; uri: string } }>): Option[] {
  return options.slice(0, 3).map((o) => ({ name: o.name, id: o.value.id, uri: o.value.uri }));
}

/** Asks "Did you mean A or B?" and elicits the playlist slot again; the answer comes back to this intent. */
function askWhichPlaylist(input: HandlerInput, options: Option[], intent: string): Response {
  const device = slotText(input, 'device');
  const carried: Carried | undefined = device ? { kind: 'playlist', device } : undefined;
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
export const ofContext = (p: { name: string; uri: string; images?: Image[] | null }): Playable => ({
  name: p.name,
  contextUri: p.uri,
  images: p.images,
});

/**
 * "Play my workout mix (on the kitchen speaker)": the user's own playlists first (the warm index when it
 * knows the name: one round trip), then Spotify's search. A 404 for a cached playlist (deleted since) reads
 * the index again and tries once more.
 */
async function playPlaylist(input: HandlerInput, retried = false): Promise<Response> {
  const { speech, spotify, cache } = ctx(input);
  const spoken = slotText(input, 'playlist') ?? slotText(input, 'query');
  if (!spoken) {
    input.responseBuilder.addElicitSlotDirective('playlist');
    return ask(input, speech.say('whichPlaylist'), speech.say('whichPlaylistReprompt'));
  }
  const words = playlistWords(spoken, ctx(input).lang);
  const lookup = lookupPlaylists(input, words);
  const at = where(input);
  const mine = await lookup;
  const { playlists, cached } = mine;
  const result = choosePlaylist(words, mine, ctx(input).lang.matching);
  if (result.kind === 'match') {
    try {
      return await startPlayback(input, ofContext(result.best.value), at);
    } catch (error) {
      if (!cached || retried || !isGone(error)) throw error;
      cache().dropPlaylists();
      return playPlaylist(input, true);
    }
  }
  if (result.kind === 'ambiguous')
    return askWhichPlaylist(input, playlistOptions(result.options), 'PlayPlaylistIntent');
  // Discover Weekly and the like: no search can find them for this app any more.
  if (isSpotifysOwn(words, ctx(input).lang))
    return tell(input, speech.say('spotifysOwnPlaylist', { name: words }));
  // Not in the library: a public playlist of that name, but only a close match, never something unrelated.
  const found = await spotify().search.query(spoken, ['playlist'], 5);
  const publicMatch = matchName(
    ctx(input).lang.matching,
    spoken,
    (found.playlists?.items ?? []).flatMap((p) => (p ? [{ name: p.name, value: p }] : [])),
    { kind: 'playlist' },
  );
  if (publicMatch.kind === 'match') return startPlayback(input, ofContext(publicMatch.best.value), at);
  return tell(input, speech.say(playlists.length ? 'noPlaylistMatch' : 'noPlaylists', { name: spoken }));
}

export const PlayPlaylistHandler = onIntent(['PlayPlaylistIntent'], (input) => playPlaylist(input), {
  resume: resumePlay,
});

export const PlayLikedSongsHandler = onIntent(
  ['PlayLikedSongsIntent'],
  async (input) => {
    const { speech, spotify } = ctx(input);
    const reading = spotify().library.likedTracks({ limit: 50 });
    const at = where(input);
    const liked = await reading;
    const uris = liked.items.flatMap((saved) => (saved?.track?.uri ? [saved.track.uri] : []));
    if (uris.length === 0) return tell(input, speech.say('noLikedSongs'));
    return startPlayback(input, { name: speech.text('likedSongs'), uris }, at);
  },
  { resume: resumePlay },
);

/** "Queen, David Bowie": the names side by side, in the pack's style (empty when there are none). */
const artistNames = (speech: Speech, artists: Array<{ name: string } | null> | undefined) =>
  speech.names((artists ?? []).flatMap((a) => (a?.name ? [a.name] : [])));

/**
 * "Play <name> (by <artist>)" for one kind of thing: Spotify's first hit of that search type, played where
 * the user said (or where the music is); "I couldn't find" otherwise. The search and the device lookup run
 * together.
 */
function playFirstFound<T>(
  intent: string,
  slot: string,
  type: SearchType,
  firstHit: (found: SearchResults) => T | null | undefined,
  playable: (hit: T, speech: Speech) => Playable,
) {
  const byArtist = type === 'album' || type === 'track';
  return onIntent(
    [intent],
    async (input) => {
      const { speech, spotify } = ctx(input);
      const name = slotText(input, slot);
      if (!name) return ask(input, speech.say('whatToPlay'), speech.say('whatToPlay'));
      const artist = byArtist ? slotText(input, 'artist') : undefined;
      const searching = spotify().search.query(artist ? `${name} artist:${artist}` : name, [type], 5);
      const at = where(input);
      const hit = firstHit(await searching);
      if (!hit) return tell(input, speech.say('noSearchMatch', { name }));
      return startPlayback(input, playable(hit, speech), at);
    },
    { resume: resumePlay },
  );
}

export const PlayArtistHandler = playFirstFound(
  'PlayArtistIntent',
  'artist',
  'artist',
  (found) => found.artists?.items.find(Boolean),
  (hit) => ofContext(hit),
);

export const PlayAlbumHandler = playFirstFound(
  'PlayAlbumIntent',
  'album',
  'album',
  (found) => found.albums?.items.find(Boolean),
  (hit, speech) => ({
    name: hit.name,
    artists: artistNames(speech, hit.artists) || undefined,
    contextUri: hit.uri,
    images: hit.images,
  }),
);

export const PlaySongHandler = playFirstFound(
  'PlaySongIntent',
  'song',
  'track',
  (found) => found.tracks?.items.find(Boolean),
  (hit, speech) => ({
    name: hit.name,
    artists: artistNames(speech, hit.artists),
    uris: [hit.uri],
    images: hit.album?.images,
  }),
);

/** Genres and moods: Spotify's playlists for them ("play some jazz" → a jazz playlist). */
export const PlayGenreHandler = playFirstFound(
  'PlayGenreIntent',
  'genre',
  'playlist',
  (found) => found.playlists?.items.find(Boolean),
  (hit) => ofContext(hit),
);

/**
 * "Play X" with nothing else to go on: the user's own playlists first, then Spotify's search (an artist,
 * playlist or album whose name matches, else the best track). Own playlists and search run in parallel.
 */
export const PlaySearchHandler = onIntent(
  ['PlaySearchIntent'],
  async (input) => {
    const { speech, spotify, cache } = ctx(input);
    const query = slotText(input, 'query');
    if (!query) return ask(input, speech.say('whatToPlay'), speech.say('whatToPlay'));
    const cleaned = playlistWords(query, ctx(input).lang);
    let at: Where | undefined;
    const warm = cachedPlaylist(input, cleaned);
    if (warm) {
      // One of the user's own playlists, by its exact name, from the warm index: play it, no search.
      try {
        at = where(input);
        return await startPlayback(input, ofContext(warm), at);
      } catch (error) {
        if (!isGone(error)) throw error;
        cache().dropPlaylists();
      }
    }
    // Discover Weekly and the like: only the user's own copy can play; a search cannot find them for this app.
    const spotifysOwn = isSpotifysOwn(cleaned, ctx(input).lang);
    // The own playlists are matched as soon as they arrive, while the search may still be on its way.
    const reading = Promise.all([
      lookupPlaylists(input, cleaned).then((mine) => choosePlaylist(cleaned, mine, ctx(input).lang.matching)),
      spotifysOwn
        ? undefined
        : spotify().search.query(cleaned, ['artist', 'playlist', 'album', 'track', 'show'], 5),
    ]);
    at ??= where(input);
    const [own, found] = await reading;
    if (own.kind === 'match') return startPlayback(input, ofContext(own.best.value), at);
    if (own.kind === 'ambiguous')
      return askWhichPlaylist(input, playlistOptions(own.options), 'PlayPlaylistIntent');
    if (!found) return tell(input, speech.say('spotifysOwnPlaylist', { name: cleaned }));
    const named = <T extends { name: string }>(items: Array<T | null> | undefined) => {
      const r = matchName(
        ctx(input).lang.matching,
        cleaned,
        (items ?? []).flatMap((i) => (i ? [{ name: i.name, value: i }] : [])),
      );
      return r.kind === 'match' ? r.best.value : undefined;
    };
    const artist = named(found.artists?.items);
    if (artist) return startPlayback(input, ofContext(artist), at);
    const playlist = named(found.playlists?.items);
    if (playlist) {
      return startPlayback(input, ofContext(playlist), at);
    }
    const album = named(found.albums?.items);
    if (album) {
      return startPlayback(
        input,
        {
          name: album.name,
          artists: artistNames(speech, album.artists),
          contextUri: album.uri,
          images: album.images,
        },
        at,
      );
    }
    // A podcast said without the word ("put on sound and story"): the show, unless a song has that name.
    const namedTrack = named(found.tracks?.items);
    const show = namedTrack ? undefined : named(found.shows?.items);
    if (show) return startPlayback(input, ofContext(show), at);
    const track = namedTrack ?? found.tracks?.items.find(Boolean);
    if (!track) return tell(input, speech.say('noSearchMatch', { name: query }));
    return startPlayback(
      input,
      {
        name: track.name,
        artists: artistNames(speech, track.artists),
        uris: [track.uri],
        images: track.album?.images,
      },
      at,
    );
  },
  { resume: resumePlay },
);

export const PLAY_HANDLERS = showingScreen('nowPlaying', [
  PlayPlaylistHandler,
  PlayLikedSongsHandler,
  PlayArtistHandler,
  PlayAlbumHandler,
  PlaySongHandler,
  PlayGenreHandler,
  PlaySearchHandler,
]);
