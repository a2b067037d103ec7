import type { HandlerInput } from 'ask-sdk-core';

/** What the skill remembers per Alexa user (through the PersistenceAdapter, keyed by user id). */
export interface UserMemory {
  defaultDevice?: { id: string; name: string };
  lastDevice?: { id: string; name: string };
  mutedVolume?: number;
}

export async function recall(input: HandlerInput): Promise<UserMemory> {
  try {
    return ((await input.attributesManager.getPersistentAttributes()) ?? {}) as UserMemory;
  } catch {
    // No user id in a malformed envelope, or the store is down: act as if nothing was remembered.
    return {};
  }
}

export async function remember(input: HandlerInput, patch: Partial<UserMemory>): Promise<void> {
  const current = await recall(input);
  input.attributesManager.setPersistentAttributes({ ...current, ...patch });
  await input.attributesManager.savePersistentAttributes();
}
