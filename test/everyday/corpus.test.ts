/**
 * Issue 13's proof: the everyday corpus, resolved by the console's resolver against the interaction model and
 * run through the real handler against the Spotify emulator. Prints the share handled right per family.
 *
 * Issue 13's bar is 95 % (ISSUE_BAR). Until its families are implemented the test is a ratchet: it fails when
 * fewer entries are handled right than RECORDED (a regression), and when more are (raise RECORDED in the
 * same change, so the gain is on record). The issue closes when RECORDED reaches the bar.
 */
import * as fs from 'node:fs';
import { CORPUS } from './corpus';
import {
  FAMILIES,
  failures,
  loadSkillModel,
  modelSamples,
  normalise,
  reasons,
  runCorpus,
  scores,
  table,
  turnsOf,
} from './run';

/** The issue's bar: at least this share of the corpus handled right. */
export const ISSUE_BAR = 0.95;
/** Handled right at the last change that moved it (2026-12-05: Spotify's own playlists said plainly). */
export const RECORDED = { handled: 228, total: 383 };

describe('the everyday corpus (issue 13)', () => {
  test('has at least 300 utterances, every family of the issue included', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    for (const family of Object.keys(FAMILIES)) {
      expect(CORPUS.filter((e) => e.family === family).length).toBeGreaterThanOrEqual(10);
    }
  });

  test("no more than a quarter of the corpus appears verbatim as one of the model's samples", () => {
    const samples = modelSamples(loadSkillModel());
    const utterances = CORPUS.flatMap((e) => turnsOf(e).map((t) => normalise(t.say)));
    const verbatim = utterances.filter((u) => samples.has(u));
    expect(verbatim.length / utterances.length).toBeLessThanOrEqual(0.25);
  });

  test(`handles exactly the recorded ${RECORDED.handled} of ${RECORDED.total} right (issue 13's bar: ${ISSUE_BAR * 100} %)`, async () => {
    const outcomes = await runCorpus(CORPUS);
    const { overall } = scores(outcomes);
    const report = [
      table(outcomes),
      '',
      'Failures by reason:',
      ...reasons(outcomes).map(([reason, n]) => `- ${reason}: ${n}`),
      '',
      '| family | utterance | reason | sent | first problem |',
      '| --- | --- | --- | --- | --- |',
      ...failures(outcomes),
    ].join('\n');
    console.log(report);
    if (process.env.EVERYDAY_REPORT) fs.writeFileSync(process.env.EVERYDAY_REPORT, `${report}\n`);
    expect({ handled: overall.handled, total: overall.total }).toEqual(RECORDED);
  }, 300_000);
});
