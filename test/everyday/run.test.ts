/** The instrument's own checks (run.ts): a measuring tool that passes everything measures nothing. */
import type { SkillTurn } from '../../tools/console/alexa';
import { check, diagnose, type Entry } from './run';

const turn = (speech: string, sessionOpen = false): SkillTurn => ({
  request: 'X',
  slots: {},
  speech,
  directives: [],
  speaker: 'skill',
  sessionOpen,
  response: { version: '1.0', response: {} },
});
const call = (
  method: string,
  path: string,
  query: Record<string, string> = {},
  body: unknown = undefined,
) => ({
  method,
  path,
  query,
  body,
});

describe('everyday instrument: check()', () => {
  test('a call matches by method, path (without /v1), query and body fields', () => {
    const calls = [
      call('PUT', '/v1/me/player/play', { device_id: 'dev-tv' }, { context_uri: 'spotify:playlist:p1' }),
    ];
    const ok = { call: 'PUT /me/player/play', query: { device_id: 'dev-tv' }, body: { context_uri: /p1/ } };
    expect(check({ calls: [ok] }, turn('Playing.'), calls)).toEqual([]);
    expect(
      check({ calls: [{ ...ok, query: { device_id: 'dev-kitchen' } }] }, turn('Playing.'), calls),
    ).toHaveLength(1);
    expect(check({ calls: ['PUT /me/player/pause'] }, turn('Playing.'), calls)).toHaveLength(1);
    expect(
      check({ calls: [{ call: 'PUT /me/player/play', bodyAny: ['uris'] }] }, turn(''), calls),
    ).toHaveLength(1);
  });

  test('a path with * matches one segment pattern', () => {
    const calls = [call('POST', '/v1/playlists/pl-workout-mix-2/items')];
    expect(check({ calls: ['POST /playlists/pl-workout-mix*/items'] }, turn(''), calls)).toEqual([]);
  });

  test('never, noSpotifyWrite, says, notSays, asks, ends and maxWords each fail on their own', () => {
    const calls = [call('PUT', '/v1/me/player/pause')];
    expect(check({ never: ['PUT /me/player/pause'] }, turn(''), calls)).toHaveLength(1);
    expect(check({ noSpotifyWrite: true }, turn(''), calls)).toHaveLength(1);
    expect(check({ noSpotifyWrite: true }, turn(''), [call('GET', '/v1/me/player')])).toEqual([]);
    expect(check({ says: /Paused/ }, turn('Resuming.'), [])).toHaveLength(1);
    expect(check({ notSays: /Remastered/ }, turn('Something - Remastered 2009'), [])).toHaveLength(1);
    expect(check({ asks: true }, turn('Which one?', false), [])).toHaveLength(1);
    expect(check({ ends: true }, turn('Okay.', true), [])).toHaveLength(1);
    expect(check({ maxWords: 3 }, turn('one two three four'), [])).toHaveLength(1);
  });

  test('an apology or "I didn\'t get that" is never handled right, even with no other expectation', () => {
    expect(check({}, turn('Sorry, something went wrong.'), [])).toHaveLength(1);
    expect(check({}, turn("Sorry, I didn't get that. You can say: pause."), [])).toHaveLength(1);
  });
});

describe('everyday instrument: diagnose()', () => {
  const entry = (extra: Partial<Entry>): Entry => ({ say: 'x', family: 'basics', expect: {}, ...extra });
  test('needs wins; otherwise another intent than via is a misroute, the same one a handler fault', () => {
    expect(diagnose(entry({ needs: 'emulator', via: 'A' }), 'B')).toBe('missing emulator feature');
    expect(diagnose(entry({ needs: 'intent' }), 'B')).toBe('missing intent');
    expect(diagnose(entry({ via: ['A', 'C'] }), 'B (x=1)')).toBe('misrouted by the model');
    expect(diagnose(entry({ via: 'A' }), 'A (x=1)')).toBe('wrong handler behaviour');
  });
});
