export type { Candidate, Scored, MatchResult, MatchOptions, MatchLanguage, NumberWords } from './types';
export { matchName } from './match';
export { normalizeName } from './normalize';
