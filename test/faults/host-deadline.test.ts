/**
 * The skill's Spotify budget follows the time its host has left: a Lambda context's
 * `getRemainingTimeInMillis`, or the HTTPS host's, which counts from the request's arrival. So time spent
 * before the skill runs (a certificate download, a cold start) shortens the budget instead of pushing the
 * answer past Alexa's 8 s.
 *
 *   (Spotify hangs; the host has 1.5 s left)  U: open connect remote  A: Spotify took too long ... (in ~1.2 s)
 */
import type { ResponseEnvelope } from 'ask-sdk-model';
import { HOST_MARGIN_MS } from '../../lambda/src/context';
import { aLaunch } from '../support/envelopes';
import { startAlexa, toReply } from '../support/harness';

test('U: open connect remote, the host with 1.5 s left and Spotify hanging / A: the timeout sentence, inside the 1.5 s', async () => {
  const alexa = await startAlexa();
  try {
    alexa.emulator.faults.add({ path: '/v1/*', hang: true, times: Infinity });
    const started = performance.now();
    const context = { getRemainingTimeInMillis: () => 1500 - (performance.now() - started) };
    const response = await (alexa.handler(
      aLaunch().linked(alexa.token).build(),
      context as never,
    ) as Promise<ResponseEnvelope>);
    const ms = performance.now() - started;
    expect(toReply(response).speech).toMatch(/took too long/);
    // The budget was the host's 1.5 s less the margin, not the configured 6 s.
    expect(ms).toBeLessThan(1500);
    expect(ms).toBeGreaterThanOrEqual(1500 - HOST_MARGIN_MS - 100);
  } finally {
    await alexa.close();
  }
});

test('without a context (or one that says nothing) the configured budget applies', async () => {
  const alexa = await startAlexa({ budgetMs: 800 });
  try {
    alexa.emulator.faults.add({ path: '/v1/*', hang: true, times: Infinity });
    const started = performance.now();
    const response = await (alexa.handler(aLaunch().linked(alexa.token).build(), {
      getRemainingTimeInMillis: () => Number.NaN,
    } as never) as Promise<ResponseEnvelope>);
    expect(toReply(response).speech).toMatch(/took too long/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(700);
  } finally {
    await alexa.close();
  }
});
