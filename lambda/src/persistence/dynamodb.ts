import type { PersistenceAdapter } from 'ask-sdk-core';
import { getUserId } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** What the adapter needs from `@aws-sdk/client-dynamodb`: the client class and three commands. */
export interface DynamoDbModule {
  DynamoDBClient: typeof import('@aws-sdk/client-dynamodb').DynamoDBClient;
  GetItemCommand: typeof import('@aws-sdk/client-dynamodb').GetItemCommand;
  PutItemCommand: typeof import('@aws-sdk/client-dynamodb').PutItemCommand;
  DeleteItemCommand: typeof import('@aws-sdk/client-dynamodb').DeleteItemCommand;
}

/**
 * Loads the AWS SDK v3 only when a table is configured. The nodejs22.x Lambda runtime ships `@aws-sdk/*`,
 * so the bundle keeps it external; the module name is computed so esbuild leaves this require alone even
 * without an `external` entry (and the default, in-memory path never loads it).
 */
export function loadDynamoDbModule(): DynamoDbModule {
  const name = ['@aws-sdk', 'client-dynamodb'].join('/');
  return require(name) as DynamoDbModule;
}

export interface DynamoDbPersistenceOptions {
  tableName: string;
  /** Partition key attribute (a string: the Alexa user id). Same default as ask-sdk's DynamoDB adapter. */
  partitionKeyName?: string;
  /** The attribute holding the user's attributes as a map. */
  attributesName?: string;
  /** A ready client (tests point one at a local server); otherwise one is built from the environment. */
  client?: DynamoDBClient;
  sdk?: DynamoDbModule;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON value to DynamoDB AttributeValue. `undefined` members are dropped, as JSON.stringify would. */
export function toAttribute(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { NULL: true };
    return { N: String(value) };
  }
  if (Array.isArray(value)) return { L: value.map(toAttribute) };
  if (typeof value === 'object') {
    const map: Record<string, AttributeValue> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) map[key] = toAttribute(v);
    return { M: map };
  }
  throw new TypeError(`Cannot store a ${typeof value} in DynamoDB`);
}

/** DynamoDB AttributeValue back to JSON. */
export function fromAttribute(value: AttributeValue): Json {
  if ('S' in value && value.S !== undefined) return value.S;
  if ('N' in value && value.N !== undefined) return Number(value.N);
  if ('BOOL' in value && value.BOOL !== undefined) return value.BOOL;
  if ('NULL' in value && value.NULL !== undefined) return null;
  if ('L' in value && value.L !== undefined) return value.L.map(fromAttribute);
  if ('M' in value && value.M !== undefined) {
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value.M)) out[key] = fromAttribute(v);
    return out;
  }
  throw new TypeError(`Unsupported DynamoDB attribute: ${Object.keys(value).join(',')}`);
}

/**
 * Stores each Alexa user's attributes as one item: `{ id: <userId>, attributes: { M: ... } }` (the layout
 * of ask-sdk-dynamodb-persistence-adapter, so a table made by it keeps working), with the AWS SDK v3 directly:
 * that adapter pulls in the v2 SDK, which the nodejs22.x runtime no longer ships.
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private readonly tableName: string;
  private readonly partitionKeyName: string;
  private readonly attributesName: string;
  private readonly sdk: DynamoDbModule;
  private readonly client: DynamoDBClient;

  constructor(options: DynamoDbPersistenceOptions) {
    this.tableName = options.tableName;
    this.partitionKeyName = options.partitionKeyName ?? 'id';
    this.attributesName = options.attributesName ?? 'attributes';
    this.sdk = options.sdk ?? loadDynamoDbModule();
    this.client = options.client ?? new this.sdk.DynamoDBClient({});
  }

  private key(envelope: RequestEnvelope): Record<string, AttributeValue> {
    return { [this.partitionKeyName]: { S: getUserId(envelope) } };
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const result = await this.client.send(
      new this.sdk.GetItemCommand({
        TableName: this.tableName,
        Key: this.key(envelope),
        ConsistentRead: true,
      }),
    );
    const stored = result.Item?.[this.attributesName];
    if (!stored) return {};
    const value = fromAttribute(stored);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    await this.client.send(
      new this.sdk.PutItemCommand({
        TableName: this.tableName,
        Item: { ...this.key(envelope), [this.attributesName]: toAttribute(attributes) },
      }),
    );
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await this.client.send(
      new this.sdk.DeleteItemCommand({ TableName: this.tableName, Key: this.key(envelope) }),
    );
  }
}
