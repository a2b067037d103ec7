/**
 * Predictable routing (issue 13, item 12): the AMAZON.SearchQuery carriers of the play family ("play {query}",
 * "shuffle {query}", "put {query} on"…) pattern-match samples of other intents, so Alexa may send "play the next
 * song" to PlaySearchIntent. Every such sample must come back, through the one reading of a play request
 * (lambda/src/matching/play.ts), as what its own intent does.
 */
import { en } from '../../lambda/src/lang/en';
import { parsePlay, type PlayRequest } from '../../lambda/src/matching/play';
import { BUILT_IN_PHRASES } from '../../tools/console/builtins';
import { readModel } from '../../tools/model';

const { intents } = readModel('en-US').interactionModel.languageModel;
const CARRIERS = ['PlaySearchIntent', 'ShufflePlayIntent'];

/** What each swallowed intent's samples must read as. */
const MEANS: Record<string, (r: PlayRequest | undefined) => boolean> = {
  'AMAZON.ResumeIntent': (r) =>
    r?.what.kind === 'anything' || (r?.what.kind === 'command' && r.what.command === 'resume'),
  'AMAZON.NextIntent': (r) => r?.what.kind === 'command' && r.what.command === 'next',
  'AMAZON.PreviousIntent': (r) => r?.what.kind === 'command' && r.what.command === 'previous',
  'AMAZON.StartOverIntent': (r) => r?.what.kind === 'command' && r.what.command === 'startOver',
  'AMAZON.ShuffleOnIntent': (r) => r?.what.kind === 'command' && r.what.command === 'shuffleOn',
  'AMAZON.ShuffleOffIntent': (r) => r?.what.kind === 'command' && r.what.command === 'shuffleOff',
  // "play spotify on the tv" plays there; "play it on the tv" moves what plays.
  TransferPlaybackIntent: (r) =>
    Boolean(r?.device) &&
    (r?.what.kind === 'anything' || (r?.what.kind === 'command' && r.what.command === 'transfer')),
};

/** The samples (and Alexa's own phrasings of built-ins) a carrier sample matches, with the query it takes. */
function swallowed(): Array<{ intent: string; sample: string; carrier: string; query: string }> {
  const carriers = intents
    .filter((i) => CARRIERS.includes(i.name))
    .flatMap((i) =>
      (i.samples ?? []).map((s) => ({
        intent: i.name,
        pattern: new RegExp(`^${s.replace('{query}', '(.+)')}$`),
      })),
    );
  return intents
    .filter((i) => !CARRIERS.includes(i.name))
    .flatMap((i) =>
      [...(i.samples ?? []), ...(BUILT_IN_PHRASES[i.name] ?? [])].flatMap((sample) => {
        for (const c of carriers) {
          const query = c.pattern.exec(sample)?.[1];
          if (query) return [{ intent: i.name, sample, carrier: c.intent, query }];
        }
        return [];
      }),
    );
}

test('the play carriers do swallow player commands (the reason the reading below exists)', () => {
  const intentsSwallowed = new Set(swallowed().map((s) => s.intent));
  expect([...intentsSwallowed]).toEqual(
    expect.arrayContaining(['AMAZON.NextIntent', 'AMAZON.ShuffleOnIntent']),
  );
});

test.each(swallowed().filter((s) => MEANS[s.intent]))(
  '$intent "$sample", sent to $carrier, does what $intent does',
  ({ intent, carrier, query }) => {
    const request = parsePlay(en.understand.play, {
      kind: 'search',
      text: query,
      shuffle: carrier === 'ShufflePlayIntent' || undefined,
    });
    expect(MEANS[intent](request)).toBe(true);
  },
);

test.each(swallowed().filter((s) => s.intent.startsWith('Play')))(
  '$intent "$sample", sent to $carrier, is still something to play',
  ({ carrier, query }) => {
    const request = parsePlay(en.understand.play, {
      kind: 'search',
      text: query.replace(/\{(\w+)\}/g, 'abba'),
      shuffle: carrier === 'ShufflePlayIntent' || undefined,
    });
    expect(request?.what.kind).not.toBe('command');
  },
);
