/**
 * The fewest sequential Spotify round trips per intent (test/support/round-trips.ts, the table in the README),
 * measured from the emulator's request log, on each intent's success path. Every answer is delayed 25 ms so that requests made in
 * parallel visibly overlap and sequential ones do not.
 */
import { startAlexa, type Alexa } from '../support/harness';
import { caseName, ROUND_TRIPS, sequentialSteps } from '../support/round-trips';

describe('sequentialSteps', () => {
  test('counts overlapping requests once and chained ones each', () => {
    expect(sequentialSteps([])).toBe(0);
    expect(sequentialSteps([{ at: 0, ms: 10 }])).toBe(1);
    expect(
      sequentialSteps([
        { at: 0, ms: 10 },
        { at: 2, ms: 10 },
      ]),
    ).toBe(1);
    expect(
      sequentialSteps([
        { at: 0, ms: 10 },
        { at: 11, ms: 10 },
      ]),
    ).toBe(2);
    expect(
      sequentialSteps([
        { at: 0, ms: 10 },
        { at: 1, ms: 30 },
        { at: 12, ms: 5 },
        { at: 40, ms: 5 },
      ]),
    ).toBe(3);
  });
});

describe.each(ROUND_TRIPS.map((c) => ({ ...c, name: caseName(c) })))('$name ("$say")', (c) => {
  let alexa: Alexa;
  beforeEach(async () => {
    alexa = await startAlexa();
  });
  afterEach(() => alexa.close());

  test(`makes ${c.minimum} sequential round trip(s): ${c.why}`, async () => {
    await c.arrange?.(alexa.emulator);
    // A repeat is measured on the second request, the first having filled the warm caches.
    if (c.repeat) await alexa.send(c.build(alexa.token));
    alexa.emulator.faults.add({ path: '*', times: Infinity, delayMs: 25 });
    const reply = await alexa.send(c.build(alexa.token));
    expect(reply.speech).not.toMatch(/went wrong|too long|isn't answering/);
    const log = alexa.emulator.log.slice(alexa.emulator.log.length - alexa.calls().length);
    // The success path: every call answered 2xx (an error path can be shorter than the real one).
    expect(log.filter((r) => r.status >= 300).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([]);
    expect(sequentialSteps(log)).toBe(c.minimum);
  });
});
