/**
 * Podcasts: a show by name (played as its context, `spotify:show:…`), its newest episode, an episode by number
 * or by name (played by its URI), and "resume my podcast": the episode the user stopped in, at its
 * `resume_point` (https://developer.spotify.com/documentation/web-api/reference/get-a-shows-episodes).
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { onIntent, showingScreen } from '../dialog/define';
import { ask, tell } from '../dialog/respond';
import { slotNumber, slotText } from '../dialog/slots';
import type { Understanding } from '../lang';
import { matchName } from '../matching';
import type { Episode, Show } from '../spotify/types';
import { ofContext, resumePlay, startPlayback, where, type Playable, type Where } from './play';

/** Episodes read to find one by number: Spotify's page size, and pages at most (newest first). */
const EPISODE_PAGE = 50;
const MAX_EPISODE_PAGES = 4;
/** Followed shows looked into for an episode in progress ("resume my podcast"). */
const RESUME_SHOWS = 5;
/** Episodes of each show looked at for one in progress. */
const RESUME_EPISODES = 10;

type Found<T> = { kind: 'found'; value: T } | { kind: 'say'; response: Response };

/** A show by its spoken name: Spotify's show search, and only a close match, never something unrelated. */
async function findShow(input: HandlerInput, spoken: string): Promise<Found<Show>> {
  const { speech, spotify, lang } = ctx(input);
  const found = await spotify().search.query(spoken, ['show'], 5);
  const show = namedIn(lang, spoken, found.shows?.items);
  if (show) return { kind: 'found', value: show };
  return { kind: 'say', response: tell(input, speech.say('noShowMatch', { name: spoken })) };
}

/**
 * The item whose name matches what was said: the clear match, or the closest of a few close ones (Spotify
 * named them all for these words); never one that is not close.
 */
function namedIn<T extends { name: string }>(
  lang: Understanding,
  spoken: string,
  items: readonly T[] | undefined,
): T | undefined {
  const result = matchName(
    lang.matching,
    spoken,
    (items ?? []).map((i) => ({ name: i.name, value: i })),
  );
  if (result.kind === 'match') return result.best.value;
  return result.kind === 'ambiguous' ? result.options[0]?.value : undefined;
}

/** "Episode 41: …", "Ep. 41 - …", "#41 …", "41. …": the number in an episode's name, in the pack's words. */
export function episodeNumber(lang: Understanding, name: string): number | undefined {
  const m = lang.episodeNumber.exec(name);
  const digits = m?.slice(1).find(Boolean);
  return digits ? Number(digits) : undefined;
}

/** An episode as something to play, by its URI, from `positionMs` when given. */
const ofEpisode = (
  episode: Episode,
  show: { name: string; images?: Show['images'] },
  positionMs?: number,
): Playable => ({
  name: episode.name,
  artists: show.name,
  fromShow: true,
  uris: [episode.uri],
  images: episode.images ?? show.images,
  ...(positionMs ? { positionMs } : {}),
});

/** Where the user stopped in an episode, when they started it and did not finish it. */
function inProgress(episode: Episode): number | undefined {
  const at = episode.resume_point;
  if (!at || at.fully_played) return undefined;
  const ms = at.resume_position_ms;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/**
 * The newest by release date ("2026-03-02", or only "2026-03": ISO dates compare as text); the first of
 * equals, as Spotify lists a show's episodes newest first.
 */
function newestBy<T>(list: readonly T[], episode: (item: T) => Episode): T | undefined {
  const date = (item: T) => episode(item).release_date ?? '';
  return list.reduce<T | undefined>((best, x) => (!best || date(x) > date(best) ? x : best), undefined);
}

const newest = (episodes: readonly Episode[]) => newestBy(episodes, (e) => e);

/** "Play episode 41 of sound and story": the show's episodes, newest first, until one carries the number. */
async function playEpisodeNumber(input: HandlerInput, show: Show, number: number, at: Where) {
  const { speech, spotify, lang } = ctx(input);
  const shows = spotify().shows;
  const first = await shows.episodes(show.id, { limit: EPISODE_PAGE });
  let episodes = first.items;
  const total = Math.min(first.total, EPISODE_PAGE * MAX_EPISODE_PAGES);
  const byNumber = (list: readonly Episode[]) => list.find((e) => episodeNumber(lang, e.name) === number);
  let hit = byNumber(episodes);
  if (!hit && total > EPISODE_PAGE) {
    const offsets: number[] = [];
    for (let offset = EPISODE_PAGE; offset < total; offset += EPISODE_PAGE) offsets.push(offset);
    const rest = await Promise.all(
      offsets.map((offset) => shows.episodes(show.id, { limit: EPISODE_PAGE, offset })),
    );
    episodes = rest.flatMap((page) => page.items);
    hit = byNumber(episodes);
  }
  if (!hit) {
    const key = first.total === 0 ? 'showEmpty' : 'noEpisodeNumber';
    return tell(input, speech.say(key, { show: show.name, number: String(number) }));
  }
  return startPlayback(input, ofEpisode(hit, show), at);
}

/**
 * "Play the podcast sound and story", "play episode 41 of sound and story", "play the podcast episode why we
 * love choruses", and "play a podcast" (which asks which one, naming the shows the user follows).
 */
export const PlayPodcastHandler = onIntent(
  ['PlayPodcastIntent'],
  async (input) => {
    const { speech, spotify, lang } = ctx(input);
    const spokenShow = slotText(input, 'show');
    const spokenEpisode = slotText(input, 'episode');
    if (!spokenShow && spokenEpisode) {
      const searching = spotify().search.query(spokenEpisode, ['episode'], 5);
      const at = where(input, slotText(input, 'device'));
      const episode = namedIn(lang, spokenEpisode, (await searching).episodes?.items);
      if (!episode) return tell(input, speech.say('noEpisodeMatch', { name: spokenEpisode }));
      // Search answers with simplified episodes, which do not name their show.
      return startPlayback(input, { name: episode.name, uris: [episode.uri], images: episode.images }, at);
    }
    if (!spokenShow) return askWhichPodcast(input);
    const finding = findShow(input, spokenShow);
    const at = where(input, slotText(input, 'device'));
    const show = await finding;
    if (show.kind === 'say') return show.response;
    const number = slotNumber(input, 'number');
    if (number !== undefined) {
      if (!Number.isInteger(number) || number < 0 || number > 100_000)
        return tell(input, speech.say('noEpisodeNumber', { show: show.value.name, number: String(number) }));
      return playEpisodeNumber(input, show.value, number, at);
    }
    return startPlayback(input, ofContext(show.value), at);
  },
  { resume: resumePlay },
);

/**
 * "Which podcast? You follow A or B." (GET /me/shows), eliciting the show slot of PlayPodcastIntent (the intent
 * with a dialog entry), whichever podcast intent asked: the answer plays that show.
 */
async function askWhichPodcast(input: HandlerInput): Promise<Response> {
  const { speech, spotify } = ctx(input);
  const followed = await spotify().library.savedShows(5);
  const names = followed.map((s) => s.show.name).filter(Boolean);
  const device = slotText(input, 'device');
  input.responseBuilder.addElicitSlotDirective('show', {
    name: 'PlayPodcastIntent',
    confirmationStatus: 'NONE',
    slots: {
      show: { name: 'show', confirmationStatus: 'NONE' },
      ...(device ? { device: { name: 'device', value: device, confirmationStatus: 'NONE' } } : {}),
    },
  });
  const question = names.length
    ? speech.say('whichPodcastFollowed', { names: speech.list(names, 'or') })
    : speech.say('whichPodcast');
  return ask(input, question, speech.say('whichPodcastReprompt'));
}

/** "Play the latest episode of sound and story", "play this week's sound and story". */
export const PlayNewestEpisodeHandler = onIntent(
  ['PlayNewestEpisodeIntent'],
  async (input) => {
    const { speech, spotify } = ctx(input);
    const spoken = slotText(input, 'show');
    if (!spoken) return askWhichPodcast(input);
    const finding = findShow(input, spoken);
    const at = where(input, slotText(input, 'device'));
    const show = await finding;
    if (show.kind === 'say') return show.response;
    const page = await spotify().shows.episodes(show.value.id, { limit: RESUME_EPISODES });
    const latest = newest(page.items);
    if (!latest) return tell(input, speech.say('showEmpty', { show: show.value.name }));
    return startPlayback(input, ofEpisode(latest, show.value), at);
  },
  { resume: resumePlay },
);

/** "Pick up where I left off in sound and story": its newest started episode where it stopped, else its newest. */
async function resumeShow(input: HandlerInput, spoken: string): Promise<Response> {
  const { speech, spotify } = ctx(input);
  const finding = findShow(input, spoken);
  const at = where(input, slotText(input, 'device'));
  const show = await finding;
  if (show.kind === 'say') return show.response;
  const page = await spotify().shows.episodes(show.value.id, { limit: RESUME_EPISODES });
  const started = page.items.find((e) => inProgress(e) !== undefined);
  const episode = started ?? newest(page.items);
  if (!episode) return tell(input, speech.say('showEmpty', { show: show.value.name }));
  const position = started ? inProgress(started) : undefined;
  return startPlayback(input, ofEpisode(episode, show.value, position), at);
}

/**
 * "Resume my podcast": the episode paused in the player, else the newest started one among the shows the user
 * follows (their episodes read in parallel), where it stopped.
 */
async function resumeAny(input: HandlerInput): Promise<Response> {
  const { speech, spotify } = ctx(input);
  const reading = Promise.all([
    spotify().player.getPlaybackState(),
    spotify().library.savedShows(RESUME_SHOWS),
  ]);
  const at = where(input, slotText(input, 'device'));
  const [state, followed] = await reading;
  if (state?.item?.type === 'episode') {
    if (state.is_playing) return tell(input, speech.say('errorAlreadyPlaying'));
    const show = state.item.show ?? { name: speech.text('unknownShow') };
    return startPlayback(input, ofEpisode(state.item, show, state.progress_ms ?? undefined), at);
  }
  const pages = await Promise.all(
    followed.map((saved) =>
      spotify()
        .shows.episodes(saved.show.id, { limit: RESUME_EPISODES })
        .then((page) => page.items.map((episode) => ({ episode, show: saved.show }))),
    ),
  );
  const started = pages.flat().filter(({ episode }) => inProgress(episode) !== undefined);
  const latest = newestBy(started, (s) => s.episode);
  if (!latest) return tell(input, speech.say('noPodcastToResume'));
  return startPlayback(input, ofEpisode(latest.episode, latest.show, inProgress(latest.episode)), at);
}

/**
 * "Resume my podcast", "pick up where I left off in sound and story": the episode the user started and did not
 * finish, from where they stopped (its `resume_point`). An episode without one (the scope not granted, or
 * never started) counts as not started.
 */
export const ResumePodcastHandler = onIntent(
  ['ResumePodcastIntent'],
  (input) => {
    const spoken = slotText(input, 'show');
    return spoken ? resumeShow(input, spoken) : resumeAny(input);
  },
  { resume: resumePlay },
);

export const PODCAST_HANDLERS = showingScreen('nowPlaying', [
  PlayPodcastHandler,
  PlayNewestEpisodeHandler,
  ResumePodcastHandler,
]);
