import type { Logger } from '../util/logger';
import { DynamoDbPersistenceAdapter } from './dynamodb';
import { FilePersistenceAdapter } from './file';
import { MemoryPersistenceAdapter } from './memory';
import type { UserStore } from './store';

export { DynamoDbPersistenceAdapter } from './dynamodb';
export { FilePersistenceAdapter } from './file';
export { MemoryPersistenceAdapter } from './memory';
export type { UserStore } from './store';

/**
 * Chooses the store from the environment:
 * - `PERSISTENCE_TABLE`: DynamoDB (the AWS SDK v3 is loaded only then; region and credentials come from the
 *   usual AWS environment, which Lambda provides); the store for more than one process or machine;
 * - `PERSISTENCE_FILE`: one local JSON file (the console, `npm run serve` on one machine; safe for several
 *   processes on that machine);
 * - otherwise in memory (tests; on Lambda it lasts as long as the container).
 */
export function persistenceFromEnv(env: NodeJS.ProcessEnv = process.env, logger?: Logger): UserStore {
  const table = env.PERSISTENCE_TABLE?.trim();
  if (table) return new DynamoDbPersistenceAdapter({ tableName: table });
  const file = env.PERSISTENCE_FILE?.trim();
  if (file) return new FilePersistenceAdapter(file, { logger });
  return new MemoryPersistenceAdapter();
}
