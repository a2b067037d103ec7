import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { itemNames } from '../dialog/describe';
import type { CachedPlaylist } from '../spotify/cache';
import {
  addToPlaylistOnce,
  createPlaylistOnce,
  DUPLICATE_WINDOW_MS,
  readTail,
  saveOnce,
} from '../spotify/once';
import { recall, remember, RECENT_ADDS_KEPT, type RecentAdd } from '../user/memory';
import { onIntent } from '../dialog/define';
import { askForSlot, askWhichOne, type Option } from '../dialog/question';
import { ask, tell } from '../dialog/respond';
import { readSession, writeSession } from '../dialog/session';
import { slotText } from '../dialog/slots';
import {
  cachedPlaylist,
  choosePlaylist,
  isGone,
  isSpotifysOwn,
  lookupPlaylists,
  playlistWords,
  profileId,
} from '../resolve/lookup';

const PAGE = 5;
/**
 * Entries read for a page of five: Spotify's own playlists come back as `null` entries, which cannot be read
 * out, so a page reads a few more than it says and every page says five names (the last one fewer).
 */
const WINDOW = 10;
const LIST_KEY = 'playlistOffset';
const MAX_OFFSET = 100_000;

/**
 * Reads five playlists from `offset` (one GET /me/playlists of a window a little larger, so `null` entries
 * do not make one page shorter than the next); "more" continues after the last one said, from the session.
 * A one-shot request (no session to keep the offset in) is not offered "more".
 */
async function readPlaylists(input: HandlerInput, offset: number): Promise<Response> {
  const { speech, spotify } = ctx(input);
  const page = await spotify().playlists.page(offset, WINDOW);
  // A name or snapshot_id that differs from the warm index (edited elsewhere) drops it.
  for (const p of page.items) if (p) ctx(input).cache().observe(p);
  const names: string[] = [];
  let read = 0;
  for (const p of page.items) {
    if (names.length === PAGE) break;
    read++;
    if (p?.name) names.push(p.name);
  }
  if (offset === 0 && page.total === 0) return tell(input, speech.say('noPlaylists'));
  const next = offset + read;
  if (offset === 0 && names.length === 0 && next >= page.total)
    // Nothing but Spotify's own playlists, which apps can no longer read.
    return tell(input, speech.say('onlySpotifysPlaylists'));
  if (offset > 0 && names.length === 0) {
    // A stale offset (playlists deleted since, or a forged one past the end): nothing to read there.
    writeSession(input, LIST_KEY, undefined);
    return tell(input, speech.say('moreNothing'));
  }
  const intro =
    offset === 0
      ? speech.join(
          speech.plural('playlistCount', page.total),
          names.length
            ? speech.say('playlistsFirst', { count: names.length, names: speech.list(names) })
            : '',
        )
      : speech.say('playlistsNext', { count: names.length, names: speech.list(names) });
  const more = next < page.total && read > 0;
  const screen = { kind: 'playlists', playlists: page.items.slice(0, read) } as const;
  if (more && writeSession(input, LIST_KEY, next))
    return ask(
      input,
      speech.join(intro, speech.say('playlistsMore')),
      speech.say('playlistsMoreReprompt'),
      undefined,
      screen,
    );
  writeSession(input, LIST_KEY, undefined);
  const end = !more && (offset > 0 || page.total > PAGE) ? speech.say('playlistsEnd') : '';
  return tell(input, speech.join(intro, end), undefined, screen);
}

export const ListPlaylistsHandler = onIntent(['ListPlaylistsIntent'], (input) => readPlaylists(input, 0));

export const MoreHandler = onIntent(['MoreIntent'], (input) => {
  const offset = readSession(input, LIST_KEY);
  // Session attributes come back from the device: checked like any input (a whole, non-negative offset that
  // Spotify accepts; it caps offsets at 100,000).
  if (!Number.isSafeInteger(offset) || (offset as number) < 0 || (offset as number) > MAX_OFFSET) {
    writeSession(input, LIST_KEY, undefined);
    return tell(input, ctx(input).speech.say('moreNothing'));
  }
  return readPlaylists(input, offset as number);
});

/**
 * "Add this song to my workout mix": what is playing, the user's playlists (the warm index when it knows the
 * name), profile id (cached) and what the skill remembers, in parallel; then one POST /playlists/{id}/items,
 * never retried blindly: a lost answer is resolved by reading the playlist back (spotify/once.ts). The
 * playlist's last entry (the same song just added: not again) is read first only when this skill sent the
 * same add lately (remembered per user, so a repeat after a lost answer is checked on any container); when
 * the playlist is already known (the warm index has that exact name, or the user just chose it) it is read
 * together with the current song, at no cost. Only a 404 for a cached playlist reads the index again.
 */
async function addToPlaylist(input: HandlerInput, chosen?: Option, retried = false): Promise<Response> {
  const { speech, spotify, deps, cache } = ctx(input);
  const spoken = slotText(input, 'playlist');
  if (!chosen && !spoken)
    return askForSlot(
      input,
      { intent: 'AddToPlaylistIntent', slot: 'playlist' },
      speech.say('whichPlaylist'),
      speech.say('whichPlaylistReprompt'),
    );
  // "Add this to my liked songs": Liked Songs is not a playlist apps can add to; saving is what was meant.
  if (!chosen && ctx(input).lang.likedSongsNames.test(playlistWords(spoken as string, ctx(input).lang)))
    return saveCurrent(input);
  // The playlist is known before anything is read: its tail is read alongside the current song.
  const cachedHit = chosen ? undefined : cachedPlaylist(input, spoken as string);
  const canWrite = (p: CachedPlaylist) => p.collaborative || p.ownerId === cache().profileId();
  const known = chosen ?? (cachedHit && canWrite(cachedHit) ? cachedHit : undefined);
  const early = known && {
    id: known.id,
    tail: readTail(
      spotify(),
      known.id,
      'total' in known ? { total: known.total, from: 'cached' } : undefined,
    ),
  };
  // Awaited only when that playlist is the one written to; an early answer (nothing playing) leaves it.
  early?.tail.catch(() => undefined);
  const [state, mine, meId, memory] = await Promise.all([
    spotify().player.getPlaybackState(),
    chosen ? { playlists: [], cached: false } : lookupPlaylists(input, spoken as string),
    profileId(input),
    recall(input),
  ]);
  const { playlists, cached } = mine;
  if (!state?.item) return tell(input, speech.say('addNothing'));
  // `total`: the playlist's length as listed, when known (saves a round trip in the duplicate check).
  let target: { id: string; name: string; total?: number | null };
  if (chosen) {
    target = chosen;
  } else {
    const writable = playlists.filter((p) => p.ownerId === meId || p.collaborative);
    const result = choosePlaylist(spoken as string, mine, ctx(input).lang.matching);
    if (result.kind === 'none') {
      const words = playlistWords(spoken as string, ctx(input).lang);
      if (isSpotifysOwn(words, ctx(input).lang))
        return tell(input, speech.say('spotifysOwnPlaylistAdd', { name: words }));
      return tell(input, speech.say('noPlaylistMatch', { name: spoken as string }));
    }
    if (result.kind === 'ambiguous') {
      const options = result.options
        .filter((o) => writable.includes(o.value))
        .map((o) => ({ name: o.name, id: o.value.id, uri: o.value.uri }));
      if (options.length > 1) {
        return askWhichOne(input, { intent: 'AddToPlaylistIntent', slot: 'playlist', options });
      }
      if (options.length === 0) {
        return tell(input, speech.say('notYourPlaylist', { playlist: result.options[0].name }));
      }
      target = options[0];
    } else {
      const p = result.best.value;
      if (!writable.includes(p)) return tell(input, speech.say('notYourPlaylist', { playlist: p.name }));
      // A cached total may be stale (items added elsewhere since): the duplicate check reads around it.
      target = { id: p.id, name: p.name, total: p.total };
    }
  }
  const uri = state.item.uri;
  const now = deps.clock.now();
  const lately = (memory.recentAdds ?? []).filter((a) => now - a.at < DUPLICATE_WINDOW_MS);
  const sameAdd = (a: RecentAdd) => a.playlistId === target.id && a.uri === uri;
  // The playlist's end is read only when this very add was sent lately (a repeat after a lost answer) or
  // when its length is not known fresh; otherwise the write goes out at once.
  const before =
    early?.id === target.id
      ? early.tail
      : lately.some(sameAdd) || cached || typeof target.total !== 'number'
        ? readTail(spotify(), target.id, { total: target.total, from: cached ? 'cached' : 'fresh' })
        : { total: target.total, last: undefined };
  // Noted before the answer can be lost (beside the write, not after it), so a repeat is checked.
  const noting = remember(input, {
    recentAdds: [...lately.filter((a) => !sameAdd(a)), { playlistId: target.id, uri, at: now }].slice(
      -RECENT_ADDS_KEPT,
    ),
  });
  let result: keyof typeof ADDED;
  try {
    result = await addToPlaylistOnce(spotify(), deps.clock, target.id, uri, before);
  } catch (error) {
    await noting;
    if (!cached || retried || !isGone(error)) throw error;
    cache().dropPlaylists();
    return addToPlaylist(input, chosen, true);
  }
  await noting;
  // The new snapshot_id is not known here: null makes the next listing that shows it drop the index.
  if (result === 'added') cache().wrote(target.id, null, 1);
  return tell(input, speech.say(ADDED[result], { title: state.item.name, playlist: target.name }));
}

const ADDED = { added: 'addedTo', alreadyThere: 'alreadyAdded', unconfirmed: 'addUnconfirmed' } as const;
const CREATED = {
  created: 'createdPlaylist',
  alreadyThere: 'alreadyCreated',
  unconfirmed: 'createUnconfirmed',
} as const;
const SAVED = { saved: 'saved', unconfirmed: 'saveUnconfirmed' } as const;

export const AddToPlaylistHandler = onIntent(['AddToPlaylistIntent'], (input) => addToPlaylist(input), {
  // "Which playlist?" answered: add to the one picked.
  resume: (input, playlist) => addToPlaylist(input, playlist),
});

export const CreatePlaylistHandler = onIntent(['CreatePlaylistIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  const name = slotText(input, 'name');
  if (!name) {
    input.responseBuilder.addElicitSlotDirective('name');
    return ask(input, speech.say('createWhich'), speech.say('createWhich'));
  }
  // The profile id (whose newest playlists count as "just made") from the warm cache when it is there.
  const result = await createPlaylistOnce(spotify(), name, profileId(input));
  // The index no longer lists everything: read it again next time.
  if (result !== 'alreadyThere') ctx(input).cache().dropPlaylists();
  return tell(input, speech.say(CREATED[result], { name }));
});

export const QueueSongHandler = onIntent(['QueueSongIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  const song = slotText(input, 'song');
  const artist = slotText(input, 'artist');
  if (!song) return ask(input, speech.say('queueWhich'), speech.say('queueWhich'));
  const found = await spotify().search.query(artist ? `${song} artist:${artist}` : song, ['track'], 5);
  const hit = found.tracks?.items.find(Boolean);
  if (!hit) return tell(input, speech.say('noSearchMatch', { name: song }));
  await spotify().player.queue(hit.uri);
  const { title, artists } = itemNames(speech, hit);
  return tell(input, speech.say('queued', { title, artists }));
});

/** "Like this song": GET /me/player, then PUT /me/library with its URI. */
async function saveCurrent(input: HandlerInput): Promise<Response> {
  const { speech, spotify } = ctx(input);
  const state = await spotify().player.getPlaybackState();
  if (!state?.item) {
    return tell(input, speech.say(state?.currently_playing_type === 'ad' ? 'saveAd' : 'saveNothing'));
  }
  const result = await saveOnce(spotify(), state.item.uri);
  // An episode goes to Your Episodes, not Liked Songs.
  const key = result === 'saved' && state.item.type === 'episode' ? 'savedEpisode' : SAVED[result];
  return tell(input, speech.say(key, { title: state.item.name }));
}

export const SaveSongHandler = onIntent(['SaveSongIntent'], saveCurrent);

export const PLAYLIST_HANDLERS = [
  ListPlaylistsHandler,
  MoreHandler,
  AddToPlaylistHandler,
  CreatePlaylistHandler,
  QueueSongHandler,
  SaveSongHandler,
];
