/**
 * The fault matrix: every intent of ROUND_TRIPS (one realistic request per intent) × every way Spotify fails
 * that the emulator can inject. For each cell: the skill answers with the right kind of sentence (the
 * LinkAccount card for 401), inside the deadline, and the emulator's state shows nothing lost and nothing
 * doubled (a POST that may have reached Spotify is sent once; a song is added once or not at all, a playlist
 * created once or not at all). Where a handler legitimately absorbs a failure, the exception is written
 * down in EXCEPTIONS, cell by cell, with the reason.
 *
 * Each cell gets its own emulator and handler, so the cells run concurrently (jest's maxConcurrency).
 */
import { PL_WORKOUT_MIX, type FaultSpec } from '../../tools/spotify-emulator';
import { enUS } from '../../lambda/src/speech/en-US';
import { startAlexa, type Alexa, type Reply } from '../support/harness';
import { caseName, ROUND_TRIPS, type RoundTripCase } from '../support/round-trips';

/** The budget for the cells that wait on Spotify (hang, delay, reset); the others use a roomier one. */
const SHORT_BUDGET_MS = 800;
const BUDGET_MS = 2500;
/** Generous on purpose: this proves "inside the deadline", it is not a speed test. */
const MARGIN_MS = 1500;

type Kind =
  | 'success'
  | 'link'
  | 'premium'
  | 'restricted'
  | 'allowlist'
  | 'noActiveDevice'
  | 'deviceNotFound'
  | 'notFound'
  | 'busy'
  | 'unavailable'
  | 'timeout';

/** What each kind sounds like: one sentence of the string table (success: what the fault-free run said). */
const SENTENCE: Record<Exclude<Kind, 'success'>, string> = {
  link: enUS.linkAccount,
  premium: enUS.errorPremiumRequired,
  restricted: enUS.errorRestricted,
  allowlist: enUS.errorNotAllowlisted,
  noActiveDevice: enUS.errorNoActiveDevice,
  deviceNotFound: enUS.errorDeviceNotFound,
  notFound: enUS.errorNotFound,
  busy: enUS.errorRateLimited,
  unavailable: enUS.errorUnavailable,
  timeout: enUS.errorTimeout,
};

interface FaultRow {
  name: string;
  /** Every call of the intent, or only the first matching one. */
  scope: 'every call' | 'first call';
  faults: FaultSpec[];
  expect: Kind;
  budgetMs: number;
}

const EVERY = Infinity;
const ALL = '/v1/*';

const FAULTS: FaultRow[] = [
  {
    name: '401',
    scope: 'every call',
    faults: [{ path: ALL, status: 401, times: EVERY }],
    expect: 'link',
    budgetMs: BUDGET_MS,
  },
  {
    name: '403 PREMIUM_REQUIRED',
    scope: 'every call',
    faults: [{ path: ALL, status: 403, reason: 'PREMIUM_REQUIRED', times: EVERY }],
    expect: 'premium',
    budgetMs: BUDGET_MS,
  },
  {
    name: '403 restricted (reason UNKNOWN)',
    scope: 'every call',
    faults: [{ path: ALL, status: 403, reason: 'UNKNOWN', message: 'Restriction violated', times: EVERY }],
    expect: 'restricted',
    budgetMs: BUDGET_MS,
  },
  {
    name: '403 not allowlisted (plain text)',
    scope: 'every call',
    faults: [
      {
        path: ALL,
        status: 403,
        body: 'Check settings on developer.spotify.com/dashboard, the user may not be registered.',
        contentType: 'text/plain',
        times: EVERY,
      },
    ],
    expect: 'allowlist',
    budgetMs: BUDGET_MS,
  },
  {
    name: '404 NO_ACTIVE_DEVICE',
    scope: 'every call',
    faults: [{ path: '/v1/me/player*', status: 404, reason: 'NO_ACTIVE_DEVICE', times: EVERY }],
    expect: 'noActiveDevice',
    budgetMs: BUDGET_MS,
  },
  {
    name: '404 device not found',
    scope: 'every call',
    faults: [{ path: '/v1/me/player*', status: 404, message: 'Device not found', times: EVERY }],
    expect: 'deviceNotFound',
    budgetMs: BUDGET_MS,
  },
  {
    name: '429 Retry-After 1 (fits the budget)',
    scope: 'first call',
    faults: [{ path: ALL, status: 429, headers: { 'Retry-After': '1' }, times: 1 }],
    expect: 'success',
    budgetMs: BUDGET_MS,
  },
  {
    name: '429 Retry-After 30 (beyond the budget)',
    scope: 'every call',
    faults: [{ path: ALL, status: 429, headers: { 'Retry-After': '30' }, times: EVERY }],
    expect: 'busy',
    budgetMs: BUDGET_MS,
  },
  {
    name: '429 without Retry-After',
    scope: 'every call',
    faults: [{ path: ALL, status: 429, times: EVERY }],
    expect: 'busy',
    budgetMs: BUDGET_MS,
  },
  {
    name: '500',
    scope: 'first call',
    faults: [{ path: ALL, status: 500, times: 1 }],
    expect: 'success',
    budgetMs: BUDGET_MS,
  },
  {
    name: '502 with an empty body',
    scope: 'every call',
    faults: [{ path: ALL, status: 502, body: '', times: EVERY }],
    expect: 'unavailable',
    budgetMs: BUDGET_MS,
  },
  {
    name: '503 (HTML page)',
    scope: 'every call',
    faults: [
      {
        path: ALL,
        status: 503,
        body: '<html><body>Service Unavailable</body></html>',
        contentType: 'text/html',
        times: EVERY,
      },
    ],
    expect: 'unavailable',
    budgetMs: BUDGET_MS,
  },
  {
    name: '202 then 204',
    scope: 'first call',
    faults: [
      { method: 'PUT', path: '/v1/me/player*', status: 202, body: '', times: 1 },
      { method: 'POST', path: '/v1/me/player*', status: 202, body: '', times: 1 },
    ],
    expect: 'success',
    budgetMs: BUDGET_MS,
  },
  {
    name: 'a delay past the deadline',
    scope: 'every call',
    faults: [{ path: ALL, delayMs: SHORT_BUDGET_MS + 300, times: EVERY }],
    expect: 'timeout',
    budgetMs: SHORT_BUDGET_MS,
  },
  {
    name: 'hang',
    scope: 'every call',
    faults: [{ path: ALL, hang: true, times: EVERY }],
    expect: 'timeout',
    budgetMs: SHORT_BUDGET_MS,
  },
  {
    name: 'connection reset',
    scope: 'every call',
    faults: [{ path: ALL, reset: true, times: EVERY }],
    expect: 'unavailable',
    budgetMs: SHORT_BUDGET_MS,
  },
];

/**
 * Cells where the handler legitimately answers something other than the fault's usual sentence, and why.
 * Keyed "intent | fault". A value is a kind, or an exact sentence of the string table.
 */
const EXCEPTIONS: Record<string, { expect: Kind | { sentence: string }; why: string }> = {
  'AMAZON.PauseIntent | 403 restricted (reason UNKNOWN)': {
    expect: { sentence: enUS.errorAlreadyPaused },
    why: 'Spotify answers a pause while paused with 403 UNKNOWN "Restriction violated"',
  },
  'AMAZON.ResumeIntent | 403 restricted (reason UNKNOWN)': {
    expect: { sentence: enUS.errorAlreadyPlaying },
    why: 'Spotify answers a resume while playing with 403 UNKNOWN "Restriction violated"',
  },
  'AMAZON.NextIntent | 403 restricted (reason UNKNOWN)': {
    expect: { sentence: enUS.errorNothingNext },
    why: 'Spotify answers next at the end of a context with 403 UNKNOWN',
  },
  'AMAZON.PreviousIntent | 403 restricted (reason UNKNOWN)': {
    expect: { sentence: enUS.errorNothingPrevious },
    why: 'Spotify answers previous at the start of a context with 403 UNKNOWN',
  },
  // "Pause the tv", "resume the kitchen", "skip on the laptop": the same commands, on the device named.
  'PauseDeviceIntent | 403 restricted (reason UNKNOWN)': {
    expect: { sentence: enUS.errorAlreadyPaused },
    why: 'the same pause as AMAZON.PauseIntent, on the device named',
  },
  'ResumeDeviceIntent | 403 restricted (reason UNKNOWN)': {
    expect: { sentence: enUS.errorAlreadyPlaying },
    why: 'the same resume as AMAZON.ResumeIntent, on the device named',
  },
  'SkipDeviceIntent | 403 restricted (reason UNKNOWN)': {
    expect: { sentence: enUS.errorNothingNext },
    why: 'the same next as AMAZON.NextIntent, on the device named',
  },
  'AMAZON.PauseIntent | 404 NO_ACTIVE_DEVICE': {
    expect: { sentence: enUS.nothingPlaying },
    why: 'no active device means nothing is playing, so there is nothing to pause',
  },
  'WhatsNextIntent | 404 NO_ACTIVE_DEVICE': {
    expect: { sentence: enUS.nothingPlaying },
    why: '"what\'s next?" with no active device: nothing is playing, so nothing comes next (issue 13, the queue)',
  },
  'AMAZON.NextIntent | 500': {
    expect: 'unavailable',
    why: 'POST /me/player/next is not idempotent: after a 5xx it may have skipped already, so it is never retried',
  },
  'AMAZON.PreviousIntent | 500': {
    expect: 'unavailable',
    why: 'POST /me/player/previous is not idempotent, never retried after a 5xx',
  },
  // The 404 rows fault /me/player* only: intents that never call the player are untouched.
  ...Object.fromEntries(
    ['CreatePlaylistIntent', 'ListPlaylistsIntent', 'MoreIntent', 'WhichAccountIntent'].flatMap((intent) =>
      ['404 NO_ACTIVE_DEVICE', '404 device not found'].map((fault) => [
        `${intent} | ${fault}`,
        { expect: 'success' as const, why: 'never calls /me/player*, where these 404s live' },
      ]),
    ),
  ),
};

const NO_SPOTIFY = new Set(ROUND_TRIPS.filter((r) => r.minimum === 0).map((r) => r.intent));

function expectedFor(intent: string, row: FaultRow): { kind: Kind | { sentence: string }; why?: string } {
  const exception = EXCEPTIONS[`${intent} | ${row.name}`];
  if (exception) return { kind: exception.expect, why: exception.why };
  if (NO_SPOTIFY.has(intent)) return { kind: 'success', why: 'makes no Spotify call' };
  return { kind: row.expect };
}

interface Outcome {
  reply: Reply;
  elapsedMs: number;
  posts: Array<{ path: string; status: number }>;
  addedEntries: number;
  createdPlaylists: number;
}

async function run(rt: RoundTripCase, row: FaultRow | undefined): Promise<Outcome> {
  const alexa: Alexa = await startAlexa({ budgetMs: row?.budgetMs ?? BUDGET_MS });
  try {
    const { emulator } = alexa;
    // Each case arranges its own success path (next inside a playlist, resume with something paused).
    await rt.arrange?.(emulator);
    const playlistId = PL_WORKOUT_MIX;
    const entriesBefore = emulator.state.playlists.get(playlistId)?.entries.length ?? 0;
    const playlistsBefore = [...emulator.state.playlists.values()].filter(
      (p) => p.name === 'road trip',
    ).length;
    for (const f of row?.faults ?? []) emulator.faults.add(f);
    const started = Date.now();
    const reply = await alexa.send(rt.build(alexa.token));
    const elapsedMs = Date.now() - started;
    emulator.faults.clear();
    // A delayed request may still be on its way to the emulator's handler: wait (bounded) until every
    // request that was not hung or reset has been answered, so the state below is final.
    const delay = row?.faults.find((f) => f.delayMs)?.delayMs;
    if (delay) {
      const until = Date.now() + delay + 1000;
      while (emulator.log.some((e) => e.status === 0) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    return {
      reply,
      elapsedMs,
      posts: emulator.log.filter((e) => e.method === 'POST').map((e) => ({ path: e.path, status: e.status })),
      addedEntries: (emulator.state.playlists.get(playlistId)?.entries.length ?? 0) - entriesBefore,
      createdPlaylists:
        [...emulator.state.playlists.values()].filter((p) => p.name === 'road trip').length - playlistsBefore,
    };
  } finally {
    await alexa.close();
  }
}

const baseline = new Map<string, Reply>();

beforeAll(async () => {
  // What each intent says when nothing fails: the meaning of "success" in the matrix.
  await Promise.all(
    ROUND_TRIPS.map(async (rt) => {
      const { reply } = await run(rt, undefined);
      baseline.set(caseName(rt), reply);
    }),
  );
});

test('without faults every intent succeeds, so "success" in the matrix means the real answer', () => {
  const failures = [
    ...Object.values(SENTENCE),
    enUS.errorGeneric,
    enUS.errorNothingNext,
    enUS.errorNothingPrevious,
    enUS.errorAlreadyPaused,
    enUS.errorAlreadyPlaying,
  ];
  for (const rt of ROUND_TRIPS) {
    expect({ intent: caseName(rt), speech: baseline.get(caseName(rt))?.speech }).toEqual({
      intent: caseName(rt),
      speech: expect.not.stringMatching(new RegExp(`^(${failures.map(escapeRegExp).join('|')})$`)),
    });
  }
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CELLS = ROUND_TRIPS.flatMap((rt) => FAULTS.map((row) => ({ rt, row })));
let passed = 0;

describe(`fault matrix: ${ROUND_TRIPS.length} intents × ${FAULTS.length} faults = ${CELLS.length} cells`, () => {
  test.concurrent.each(CELLS.map((c) => [caseName(c.rt), c.row.name, c] as const))(
    '%s under %s',
    async (_intent, _fault, { rt, row }) => {
      const { kind } = expectedFor(rt.intent, row);
      const out = await run(rt, row);
      const { reply } = out;

      // The right kind of sentence.
      if (kind === 'success') {
        expect(reply.speech).toBe(baseline.get(caseName(rt))?.speech);
      } else if (typeof kind === 'object') {
        expect(reply.speech).toBe(kind.sentence);
      } else {
        expect(reply.speech).toBe(SENTENCE[kind]);
        if (kind === 'link') expect(reply.card).toEqual({ type: 'LinkAccount' });
        expect(reply.endsSession).toBe(true);
      }

      // Inside the deadline (a generous bound: slow machines must not flake).
      expect(out.elapsedMs).toBeLessThanOrEqual(row.budgetMs + MARGIN_MS);

      // Nothing doubled: a POST that may have reached Spotify (answered 2xx, or never answered) goes once.
      const arrived = out.posts.filter((p) => p.status === 0 || (p.status >= 200 && p.status < 300));
      const byPath = new Map<string, number>();
      for (const p of arrived) byPath.set(p.path, (byPath.get(p.path) ?? 0) + 1);
      for (const [path, n] of byPath) expect({ path, n }).toEqual({ path, n: 1 });
      expect(out.addedEntries).toBeGreaterThanOrEqual(0);
      expect(out.addedEntries).toBeLessThanOrEqual(1);
      expect(out.createdPlaylists).toBeGreaterThanOrEqual(0);
      expect(out.createdPlaylists).toBeLessThanOrEqual(1);
      // Nothing lost: when the answer says it worked, it did.
      if (kind === 'success' && rt.intent === 'AddToPlaylistIntent') expect(out.addedEntries).toBe(1);
      if (kind === 'success' && rt.intent === 'CreatePlaylistIntent') expect(out.createdPlaylists).toBe(1);
      passed++;
    },
  );
});

test(`fault matrix summary: every one of the ${CELLS.length} cells passed`, () => {
  expect(`${passed} of ${CELLS.length} cells passed`).toBe(`${CELLS.length} of ${CELLS.length} cells passed`);
});
