import type { HandlerInput } from 'ask-sdk-core';
import { getDeviceId, getUserId } from 'ask-sdk-core';
import { ctx } from '../context';
import { withinMs } from '../persistence/store';

export interface StoredDevice {
  id: string;
  name: string;
}

/**
 * What the skill remembers per Alexa user (through the store, keyed by user id), as seen from the Echo spoken
 * to: `defaultDevice` is that Echo's own default when it has one, else the user-wide one.
 */
export interface UserMemory {
  defaultDevice?: StoredDevice;
  /** Whose default `defaultDevice` is: this Echo's own, or the user-wide one. */
  defaultFor?: 'echo' | 'user';
  lastDevice?: StoredDevice;
  mutedVolume?: number;
  /**
   * The songs this skill added to a playlist lately (newest last, at most RECENT_ADDS_KEPT): an add of the
   * same song to the same playlist within the duplicate window reads the playlist's end first (spotify/once.ts),
   * so a repeat after a lost answer is never doubled; any other add writes at once (one round trip fewer).
   */
  recentAdds?: RecentAdd[];
}

export interface RecentAdd {
  playlistId: string;
  uri: string;
  /** When the add was sent, in ms since the epoch. */
  at: number;
}

/** How many recent adds are remembered: enough for a few songs said in a row, small enough to store. */
export const RECENT_ADDS_KEPT = 5;

/**
 * What a write may set or remove (`undefined` removes). `defaultDevice` is the user-wide default;
 * `echoDefaultDevice` is the default of the Echo spoken to only (stored under that Echo's own attribute, so
 * setting it can never touch another Echo's, nor the user-wide one).
 */
export interface MemoryPatch {
  defaultDevice?: StoredDevice;
  echoDefaultDevice?: StoredDevice;
  lastDevice?: StoredDevice;
  mutedVolume?: number;
  recentAdds?: RecentAdd[];
}

/** Each Echo's own default is one attribute of the user's item: this prefix, then the Echo's device id. */
export const ECHO_DEFAULT_PREFIX = 'defaultDevice@';

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

const isRecentAdd = (value: unknown): value is RecentAdd => {
  const add = value as Partial<RecentAdd> | null;
  return (
    typeof add === 'object' &&
    add !== null &&
    typeof add.playlistId === 'string' &&
    typeof add.uri === 'string' &&
    typeof add.at === 'number' &&
    Number.isFinite(add.at)
  );
};

/** The Echo spoken to (`context.System.device.deviceId`), if the request names one. */
export function echoId(input: HandlerInput): string | undefined {
  try {
    const id = getDeviceId(input.requestEnvelope);
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Stored data is read like input: only well-formed members are used. */
function validMemory(stored: Record<string, unknown>, echo: string | undefined): UserMemory {
  const memory: UserMemory = {};
  const own = echo === undefined ? undefined : stored[ECHO_DEFAULT_PREFIX + echo];
  if (isDevice(own)) {
    memory.defaultDevice = { id: own.id, name: own.name };
    memory.defaultFor = 'echo';
  } else if (isDevice(stored.defaultDevice)) {
    memory.defaultDevice = { id: stored.defaultDevice.id, name: stored.defaultDevice.name };
    memory.defaultFor = 'user';
  }
  if (isDevice(stored.lastDevice))
    memory.lastDevice = { id: stored.lastDevice.id, name: stored.lastDevice.name };
  const volume = stored.mutedVolume;
  if (typeof volume === 'number' && Number.isInteger(volume) && volume > 0 && volume <= 100)
    memory.mutedVolume = volume;
  const adds = Array.isArray(stored.recentAdds) ? stored.recentAdds.filter(isRecentAdd) : [];
  if (adds.length) memory.recentAdds = adds.slice(-RECENT_ADDS_KEPT);
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
      echoId(input),
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
  patch: MemoryPatch,
  options: RememberOptions = {},
): Promise<boolean> {
  const { store, deadline, log } = ctx(input);
  if (!hasUser(input)) return false;
  const { echoDefaultDevice, ...rest } = patch;
  const stored: Record<string, unknown> = { ...rest };
  if ('echoDefaultDevice' in patch) {
    // A request without an Echo (a test console, an app) has only the user-wide default to set.
    const echo = echoId(input);
    stored[echo === undefined ? 'defaultDevice' : ECHO_DEFAULT_PREFIX + echo] = echoDefaultDevice;
  }
  try {
    const left = deadline.remainingMs();
    const ms = Math.min(options.essential ? STORE_ESSENTIAL_MAX_MS : STORE_CALL_MAX_MS, left);
    await withinMs(ms, (signal) => store.updateAttributes(input.requestEnvelope, stored, { signal }));
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
