/**
 * The queue (issue 13, family 5): "what's next", "what's coming up", "is there anything in the queue" read the
 * next one or two items with one GET /me/player/queue and change nothing; an empty queue is said plainly.
 */
import { startAlexa, type Alexa } from '../support/harness';
import { demo, nothingActive, playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
});
afterEach(() => alexa.close());

/** Don't Stop Me Now plays with `uris` queued by hand after it, and nothing else to follow. */
function queued(...uris: string[]): void {
  playing(alexa.emulator, { trackId: 't-dont-stop' });
  demo(alexa.emulator).player.contextUri = null;
  demo(alexa.emulator).player.queue = uris;
}

test("U: what's next (two songs queued) / A: Next up is Hoppípolla by Sigur Rós, then One More Time by Daft Punk", async () => {
  queued('spotify:track:t-hoppipolla', 'spotify:track:t-one-more-time');
  const reply = await alexa.say('WhatsNextIntent');
  expect(reply.speech).toBe('Next up is Hoppípolla by Sigur Rós, then One More Time by Daft Punk.');
  expect(alexa.lines()).toEqual(['GET /v1/me/player/queue']);
  // Read, not played: the queue is as it was.
  expect(demo(alexa.emulator).player.queue).toHaveLength(2);
});

test("U: what's the next tune (one song queued) / A: Next up is Hoppípolla by Sigur Rós", async () => {
  queued('spotify:track:t-hoppipolla');
  const reply = await alexa.say('WhatsNextIntent', { thing: 'tune' });
  expect(reply.speech).toBe('Next up is Hoppípolla by Sigur Rós.');
});

test('U: is there anything in the queue (a lone song, nothing after it) / A: Nothing is lined up after this one.', async () => {
  queued();
  const reply = await alexa.say('WhatsNextIntent', { upcoming: 'queue' });
  expect(reply.speech).toBe('Nothing is lined up after this one.');
  expect(alexa.lines()).toEqual(['GET /v1/me/player/queue']);
});

test("U: what's coming up (nothing plays) / A: Nothing is playing right now. (no write)", async () => {
  playing(alexa.emulator);
  nothingActive(alexa.emulator);
  const reply = await alexa.say('WhatsNextIntent', { upcoming: 'coming up' });
  expect(reply.speech).toMatch(/nothing is playing/i);
  expect(alexa.calls().filter((c) => c.method !== 'GET')).toEqual([]);
});

test("U: what's after this track (an album plays) / A: the album's next songs", async () => {
  playing(alexa.emulator, { trackId: 't-come-together', contextUri: 'spotify:album:al-abbey-road' });
  const reply = await alexa.say('WhatsNextIntent', { thing: 'track' });
  // Spoken without " - Remastered 2009".
  expect(reply.speech).toMatch(/^Next up is Something by The Beatles, then .+ by The Beatles\.$/);
  expect(reply.speech).not.toMatch(/Remastered/);
});
