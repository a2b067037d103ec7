import type { RequestEnvelope } from 'ask-sdk-model';
import { getUserId } from 'ask-sdk-core';
import type { UserStore } from './store';

/** Applies a partial update to a copy: `undefined` and `null` remove the attribute. */
export function applyPatch(
  current: Record<string, unknown> | undefined,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null) delete next[key];
    else next[key] = structuredClone(value);
  }
  return next;
}

/**
 * Keeps attributes in memory, keyed by the Alexa user id. The default when no other store is configured:
 * right for tests and the local console; on Lambda it lasts as long as the container.
 */
export class MemoryPersistenceAdapter implements UserStore {
  readonly store = new Map<string, Record<string, unknown>>();

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return structuredClone(this.store.get(getUserId(envelope)) ?? {});
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    this.store.set(getUserId(envelope), structuredClone(attributes));
  }

  async updateAttributes(envelope: RequestEnvelope, patch: Record<string, unknown>): Promise<void> {
    const userId = getUserId(envelope);
    this.store.set(userId, applyPatch(this.store.get(userId), patch));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    this.store.delete(getUserId(envelope));
  }
}
