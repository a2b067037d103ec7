/**
 * Scripted conversations: a text file of `U:` lines (what the user says), `:commands`, and expectation lines
 * about the turn before them. Used by tests and kept as documentation.
 *
 *   # comment                      ignored, as are blank lines
 *   U: ask connect remote to pause what the user says (a bare line without a key is an utterance too)
 *   :fault PUT /v1/me/player/pause 403 PREMIUM_REQUIRED    a console command
 *   A: Paused.                     Alexa's speech, exactly (whitespace aside)
 *   A: Connect Remote is ready. ... What would you like to do?     `...` stands for any text
 *   A: ~ Premium                   a regular expression (case-insensitive) found in the speech
 *   R: ...                         the reprompt          Card: LinkAccount    the card ("Type: title — text")
 *   Calls: PUT /v1/me/player/pause 403       the Spotify calls, "METHOD path status" joined by ", "
 *   Player: ~ Kitchen speaker .* paused       the player line     Intent: AMAZON.PauseIntent
 *   Session: open | ended                    Note: ~ refreshed   one of the console's remarks
 */
import { callsLine, cardLine, intentLine, playerLine, type TurnView } from './render';

export type ExpectKey = 'A' | 'R' | 'Card' | 'Calls' | 'Player' | 'Intent' | 'Session' | 'Note';

export type ScriptLine =
  | { kind: 'say'; text: string; line: number }
  | { kind: 'command'; text: string; line: number }
  | { kind: 'expect'; key: ExpectKey; pattern: string; line: number };

const KEYS: ExpectKey[] = ['A', 'R', 'Card', 'Calls', 'Player', 'Intent', 'Session', 'Note'];
const KEY_LINE = new RegExp(`^(U|${KEYS.join('|')}):\\s?(.*)$`);

export function parseScript(text: string): ScriptLine[] {
  const out: ScriptLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    if (trimmed.startsWith(':')) {
      out.push({ kind: 'command', text: trimmed, line });
      return;
    }
    const match = KEY_LINE.exec(trimmed);
    if (!match) {
      out.push({ kind: 'say', text: trimmed, line });
    } else if (match[1] === 'U') {
      out.push({ kind: 'say', text: match[2].trim(), line });
    } else {
      out.push({ kind: 'expect', key: match[1] as ExpectKey, pattern: match[2].trim(), line });
    }
  });
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text meets an expectation pattern: `~ regex` (case-insensitive, found anywhere), otherwise the
 * exact text where `...` (or `…`) matches anything.
 */
export function matches(pattern: string, actual: string | undefined): boolean {
  const text = squash(actual ?? '');
  if (pattern.startsWith('~')) {
    const source = pattern.slice(1).trim();
    try {
      return new RegExp(source, 'i').test(text);
    } catch {
      return false;
    }
  }
  const pieces = squash(pattern).split(/\s*(?:\.\.\.|…)\s*/);
  if (pieces.length === 1) return text === pieces[0];
  const regex = pieces.map(escapeRegExp).join('.*');
  return new RegExp(`^${regex}$`, 's').test(text);
}

/** The text of a turn that an expectation key looks at. */
export function actualFor(key: ExpectKey, turn: TurnView | undefined, notes: readonly string[]): string[] {
  if (key === 'Note') return [...notes];
  if (!turn) return [''];
  switch (key) {
    case 'A':
      return [turn.speech ?? ''];
    case 'R':
      return [turn.reprompt ?? ''];
    case 'Card':
      return [cardLine(turn.card) ?? ''];
    case 'Calls':
      return [callsLine(turn.calls)];
    case 'Player':
      return [playerLine(turn.player)];
    case 'Intent':
      return [intentLine(turn) ?? ''];
    case 'Session':
      return [turn.sessionOpen ? 'open' : 'ended'];
  }
}

export interface Mismatch {
  line: number;
  key: ExpectKey;
  expected: string;
  actual: string;
}

/** Checks one expectation; undefined when it holds. */
export function check(
  expectation: Extract<ScriptLine, { kind: 'expect' }>,
  turn: TurnView | undefined,
  notes: readonly string[],
): Mismatch | undefined {
  const actual = actualFor(expectation.key, turn, notes);
  if (actual.some((a) => matches(expectation.pattern, a))) return undefined;
  return {
    line: expectation.line,
    key: expectation.key,
    expected: expectation.pattern,
    actual: expectation.key === 'Note' ? actual.join(' | ') || '(no notes)' : actual[0] || '(nothing)',
  };
}
