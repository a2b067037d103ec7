/**
 * The model rules and the small resolver have their own tests: each rule is shown a model that breaks it
 * (and only it), so "the model breaks no rule" in model.test.ts is a claim that can fail.
 */
import { resolve } from './resolve';
import {
  checkModel,
  checkModelFile,
  normalise,
  RULES_IN_BOTH,
  shapeOf,
  type InteractionModel,
} from '../../tools/model';
import { modelFile } from './fixtures';

/** A small model that breaks nothing; each test changes one thing. */
function aModel(): InteractionModel {
  return modelFile(
    {
      intents: [
        { name: 'AMAZON.HelpIntent', samples: [] },
        {
          name: 'PlayPlaylistIntent',
          slots: [
            {
              name: 'playlist',
              type: 'AMAZON.MusicPlaylist',
              samples: ['{playlist}', 'the {playlist} one'],
            },
            { name: 'device', type: 'DeviceName', samples: ['the {device}'] },
          ],
          samples: ['play my {playlist}', 'play my {playlist} on the {device}', "what's my {playlist}"],
        },
        {
          name: 'PlaySearchIntent',
          slots: [{ name: 'query', type: 'AMAZON.SearchQuery' }],
          samples: ['play {query}'],
        },
        {
          name: 'RepeatModeIntent',
          slots: [{ name: 'mode', type: 'RepeatMode' }],
          samples: ['repeat {mode}'],
        },
        {
          name: 'GenreIntent',
          slots: [{ name: 'genre', type: 'AMAZON.Genre' }],
          samples: ['play some {genre}'],
        },
      ],
      types: [
        { name: 'DeviceName', values: [{ name: { value: 'kitchen speaker' } }, { name: { value: 'tv' } }] },
        {
          name: 'RepeatMode',
          values: [
            { id: 'track', name: { value: 'track', synonyms: ['this song'] } },
            { id: 'off', name: { value: 'off' } },
          ],
        },
      ],
    },
    {
      dialog: {
        delegationStrategy: 'SKILL_RESPONSE',
        intents: [
          {
            name: 'PlayPlaylistIntent',
            slots: [
              {
                name: 'playlist',
                type: 'AMAZON.MusicPlaylist',
                elicitationRequired: true,
                prompts: { elicitation: 'Elicit.playlist' },
              },
              { name: 'device', type: 'DeviceName', elicitationRequired: false },
            ],
          },
        ],
      },
      prompts: [{ id: 'Elicit.playlist', variations: [{ type: 'PlainText', value: 'Which playlist?' }] }],
    },
  );
}

const rulesBroken = (change: (m: InteractionModel) => void) => {
  const m = aModel();
  change(m);
  return [...new Set(checkModel(m).map((p) => p.rule))];
};
const lm = (m: InteractionModel) => m.interactionModel.languageModel;
const intentOf = (m: InteractionModel, name: string) => lm(m).intents.find((i) => i.name === name)!;
const addSample = (m: InteractionModel, name: string, sample: string) =>
  intentOf(m, name).samples!.push(sample);

describe('the rules the validator shares (RULES_IN_BOTH)', () => {
  const breakages: Record<string, (m: InteractionModel) => void> = {
    'intent-duplicate': (m) => lm(m).intents.push({ name: 'GenreIntent', samples: ['play a {genre}'] }),
    'sample-duplicate': (m) => addSample(m, 'PlayPlaylistIntent', 'Play  my {playlist}'),
    'type-duplicate': (m) =>
      lm(m).types!.push({ name: 'DeviceName', values: [{ name: { value: 'radio' } }] }),
    'slot-type-undefined': (m) => (intentOf(m, 'PlayPlaylistIntent').slots![1].type = 'SpeakerName'),
    'sample-unknown-slot': (m) => addSample(m, 'PlayPlaylistIntent', 'play the song {song}'),
    'sample-repeated-slot': (m) => addSample(m, 'PlayPlaylistIntent', 'play {playlist} then {playlist}'),
    'search-query-no-carrier': (m) => addSample(m, 'PlaySearchIntent', '{query}'),
    'sample-characters': (m) => addSample(m, 'PlayPlaylistIntent', 'play my {playlist} please!'),
  };

  test('every shared rule has a breakage here', () => {
    expect(Object.keys(breakages).sort()).toEqual(Object.keys(RULES_IN_BOTH).sort());
  });

  test.each(Object.entries(RULES_IN_BOTH))("%s is also the validator's %s", (house, validator) => {
    const m = aModel();
    breakages[house](m);
    expect(checkModel(m).map((p) => p.rule)).toContain(house);
    expect(checkModelFile(m, 'en-US', 'en-US.json').problems.map((p) => p.rule)).toContain(validator);
  });
});

describe('checkModel', () => {
  test('passes the well-formed model', () => {
    expect(checkModel(aModel())).toEqual([]);
  });

  test('rejects a model without the interactionModel wrapper', () => {
    expect(rulesBroken((m) => delete (m as Partial<InteractionModel>).interactionModel)).toEqual([
      'model-shape',
    ]);
  });

  test.each<[string, (m: InteractionModel) => void, string | string[]]>([
    ['a one-word invocation name', (m) => (lm(m).invocationName = 'remote'), 'invocation-name-one-word'],
    [
      'an upper-case invocation name',
      (m) => (lm(m).invocationName = 'Connect Remote'),
      'invocation-name-characters',
    ],
    [
      'a digit in the invocation name',
      (m) => (lm(m).invocationName = 'remote 2k'),
      'invocation-name-characters',
    ],
    [
      'a wake word in the invocation name',
      (m) => (lm(m).invocationName = 'alexa remote'),
      'invocation-name-forbidden-word',
    ],
    [
      '"skill" in the invocation name',
      (m) => (lm(m).invocationName = 'remote skill'),
      'invocation-name-forbidden-word',
    ],
    ['a digit in a sample', (m) => addSample(m, 'PlayPlaylistIntent', 'set volume to 40'), 'sample-digits'],
    ['a question mark', (m) => addSample(m, 'PlayPlaylistIntent', "what's on?"), 'sample-characters'],
    ['a comma', (m) => addSample(m, 'PlayPlaylistIntent', 'play, now'), 'sample-characters'],
    ['a hyphen', (m) => addSample(m, 'PlayPlaylistIntent', 'play lo-fi'), 'sample-characters'],
    ['a double space', (m) => addSample(m, 'PlayPlaylistIntent', 'play  now'), 'sample-characters'],
    ['upper case', (m) => addSample(m, 'PlayPlaylistIntent', 'Play now'), 'sample-characters'],
    [
      'an over-long sample',
      (m) => addSample(m, 'PlayPlaylistIntent', 'play '.repeat(45).trim()),
      'sample-length',
    ],
    [
      'an unknown slot',
      (m) => addSample(m, 'PlayPlaylistIntent', 'play the song {song}'),
      'sample-unknown-slot',
    ],
    [
      'a slot twice',
      (m) => addSample(m, 'PlayPlaylistIntent', 'play {playlist} and {playlist}'),
      'sample-repeated-slot',
    ],
    [
      'a duplicate across intents (which is also a shape collision)',
      (m) => {
        addSample(m, 'GenreIntent', 'what now');
        addSample(m, 'RepeatModeIntent', 'what now');
      },
      ['sample-duplicate', 'shape-collision'],
    ],
    [
      'a duplicate inside one intent',
      (m) => addSample(m, 'GenreIntent', 'play some {genre}'),
      'sample-duplicate',
    ],
    [
      'a search query without a carrier phrase',
      (m) => addSample(m, 'PlaySearchIntent', '{query}'),
      'search-query-no-carrier',
    ],
    [
      'a search query with another slot',
      (m) => {
        intentOf(m, 'PlaySearchIntent').slots!.push({ name: 'device', type: 'DeviceName' });
        addSample(m, 'PlaySearchIntent', 'play {query} on {device}');
      },
      'search-query-not-alone',
    ],
    [
      'a sample that repeats the launch phrase',
      (m) => addSample(m, 'GenreIntent', 'ask connect remote to pause'),
      'sample-launch-phrase',
    ],
    [
      'a sample with the invocation name',
      (m) => addSample(m, 'GenreIntent', 'use connect remote'),
      'sample-launch-phrase',
    ],
    [
      'an undefined slot type',
      (m) => (intentOf(m, 'GenreIntent').slots![0].type = 'Genre'),
      'slot-type-undefined',
    ],
    [
      'an invalid slot name',
      (m) => intentOf(m, 'RepeatModeIntent').slots!.push({ name: 'the-mode', type: 'AMAZON.NUMBER' }),
      'slot-name',
    ],
    [
      'an intent declared twice',
      (m) => lm(m).intents.push({ name: 'GenreIntent', samples: [] }),
      'intent-duplicate',
    ],
    ['an invalid intent name', (m) => (intentOf(m, 'GenreIntent').name = 'Genre-Intent'), 'intent-name'],
    [
      'a slot sample without its slot',
      (m) => intentOf(m, 'PlayPlaylistIntent').slots![0].samples!.push('the first one'),
      'slot-sample-without-slot',
    ],
    [
      'a digit in a slot value',
      (m) => lm(m).types![0].values.push({ name: { value: 'ps5' } }),
      'type-value-characters',
    ],
    [
      'a synonym used twice',
      (m) => (lm(m).types![1].values[1].name.synonyms = ['this song']),
      'type-value-duplicate',
    ],
    ['an id used twice', (m) => (lm(m).types![1].values[1].id = 'track'), 'type-id-duplicate'],
    ['a type defined twice', (m) => lm(m).types!.push({ ...lm(m).types![0] }), 'type-duplicate'],
    [
      'a type named like a built-in',
      (m) => lm(m).types!.push({ name: 'AMAZON.Device', values: [{ name: { value: 'tv' } }] }),
      'type-name',
    ],
    [
      'two intents with one sample shape',
      (m) => addSample(m, 'PlayPlaylistIntent', 'play some {playlist}'),
      'shape-collision',
    ],
    [
      'a dialog intent the model lacks',
      (m) => m.interactionModel.dialog!.intents.push({ name: 'NoSuchIntent', slots: [] }),
      'dialog-intent-unknown',
    ],
    [
      'Alexa delegating the dialog',
      (m) => (m.interactionModel.dialog!.delegationStrategy = 'ALWAYS'),
      'dialog-delegation',
    ],
    [
      'dialog slots that differ from the intent',
      (m) => m.interactionModel.dialog!.intents[0].slots!.pop(),
      'dialog-slot-mismatch',
    ],
    [
      'an elicited slot without a prompt',
      (m) => (m.interactionModel.dialog!.intents[0].slots![1].elicitationRequired = true),
      'dialog-prompt-missing',
    ],
    [
      'an elicited slot without slot samples',
      (m) => delete lm(m).intents[1].slots![0].samples,
      'dialog-slot-samples-missing',
    ],
    [
      'a prompt with only blank text',
      (m) => (m.interactionModel.prompts![0].variations[0].value = ' '),
      'prompt-empty',
    ],
    [
      'a prompt nothing uses',
      (m) =>
        m.interactionModel.prompts!.push({
          id: 'Elicit.other',
          variations: [{ type: 'PlainText', value: 'Hm?' }],
        }),
      'prompt-unused',
    ],
  ])('finds %s', (_what, change, rule) => {
    expect(rulesBroken(change)).toEqual(Array.isArray(rule) ? rule : [rule]);
  });

  test('accepts apostrophes and abbreviations with periods', () => {
    expect(
      rulesBroken((m) => {
        addSample(m, 'GenreIntent', "i'd like some {genre}");
        addSample(m, 'GenreIntent', 'play r. and b. on {genre}');
      }),
    ).toEqual([]);
  });

  test('normalise compares samples as Alexa does: case and spacing do not count', () => {
    expect(normalise(' Play  My {playlist} ')).toBe(normalise('play my {playlist}'));
  });

  test('shapeOf blanks slots and normalises case and spacing', () => {
    expect(shapeOf(' Play  my {playlist} on the {device}')).toBe('play my {} on the {}');
  });
});

describe('resolve (the model tests’ stand-in for Alexa)', () => {
  const model = aModel();

  test('prefers the sample with the most literal words', () => {
    expect(resolve(model, 'play my road trip on the tv')).toEqual({
      kind: 'match',
      resolved: {
        intent: 'PlayPlaylistIntent',
        slots: { playlist: { value: 'road trip' }, device: { value: 'tv' } },
      },
    });
  });

  test('falls back to the catch-all when nothing more specific fits', () => {
    expect(resolve(model, 'play road trip')).toEqual({
      kind: 'match',
      resolved: { intent: 'PlaySearchIntent', slots: { query: { value: 'road trip' } } },
    });
  });

  test('reports two intents that fit equally well', () => {
    const m = aModel();
    addSample(m, 'RepeatModeIntent', 'play some {mode} now');
    addSample(m, 'GenreIntent', 'play some {genre} now');
    expect(resolve(m, 'play some off now')).toEqual({
      kind: 'ambiguous',
      intents: ['RepeatModeIntent', 'GenreIntent'],
    });
  });

  test('resolves a custom value to its id and refuses a value the type lacks', () => {
    expect(resolve(model, 'repeat this song')).toEqual({
      kind: 'match',
      resolved: { intent: 'RepeatModeIntent', slots: { mode: { value: 'this song', id: 'track' } } },
    });
    expect(resolve(model, 'repeat forever')).toEqual({ kind: 'none' });
  });
});
