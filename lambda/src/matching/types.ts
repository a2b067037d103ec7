/** A name the user might mean (a playlist, a device) and what it stands for. */
export interface Candidate<T> {
  name: string;
  value: T;
}

/** A candidate with its similarity to what was said, from 0 (unrelated) to 1 (the same name). */
export interface Scored<T> extends Candidate<T> {
  score: number;
}

/**
 * `match`: one clear winner, act on it. `ambiguous`: 2 to 3 close candidates, best first, ask which one.
 * `none`: nothing good enough; `nearest` is the best of the rest, for logs and "did you mean", never to act on.
 */
export type MatchResult<T> =
  | { kind: 'match'; best: Scored<T> }
  | { kind: 'ambiguous'; options: Scored<T>[] }
  | { kind: 'none'; nearest?: Scored<T> };

export interface MatchOptions {
  /** The lowest score that may be acted on (default 0.66). */
  threshold?: number;
  /** Candidates within this much of the best are "too close to call" (default 0.1). */
  margin?: number;
  /** Which generic words may be ignored: "playlist" for playlists, "speaker" and "device" for devices. */
  kind?: 'playlist' | 'device';
}

/**
 * How one language names numbers, for reading number words as digits ("top forty" -> "top 40"). Every list
 * is indexed by value; the digits' suffixes ("21st", "90s") are the language's own.
 */
export interface NumberWords {
  /** zero..nine */
  units: readonly string[];
  /** "", first..ninth */
  unitOrdinals: readonly string[];
  /** ten..nineteen */
  teens: readonly string[];
  /** tenth..nineteenth */
  teenOrdinals: readonly string[];
  /** "", "", twenty..ninety */
  tens: readonly string[];
  /** "", "", twentieth..ninetieth */
  tensOrdinals: readonly string[];
  /** Per tens value, the words for its decade ("nineties", and "ninetys" once an apostrophe is gone). */
  decades: ReadonlyArray<readonly string[]>;
  /** The decade after a century ("twenty tens" -> 2010s). */
  tensDecade: string;
  hundred: { cardinal: string; plural: string; ordinal: string };
  thousand: { cardinal: string; plural: string; ordinal: string };
  /** The word that may join number words ("two thousand and five"). */
  joiner: string;
  /** Appended to the digits of a decade or plural ("90s", "2000s"). */
  pluralSuffix: string;
  /** Appended to the digits of an ordinal ("1st", "22nd", "13th"). */
  ordinalSuffix(n: number): string;
}

/** The words matching must understand in one language; a language pack provides them (lang/). */
export interface MatchLanguage {
  /** The word "&" and "+" are read as, and that joins two spelled letters ("r and b" -> "rnb"). */
  and: string;
  /** Suffixes that stay on a number as one token ("90s", "1st"); any other digit-letter mix is split. */
  numberSuffixes: readonly string[];
  /** One token to its canonical token(s): spellings people, Alexa and playlist authors use for one thing. */
  spellings: Readonly<Record<string, readonly string[]>>;
  /** Two-word spellings of one word ("lo fi" -> "lofi"): first word, then second word to the joined word. */
  joinedPairs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  numbers: NumberWords;
  /** Words Alexa writes for a number it heard ("to" for 2, "for" for 4). */
  numberHomophones: Readonly<Record<string, string>>;
  /** The separator of thousands in numbers as written ("1,000"), dropped so that "1,000" is "1000". */
  thousandsSeparator: string;
  /** The ending Alexa drops or adds on plurals and possessives ("mum" / "mums"): such words nearly match. */
  pluralEnding: string;
  /**
   * A word's sound key: words with the same key sound alike ("mics" / "mix"). `soundKey` in similarity.ts
   * suits English spellings in Latin letters; letters of other scripts compare as themselves.
   */
  soundKey(word: string): string;
  /** Words that weigh little ("the", "my", "please"). */
  stopWords: readonly string[];
  /** Words that weigh a little more ("songs", "music"). */
  mildWords: readonly string[];
  /** The generic words of each kind of name ("playlist"; "speaker", "device"). */
  genericWords: Readonly<Record<'playlist' | 'device' | 'any', readonly string[]>>;
}
