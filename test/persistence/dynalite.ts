/**
 * A DynamoDB-compatible server (dynalite, in memory) on 127.0.0.1 for the persistence tests, and a client for
 * it with dummy credentials. Nothing leaves the machine.
 */
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  createTable(name: string): Promise<void>;
  rawItem(table: string, userId: string): Promise<Record<string, AttributeValue> | undefined>;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<LocalDynamo> {
  const dynalite = require('dynalite') as (options: Record<string, number>) => Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local-test',
    credentials: { accessKeyId: 'dummy', secretAccessKey: 'dummy' },
    maxAttempts: 1,
  });
  return {
    endpoint,
    client,
    async createTable(name) {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    },
    async rawItem(table, userId) {
      const result = await client.send(
        new GetItemCommand({ TableName: table, Key: { id: { S: userId } }, ConsistentRead: true }),
      );
      return result.Item;
    },
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
