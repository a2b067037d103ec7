/**
 * Podcasts: a show, its episodes (newest first), one episode, and the user's followed shows. The catalogue
 * reads need no scope (the OpenAPI description lists `user-read-playback-position` for them: it is what adds
 * the asking user's `resume_point` to each episode, and without it Spotify leaves the field out).
 * https://developer.spotify.com/documentation/web-api/reference/get-a-shows-episodes
 */
import { ok, paging, type Ctx, type Route } from './api';
import { notFound } from './errors';
import * as shape from './shapes';
import type { EmuUser } from './state';

const POSITION = 'user-read-playback-position';

/** The user whose positions the answer may show, when the token allows it. */
export const viewer = (c: Ctx): EmuUser | undefined => (c.token.scopes.has(POSITION) ? c.user : undefined);

function findShow(c: Ctx) {
  const show = c.state.shows.get(c.params.id);
  if (!show) throw notFound();
  return show;
}

export const SHOW_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/shows/{id}',
    handle: (c) => {
      const show = findShow(c);
      const { limit, offset } = paging(c.query);
      return ok({
        ...shape.simpleShow(c.shaper, show.id),
        episodes: shape.page(c.shaper, `/shows/${show.id}/episodes`, show.episodeIds, offset, limit, (id) =>
          shape.simpleEpisode(c.shaper, c.state.episodes.get(id)!, viewer(c)),
        ),
      });
    },
  },
  {
    method: 'GET',
    path: '/shows/{id}/episodes',
    handle: (c) => {
      const show = findShow(c);
      const { limit, offset } = paging(c.query);
      return ok(
        shape.page(c.shaper, `/shows/${show.id}/episodes`, show.episodeIds, offset, limit, (id) =>
          shape.simpleEpisode(c.shaper, c.state.episodes.get(id)!, viewer(c)),
        ),
      );
    },
  },
  {
    method: 'GET',
    path: '/episodes/{id}',
    handle: (c) => {
      const episode = c.state.episodes.get(c.params.id);
      if (!episode) throw notFound();
      return ok(shape.fullEpisode(c.shaper, episode, viewer(c)));
    },
  },
  {
    method: 'GET',
    path: '/me/shows',
    scopes: ['user-library-read'],
    handle: (c) => {
      const { limit, offset } = paging(c.query);
      const saved = (c.user.savedShows ?? []).filter((s) => c.state.shows.has(s.showId));
      return ok(
        shape.page(c.shaper, '/me/shows', saved, offset, limit, (s) => ({
          added_at: s.addedAt,
          show: shape.simpleShow(c.shaper, s.showId),
        })),
      );
    },
  },
];
