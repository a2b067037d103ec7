import * as path from 'node:path';
import { loadModel, modelFile, parseModel, InvalidModelError } from '../../tools/console/model';
import { parseDuration, parseNumber, parseOrdinal } from '../../tools/console/numbers';
import { UtteranceResolver, type Resolution } from '../../tools/console/resolver';

const ROOT = path.resolve(__dirname, '..', '..');
const model = loadModel(path.join(__dirname, 'fixtures', 'small-model.json'));
const resolver = new UtteranceResolver(model, { skillId: 'amzn1.ask.skill.test' });

/** "IntentName slot=value" or "LaunchRequest", a compact view of a resolution for the tables below. */
function summary(r: Resolution): string {
  if (r.kind === 'launch') return 'LaunchRequest';
  if (r.kind === 'unmatched') return 'unmatched';
  const slots = Object.values(r.intent.slots)
    .filter((s) => s.value !== undefined)
    .map((s) => {
      const res = s.resolutions?.resolutionsPerAuthority[0];
      const id = res?.values?.[0]?.value.id;
      return `${s.name}=${s.value}${res ? (id ? `#${id}` : '#NO_MATCH') : ''}`;
    });
  return [r.intent.name, ...slots].join(' ');
}

const resolve = (text: string) => summary(resolver.resolve(text));

describe('utterance resolver: samples and slots', () => {
  test.each([
    ['play my workout mix', 'PlayPlaylistIntent playlist=workout mix'],
    [
      'play workout mix on the kitchen speaker',
      'PlayPlaylistIntent playlist=workout mix device=the kitchen speaker#kitchen',
    ],
    ['play my road trip on the tv', 'PlayPlaylistIntent playlist=road trip device=tv#tv'],
    ['play jazz on the garage', 'PlayPlaylistIntent playlist=jazz device=the garage#NO_MATCH'],
    ['set the volume to forty two', 'SetVolumeIntent volume=42'],
    ['set the volume to 35', 'SetVolumeIntent volume=35'],
    ['turn it to one hundred percent', 'SetVolumeIntent volume=100'],
    ['skip ahead thirty seconds', 'SeekIntent duration=PT30S direction=ahead#FORWARD'],
    ['go back two minutes', 'SeekIntent duration=PT2M direction=back#BACK'],
    ['go backwards a minute and a half', 'SeekIntent duration=PT1M30S direction=backwards#BACK'],
    ['move the music to the living room tv', 'TransferIntent device=living room tv#tv'],
    ['television', 'TransferIntent device=television#tv'],
    ['create a playlist called Rock & Roll', 'CreatePlaylistIntent name=Rock and Roll'],
    ['list my devices', 'ListDevicesIntent'],
    ['What devices do I have?', 'ListDevicesIntent'],
  ])('"%s" -> %s', (text, expected) => {
    expect(resolve(text)).toBe(expected);
  });

  test('the most specific sample wins: "play my {playlist}" over "play {playlist}"', () => {
    const r = resolver.resolve('play my workout mix');
    expect(r.kind === 'intent' && r.intent.sample).toBe('play my {playlist}');
  });

  test('typed without apostrophes ("whats next", "dont"), as Alexa would have heard it with them', () => {
    const real = new UtteranceResolver(loadModel(modelFile(ROOT, 'en-US')));
    const intent = (text: string) => summary(real.resolve(text));
    expect(intent('whats next')).toBe('WhatsNextIntent');
    expect(intent('whats next')).toBe(intent("what's next"));
    expect(intent('play the song dont stop me now')).toBe('PlaySongIntent song=dont stop me now');
  });

  test('a number slot takes only numbers: "set the volume to loud" is not SetVolumeIntent', () => {
    expect(resolve('set the volume to loud')).toBe('AMAZON.FallbackIntent');
  });

  test('a sample made only of a slot does not swallow everything: unknown words are FallbackIntent', () => {
    expect(resolve('the garage')).toBe('AMAZON.FallbackIntent');
    expect(resolve('what is the weather in paris')).toBe('AMAZON.FallbackIntent');
  });

  test('every declared slot is sent, empty ones without a value, as Alexa does', () => {
    const r = resolver.resolve('play my workout mix');
    expect(r.kind === 'intent' && r.intent.slots.device).toEqual({
      name: 'device',
      confirmationStatus: 'NONE',
    });
  });

  test('a custom slot carries entity resolution with the skill id in the authority', () => {
    const r = resolver.resolve('move the music to the kitchen');
    expect(r.kind === 'intent' && r.intent.slots.device).toMatchObject({
      value: 'kitchen',
      resolutions: {
        resolutionsPerAuthority: [
          {
            authority: 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.DeviceName',
            status: { code: 'ER_SUCCESS_MATCH' },
            values: [{ value: { name: 'kitchen speaker', id: 'kitchen' } }],
          },
        ],
      },
    });
  });
});

describe('utterance resolver: built-in intents without samples', () => {
  test.each([
    ['help', 'AMAZON.HelpIntent'],
    ['what can I say', 'AMAZON.HelpIntent'],
    ['stop', 'AMAZON.StopIntent'],
    ['cancel', 'AMAZON.CancelIntent'],
    ['never mind', 'AMAZON.CancelIntent'],
    ['pause', 'AMAZON.PauseIntent'],
    ['Pause the music.', 'AMAZON.PauseIntent'],
    ['resume', 'AMAZON.ResumeIntent'],
    ['continue', 'AMAZON.ResumeIntent'],
    ['next', 'AMAZON.NextIntent'],
    ['skip this one', 'AMAZON.NextIntent'],
    ['go home', 'AMAZON.NavigateHomeIntent'],
  ])('"%s" -> %s', (text, expected) => {
    expect(resolve(text)).toBe(expected);
  });

  test('built-ins the model does not declare are not reachable: "shuffle on" is FallbackIntent here', () => {
    expect(resolve('shuffle on')).toBe('AMAZON.FallbackIntent');
  });

  test('the real model declares its built-ins, so "shuffle on" resolves there when declared', () => {
    const real = new UtteranceResolver(loadModel(modelFile(ROOT, 'en-US')));
    const declared = real.declares('AMAZON.ShuffleOnIntent');
    expect(summary(real.resolve('shuffle on'))).toBe(
      declared ? 'AMAZON.ShuffleOnIntent' : 'AMAZON.FallbackIntent',
    );
  });
});

describe('utterance resolver: invocation phrasing', () => {
  test.each([
    ['open connect remote', 'LaunchRequest'],
    ['Alexa, open Connect Remote', 'LaunchRequest'],
    ['launch connect remote', 'LaunchRequest'],
    ['start connect remote', 'LaunchRequest'],
    ['talk to connect remote', 'LaunchRequest'],
    ['ask connect remote', 'LaunchRequest'],
    ['tell connect remote', 'LaunchRequest'],
  ])('"%s" -> %s', (text, expected) => {
    expect(resolve(text)).toBe(expected);
  });

  test.each([
    ['ask connect remote to pause', 'AMAZON.PauseIntent'],
    ['Alexa, tell connect remote to play my workout mix', 'PlayPlaylistIntent playlist=workout mix'],
    ['ask connect remote what devices do I have', 'ListDevicesIntent'],
    ['open connect remote and set the volume to twenty', 'SetVolumeIntent volume=20'],
    ['pause using connect remote', 'AMAZON.PauseIntent'],
  ])('one-shot "%s" -> %s, in a new session', (text, expected) => {
    const r = resolver.resolve(text);
    expect(summary(r)).toBe(expected);
    expect(r.kind === 'intent' && r.invoked).toBe(true);
  });

  test('a bare utterance is an intent without invocation (the console sends it as a one-shot)', () => {
    const r = resolver.resolve('pause');
    expect(r).toMatchObject({ kind: 'intent', invoked: false });
  });

  test.each([
    'play basketball highlights',
    'reopen connect remote',
    'relaunch connect remote',
    'task connect remote to pause',
    'telling connect remote to pause',
    'basketball',
    'openconnect remote',
    'ask connect remotely',
    'asking connect remote to pause',
    'open connect remote now',
  ])('"%s" is not a launch or a one-shot (words, not letters, are compared)', (text) => {
    const r = resolver.resolve(text);
    expect(r.kind).not.toBe('launch');
    expect(r.kind === 'intent' && r.invoked).toBe(false);
  });

  test('"play basketball highlights" is a playlist request, not a launch', () => {
    expect(resolve('play basketball highlights')).toBe('PlayPlaylistIntent playlist=basketball highlights');
  });
});

describe('utterance resolver: dialog answers', () => {
  test('an elicited slot is filled from its own samples or from the whole answer', () => {
    expect(resolver.fillSlot('PlayPlaylistIntent', 'playlist', 'play workout mix')?.value).toBe(
      'workout mix',
    );
    expect(resolver.fillSlot('PlayPlaylistIntent', 'playlist', 'road trip')?.value).toBe('road trip');
    expect(resolver.fillSlot('SetVolumeIntent', 'volume', 'sixty')?.value).toBe('60');
    expect(resolver.fillSlot('SetVolumeIntent', 'volume', 'loud')).toBeUndefined();
  });

  test('yes and no, and the interruptions that leave any dialog', () => {
    expect(resolver.yesNo('yes please')).toBe('yes');
    expect(resolver.yesNo('Nope.')).toBe('no');
    expect(resolver.yesNo('maybe')).toBeUndefined();
    expect(resolver.interruption('cancel')).toBe('AMAZON.CancelIntent');
    expect(resolver.interruption('road trip')).toBeUndefined();
  });
});

describe('spoken numbers and durations', () => {
  test.each([
    [['forty', 'two'], 42],
    [['one', 'hundred', 'and', 'five'], 105],
    [['a', 'hundred'], 100],
    [['two', 'thousand', 'twenty', 'six'], 2026],
    [['zero'], 0],
    [['17'], 17],
    [['minus', 'three'], -3],
  ])('%j -> %d', (ws, n) => {
    expect(parseNumber(ws)).toBe(n);
  });

  test.each([[['two', 'three']], [['twenty', 'thirteen']], [['loud']], [['a']], [['and']], [[]]])(
    '%j is not a number',
    (ws) => {
      expect(parseNumber(ws)).toBeUndefined();
    },
  );

  test('ordinals', () => {
    expect(parseOrdinal(['third'])).toBe(3);
    expect(parseOrdinal(['2nd'])).toBe(2);
    expect(parseOrdinal(['twenty', 'first'])).toBe(21);
    expect(parseOrdinal(['twentieth'])).toBe(20);
    expect(parseOrdinal(['thing'])).toBeUndefined();
  });

  test.each([
    ['thirty seconds', 'PT30S'],
    ['two minutes', 'PT2M'],
    ['a minute', 'PT1M'],
    ['one hour twenty minutes', 'PT1H20M'],
    ['one minute and thirty seconds', 'PT1M30S'],
    ['half a minute', 'PT30S'],
    ['90 seconds', 'PT90S'],
    ['two days', 'P2D'],
  ])('"%s" -> %s', (text, iso) => {
    expect(parseDuration(text.split(' '))).toBe(iso);
  });

  test.each(['seconds', 'thirty', 'two minutes two minutes', 'soon'])('"%s" is not a duration', (text) => {
    expect(parseDuration(text.split(' '))).toBeUndefined();
  });
});

describe('interaction model checks', () => {
  const wrap = (languageModel: unknown) => ({ interactionModel: { languageModel } });

  test('the real en-US model loads and every sample of it resolves to its own intent', () => {
    const real = loadModel(modelFile(ROOT, 'en-US'));
    const r = new UtteranceResolver(real);
    for (const intent of real.intents) {
      for (const sample of intent.samples ?? []) {
        // Fill each slot with a word its type accepts, then the sample must come back as its intent.
        const text = sample.replace(/\{([^{}]+)\}/g, (_, slot: string) => {
          const type = intent.slots?.find((s) => s.name === slot)?.type ?? '';
          if (type === 'AMAZON.NUMBER') return 'forty';
          if (type === 'AMAZON.DURATION') return 'thirty seconds';
          if (type === 'AMAZON.Ordinal' || type === 'AMAZON.ORDINAL') return 'second';
          const custom = real.types.find((t) => t.name === type);
          return custom?.values[0]?.name.value ?? 'xylophone quartet';
        });
        const got = r.resolve(text);
        expect({ sample, intent: got.kind === 'intent' ? got.intent.name : got.kind }).toEqual({
          sample,
          intent: intent.name,
        });
      }
    }
    expect(r.resolve('open connect remote').kind).toBe(
      real.invocationName === 'connect remote' ? 'launch' : 'intent',
    );
  });

  test('a slot in a sample that the intent does not declare is reported with where it is', () => {
    const bad = wrap({
      invocationName: 'connect remote',
      intents: [{ name: 'PlayIntent', slots: [], samples: ['play {song}'] }],
      types: [],
    });
    expect(() => parseModel(bad, 'bad.json')).toThrow(InvalidModelError);
    expect(() => parseModel(bad, 'bad.json')).toThrow(/undeclared slot \{song\}/);
  });

  test.each([
    ['no languageModel', { interactionModel: {} }, /languageModel is missing/],
    ['no invocation name', wrap({ intents: [{ name: 'A', samples: [] }] }), /invocationName/],
    [
      'upper-case invocation',
      wrap({ invocationName: 'Connect Remote', intents: [{ name: 'A' }] }),
      /lower-case/,
    ],
    [
      'undeclared type',
      wrap({ invocationName: 'x y', intents: [{ name: 'A', slots: [{ name: 's', type: 'Nope' }] }] }),
      /undeclared type Nope/,
    ],
    [
      'intent twice',
      wrap({ invocationName: 'x y', intents: [{ name: 'A' }, { name: 'A' }] }),
      /declared twice/,
    ],
  ])('%s is refused', (_, json, message) => {
    expect(() => parseModel(json)).toThrow(message);
  });

  test('an unreadable or non-JSON file is an InvalidModelError too', () => {
    expect(() => loadModel(path.join(__dirname, 'nope.json'))).toThrow(InvalidModelError);
    expect(() => loadModel(__filename)).toThrow(/not JSON/);
  });
});
