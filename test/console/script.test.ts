import { matches, parseScript } from '../../tools/console/script';

describe('script syntax', () => {
  test('U: lines, bare lines, commands, expectations, comments and blank lines', () => {
    const script = ['# a comment', '', 'U: pause', 'what is playing', ':expire', 'A: Paused.', 'Calls:'].join(
      '\n',
    );
    expect(parseScript(script)).toEqual([
      { kind: 'say', text: 'pause', line: 3 },
      { kind: 'say', text: 'what is playing', line: 4 },
      { kind: 'command', text: ':expire', line: 5 },
      { kind: 'expect', key: 'A', pattern: 'Paused.', line: 6 },
      { kind: 'expect', key: 'Calls', pattern: '', line: 7 },
    ]);
  });

  test('a line that only looks like a key is an utterance ("Alexa: pause" is not an expectation)', () => {
    expect(parseScript('Alexa: pause')).toEqual([{ kind: 'say', text: 'Alexa: pause', line: 1 }]);
  });
});

describe('expectation matching', () => {
  test.each([
    ['Paused.', 'Paused.', true],
    ['Paused.', 'Paused. ', true],
    ['Paused.', 'Paused', false],
    ['Paused.', 'Paused. Anything else?', false],
    [
      'Connect Remote is ready. ... What would you like to do?',
      'Connect Remote is ready. X. What would you like to do?',
      true,
    ],
    [
      'Connect Remote is ready. … What would you like to do?',
      'Connect Remote is ready. What would you like to do?',
      true,
    ],
    ['Connect Remote is ready. ... What would you like to do?', 'Connect Remote is ready. X.', false],
    ['... (1+1)?', 'is it (1+1)?', true],
    ['~ premium', 'Controlling playback needs Spotify Premium.', true],
    ['~ ^Premium', 'Controlling playback needs Spotify Premium.', false],
    ['~ [unclosed', 'anything', false],
    ['', '', true],
    ['', 'GET /v1/me/player 200', false],
  ])('%j against %j: %s', (pattern, actual, expected) => {
    expect(matches(pattern, actual)).toBe(expected);
  });
});
