import type { PersistenceAdapter } from 'ask-sdk-core';
import { MemoryPersistenceAdapter } from './memory';

/**
 * Chooses the persistence adapter from the environment. In-memory by default; the deployment work adds
 * DynamoDB (`PERSISTENCE_TABLE`) and a local file.
 */
export function persistenceFromEnv(_env: NodeJS.ProcessEnv = process.env): PersistenceAdapter {
  return new MemoryPersistenceAdapter();
}
