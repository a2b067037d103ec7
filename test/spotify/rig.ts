/**
 * A Spotify client wired to the emulator over real HTTP, with everything a client test observes: the
 * emulator's request log, the client's own log lines, and the waits the core asked for (the injected sleep
 * records them and returns at once, so retry tests take milliseconds; the deadline still runs on real time).
 */
import { createSpotifyClientFactory, type SpotifyClient } from '../../lambda/src/spotify/client';
import type { RetryPolicy } from '../../lambda/src/spotify/core';
import { systemClock } from '../../lambda/src/util/clock';
import { Deadline } from '../../lambda/src/util/deadline';
import { createLogger } from '../../lambda/src/util/logger';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { captureSink, registerSecret } from '../support/log-capture';

export interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface SpotifyCallLine {
  level: string;
  event: 'spotify.call';
  endpoint: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  attempt: number;
  errorCode?: string;
  reason?: string;
}

export interface ClientOptions {
  budgetMs?: number;
  token?: string;
  baseUrl?: string;
  retry?: RetryPolicy;
}

export interface Rig {
  emulator: Emulator;
  /** A token for the demo user with every scope the skill asks for. */
  token: string;
  /** Everything this rig's logger wrote (also fed to the file-wide leak check). */
  lines: string[];
  /** Waits the core asked for, in ms, in order. */
  sleeps: number[];
  /** The deadline of the last client built. */
  deadline: Deadline;
  client(options?: ClientOptions): SpotifyClient;
  /** Issues (and registers as a secret) a token. */
  issue(userId?: string, scopes?: string[], ttlSeconds?: number): string;
  /** Forget what was logged and slept so far: `calls()`, `callLines()` and `sleeps` start afresh. */
  reset(): void;
  /** Requests the emulator received since the last reset. */
  calls(): Call[];
  /** `spotify.call` lines the client wrote since the last reset. */
  callLines(): SpotifyCallLine[];
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const emulator = await startEmulator();
  const lines: string[] = [];
  const sleeps: number[] = [];
  let mark = 0;
  let lineMark = 0;
  const logger = createLogger({
    level: 'debug',
    sink: (line) => {
      captureSink(line);
      lines.push(line);
    },
  });
  const issue = (userId = 'demo', scopes?: string[], ttlSeconds?: number): string => {
    const token = emulator.issueToken(userId, scopes, ttlSeconds);
    registerSecret(token);
    return token;
  };
  const token = issue();
  const rig: Rig = {
    emulator,
    token,
    lines,
    sleeps,
    deadline: new Deadline(systemClock, 6000),
    client(options = {}) {
      const factory = createSpotifyClientFactory({
        baseUrl: options.baseUrl ?? emulator.apiUrl,
        logger,
        retry: options.retry,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      });
      rig.deadline = new Deadline(systemClock, options.budgetMs ?? 6000);
      return factory(options.token ?? token, rig.deadline);
    },
    issue,
    reset() {
      mark = emulator.log.length;
      lineMark = lines.length;
      sleeps.length = 0;
    },
    calls() {
      return emulator.log
        .slice(mark)
        .map(({ method, path, query, body, status }) => ({ method, path, query, body, status }));
    },
    callLines() {
      return lines
        .slice(lineMark)
        .map((l) => JSON.parse(l) as SpotifyCallLine)
        .filter((l) => l.event === 'spotify.call');
    },
    close: () => emulator.close(),
  };
  return rig;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Waits (bounded) until `check` is true; false when it never became true. */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 5) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return check();
}
