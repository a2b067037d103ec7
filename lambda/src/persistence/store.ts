import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';

/** Per-call options: the store gives up when `signal` aborts (the request's deadline). */
export interface StoreCallOptions {
  signal?: AbortSignal;
}

/**
 * What the skill needs from a store: ask-sdk's PersistenceAdapter (read, delete) plus a partial update.
 * The skill never writes a whole user item back: `updateAttributes` sets the attributes it is given and
 * removes those given as `undefined`/`null`, leaving every other stored attribute alone. So a read that
 * failed or was skipped can never erase another setting.
 */
export interface UserStore extends PersistenceAdapter {
  getAttributes(envelope: RequestEnvelope, options?: StoreCallOptions): Promise<Record<string, unknown>>;
  updateAttributes(
    envelope: RequestEnvelope,
    patch: Record<string, unknown>,
    options?: StoreCallOptions,
  ): Promise<void>;
  deleteAttributes(envelope: RequestEnvelope, options?: StoreCallOptions): Promise<void>;
}

/** The store did not answer within the time it was given. */
export class StoreTimeoutError extends Error {
  constructor(message = 'The store did not answer in time') {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Runs one store call with at most `ms` milliseconds: the call gets an AbortSignal (the AWS SDK and the file
 * store stop on it), and the promise settles by then whether or not the call honours it.
 */
export function withinMs<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (ms <= 0) return Promise.reject(new StoreTimeoutError('No time left for the store'));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort();
      reject(new StoreTimeoutError());
    }, ms);
    run(controller.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
