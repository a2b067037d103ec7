/**
 * Secrets: whatever Spotify answers, even an error that echoes the bearer token back, no access token or
 * Authorization value reaches a log line or the spoken answer. test/support/log-capture.ts scans every file's
 * lines after the file; this test scans its own lines in a named test (so a leak fails here, with a name),
 * and checks the lines are the structured JSON an operator can use in CloudWatch.
 */
import type { FaultSpec } from '../../tools/spotify-emulator';
import { startAlexa, type Alexa } from '../support/harness';
import { capturedLogs, findLeaks } from '../support/log-capture';
import { ROUND_TRIPS } from '../support/round-trips';

let alexa: Alexa;
beforeAll(async () => {
  alexa = await startAlexa({ budgetMs: 1500 });
});
afterAll(() => alexa.close());

/** Spotify errors that quote the token back (a proxy or a debugging Spotify could). */
const echoing = (token: string): Array<[string, FaultSpec]> => [
  [
    '401 quoting the token',
    { path: '/v1/*', status: 401, message: `Invalid token ${token}`, times: Infinity },
  ],
  [
    '400 quoting the header',
    { path: '/v1/*', status: 400, message: `Bad header: Bearer ${token}`, times: Infinity },
  ],
  [
    '403 plain text with the token',
    {
      path: '/v1/*',
      status: 403,
      body: `user may not be registered (token ${token})`,
      contentType: 'text/plain',
      times: Infinity,
    },
  ],
  [
    '500 HTML page with the header',
    {
      path: '/v1/*',
      status: 500,
      body: `<html>Authorization: Bearer ${token}</html>`,
      contentType: 'text/html',
      times: Infinity,
    },
  ],
  [
    '200 malformed JSON with the token',
    {
      path: '/v1/*',
      status: 200,
      body: `{"token": "${token}`,
      contentType: 'application/json',
      times: Infinity,
    },
  ],
];

test('every intent under every echoing error: no token in any log line or answer', async () => {
  const start = capturedLogs().length;
  let cells = 0;
  for (const [, fault] of echoing(alexa.token)) {
    for (const rt of ROUND_TRIPS) {
      alexa.emulator.reset();
      await rt.arrange?.(alexa.emulator);
      alexa.emulator.faults.add(fault);
      const reply = await alexa.send(rt.build(alexa.token));
      expect(JSON.stringify(reply.envelope)).not.toContain(alexa.token);
      cells++;
    }
  }
  const lines = capturedLogs().slice(start);
  // Not vacuous: the skill logged the Spotify calls and errors it is supposed to log.
  expect(lines.filter((l) => l.includes('"spotify.call"')).length).toBeGreaterThan(cells / 2);
  expect(findLeaks(lines, [alexa.token])).toEqual([]);
});

test('the lines are structured JSON: level, event, request id and intent; Spotify calls with status and duration', async () => {
  const start = capturedLogs().length;
  alexa.emulator.reset();
  alexa.emulator.faults.add({ path: '/v1/me/player/pause', status: 404, reason: 'NO_ACTIVE_DEVICE' });
  await alexa.say('AMAZON.PauseIntent');
  const records = capturedLogs()
    .slice(start)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(records.length).toBeGreaterThan(0);
  for (const r of records)
    expect(r).toEqual(expect.objectContaining({ level: expect.any(String), event: expect.any(String) }));
  const call = records.find((r) => r.event === 'spotify.call');
  expect(call).toEqual(
    expect.objectContaining({
      requestId: expect.any(String),
      intent: 'AMAZON.PauseIntent',
      path: '/me/player/pause',
      status: 404,
      ms: expect.any(Number),
      errorCode: 'NO_ACTIVE_DEVICE',
    }),
  );
  expect(
    findLeaks(
      records.map((r) => JSON.stringify(r)),
      [alexa.token],
    ),
  ).toEqual([]);
});

test('the scan itself catches a leak (so the checks above can fail)', () => {
  expect(findLeaks([`{"event":"x","note":"${alexa.token}"}`], [alexa.token])).toHaveLength(1);
  expect(findLeaks(['{"event":"x","h":"Bearer abcdef123456"}'], [])).toHaveLength(1);
});
