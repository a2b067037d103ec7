/**
 * Spoken-name matching: which of the user's playlists or Spotify Connect devices did they mean?
 *
 * Alexa hands us what it heard ("mums favourites", "r and b classics", "workout mix two", "dinner parti"), the
 * user says part of a name ("kitchen" for "Kitchen speaker") or adds words ("my", "the", "playlist"). The
 * design, in three steps:
 *
 * 1. Normalise both sides to canonical tokens (`normalize.ts`): case, accents (é -> e), emoji and punctuation
 *    dropped, apostrophes removed (Mum's -> mums), "&"/"+"/"n" -> "and", spelled-out letters joined (t v -> tv;
 *    R&B, r and b, r n b -> rnb), number words read as digits (forty -> 40, nineties -> 90s, two thousands ->
 *    2000s), a few fixed spellings (lo fi / low fi -> lofi, nite -> night, television -> tv).
 *
 * 2. Exact tiers first. Equal normal forms (score 1), equal with spaces removed (0.99: "work out" / "Workout"),
 *    equal once filler words are ignored (0.98: "the workout mix playlist" / "Workout Mix"). An exact-tier
 *    candidate beats every fuzzy one outright, which is why "workout mix" is not ambiguous between "Workout
 *    Mix" and "Workout Mix 2".
 *
 * 3. Otherwise a weighted token alignment. Every spoken token (and every pair of neighbours joined, for "play
 *    station" / "PlayStation", "1 82" / "182") is paired with a name token (or joined pair) by word similarity
 *    (`similarity.ts`: exact, Damerau-Levenshtein 1-2 edits, same sound key, prefix, number homophones; numbers
 *    never approximate each other), greedily from the best pair down, each token used once. Weights say what
 *    matters: numbers 1.5, ordinary words 1, "songs"/"music" 0.6 in a name and 0.3 when spoken, stop words ("the", "my", "of") 0.2 in a name
 *    and 0.05 when spoken (saying "the" costs nothing), and the kind's generic words ("playlist"; "speaker",
 *    "device") 0.05 when spoken, 0.5 inside a name. Then
 *       said    = matched weight of what the user said / all of it   (did they say anything the name lacks?
 *                 stop and generic words they said count only where they matched: "the tv" is "tv")
 *       covered = matched weight of the name / all of it              (how much of the name did they say?)
 *       score   = 0.96 * said * (0.65 + 0.35 * covered)
 *    `said` dominates: a word the user said that the name lacks sinks the score ("jazz" never reaches "Jar of
 *    Hearts"; "workout mix three" never reaches "Workout Mix"), while a partial name still scores well
 *    ("macbook" -> "Sam's MacBook Pro"), and `covered` ranks the fuller match first. Fuzzy scores stay below
 *    0.96 so they never tie an exact tier.
 *
 * Decision: the best score below the threshold -> none (with the nearest, never to act on); candidates
 * within the margin of the best -> ambiguous (at most 3, best first); otherwise the best is the match. Two
 * exact-tier candidates with the same normal form cannot be told apart by voice at all, so the first one is
 * the match rather than a question nobody can answer; with different normal forms they are ambiguous.
 *
 * Pure and synchronous: every table and regular expression is built once at module load; each call
 * normalises the spoken text once and every candidate once. Input is capped (200 characters, 16 tokens per
 * name, 10,000 candidates); null-ish names are skipped; nothing throws.
 */
import { normalizeTokens } from './normalize';
import { term, termSimilarity, type Term } from './similarity';
import type { Candidate, MatchLanguage, MatchOptions, MatchResult, Scored } from './types';

export const DEFAULT_THRESHOLD = 0.66;
export const DEFAULT_MARGIN = 0.1;
const MAX_CANDIDATES = 10_000;
const MAX_OPTIONS = 3;
const DIGITS_ONLY = /^\p{N}+$/u;
const FUZZY_CAP = 0.96;
/** How much a partial name keeps: saying all of "macbook" for "Sam's MacBook Pro" still scores well. */
const SAID_FLOOR = 0.65;
/** Below this, two words are not the same word at all. */
const MIN_TERM_SIMILARITY = 0.7;

const TIER_NORMAL = 3;
const TIER_COMPACT = 2;
const TIER_CORE = 1;
const TIER_SCORES = [0, 0.98, 0.99, 1];

/** A language's word sets, built from its pack on first use and kept. */
interface WordSets {
  stop: ReadonlySet<string>;
  mild: ReadonlySet<string>;
  generic: Record<'playlist' | 'device' | 'any', ReadonlySet<string>>;
}

const wordSets = new WeakMap<MatchLanguage, WordSets>();

function wordsOf(lang: MatchLanguage): WordSets {
  let sets = wordSets.get(lang);
  if (!sets) {
    sets = {
      stop: new Set(lang.stopWords),
      mild: new Set(lang.mildWords),
      generic: {
        playlist: new Set(lang.genericWords.playlist),
        device: new Set(lang.genericWords.device),
        any: new Set(lang.genericWords.any),
      },
    };
    wordSets.set(lang, sets);
  }
  return sets;
}

type Side = 'spoken' | 'name';

const WEIGHTS: Record<Side, { stop: number; generic: number; mild: number; number: number; word: number }> = {
  spoken: { stop: 0.05, generic: 0.05, mild: 0.3, number: 1.5, word: 1 },
  name: { stop: 0.2, generic: 0.5, mild: 0.6, number: 1.5, word: 1 },
};

/** A token, or two neighbouring tokens joined, with the token positions it covers as a bit mask. */
interface Unit {
  term: Term;
  mask: number;
  weight: number;
  /** The part of `weight` that is stop or generic words: what the user said counts it only when it matched. */
  filler: number;
  joined: boolean;
  position: number;
}

interface Prepared {
  normal: string;
  compact: string;
  core: string;
  coreCompact: string;
  units: Unit[];
  total: number;
  /** Weight of the words that carry meaning (not stop words, not the kind's generic words). */
  content: number;
}

/**
 * Per-call memory: names in one library share many words ("mix", "hits", "sam's"), so each word's Term and
 * each (spoken unit, name word) similarity is computed once per call. Lives only as long as the call.
 */
class CallMemo {
  constructor(
    readonly lang: MatchLanguage,
    readonly words: WordSets,
  ) {}

  private readonly terms = new Map<string, Term>();
  private readonly similarities = new Map<Term, Map<string, number>>();

  term(text: string): Term {
    let t = this.terms.get(text);
    if (!t) {
      t = term(text, this.lang);
      this.terms.set(text, t);
    }
    return t;
  }

  similarity(spoken: Term, name: Term): number {
    let row = this.similarities.get(spoken);
    if (!row) {
      row = new Map();
      this.similarities.set(spoken, row);
    }
    let s = row.get(name.text);
    if (s === undefined) {
      s = termSimilarity(spoken, name, this.lang);
      row.set(name.text, s);
    }
    return s;
  }
}

function prepare(text: unknown, side: Side, generic: ReadonlySet<string>, memo: CallMemo): Prepared {
  const tokens = normalizeTokens(memo.lang, text);
  const w = WEIGHTS[side];
  const { stop: STOP_WORDS, mild: MILD_WORDS } = memo.words;
  const units: Unit[] = [];
  let total = 0;
  let content = 0;
  const coreTokens: string[] = [];
  tokens.forEach((t, i) => {
    const tm = memo.term(t);
    let weight = w.word;
    if (STOP_WORDS.has(t)) weight = w.stop;
    else if (generic.has(t)) weight = w.generic;
    else if (MILD_WORDS.has(t)) weight = w.mild;
    else if (tm.numeric) weight = w.number;
    const meaningful = !STOP_WORDS.has(t) && !generic.has(t);
    if (meaningful) content += weight;
    // What the user adds ("the", "playlist") is dropped from the core; a name keeps its generic words.
    if (!STOP_WORDS.has(t) && (side === 'name' || !generic.has(t))) coreTokens.push(t);
    total += weight;
    units.push({
      term: tm,
      mask: 1 << i,
      weight,
      filler: meaningful ? 0 : weight,
      joined: false,
      position: tokens.length > 1 ? i / (tokens.length - 1) : 0,
    });
  });
  const singles = units.length;
  for (let i = 0; i + 1 < singles; i++) {
    const a = units[i];
    const b = units[i + 1];
    // "play station" / "PlayStation", "one eighty two" (1 82) / "182": neighbours of the same sort may be one word.
    const digits = DIGITS_ONLY.test(a.term.text) && DIGITS_ONLY.test(b.term.text);
    if (!(a.term.alpha && b.term.alpha) && !digits) continue;
    units.push({
      term: memo.term(a.term.text + b.term.text),
      mask: a.mask | b.mask,
      weight: a.weight + b.weight,
      filler: a.filler + b.filler,
      joined: true,
      position: (a.position + b.position) / 2,
    });
  }
  return {
    normal: tokens.join(' '),
    compact: tokens.join(''),
    core: coreTokens.join(' '),
    coreCompact: coreTokens.join(''),
    units,
    total,
    content,
  };
}

interface Pair {
  spoken: Unit;
  name: Unit;
  similarity: number;
  gain: number;
}

/** Greedy weighted alignment of spoken units to name units; see the design note at the top. */
function alignmentScore(spoken: Prepared, name: Prepared, memo: CallMemo): number {
  if (spoken.content <= 0 || name.total <= 0) return 0;
  const pairs: Pair[] = [];
  for (const s of spoken.units) {
    for (const n of name.units) {
      if (s.joined && n.joined) continue;
      // Joined neighbours count only when exact ("play station" / "playstation"): "k pop" must not pass for "pop".
      const joined = s.joined || n.joined;
      if (joined && s.term.text !== n.term.text) continue;
      const similarity = joined ? 1 : memo.similarity(s.term, n.term);
      if (similarity < MIN_TERM_SIMILARITY) continue;
      // Ties go to the pair in the same place in both names.
      const gain = similarity * (s.weight + n.weight) - 0.001 * Math.abs(s.position - n.position);
      pairs.push({ spoken: s, name: n, similarity, gain });
    }
  }
  pairs.sort((a, b) => b.gain - a.gain);
  let usedSpoken = 0;
  let usedName = 0;
  let said = 0;
  let saidFiller = 0;
  let covered = 0;
  for (const p of pairs) {
    if (usedSpoken & p.spoken.mask || usedName & p.name.mask) continue;
    usedSpoken |= p.spoken.mask;
    usedName |= p.name.mask;
    said += p.similarity * p.spoken.weight;
    saidFiller += p.spoken.filler;
    covered += p.similarity * p.name.weight;
  }
  // "the tv" is "tv": a filler word the user said counts only if the name has it too.
  const saidShare = Math.min(1, said / (spoken.content + saidFiller));
  const coveredShare = Math.min(1, covered / name.total);
  return FUZZY_CAP * saidShare * (SAID_FLOOR + (1 - SAID_FLOOR) * coveredShare);
}

function exactTier(spoken: Prepared, name: Prepared): number {
  if (!name.normal) return 0;
  if (spoken.normal === name.normal) return TIER_NORMAL;
  if (spoken.compact === name.compact) return TIER_COMPACT;
  if (spoken.core && (spoken.core === name.core || spoken.coreCompact === name.coreCompact)) {
    return TIER_CORE;
  }
  return 0;
}

interface Ranked<T> {
  scored: Scored<T>;
  tier: number;
  normal: string;
  index: number;
}

function option(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : fallback;
}

function rank<T>(
  lang: MatchLanguage,
  spoken: string,
  candidates: ReadonlyArray<Candidate<T>>,
  options: MatchOptions,
): Ranked<T>[] {
  const words = wordsOf(lang);
  const generic = Object.hasOwn(words.generic, options.kind ?? 'any')
    ? words.generic[options.kind ?? 'any']
    : words.generic.any;
  const memo = new CallMemo(lang, words);
  const said = prepare(spoken, 'spoken', generic, memo);
  if (said.units.length === 0) return [];
  const ranked: Ranked<T>[] = [];
  const count = Math.min(candidates.length, MAX_CANDIDATES);
  const prepared: Array<{ candidate: Candidate<T>; name: Prepared; tier: number; index: number }> = [];
  let anyExact = false;
  for (let index = 0; index < count; index++) {
    const candidate = candidates[index];
    if (!candidate || typeof candidate.name !== 'string') continue;
    const name = prepare(candidate.name, 'name', generic, memo);
    if (!name.normal) continue;
    const tier = exactTier(said, name);
    anyExact ||= tier > 0;
    prepared.push({ candidate, name, tier, index });
  }
  for (const { candidate, name, tier, index } of prepared) {
    // An exact-tier candidate beats every fuzzy one outright, so with one present the (costly) alignment
    // of the others cannot change the answer and is skipped. Only generic words said ("my playlist", "the
    // speaker"): nothing to go on but an exact name.
    const score =
      tier > 0 ? TIER_SCORES[tier] : said.content > 0 && !anyExact ? alignmentScore(said, name, memo) : 0;
    ranked.push({
      scored: { name: candidate.name, value: candidate.value, score: Math.round(score * 1000) / 1000 },
      tier,
      normal: name.normal,
      index,
    });
  }
  return ranked.sort((a, b) => b.scored.score - a.scored.score || a.index - b.index);
}

/**
 * Which of `candidates` the user meant by `spoken`: one `match`, an `ambiguous` 2 or 3 (best first), or
 * `none`. Pure, synchronous, and total: any input gives a result.
 */
export function matchName<T>(
  lang: MatchLanguage,
  spoken: string,
  candidates: ReadonlyArray<Candidate<T>>,
  options?: MatchOptions,
): MatchResult<T> {
  try {
    const opts = options ?? {};
    const threshold = option(opts.threshold, DEFAULT_THRESHOLD);
    const margin = option(opts.margin, DEFAULT_MARGIN);
    const ranked: Ranked<T>[] = Array.isArray(candidates) ? rank(lang, spoken, candidates, opts) : [];
    const best = ranked[0];
    if (!best || best.scored.score <= 0) return { kind: 'none' };
    if (best.scored.score < threshold) return { kind: 'none', nearest: best.scored };
    if (best.tier > 0) {
      const equals = ranked.filter((r) => r.tier === best.tier);
      const distinct = equals.filter((r) => r.normal !== best.normal);
      if (distinct.length === 0) return { kind: 'match', best: best.scored };
      return { kind: 'ambiguous', options: equals.slice(0, MAX_OPTIONS).map((r) => r.scored) };
    }
    const close = ranked.filter(
      (r) => r.scored.score >= threshold && best.scored.score - r.scored.score < margin,
    );
    if (close.length < 2) return { kind: 'match', best: best.scored };
    return { kind: 'ambiguous', options: close.slice(0, MAX_OPTIONS).map((r) => r.scored) };
  } catch {
    // Matching must never take a request down; "nothing matched" is always a safe answer.
    return { kind: 'none' };
  }
}
