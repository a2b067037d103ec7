/**
 * One reading of a play request, whichever play intent Alexa chose: the words of its slots go in, what to play
 * (or which player command was meant), where, and with which modifier come out. Pure: the words it knows are the
 * language pack's (`understand.play`), passed in first.
 */

/** The words a language uses around a play request (lang/en.ts `understand.play`). */
export interface PlayWords {
  /** Politeness and filler at either end ("please", "just", "me", "for me"): dropped. */
  politeLeading: RegExp;
  politeTrailing: RegExp;
  /** A leading verb that shuffles ("shuffle", "shuffle play") or repeats ("loop", "repeat"). */
  shuffleLeading: RegExp;
  repeatLeading: RegExp;
  /** A modifier said after the name ("on shuffle", "shuffled", "and shuffle it", "in random order"). */
  shuffleTrailing: RegExp;
  repeatTrailing: RegExp;
  /** A whole device slot that is a modifier, not a device ("shuffle", "repeat please"). */
  shuffleAlone: RegExp;
  repeatAlone: RegExp;
  /** A trailing device phrase: group 1 is what to play, group 2 the device ("… on the tv", "… in the kitchen"). */
  device: RegExp;
  /** "Play" with nothing in particular: "something", "music", "some tunes", "spotify". */
  anything: RegExp;
  /** The user's Liked Songs by any name ("liked songs", "my library", "favourites", "the songs i saved"). */
  liked: RegExp;
  /** Words that may be Liked Songs or a playlist's name ("favourites"): one of the user's playlists first. */
  likedMaybe: RegExp;
  /** What plays now ("this", "it", "this playlist", "these songs"): a command about it, not a name. */
  current: RegExp;
  /** Of what plays now, the one song ("this song", "it"): repeat the track rather than the context. */
  currentSong: RegExp;
  /** Player commands said as something to play ("the next track", "it from the start"). */
  commands: Readonly<Record<'next' | 'previous' | 'startOver' | 'resume', RegExp>>;
  /** With shuffle or repeat, the player's own switch ("shuffle on", "shuffle mode off"). */
  switchOn: RegExp;
  switchOff: RegExp;
  /** Kind words around a name: group 1 is the name ("the album X", "X playlist", "songs by X", "some X"). */
  kinds: Readonly<Record<'playlist' | 'album' | 'artist' | 'song' | 'genre', readonly RegExp[]>>;
}

/** What the play intent said it is: its slot's kind, or 'search' for a free query. */
export type HeardKind = 'playlist' | 'liked' | 'artist' | 'album' | 'song' | 'genre' | 'search';

/** The words of the play intent Alexa chose. */
export interface PlayHeard {
  kind: HeardKind;
  /** The name slot or the query. */
  text?: string;
  artist?: string;
  /** The device slot, which may hold a modifier ("shuffle", "repeat please"). */
  device?: string;
  /** A modifier the intent itself carries ("shuffle {query}", "loop {mode}"). */
  shuffle?: boolean;
  repeat?: boolean;
}

export type PlayWhat =
  | {
      kind: 'playlist' | 'artist' | 'album' | 'song' | 'genre' | 'search';
      name: string;
      artist?: string;
      /** No playlist of the user's has that name: then it means Liked Songs ("favourites"). */
      orLiked?: boolean;
    }
  | { kind: 'liked' }
  | { kind: 'anything' };

export type PlayCommand =
  | 'next'
  | 'previous'
  | 'startOver'
  | 'resume'
  | 'shuffleOn'
  | 'shuffleOff'
  | 'repeatTrack'
  | 'repeatContext'
  | 'repeatOff'
  | 'transfer';

export interface PlayRequest {
  what: PlayWhat | { kind: 'command'; command: PlayCommand };
  /** The device named, by the device slot or by a trailing phrase of the words. */
  device?: string;
  /**
   * When the device came from the words ("songs to sing in the car"): the reading with those words kept in
   * the name, for when no device has that name.
   */
  whole?: PlayRequest;
  shuffle?: boolean;
  repeat?: boolean;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Drops politeness at both ends until nothing more goes. */
export function polite(words: PlayWords, text: string): string {
  let out = squash(text);
  for (;;) {
    const next = squash(out.replace(words.politeLeading, '').replace(words.politeTrailing, ''));
    if (next === out) return out;
    out = next;
  }
}

interface Stripped {
  text: string;
  shuffle: boolean;
  repeat: boolean;
}

/**
 * Takes every modifier off the words, with the politeness around them: at the front or the end, or (`ends`
 * 'end', for a device slot: a device may be called "Loop") at the end only.
 */
function modifiers(words: PlayWords, text: string, ends: 'both' | 'end' = 'both'): Stripped {
  let out = polite(words, text);
  // "Put shuffle on": the modifier is all there is.
  const alone = modifierAlone(words, out);
  if (alone) return { text: '', shuffle: alone === 'shuffle', repeat: alone === 'repeat' };
  let shuffle = false;
  let repeat = false;
  const trailing = [
    [words.shuffleTrailing, 'shuffle'],
    [words.repeatTrailing, 'repeat'],
  ] as const;
  const patterns =
    ends === 'end'
      ? trailing
      : ([[words.shuffleLeading, 'shuffle'], [words.repeatLeading, 'repeat'], ...trailing] as const);
  for (;;) {
    const before = out;
    for (const [pattern, mode] of patterns) {
      const next = polite(words, out.replace(pattern, ' '));
      // "play on repeat" is Spotify's playlist of that name: a modifier never takes all the words.
      if (next !== out && next !== '') {
        out = next;
        if (mode === 'shuffle') shuffle = true;
        else repeat = true;
      }
    }
    if (out === before) return { text: out, shuffle, repeat };
  }
}

function command(words: PlayWords, text: string, mods: Stripped, device?: string): PlayCommand | undefined {
  if (mods.shuffle && words.switchOff.test(text)) return 'shuffleOff';
  if (mods.repeat && words.switchOff.test(text)) return 'repeatOff';
  if ((mods.shuffle || mods.repeat) && words.switchOn.test(text)) text = '';
  if (text === '' || words.current.test(text)) {
    if (mods.shuffle) return 'shuffleOn';
    if (mods.repeat) return text === '' || words.currentSong.test(text) ? 'repeatTrack' : 'repeatContext';
    // "Play it on the tv", "play on the tv": playback moves. "Play it" alone is "just play" (what()).
    return device ? 'transfer' : undefined;
  }
  for (const name of ['next', 'previous', 'startOver', 'resume'] as const) {
    if (words.commands[name].test(text)) return name;
  }
  return undefined;
}

/** The thing to play from the name words, given the kind the intent said. */
function what(words: PlayWords, heard: PlayHeard, text: string): PlayWhat | undefined {
  if (heard.kind === 'liked' || words.liked.test(text)) return { kind: 'liked' };
  if (heard.kind === 'artist' || heard.kind === 'album' || heard.kind === 'song') {
    if (!text) return undefined;
    return { kind: heard.kind, name: text, artist: heard.artist && polite(words, heard.artist) };
  }
  if (words.anything.test(text) || words.current.test(text)) return { kind: 'anything' };
  if (!text) return undefined;
  if (words.likedMaybe.test(text) && heard.kind !== 'genre')
    return { kind: heard.kind === 'playlist' ? 'playlist' : 'search', name: text, orLiked: true };
  if (heard.kind === 'playlist' || heard.kind === 'genre') return { kind: heard.kind, name: text };
  for (const kind of ['playlist', 'album', 'artist', 'song', 'genre'] as const) {
    for (const pattern of words.kinds[kind]) {
      const name = pattern.exec(text)?.[1];
      if (name && !words.anything.test(name)) {
        const inner = polite(words, name);
        if (words.liked.test(inner)) return { kind: 'liked' };
        return { kind, name: inner };
      }
    }
  }
  return { kind: 'search', name: text };
}

function reading(
  words: PlayWords,
  heard: PlayHeard,
  text: string,
  mods: Stripped,
  device?: string,
): PlayRequest | undefined {
  const shuffle = mods.shuffle || undefined;
  const repeat = mods.repeat || undefined;
  const cmd = heard.kind === 'liked' ? undefined : command(words, text, mods, device);
  if (cmd) return { what: { kind: 'command', command: cmd }, device };
  const thing = what(words, heard, text);
  if (!thing) return undefined;
  return { what: thing, device, shuffle, repeat };
}

/**
 * Reads a play request. Undefined when it names nothing to play and no command (an empty slot: the handler asks
 * what to play).
 */
/** "Shuffle", "repeat please", "loop": a modifier said alone, where a device or a name was expected. */
export function modifierAlone(words: PlayWords, text: string): 'shuffle' | 'repeat' | undefined {
  const said = polite(words, text);
  if (words.shuffleAlone.test(said)) return 'shuffle';
  if (words.repeatAlone.test(said)) return 'repeat';
  return undefined;
}

export function parsePlay(words: PlayWords, heard: PlayHeard): PlayRequest | undefined {
  const mods = modifiers(words, heard.text ?? '');
  if (heard.shuffle) mods.shuffle = true;
  if (heard.repeat) mods.repeat = true;
  let device: string | undefined;
  if (heard.device) {
    // "Shuffle", or "the kitchen speaker on shuffle": the device slot took the modifier along.
    const slot = modifiers(words, heard.device, 'end');
    if (slot.shuffle) mods.shuffle = true;
    if (slot.repeat) mods.repeat = true;
    if (slot.text) device = slot.text;
  }
  if (device || heard.kind === 'liked') return reading(words, heard, mods.text, mods, device);
  // A device said at the end of the words: both readings are kept until the device list settles it.
  const found = words.device.exec(mods.text);
  // "Play on repeat" is no device called "repeat" (it is Spotify's playlist of that name).
  const split = found && !modifierAlone(words, found[2]) ? found : null;
  const whole = reading(words, heard, mods.text, mods);
  if (split) {
    const name = modifiers(words, split[1] ?? '');
    const both = { ...mods, shuffle: mods.shuffle || name.shuffle, repeat: mods.repeat || name.repeat };
    const onDevice = reading(words, heard, name.text, both, polite(words, split[2]));
    if (onDevice) return whole ? { ...onDevice, whole } : onDevice;
  }
  return whole;
}
