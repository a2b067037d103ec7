/**
 * Writes that must happen once: adding a song to a playlist and creating a playlist (POSTs, never retried
 * blindly), and saving to the library. Each first looks whether the write was just done (the user saying it
 * again after a lost answer), then writes, and when the answer is lost (a 5xx, a reset or a timeout after
 * sending) reads back what Spotify now holds, inside the same deadline, instead of guessing:
 *
 * - done (the read-back shows it, or Spotify answered 2xx with a body that could not be read): success;
 * - not done (the read-back shows no change): the original error, which the error handler words;
 * - the read-back failed too: `unconfirmed`, and the handler says so without inviting a blind repeat (a
 *   repeat is safe anyway: it starts with the duplicate check).
 */
import type { Clock } from '../util/clock';
import type { SpotifyClient } from './client';
import { SpotifyError } from './errors';
import type { PlaylistItem } from './types';

/** A song at the end of the playlist, added this recently, is taken as the same request said again. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** How many of the user's newest playlists are checked for one just created with the same name. */
const NEWEST_PLAYLISTS = 5;

export type AddResult = 'added' | 'alreadyThere' | 'unconfirmed';
export type CreateResult = 'created' | 'alreadyThere' | 'unconfirmed';
export type SaveResult = 'saved' | 'unconfirmed';

const lostAnswer = (error: unknown): error is SpotifyError =>
  error instanceof SpotifyError && error.writeOutcome !== undefined;

/**
 * The one mechanism of this file: runs `write`; when its answer is lost, `holds` reads back whether Spotify
 * now has the result. Yes: `done`. No: the original error. The read-back failed too: `unconfirmed`.
 */
async function writeOnce<D extends string>(
  done: D,
  write: () => Promise<unknown>,
  holds: () => Promise<boolean>,
): Promise<D | 'unconfirmed'> {
  try {
    await write();
    return done;
  } catch (error) {
    if (!lostAnswer(error)) throw error;
    if (error.writeOutcome === 'applied') return done;
    let held: boolean;
    try {
      held = await holds();
    } catch {
      return 'unconfirmed';
    }
    if (held) return done;
    throw error;
  }
}

const uriOf = (entry: PlaylistItem): string | undefined => (entry.item ?? entry.track)?.uri;

/** The playlist's length and its last entry, as the duplicate check before an add reads them. */
export interface Tail {
  total: number;
  last: PlaylistItem | undefined;
}

/**
 * Entries read around a length that came from the warm index: that length may be off by a few (the skill's
 * own add counted in, songs added or removed elsewhere since), and a window still holds the last entry, so a
 * slightly stale length costs no second read.
 */
const STALE_WINDOW = { before: 3, size: 6 } as const;

/**
 * The playlist's length and its last entry: one GET, two when the known length is wrong (by more than the
 * window, for a length from the warm index). `knownTotal` is the length when known: `fresh` when it was read
 * in this request (one entry is read), `cached` when it comes from the warm index (a few are).
 */
export async function readTail(
  spotify: SpotifyClient,
  playlistId: string,
  known?: { total: number | null | undefined; from: 'fresh' | 'cached' },
): Promise<Tail> {
  const stale = known?.from === 'cached';
  let guess = known?.total ?? 0;
  for (let tries = 0; tries < 2; tries++) {
    const window = stale && tries === 0 ? STALE_WINDOW : { before: 1, size: 1 };
    const offset = Math.max(0, guess - window.before);
    const page = await spotify.playlists.items(playlistId, { offset, limit: window.size });
    if (page.total === 0) return { total: 0, last: undefined };
    const at = page.total - 1 - offset;
    if (at >= 0 && at < page.items.length && (stale || page.total === guess)) {
      return { total: page.total, last: page.items[at] ?? undefined };
    }
    guess = page.total;
  }
  return { total: guess, last: undefined };
}

/**
 * Adds one song to the end of a playlist, once. `before` is the playlist's tail: read (in parallel with the
 * current song, or just now) when the same song may have been added moments ago, or only its known length
 * (`last` undefined) when nothing says so; the length is what a lost answer's read-back starts from.
 */
export async function addToPlaylistOnce(
  spotify: SpotifyClient,
  clock: Clock,
  playlistId: string,
  uri: string,
  before: Promise<Tail> | Tail,
): Promise<AddResult> {
  const tail = await before;
  const lastAdded = tail.last?.added_at ? Date.parse(tail.last.added_at) : NaN;
  if (
    tail.last &&
    uriOf(tail.last) === uri &&
    Number.isFinite(lastAdded) &&
    clock.now() - lastAdded < DUPLICATE_WINDOW_MS
  ) {
    return 'alreadyThere';
  }
  return writeOnce(
    'added',
    () => spotify.playlists.addItems(playlistId, [uri]),
    async () => {
      const after = await spotify.playlists.items(playlistId, { offset: tail.total, limit: 10 });
      const appended = after.items.filter((i): i is PlaylistItem => Boolean(i));
      return after.total > tail.total && appended.some((i) => uriOf(i) === uri);
    },
  );
}

const sameName = (a: string | undefined | null, b: string) =>
  typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Creates a private playlist, once. Spotify does not say when a playlist was made; one of the user's five
 * newest playlists, owned by them, empty and of the same name, is taken as the same request said again.
 * `ownerId` is the user's profile id when the caller has it (a warm cache): no GET /me then.
 */
export async function createPlaylistOnce(
  spotify: SpotifyClient,
  name: string,
  ownerId?: Promise<string>,
): Promise<CreateResult> {
  const [meId, newest] = await Promise.all([
    ownerId ?? spotify.me.get().then((me) => me.id),
    spotify.playlists.page(0, NEWEST_PLAYLISTS),
  ]);
  const mine = newest.items.filter((p) => p && p.owner?.id === meId);
  const size = (p: (typeof mine)[number]) => p?.items?.total ?? p?.tracks?.total ?? null;
  if (mine.some((p) => sameName(p?.name, name) && size(p) === 0)) return 'alreadyThere';
  const known = new Set(newest.items.map((p) => p?.id));
  return writeOnce(
    'created',
    () => spotify.playlists.create(name, { public: false }),
    async () => {
      const after = await spotify.playlists.page(0, NEWEST_PLAYLISTS);
      return after.items.some((p) => p && !known.has(p.id) && sameName(p.name, name));
    },
  );
}

/**
 * Saves one item to the library. The PUT is idempotent (saving twice keeps one entry) and the core retries
 * it; when even the last answer is lost, the newest Liked Songs say whether it is there.
 */
export async function saveOnce(spotify: SpotifyClient, uri: string): Promise<SaveResult> {
  return writeOnce(
    'saved',
    () => spotify.library.save([uri]),
    async () => (await spotify.library.likedTracks({ limit: 20 })).items.some((s) => s?.track?.uri === uri),
  );
}
