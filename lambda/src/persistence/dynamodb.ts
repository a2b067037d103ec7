import { getUserId } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { AttributeValue, DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { StoreCallOptions, UserStore } from './store';

/** What the adapter needs from `@aws-sdk/client-dynamodb`: the client class and four commands. */
export interface DynamoDbModule {
  DynamoDBClient: typeof import('@aws-sdk/client-dynamodb').DynamoDBClient;
  GetItemCommand: typeof import('@aws-sdk/client-dynamodb').GetItemCommand;
  PutItemCommand: typeof import('@aws-sdk/client-dynamodb').PutItemCommand;
  UpdateItemCommand: typeof import('@aws-sdk/client-dynamodb').UpdateItemCommand;
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
  /** A ready client; otherwise one is built with STORE_CLIENT_DEFAULTS and `clientConfig`. */
  client?: DynamoDBClient;
  /** Merged over STORE_CLIENT_DEFAULTS (tests set `endpoint`, `region` and dummy `credentials`). */
  clientConfig?: DynamoDBClientConfig;
  sdk?: DynamoDbModule;
}

/**
 * The client's own limits, so a slow or silent DynamoDB cannot hold a request past Alexa's 8 s: a connection
 * must be up within 1 s, an answer must come within 2.5 s of sending, and a failed call is tried at most
 * twice (the SDK's standard retry: 5xx, throttling, timeouts). The skill also bounds each call by what is
 * left of the request's deadline (handlers/memory.ts) and aborts it then.
 */
export const STORE_CLIENT_DEFAULTS: DynamoDBClientConfig = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1000, requestTimeout: 2500 },
};

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
export class DynamoDbPersistenceAdapter implements UserStore {
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
    this.client =
      options.client ?? new this.sdk.DynamoDBClient({ ...STORE_CLIENT_DEFAULTS, ...options.clientConfig });
  }

  private key(envelope: RequestEnvelope): Record<string, AttributeValue> {
    return { [this.partitionKeyName]: { S: getUserId(envelope) } };
  }

  async getAttributes(
    envelope: RequestEnvelope,
    options: StoreCallOptions = {},
  ): Promise<Record<string, unknown>> {
    const result = await this.client.send(
      new this.sdk.GetItemCommand({
        TableName: this.tableName,
        Key: this.key(envelope),
        ConsistentRead: true,
      }),
      { abortSignal: options.signal },
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

  /**
   * One UpdateItem that SETs and REMOVEs only the patched members of the attributes map, so nothing else the
   * user has stored is touched. A user with no map yet gets one made of the patch (a second UpdateItem, only
   * when the first finds no map; conditions make two concurrent first writes safe).
   */
  async updateAttributes(
    envelope: RequestEnvelope,
    patch: Record<string, unknown>,
    options: StoreCallOptions = {},
  ): Promise<void> {
    const names: Record<string, string> = { '#a': this.attributesName };
    const values: Record<string, AttributeValue> = {};
    const sets: string[] = [];
    const removes: string[] = [];
    const fresh: Record<string, AttributeValue> = {};
    Object.entries(patch).forEach(([key, value], i) => {
      names[`#k${i}`] = key;
      if (value === undefined || value === null) {
        removes.push(`#a.#k${i}`);
      } else {
        values[`:v${i}`] = toAttribute(value);
        fresh[key] = values[`:v${i}`];
        sets.push(`#a.#k${i} = :v${i}`);
      }
    });
    if (sets.length + removes.length === 0) return;
    const expression = [
      sets.length ? `SET ${sets.join(', ')}` : '',
      removes.length ? `REMOVE ${removes.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const send = (input: ConstructorParameters<DynamoDbModule['UpdateItemCommand']>[0]) =>
      this.client.send(new this.sdk.UpdateItemCommand(input), { abortSignal: options.signal });
    const inPlace = () =>
      send({
        TableName: this.tableName,
        Key: this.key(envelope),
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(#a)',
        ExpressionAttributeNames: names,
        ...(sets.length ? { ExpressionAttributeValues: values } : {}),
      });
    try {
      await inPlace();
      return;
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    if (sets.length === 0) return; // nothing stored, so nothing to remove
    try {
      await send({
        TableName: this.tableName,
        Key: this.key(envelope),
        UpdateExpression: 'SET #a = :m',
        ConditionExpression: 'attribute_not_exists(#a)',
        ExpressionAttributeNames: { '#a': this.attributesName },
        ExpressionAttributeValues: { ':m': { M: fresh } },
      });
    } catch (error) {
      // Another request made the map in between: now the in-place update applies.
      if (!isConditionFailed(error)) throw error;
      await inPlace();
    }
  }

  async deleteAttributes(envelope: RequestEnvelope, options: StoreCallOptions = {}): Promise<void> {
    await this.client.send(
      new this.sdk.DeleteItemCommand({ TableName: this.tableName, Key: this.key(envelope) }),
      { abortSignal: options.signal },
    );
  }
}

function isConditionFailed(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';
}
