/**
 * The fuzz property, shared by the jest test (a few thousand runs) and `npm run fuzz` (100,000): one emulator
 * and one real exported handler (createHandler + buildSkill, built as the Lambda entry builds them), and a
 * check of one generated envelope against them. Nothing here imports jest, so the CLI can use it too.
 */
import type { ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill, createHandler } from '../../lambda/src/skill';
import { ENDPOINTS } from '../../lambda/src/spotify/endpoints';
import { createSpotifyClientFactory } from '../../lambda/src/spotify/client';
import { systemClock } from '../../lambda/src/util/clock';
import { createLogger, type LogSink } from '../../lambda/src/util/logger';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { nothingActive, playing } from '../support/world';
import type { FuzzCase } from './envelopes';
import { responseProblems } from './response-schema';

export interface FuzzRigOptions {
  /** Where the skill's log lines go (jest passes the capture sink so they are scanned for secrets). */
  sink?: LogSink;
  /** Called with every token the rig issues, so a log scan knows it. */
  onSecret?: (token: string) => void;
  /** Spotify budget per invocation; the emulator never hangs here, so this only bounds a surprise. */
  budgetMs?: number;
  /** Fresh emulator state every this many cases (the skill changes playlists, volume, queue…). */
  resetEvery?: number;
}

export interface CaseResult {
  /** Property violations: a thrown error for a well-formed envelope, a malformed response, an unsafe path. */
  failures: string[];
  /**
   * Failures the skill's error handler absorbed into "Sorry, something went wrong" (logged as handler.error or
   * request.malformed), as "event: name: message". Not property violations, but each kind is worth a look.
   */
  absorbed: string[];
  threw: boolean;
  response?: ResponseEnvelope;
}

export interface FuzzRig {
  emulator: Emulator;
  token: string;
  check(c: FuzzCase): Promise<CaseResult>;
  close(): Promise<void>;
}

const SAFE_PATH = /^[A-Za-z0-9\-._~%/]*$/;
const PARAM = '((?:[A-Za-z0-9\\-_~]|%[0-9A-Fa-f]{2})+)';
/** Every path the client may send: the endpoint table's templates with each `{param}` one encoded segment. */
const KNOWN_PATHS = ENDPOINTS.map(
  (e) => new RegExp(`^/v1${e.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, PARAM)}$`),
);

/**
 * Problems with one logged Spotify path given the user strings of the request that caused it. A user string
 * could only reach a path through a `{param}` segment, so those segments are what is searched (the fixed
 * part of "/v1/search" contains "/" and "s" without any user string in it).
 */
export function pathProblems(path: string, userStrings: readonly string[]): string[] {
  const out: string[] = [];
  if (!SAFE_PATH.test(path)) out.push(`path ${JSON.stringify(path)} has characters that are not URL-safe`);
  const match = KNOWN_PATHS.map((re) => re.exec(path)).find((m) => m !== null);
  if (!match)
    out.push(
      `path ${JSON.stringify(path)} is no endpoint of the table (a user string split or redirected it?)`,
    );
  const searched = match ? match.slice(1) : [path];
  for (const s of userStrings) {
    if (s.length > 0 && /[^A-Za-z0-9\-_]/.test(s) && searched.some((segment) => segment.includes(s))) {
      out.push(`path ${JSON.stringify(path)} carries the user string ${JSON.stringify(s)} unencoded`);
    }
  }
  return out;
}

export async function startFuzzRig(options: FuzzRigOptions = {}): Promise<FuzzRig> {
  const emulator = await startEmulator();
  const token = emulator.issueToken('demo');
  options.onSecret?.(token);
  options.onSecret?.(`${token}-revoked`);
  const absorbed: string[] = [];
  const sink: LogSink = (line) => {
    options.sink?.(line);
    if (!line.includes('"handler.error"') && !line.includes('"request.malformed"')) return;
    try {
      const { event, error } = JSON.parse(line) as {
        event: string;
        error?: { name?: string; message?: string };
      };
      absorbed.push(`${event}: ${error?.name ?? '?'}: ${error?.message ?? '?'}`);
    } catch {
      absorbed.push(line);
    }
  };
  const logger = createLogger({ sink, level: 'info' });
  const config = { spotifyApiUrl: emulator.apiUrl, budgetMs: options.budgetMs ?? 1500 };
  const handler = createHandler(
    buildSkill({
      config,
      logger,
      clock: systemClock,
      spotify: createSpotifyClientFactory({ baseUrl: config.spotifyApiUrl, logger }),
    }),
    logger,
  );
  const resetEvery = options.resetEvery ?? 50;
  let count = 0;

  const arrange = (world: FuzzCase['world']) => {
    if (world === 'playing') playing(emulator);
    else if (world === 'paused') playing(emulator, { isPlaying: false });
    else if (world === 'nothing') nothingActive(emulator);
  };

  return {
    emulator,
    token,
    async check(c) {
      if (++count % resetEvery === 0) emulator.reset();
      arrange(c.world);
      emulator.faults.clear();
      if (c.spotifyFault) emulator.faults.add(c.spotifyFault);
      const mark = emulator.log.length;
      absorbed.length = 0;
      const failures: string[] = [];
      let response: ResponseEnvelope | undefined;
      let threw = false;
      try {
        // Both shapes are what the Lambda runtime gets: the async form returns the promise.
        response = await (handler(c.envelope as never, undefined) as Promise<ResponseEnvelope>);
      } catch (error) {
        threw = true;
        if (c.wellFormed)
          failures.push(`threw out of the handler: ${String((error as Error)?.message ?? error)}`);
      }
      if (!threw) {
        if (response === undefined || response === null) {
          if (c.wellFormed) failures.push('answered nothing');
        } else failures.push(...responseProblems(response));
      }
      emulator.faults.clear();
      for (const entry of emulator.log.slice(mark)) failures.push(...pathProblems(entry.path, c.userStrings));
      // Keep the log from growing without bound over 100,000 runs.
      if (emulator.log.length > 5000) emulator.log.splice(0, emulator.log.length);
      return { failures, absorbed: [...absorbed], threw, response };
    },
    close: () => emulator.close(),
  };
}

/** A counterexample short enough to print: long strings cut, with their length; access tokens masked. */
export function describeCase(c: FuzzCase): string {
  return JSON.stringify(
    c.envelope,
    (key, v: unknown) => {
      if (key === 'accessToken' && typeof v === 'string' && v.length > 0) return '<token>';
      return typeof v === 'string' && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : v;
    },
    1,
  );
}
