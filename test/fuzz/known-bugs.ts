/**
 * Bugs the fuzzer found in code this suite does not own, written down narrowly so the property stays a
 * tripwire for everything else. Each entry matches one failure message (and, where it can, the input that
 * explains it); each
 * has a `test.failing` reproduction in fuzz.test.ts, so when the bug is fixed that test fails ("passed
 * unexpectedly") and the entry must be deleted here.
 */
import type { FuzzCase } from './envelopes';

export interface KnownBug {
  id: string;
  /** What is wrong and where the fix belongs. */
  what: string;
  matches(failure: string, c: FuzzCase): boolean;
}

const HIGH_SURROGATE = /[\ud800-\udbff]$/;

export const KNOWN_BUGS: KnownBug[] = [
  {
    id: 'slot-truncation-splits-emoji',
    what:
      'slotText (lambda/src/handlers/slots.ts) cuts a value at 200 UTF-16 code units, which can split an ' +
      'emoji into a lone surrogate: the speech is then not well-formed XML (and the half character reaches ' +
      'Spotify: a search query axios cannot encode, a playlist name)',
    matches: (failure, c) =>
      /contains a lone UTF-16 surrogate/.test(failure) &&
      c.userStrings.some((s) => HIGH_SURROGATE.test(s.trim().slice(0, 200))),
  },
  {
    id: 'xml-forbidden-characters-in-speech',
    what:
      'escapeSsml (lambda/src/speech/ssml.ts) escapes & < > " \' but passes characters XML 1.0 forbids (C0 ' +
      'controls such as NUL or ESC, U+FFFE, U+FFFF, lone surrogates) into the SSML, from a slot value or from ' +
      'a Spotify name (a playlist called "Late\\u001bNight" breaks "list my playlists"), so the response is ' +
      'not well-formed and Alexa rejects it',
    matches: (failure) =>
      /(outputSpeech|reprompt\.outputSpeech)\.ssml is not well-formed XML: contains (a character XML forbids|a lone UTF-16 surrogate)/.test(
        failure,
      ),
  },
  {
    id: 'session-attributes-echoed-when-not-an-object',
    what:
      'when session.attributes is not an object (a string, a number, an array), ask-sdk hands it back as the ' +
      "response's sessionAttributes, which Alexa requires to be an object; the context interceptor " +
      '(lambda/src/context.ts) could reset it to {}',
    matches: (failure, c) => {
      const attributes = (c.envelope as { session?: { attributes?: unknown } } | null)?.session?.attributes;
      return (
        failure === 'sessionAttributes is not an object' &&
        (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))
      );
    },
  },
];

/** The failures no known bug explains, and the ids of the known bugs that were hit. */
export function triage(failures: readonly string[], c: FuzzCase): { unknown: string[]; known: string[] } {
  const unknown: string[] = [];
  const known: string[] = [];
  for (const f of failures) {
    const bug = KNOWN_BUGS.find((b) => b.matches(f, c));
    if (bug) known.push(bug.id);
    else unknown.push(f);
  }
  return { unknown, known };
}
