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
