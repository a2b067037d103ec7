import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import { getAccountLinkingAccessToken, getLocale, getRequestType, getUserId } from 'ask-sdk-core';
import type { SkillConfig } from './config';
import type { PackRegistry, Understanding } from './lang';
import type { UserStore } from './persistence/store';
import { UserCache, WarmCache } from './spotify/cache';
import type { SpotifyClient, SpotifyClientFactory } from './spotify/client';
import { Speech, speechFor } from './speech/speech';
import type { Clock } from './util/clock';
import { Deadline } from './util/deadline';
import type { Logger } from './util/logger';

/** Everything the skill is built from; the Lambda entry, the HTTPS host, the console and tests each pass their own. */
export interface SkillDeps {
  spotify: SpotifyClientFactory;
  logger: Logger;
  clock: Clock;
  config: SkillConfig;
  /** Where per-user settings are kept; without one, in memory for the life of the process. */
  persistence?: UserStore;
  /** Per-user warm caches of this container (buildSkill makes one when none is given). */
  cache?: WarmCache;
  /**
   * The language packs by locale, when not the shipped ones (lang/index.ts `withPacks`): tests register a
   * pseudo-locale this way.
   */
  packs?: PackRegistry;
}

/** What a handler needs for one request. */
export interface RequestContext {
  readonly deps: SkillDeps;
  readonly speech: Speech;
  /** What the skill understands in the request's language (ordinals, filler words, the matcher's words). */
  readonly lang: Understanding;
  readonly deadline: Deadline;
  readonly log: Logger;
  /** The linked Spotify token, or undefined when the account is not linked. */
  readonly accessToken: string | undefined;
  /** The store (deps.persistence, or the in-memory default); reach it through handlers/memory.ts. */
  readonly store: UserStore;
  /** The Spotify client for this request. Only reachable behind the account-linking guard. */
  spotify(): SpotifyClient;
  /**
   * This user's warm caches (spotify/cache.ts), keyed by a hash of the Alexa user id, never the token. A
   * request without a user id gets an empty cache of its own that nobody else sees.
   */
  cache(): UserCache;
}

const KEY = 'connectRemote.context';

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Reads the linked token; tolerant of malformed envelopes (no context, no user). */
export function accessTokenOf(input: HandlerInput): string | undefined {
  const token = safe(() => getAccountLinkingAccessToken(input.requestEnvelope));
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}

/**
 * The cache key of an Alexa user: a SHA-256 of the user id, so a heap dump or a debug line shows no id.
 * Undefined for envelopes without a user id.
 */
export function userKeyOf(input: HandlerInput): string | undefined {
  const id = safe(() => getUserId(input.requestEnvelope));
  if (typeof id !== 'string' || id.length === 0) return undefined;
  // Loaded on first use: node:crypto costs a few milliseconds of cold start, and an unlinked launch or a
  // request that never reads a cache never needs it.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(`connect-remote/user/${id}`).digest('hex').slice(0, 32);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Alexa requires the response's `sessionAttributes` to be an object, and ask-sdk echoes back whatever the
 * request carried: a forged `session.attributes` that is a string, a number or an array starts as {}.
 */
function normalizeSessionAttributes(input: HandlerInput): void {
  if (!input.requestEnvelope.session) return;
  const { attributesManager } = input;
  if (!isPlainObject(attributesManager.getSessionAttributes())) attributesManager.setSessionAttributes({});
}

/** Kept between the end of the skill's budget and the end of the time its host allows. */
export const HOST_MARGIN_MS = 300;

/**
 * The budget for this invocation: the configured one, cut to what the host has left when it says (a Lambda
 * context's `getRemainingTimeInMillis`, or the HTTPS host's, which counts from the request's arrival and so
 * includes a certificate download).
 */
function budgetFor(input: HandlerInput, budgetMs: number): number {
  const remaining = safe(() =>
    (input.context as { getRemainingTimeInMillis?: () => number } | undefined)?.getRemainingTimeInMillis?.(),
  );
  if (typeof remaining !== 'number' || !Number.isFinite(remaining)) return budgetMs;
  return Math.max(0, Math.min(budgetMs, remaining - HOST_MARGIN_MS));
}

export function contextInterceptor(deps: SkillDeps, store: UserStore): RequestInterceptor {
  return {
    process(input: HandlerInput): void {
      const envelope = input.requestEnvelope;
      normalizeSessionAttributes(input);
      const accessToken = accessTokenOf(input);
      const locale = safe(() => getLocale(envelope));
      const log = deps.logger.child({
        requestId: safe(() => envelope.request.requestId),
        type: safe(() => getRequestType(envelope)),
        intent: safe(() => (envelope.request as { intent?: { name?: string } }).intent?.name),
      });
      const deadline = new Deadline(deps.clock, budgetFor(input, deps.config.budgetMs));
      const speech = speechFor(typeof locale === 'string' ? locale : undefined, deps.packs);
      let client: SpotifyClient | undefined;
      let cache: UserCache | undefined;
      const context: RequestContext = {
        deps,
        speech,
        lang: speech.pack.understand,
        deadline,
        log,
        accessToken,
        store,
        spotify() {
          if (!accessToken)
            throw new Error('Spotify used without a linked account: the guard must run first');
          client ??= deps.spotify(accessToken, deadline, log);
          return client;
        },
        cache() {
          if (!cache) {
            const key = userKeyOf(input);
            cache = key && deps.cache ? deps.cache.forUser(key) : new UserCache(() => deps.clock.now());
          }
          return cache;
        },
      };
      input.attributesManager.getRequestAttributes()[KEY] = context;
    },
  };
}

export function ctx(input: HandlerInput): RequestContext {
  const context = input.attributesManager.getRequestAttributes()[KEY] as RequestContext | undefined;
  if (!context) throw new Error('Request context missing: contextInterceptor must be registered');
  return context;
}
