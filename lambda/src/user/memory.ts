import type { HandlerInput } from 'ask-sdk-core';
import { getUserId } from 'ask-sdk-core';
import { ctx } from '../context';
import { withinMs } from '../persistence/store';

/** What the skill remembers per Alexa user (through the store, keyed by user id). */
export interface UserMemory {
  defaultDevice?: { id: string; name: string };
  lastDevice?: { id: string; name: string };
  mutedVolume?: number;
}

/**
 * The longest one store call may take, inside what is left of the request's deadline. DynamoDB answers in
 * milliseconds; one that takes seconds is failing, and Spotify must still get its turn.
 */
export const STORE_CALL_MAX_MS = 2500;
/** The same for a write that is the whole request (a default device, forgetting a user): a little longer. */
export const STORE_ESSENTIAL_MAX_MS = 4000;

const isDevice = (value: unknown): value is { id: string; name: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  typeof (value as { name?: unknown }).name === 'string';

/** Stored data is read like input: only well-formed members are used. */
function validMemory(stored: Record<string, unknown>): UserMemory {
  const memory: UserMemory = {};
  if (isDevice(stored.defaultDevice))
    memory.defaultDevice = { id: stored.defaultDevice.id, name: stored.defaultDevice.name };
  if (isDevice(stored.lastDevice))
    memory.lastDevice = { id: stored.lastDevice.id, name: stored.lastDevice.name };
  const volume = stored.mutedVolume;
  if (typeof volume === 'number' && Number.isInteger(volume) && volume > 0 && volume <= 100)
    memory.mutedVolume = volume;
  return memory;
}

function hasUser(input: HandlerInput): boolean {
  try {
    return typeof getUserId(input.requestEnvelope) === 'string';
  } catch {
    return false;
  }
}

/**
 * What is remembered for this user. A read that fails or does not come back in time counts as "nothing
 * remembered" (and since writes are partial updates, that can never erase anything).
 */
export async function recall(input: HandlerInput): Promise<UserMemory> {
  const { store, deadline, log } = ctx(input);
  if (!hasUser(input)) return {};
  try {
    const ms = Math.min(STORE_CALL_MAX_MS, deadline.remainingMs());
    return validMemory(
      await withinMs(ms, (signal) => store.getAttributes(input.requestEnvelope, { signal })),
    );
  } catch (error) {
    log.warn('store.read_failed', { error: (error as Error)?.name });
    return {};
  }
}

export interface RememberOptions {
  /**
   * The write is the whole point of the request ("use the kitchen speaker by default"): it gets
   * STORE_ESSENTIAL_MAX_MS. Otherwise it is housekeeping after Spotify acted, and gets STORE_CALL_MAX_MS.
   */
  essential?: boolean;
}

/**
 * Stores only the attributes in `patch` (`undefined` removes one); every other setting stays as stored.
 * Never throws: resolves to whether it was stored, so a store failure after Spotify acted cannot turn the
 * answer into an apology.
 */
export async function remember(
  input: HandlerInput,
  patch: Partial<UserMemory>,
  options: RememberOptions = {},
): Promise<boolean> {
  const { store, deadline, log } = ctx(input);
  if (!hasUser(input)) return false;
  try {
    const left = deadline.remainingMs();
    const ms = Math.min(options.essential ? STORE_ESSENTIAL_MAX_MS : STORE_CALL_MAX_MS, left);
    await withinMs(ms, (signal) =>
      store.updateAttributes(input.requestEnvelope, patch as Record<string, unknown>, { signal }),
    );
    return true;
  } catch (error) {
    log.warn('store.write_failed', { error: (error as Error)?.name, attributes: Object.keys(patch) });
    return false;
  }
}

/** Forgets everything stored for this user (the skill was disabled), within the deadline; throws on failure. */
export async function forgetAll(input: HandlerInput): Promise<void> {
  const { store, deadline } = ctx(input);
  await withinMs(Math.min(STORE_ESSENTIAL_MAX_MS, deadline.remainingMs()), (signal) =>
    store.deleteAttributes(input.requestEnvelope, { signal }),
  );
}
