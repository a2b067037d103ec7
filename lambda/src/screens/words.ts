/**
 * Every word the screens show, in English. It joins the language pack (lambda/src/lang/en.ts) when that lands:
 * kept in one record, typed like the string table, so the move is one import.
 */
export const screenWords = {
  nowPlayingTitle: 'Now playing',
  nothingPlaying: 'Nothing is playing',
  nothingPlayingHint: 'Say "play my workout mix", or pick a playlist.',
  playingOn: 'On {device}',
  pausedOn: 'Paused on {device}',
  previous: 'Previous',
  play: 'Play',
  pause: 'Pause',
  next: 'Next',
  volumeDown: 'Volume down',
  volumeUp: 'Volume up',
  volume: 'Volume {volume}%',
  playlistsTitle: 'Your playlists',
  playlistItems: '{count} items',
  playlistItemsOne: '1 item',
  playlistsHint: 'Tap a playlist to play it',
  devicesTitle: 'Your devices',
  devicesHint: 'Tap a device to move playback there',
  deviceActive: 'Playing here',
  deviceRestricted: 'Cannot be controlled',
  deviceReady: 'Ready',
  chooseTitle: 'Which one?',
  chooseHint: 'Tap one, or say "the first one"',
  linkTitle: 'Link your Spotify account',
  linkText: 'Open the Alexa app, go to Skills, find Connect Remote and tap Link Account.',
} as const;

export type ScreenWordKey = keyof typeof screenWords;
export type ScreenWords = Record<ScreenWordKey, string>;

/** A screen word with `{name}` placeholders filled in (values are plain text; the datasource escapes them). */
export function screenWord(
  words: ScreenWords,
  key: ScreenWordKey,
  values: Record<string, string | number> = {},
): string {
  return words[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
