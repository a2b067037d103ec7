export type { Candidate, Scored, MatchResult, MatchOptions } from './types';
export { matchName } from './match';
export { normalizeName } from './normalize';
