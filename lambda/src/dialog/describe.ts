import { soundAlike } from '../speech/ear';
import type { Speech } from '../speech/speech';
import type { PlaybackState, PlayableItem } from '../spotify/types';

/**
 * Title and the people behind an item: artists for a track, the show for an episode (plain text: the
 * speech layer escapes them when they are spoken). What Spotify leaves out is said in the pack's words.
 */
export function itemNames(speech: Speech, item: PlayableItem): { title: string; artists: string } {
  if (item.type === 'episode')
    return { title: item.name, artists: item.show?.name ?? speech.text('unknownShow') };
  const artists = (item.artists ?? []).map((a) => a?.name).filter((n): n is string => Boolean(n));
  return { title: item.name, artists: artists.length ? speech.names(artists) : speech.text('unknownArtist') };
}

/** One sentence about the current playback, or that nothing is playing (204). */
export function describePlayback(
  speech: Speech,
  state: PlaybackState | null,
  options: { withAlbum?: boolean } = {},
): string {
  if (!state || !state.device) return speech.say('nothingPlaying');
  const device = state.device.name || speech.text('yourDevice');
  if (!state.item) {
    return state.currently_playing_type === 'ad'
      ? speech.say('adPlaying', { device })
      : speech.say('nothingPlaying');
  }
  const { title, artists } = itemNames(speech, state.item);
  // An episode is "Episode 42, from Sound & Story": a show does not sing it, so never "by".
  if (state.item.type === 'episode')
    return speech.say(state.is_playing ? 'nowPlayingEpisode' : 'nowPausedEpisode', {
      title,
      show: artists,
      device,
    });
  const album = state.item.type === 'track' ? state.item.album?.name : undefined;
  // "Eye of the Tiger by Survivor, from Eye of the Tiger": the album is not said when it sounds like the title.
  const sameName = album !== undefined && soundAlike(album, title, speech.pack.understand.versionSuffixes);
  if (options.withAlbum && album && !sameName) {
    return speech.say(state.is_playing ? 'nowPlayingAlbum' : 'nowPausedAlbum', {
      title,
      artists,
      album,
      device,
    });
  }
  return speech.say(state.is_playing ? 'nowPlayingOn' : 'nowPausedOn', { title, artists, device });
}
