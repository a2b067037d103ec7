/**
 * A language pack: everything a person hears or sees (`strings`) and everything the skill must understand
 * (`understand`) in one language. The English pack (`en.ts`) defines the key set; every other pack is typed
 * against it, so a missing string or word list is a compile error.
 */
import type { MatchLanguage } from '../matching/types';
import type { PlayWords } from '../matching/play';
import type { enScreens, enStrings } from './en';

/** The keys of the string table (today's names, shared by every language). */
export type StringKey = keyof typeof enStrings;
/** Speech and card text; placeholders are `{name}`, their values escaped by the speech layer. */
export type StringTable = Readonly<Record<StringKey, string>>;

/** A count-dependent string: which key to use for each CLDR plural category (`other` is required). */
export type PluralKeys = Partial<Record<Intl.LDMLPluralRule, StringKey>> & { other: StringKey };

export interface Understanding {
  /** What the matcher needs (matching/ takes this, never a language of its own). */
  matching: MatchLanguage;
  /** Spoken ordinals and small numbers to a 1-based position; -1 means the last one, 0 the middle one. */
  ordinals: Readonly<Record<string, number>>;
  /** A whole answer that is an ordinal and nothing else ("the second one", "last", "number two", "the middle one"). */
  ordinalAnswer: RegExp;
  /** Words around an answer that are not the answer ("please", "actually", "um"): dropped before it is read. */
  answerFillers: RegExp;
  /** The words that point at an option by what is in its name ("the one with Sam", "the one from 2019"). */
  answerPointers: RegExp;
  /**
   * The names of Spotify's own playlists (Discover Weekly, Release Radar, Daily Mix…), which Spotify's API no
   * longer lets apps like this one read or play: said plainly instead of "I couldn't find".
   */
  spotifysOwnPlaylists: RegExp;
  /**
   * What people call their Liked Songs in a playlist slot ("add this to my liked songs"): not a playlist
   * (apps cannot add to it as one), so adding there saves the song. Matched against the words without "my".
   */
  likedSongsNames: RegExp;
  /**
   * A whole answer to "did you mean A or B?" or "which device?" that picks none ("neither", "none of those",
   * "don't bother"), read once the fillers are gone.
   */
  declines: RegExp;
  /** Words before or after a playlist's name that are not part of it ("my", "the", "playlist"). */
  playlistFillers: RegExp;
  /**
   * Version suffixes of a track or album name that speech leaves out ("Something - Remastered 2009", "Abbey
   * Road (Remastered)", "Song - Live at Wembley", "Song - 2011 Mix"); each matches at the end of the name,
   * and only a suffix set off by a dash or an opening bracket (speech/ear.ts does not try them on a name
   * without one). Cards keep them.
   */
  versionSuffixes: readonly RegExp[];
  /** A seek direction, as said, that means backwards ("back", "rewind"). */
  seekBackwards: RegExp;
  /**
   * The number in a podcast episode's name ("Episode 41: …", "Ep. 40 - …", "#12", "41. …"): the first
   * non-empty group holds the digits.
   */
  episodeNumber: RegExp;
  /**
   * What Alexa may hear in a device slot that names no device ("pause the music", "turn the volume up"): the
   * command is then meant for whatever plays.
   */
  notADevice: RegExp;
  /**
   * Words for a kind of device, to Spotify's device types ("the laptop" → Computer), for a device whose name
   * does not say what it is ("Sam's MacBook Pro").
   */
  deviceKinds: Readonly<Record<string, readonly string[]>>;
  /** The words around a play request: modifiers, devices, kinds, "just play", liked songs, commands. */
  play: PlayWords;
}

/** The keys of the screens' words. */
export type ScreenWordKey = keyof typeof enScreens;
/** What the Echo Show screens show, in one language. */
export type ScreenWords = Readonly<Record<ScreenWordKey, string>>;

export interface LanguagePack {
  /** Words on the Echo Show screens (lambda/src/screens). */
  screens: ScreenWords;
  /** The BCP 47 tag the pack is written in (for Intl.PluralRules and Intl.NumberFormat). */
  locale: string;
  /**
   * The locale whose Intl.ListFormat patterns match this pack's lists ("A, B and C"): not always `locale`
   * (see en.ts).
   */
  listLocale: string;
  strings: StringTable;
  /** Count-dependent strings by the key used for the general case. */
  plurals: Readonly<Partial<Record<StringKey, PluralKeys>>>;
  understand: Understanding;
}
