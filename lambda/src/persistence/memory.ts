import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { getUserId } from 'ask-sdk-core';

/**
 * Keeps attributes in memory, keyed by the Alexa user id. The default when no other store is configured:
 * right for tests and the local console; on Lambda it lasts as long as the container.
 */
export class MemoryPersistenceAdapter implements PersistenceAdapter {
  readonly store = new Map<string, Record<string, unknown>>();

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return structuredClone(this.store.get(getUserId(envelope)) ?? {});
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    this.store.set(getUserId(envelope), structuredClone(attributes));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    this.store.delete(getUserId(envelope));
  }
}
