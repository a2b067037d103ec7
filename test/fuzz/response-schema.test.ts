/**
 * The fuzz oracles have their own tests: a checker that accepts everything would make the fuzzer pass
 * vacuously. Each rule is shown to accept a good response and to reject the broken one.
 */
import { pathProblems } from './property';
import { LIMITS, responseProblems, xmlProblem } from './response-schema';

const speak = (ssml: string, extra: Record<string, unknown> = {}) => ({
  version: '1.0',
  response: { outputSpeech: { type: 'SSML', ssml }, shouldEndSession: true, ...extra },
});

describe('xmlProblem', () => {
  test.each([
    '<speak>Paused.</speak>',
    '<speak>Rock &amp; Roll &lt;3 &quot;x&quot; &apos;y&apos; &#233; &#x1F600;</speak>',
    '<speak>a <break time="1s"/> b <emphasis level=\'strong\'>c</emphasis></speak>',
    '<speak>😀 مرحبا e\u0301</speak>',
  ])('accepts %s', (xml) => expect(xmlProblem(xml)).toBeUndefined());

  test.each([
    ['a bare ampersand', '<speak>Rock & Roll</speak>'],
    ['an unknown entity', '<speak>&nbsp;</speak>'],
    ['a bare <', '<speak>1 < 2</speak>'],
    ['an unclosed element', '<speak>hi'],
    ['crossed elements', '<speak><p>hi</speak></p>'],
    ['two roots', '<speak>a</speak><speak>b</speak>'],
    ['text outside the root', '<speak>a</speak>b'],
    [']]> in text', '<speak>a]]>b</speak>'],
    ['NUL', '<speak>a\u0000b</speak>'],
    ['ESC', '<speak>\u001b[31m</speak>'],
    ['U+FFFE', '<speak>\ufffe</speak>'],
    ['a lone surrogate', '<speak>x\ud83d.</speak>'],
    ['a reference to NUL', '<speak>&#0;</speak>'],
    ['an unquoted attribute', '<speak><break time=1s/></speak>'],
    ['a duplicate attribute', '<speak><break time="1s" time="2s"/></speak>'],
    ['no root', 'hello'],
  ])('rejects %s', (_why, xml) => expect(xmlProblem(xml)).toEqual(expect.any(String)));
});

describe('responseProblems', () => {
  test('accepts what the skill sends: speech, reprompt, a standard card, a LinkAccount card, an ElicitSlot', () => {
    expect(responseProblems(speak('<speak>Paused.</speak>'))).toEqual([]);
    expect(
      responseProblems({
        version: '1.0',
        sessionAttributes: { pending: { intent: 'X' } },
        response: {
          outputSpeech: { type: 'SSML', ssml: '<speak>Which?</speak>' },
          reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Which one?</speak>' } },
          card: {
            type: 'Standard',
            title: 'Workout Mix',
            text: 'Playing',
            image: { smallImageUrl: 'https://i.scdn.co/a', largeImageUrl: 'https://i.scdn.co/b' },
          },
          directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'playlist' }],
          shouldEndSession: false,
        },
      }),
    ).toEqual([]);
    expect(responseProblems(speak('<speak>Link</speak>', { card: { type: 'LinkAccount' } }))).toEqual([]);
    expect(responseProblems({ version: '1.0', response: {} })).toEqual([]);
  });

  test.each([
    ['a wrong version', { ...speak('<speak>a</speak>'), version: '2.0' }, /version/],
    ['speech not wrapped in <speak>', speak('Paused.'), /not wrapped/],
    ['speech that is not XML', speak('<speak>Rock & Roll</speak>'), /not well-formed/],
    ['speech over 8000 characters', speak(`<speak>${'a'.repeat(LIMITS.speechChars)}</speak>`), /characters/],
    [
      'a broken reprompt',
      speak('<speak>a</speak>', { reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>&</speak>' } } }),
      /reprompt\.outputSpeech\.ssml is not well-formed/,
    ],
    [
      'card text over 8000',
      speak('<speak>a</speak>', { card: { type: 'Simple', title: 't', content: 'x'.repeat(8001) } }),
      /card\.content/,
    ],
    [
      'a card title over 200',
      speak('<speak>a</speak>', { card: { type: 'Simple', title: 'x'.repeat(201), content: 'c' } }),
      /card\.title/,
    ],
    [
      'an http image',
      speak('<speak>a</speak>', {
        card: { type: 'Standard', title: 't', text: 'x', image: { smallImageUrl: 'http://x/a' } },
      }),
      /https/,
    ],
    [
      'an image URL over 2000',
      speak('<speak>a</speak>', {
        card: {
          type: 'Standard',
          title: 't',
          text: 'x',
          image: { largeImageUrl: `https://x/${'a'.repeat(2000)}` },
        },
      }),
      /largeImageUrl is \d+ characters/,
    ],
    [
      'a response over 24 KB',
      { ...speak('<speak>a</speak>'), sessionAttributes: { x: 'a'.repeat(25_000) } },
      /bytes/,
    ],
    [
      'shouldEndSession as a string',
      speak('<speak>a</speak>', { shouldEndSession: 'yes' }),
      /shouldEndSession/,
    ],
    ['an unknown card type', speak('<speak>a</speak>', { card: { type: 'Fancy' } }), /card\.type/],
    [
      'an ElicitSlot without a slot',
      speak('<speak>a</speak>', { directives: [{ type: 'Dialog.ElicitSlot' }] }),
      /slotToElicit/,
    ],
    ['directives not an array', speak('<speak>a</speak>', { directives: {} }), /directives/],
    [
      'session attributes as a string',
      { ...speak('<speak>a</speak>'), sessionAttributes: 'x' },
      /sessionAttributes/,
    ],
    ['no response', { version: '1.0' }, /response is missing/],
  ])('rejects %s', (_why, envelope, problem) => {
    expect(responseProblems(envelope)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});

describe('pathProblems', () => {
  test('accepts the endpoint table with encoded ids', () => {
    expect(pathProblems('/v1/me/player/pause', ['rock & roll'])).toEqual([]);
    expect(pathProblems('/v1/playlists/pl-workout-mix/items', ['workout mix'])).toEqual([]);
    expect(pathProblems('/v1/playlists/a%2Fb%2E%2E/items', ['a/b..'])).toEqual([]);
    // Found by `npm run fuzz`: a slot that is just "/" is not "in" /v1/search; only {param} segments count.
    expect(pathProblems('/v1/search', ['/', 'se', '/v1'])).toEqual([]);
  });

  test.each([
    ['a user string in the path', '/v1/playlists/rock&roll/items', ['rock&roll'], /unencoded/],
    ['a user string in an id segment', '/v1/playlists/a~b/items', ['a~b'], /unencoded/],
    ['characters that are not URL-safe', "/v1/playlists/it's/items", [], /not URL-safe/],
    ['a path no endpoint has', '/v1/me/player/pause/extra', [], /no endpoint/],
    ['a user string that split the path', '/v1/playlists/a/b/items', ['a/b'], /unencoded|no endpoint/],
  ])('rejects %s', (_why, path, strings, problem) => {
    expect(pathProblems(path, strings)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});
