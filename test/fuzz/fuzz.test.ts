/**
 * Property-based fuzzing of the real exported handler (createHandler + buildSkill) against one emulator over
 * real HTTP: generated envelopes, valid and broken (test/fuzz/envelopes.ts), a third of them with Spotify
 * misbehaving (test/fuzz/spotify-faults.ts). For every case: a well-formed envelope never makes the handler
 * throw, every response passes the response schema (test/fuzz/response-schema.ts), and no Spotify request
 * carries a user string unencoded in its path. FUZZ_RUNS sets the size (default 2000); `npm run fuzz` runs
 * 100,000. Known bugs (test/fuzz/known-bugs.ts) are reproduced below with `test.failing`.
 */
import fc from 'fast-check';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { anIntent } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { captureSink, registerSecret } from '../support/log-capture';
import { demo, playing } from '../support/world';
import { fuzzCase, MODEL_INTENTS, type FuzzCase } from './envelopes';
import { KNOWN_BUGS, triage } from './known-bugs';
import { describeCase, startFuzzRig, type FuzzRig } from './property';
import { responseProblems } from './response-schema';
import { withSpotifyFaults } from './spotify-faults';

const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 2000;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

jest.setTimeout(120_000);

describe('fuzzing the handler', () => {
  let rig: FuzzRig;
  const seen = {
    runs: 0,
    wellFormed: 0,
    malformed: 0,
    reachedSpotify: 0,
    withFault: 0,
    intents: new Set<string>(),
  };

  beforeAll(async () => {
    rig = await startFuzzRig({ sink: captureSink, onSecret: registerSecret });
  });
  afterAll(() => rig.close());

  test(`${RUNS} generated envelopes: never a throw for a well-formed one, every response well-formed, every Spotify path encoded`, async () => {
    await fc.assert(
      fc.asyncProperty(withSpotifyFaults(fuzzCase(rig.token)), async (c: FuzzCase) => {
        const mark = rig.emulator.log.length;
        const result = await rig.check(c);
        seen.runs++;
        if (c.wellFormed) seen.wellFormed++;
        else seen.malformed++;
        if (rig.emulator.log.length > mark) seen.reachedSpotify++;
        if (c.spotifyFault) seen.withFault++;
        const name = (c.envelope as { request?: { intent?: { name?: unknown } } })?.request?.intent?.name;
        if (typeof name === 'string') seen.intents.add(name);
        const { unknown } = triage(result.failures, c);
        if (unknown.length > 0) {
          throw new Error(`${c.label}\n${unknown.join('\n')}\n${describeCase(c)}`);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('the generator reached what it claims to: every model intent, malformed envelopes, Spotify calls and faults', () => {
    // fast-check may run the property more often than numRuns while shrinking; never less.
    expect(seen.runs).toBeGreaterThanOrEqual(RUNS);
    if (RUNS < 1000) return; // a tiny FUZZ_RUNS is for debugging, not for coverage
    const missing = MODEL_INTENTS.map((i) => i.name).filter((n) => !seen.intents.has(n));
    expect(missing).toEqual([]);
    expect(seen.malformed).toBeGreaterThan(RUNS * 0.02);
    expect(seen.reachedSpotify).toBeGreaterThan(RUNS * 0.2);
    expect(seen.withFault).toBeGreaterThan(RUNS * 0.2);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Known bugs, reproduced one by one as conversations. Each is `test.failing`: it passes while the bug exists,
// and fails (telling whoever fixed it to delete it here and in known-bugs.ts) once it is fixed.

describe('known bugs the fuzzer found', () => {
  let alexa: Alexa;
  beforeEach(async () => {
    alexa = await startAlexa({ budgetMs: 1500 });
    playing(alexa.emulator);
  });
  afterEach(() => alexa.close());

  const ids = KNOWN_BUGS.map((b) => b.id);

  test('every known bug has a reproduction below', () => {
    expect(ids).toEqual([
      'slot-truncation-splits-emoji',
      'xml-forbidden-characters-in-speech',
      'session-attributes-echoed-when-not-an-object',
    ]);
  });

  test.failing(
    'xml-forbidden-characters-in-speech: U: play my playlist "chill \\u001b[31mmix" / A: a well-formed answer',
    async () => {
      const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'chill \u001b[31mmix' });
      expect(reply.speech).toMatch(/couldn't find a playlist/); // the skill answered, and echoed the name
      expect(responseProblems(reply.envelope)).toEqual([]);
    },
  );

  test.failing(
    'xml-forbidden-characters-in-speech: (a playlist is called "Late\\u001bNight") U: list my playlists / A: a well-formed answer',
    async () => {
      const first = demo(alexa.emulator).playlistIds?.[0];
      const playlist = first ? alexa.emulator.state.playlists.get(first) : undefined;
      expect(playlist).toBeDefined();
      playlist!.name = 'Late\u001bNight';
      const reply = await alexa.say('ListPlaylistsIntent');
      expect(reply.speech).toMatch(/^You have \d+ playlists/);
      expect(responseProblems(reply.envelope)).toEqual([]);
    },
  );

  test.failing(
    'slot-truncation-splits-emoji: U: create a playlist called (199 letters and an emoji) / A: well-formed, and the name has no half emoji',
    async () => {
      const name = `${'x'.repeat(199)}😀`;
      const reply = await alexa.say('CreatePlaylistIntent', { name });
      expect(reply.speech).toMatch(/^Created the playlist x+/);
      expect(responseProblems(reply.envelope)).toEqual([]);
      const created = alexa.calls().find((c) => c.method === 'POST' && c.path === '/v1/me/playlists');
      expect((created?.body as { name?: string } | undefined)?.name).not.toMatch(/[\ud800-\udbff]$/);
    },
  );

  test.failing(
    'session-attributes-echoed-when-not-an-object: an envelope whose session.attributes is a string gets an object back',
    async () => {
      const envelope = anIntent('AMAZON.PauseIntent').linked(alexa.token).build();
      (envelope.session as unknown as { attributes: unknown }).attributes = 'garbage';
      const response = (await alexa.handler(envelope, undefined)) as ResponseEnvelope;
      expect(response.response.outputSpeech).toBeDefined();
      expect(responseProblems(response)).toEqual([]);
    },
  );
});
