import type { PersistenceAdapter } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter } from './dynamodb';
import { FilePersistenceAdapter } from './file';
import { MemoryPersistenceAdapter } from './memory';

export { DynamoDbPersistenceAdapter } from './dynamodb';
export { FilePersistenceAdapter } from './file';
export { MemoryPersistenceAdapter } from './memory';

/**
 * Chooses the persistence adapter from the environment:
 * - `PERSISTENCE_TABLE`: DynamoDB (the AWS SDK v3 is loaded only then; region and credentials come from the
 *   usual AWS environment, which Lambda provides);
 * - `PERSISTENCE_FILE`: one local JSON file (the console, `npm run serve` on one machine);
 * - otherwise in memory (tests; on Lambda it lasts as long as the container).
 */
export function persistenceFromEnv(env: NodeJS.ProcessEnv = process.env): PersistenceAdapter {
  const table = env.PERSISTENCE_TABLE?.trim();
  if (table) return new DynamoDbPersistenceAdapter({ tableName: table });
  const file = env.PERSISTENCE_FILE?.trim();
  if (file) return new FilePersistenceAdapter(file);
  return new MemoryPersistenceAdapter();
}
