/**
 * Issue 13's proof: the everyday corpus, resolved by the console's resolver against the interaction model and
 * run through the real handler against the Spotify emulator. Prints the share handled right per family and
 * fails below 95 % overall. This is expected to FAIL until the issue's families are implemented (see
 * docs/everyday-baseline.md): the threshold is not gated or lowered on purpose.
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

/** The bar: at least this share of the corpus handled right. */
export const THRESHOLD = 0.95;

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

  test(`handles at least ${THRESHOLD * 100} % of it right`, async () => {
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
    expect(overall.share).toBeGreaterThanOrEqual(THRESHOLD);
  }, 300_000);
});
