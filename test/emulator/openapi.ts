/**
 * The public OpenAPI description of the Spotify Web API (test/fixtures/spotify-web-api/fixed-spotify-open-api.yml,
 * MIT, kept in the repository with its licence and provenance so every test runs on a fresh clone alone) as a
 * contract for tests: find the operation for a request (with its `deprecated` flag and
 * scopes), validate a response body against the schema for its status, and validate a request's parameters and
 * body. Validation is lenient as SOURCE.md beside the YAML explains: nulls allowed anywhere below the root,
 * extra fields allowed, `reason` in errors, the real `actions.disallows` shape, the 204 that
 * `GET /me/player/currently-playing` really sends.
 *
 *   const spec = loadSpec();                 // throws when the YAML is absent: a contract never skips
 *   findOperation('PUT', '/v1/me/player/pause')?.deprecated
 *   validateResponse('GET', '/v1/me/player', 200, body)   // { valid, errors, documented }
 *   validateRequest('PUT', '/v1/me/player/repeat?state=track', undefined)
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';

/** Where the YAML lives: $SPOTIFY_OPENAPI (to try a newer description), else the repository's copy. */
export const SPEC_PATH =
  process.env.SPOTIFY_OPENAPI ??
  path.resolve(__dirname, '../fixtures/spotify-web-api/fixed-spotify-open-api.yml');

type Json = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  schema: Json;
  explode?: boolean;
}

export interface Operation {
  method: string;
  /** The spec's template, without the /v1 server prefix, e.g. /playlists/{playlist_id}/items */
  path: string;
  operationId: string;
  deprecated: boolean;
  /** Scopes the spec lists (any of them); empty when none. */
  scopes: string[];
  parameters: Parameter[];
  requestBody?: Json;
  /** Statuses the spec documents. */
  statuses: string[];
}

export interface Spec {
  file: string;
  version: string;
  operations: Operation[];
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
  /** The operation, when the spec has one for the method and path. */
  operation?: Operation;
  /** Whether the spec lists this status for the operation (undocumented error statuses are checked against
   * the generic error envelope). */
  documented: boolean;
}

interface Loaded {
  spec: Spec;
  raw: Json;
  ajv: Ajv;
  cache: Map<string, ValidateFunction>;
}

let loaded: Loaded | undefined;

/** Parses the YAML once (cached); throws when the file is absent. */
export function loadSpec(file: string = SPEC_PATH): Spec {
  return load(file).spec;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SCHEMA_ID = 'spotify-openapi';

function load(file: string = SPEC_PATH): Loaded {
  if (loaded !== undefined && loaded.spec.file === file) return loaded;
  if (!fs.existsSync(file))
    throw new Error(
      `the Spotify OpenAPI description is missing: ${file} (test/fixtures/spotify-web-api/SOURCE.md)`,
    );
  const raw = YAML.parse(fs.readFileSync(file, 'utf8')) as Json;
  const components = raw.components as Json;
  const operations: Operation[] = [];
  for (const [p, item] of Object.entries(raw.paths as Record<string, Json>)) {
    for (const m of HTTP_METHODS) {
      const op = item[m] as Json | undefined;
      if (!op) continue;
      const params = ((op.parameters as Json[] | undefined) ?? []).map((x) => deref(raw, x) as Json);
      const security = (op.security as Array<Record<string, string[]>> | undefined) ?? [];
      const body = op.requestBody ? (deref(raw, op.requestBody as Json) as Json) : undefined;
      operations.push({
        method: m.toUpperCase(),
        path: p,
        operationId: String(op.operationId),
        deprecated: op.deprecated === true,
        scopes: security.flatMap((s) => s.oauth_2_0 ?? []),
        parameters: params.map((x) => ({
          name: String(x.name),
          in: x.in as Parameter['in'],
          required: x.required === true,
          schema: (x.schema as Json) ?? {},
          explode: x.explode as boolean | undefined,
        })),
        requestBody: ((body?.content as Json | undefined)?.['application/json'] as Json | undefined)
          ?.schema as Json | undefined,
        statuses: Object.keys(op.responses as Json),
      });
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('base64', /^[A-Za-z0-9+/=_-]*$/);
  const schemas = Object.fromEntries(
    Object.entries(components.schemas as Json).map(([name, schema]) => [name, lenient(schema, false)]),
  ) as Json;
  // The real `actions` is {"disallows": {...}}; the spec models it flat.
  const disallows = schemas.DisallowsObject as Json;
  schemas.DisallowsObject = {
    ...disallows,
    properties: { ...(disallows.properties as Json), disallows: orNull(disallows) },
  };
  ajv.addSchema({ $id: SCHEMA_ID, components: { schemas } });
  loaded = {
    spec: { file, version: String((raw.info as Json).version), operations },
    raw,
    ajv,
    cache: new Map(),
  };
  return loaded;
}

function deref(raw: Json, node: Json): unknown {
  let cur: unknown = node;
  for (let i = 0; i < 10 && cur && typeof cur === 'object' && '$ref' in (cur as Json); i++) {
    const ref = String((cur as Json).$ref);
    cur = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((o, k) => (o as Json | undefined)?.[k], raw);
  }
  return cur;
}

const orNull = (schema: unknown): Json => ({ anyOf: [{ type: 'null' }, schema] });

/**
 * OpenAPI 3.0 schema -> a lenient JSON Schema: refs point into the registered document, `oneOf` becomes
 * `anyOf` (Track and Episode both match loosely), discriminators and doc-only keywords go, and every value
 * below the root may be null (real responses null fields the spec does not mark nullable).
 */
function lenient(node: unknown, allowNull: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => lenient(n, allowNull));
  if (!node || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (
      ['discriminator', 'example', 'deprecated', 'nullable', 'x-spotify-docs-type', 'externalDocs'].includes(
        k,
      )
    ) {
      continue;
    }
    if (k === '$ref') out.$ref = String(v).replace(/^#\//, `${SCHEMA_ID}#/`);
    else if (k === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(v as Json).map(([pk, pv]) => [pk, lenient(pv, true)]),
      );
    } else if (k === 'items') out.items = lenient(v, true);
    else if (k === 'oneOf' || k === 'anyOf' || k === 'allOf') {
      out[k === 'oneOf' ? 'anyOf' : k] = (v as unknown[]).map((x) => lenient(x, false));
    } else
      out[k] =
        typeof v === 'object' && v !== null && !['required', 'enum'].includes(k) ? lenient(v, false) : v;
  }
  return allowNull ? orNull(out) : out;
}

function toTemplateRegex(template: string): RegExp {
  const source = template.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${source}$`);
}

/** `/v1/me/player?x=1`, `http://host/v1/me/player` or `/me/player` -> `/me/player`. */
export function normalisePath(p: string): { pathname: string; query: URLSearchParams } {
  const u = new URL(p, 'http://spotify.invalid');
  return { pathname: u.pathname.replace(/^\/v1(?=\/)/, ''), query: u.searchParams };
}

/** The spec's operation for a method and a concrete path; literal segments win over `{param}` ones. */
export function findOperation(method: string, p: string): Operation | undefined {
  const l = load();
  const { pathname } = normalisePath(p);
  const candidates = l.spec.operations.filter(
    (o) => o.method === method.toUpperCase() && toTemplateRegex(o.path).test(pathname),
  );
  return candidates.sort((a, b) => placeholders(a.path) - placeholders(b.path))[0];
}

const placeholders = (t: string) => (t.match(/\{/g) ?? []).length;

function compiled(l: Loaded, key: string, schema: unknown): ValidateFunction {
  let fn = l.cache.get(key);
  if (!fn) {
    fn = l.ajv.compile(lenient(schema, false) as Json);
    l.cache.set(key, fn);
  }
  return fn;
}

const ERROR_ENVELOPE = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'message'],
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599 },
        message: { type: 'string' },
        reason: { type: 'string' },
      },
    },
  },
};

/** Operations where a real 204 is missing from the spec (SOURCE.md). */
const KNOWN_204 = new Set(['GET /me/player/currently-playing']);

function formatErrors(fn: ValidateFunction): string[] {
  return (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim());
}

/**
 * Validates a response: the operation must exist; a documented status is checked against its schema
 * (204: no body); an undocumented error status against the generic `{"error":{status,message,reason?}}`.
 */
export function validateResponse(method: string, p: string, status: number, body: unknown): ValidationResult {
  const l = load();
  const operation = findOperation(method, p);
  if (!operation) {
    return {
      valid: false,
      errors: [`no operation ${method} ${normalisePath(p).pathname}`],
      documented: false,
    };
  }
  const key = `${operation.method} ${operation.path}`;
  const documented = operation.statuses.includes(String(status)) || (status === 204 && KNOWN_204.has(key));
  if (status === 204 || status === 202) {
    const empty = body === undefined || body === '' || body === null;
    return {
      valid: documented && empty,
      errors: documented ? (empty ? [] : ['204 with a body']) : [`status ${status} not documented`],
      operation,
      documented,
    };
  }
  let schema: unknown;
  if (documented) {
    const raw = (l.raw.paths as Record<string, Record<string, Json>>)[operation.path][method.toLowerCase()];
    const resp = deref(l.raw, (raw.responses as Json)[String(status)] as Json) as Json;
    schema = ((resp.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
    if (!schema) {
      // Documented without content (e.g. PUT /me/library 200): any body, usually empty.
      return { valid: true, errors: [], operation, documented };
    }
    // ErrorObject lacks `reason`; extra fields are allowed anyway, keep the documented schema.
  } else if (status >= 400) {
    schema = ERROR_ENVELOPE;
  } else {
    return { valid: false, errors: [`status ${status} not documented`], operation, documented };
  }
  const fn = compiled(l, `${key} ${status} ${documented}`, schema);
  const valid = fn(body) as boolean;
  return { valid, errors: valid ? [] : formatErrors(fn), operation, documented };
}

function coerce(value: string, schema: Json): unknown {
  const type = schema.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'array') return value.split(',');
  return value;
}

/**
 * Validates a request a client sends: the operation exists and is not deprecated, required query parameters
 * are present, each query parameter matches its schema (e.g. search `limit` at most 10), no unknown query
 * parameter, and a JSON body matches the request-body schema.
 */
export function validateRequest(method: string, url: string, body: unknown): ValidationResult {
  const l = load();
  const operation = findOperation(method, url);
  const { pathname, query } = normalisePath(url);
  if (!operation) return { valid: false, errors: [`no operation ${method} ${pathname}`], documented: false };
  const errors: string[] = [];
  if (operation.deprecated) errors.push(`${method} ${operation.path} is deprecated`);
  const known = new Set(operation.parameters.filter((x) => x.in === 'query').map((x) => x.name));
  for (const name of query.keys()) if (!known.has(name)) errors.push(`unknown query parameter ${name}`);
  for (const prm of operation.parameters.filter((x) => x.in === 'query')) {
    const value = query.get(prm.name);
    if (value === null) {
      if (prm.required) errors.push(`missing required query parameter ${prm.name}`);
      continue;
    }
    const fn = compiled(l, `param ${operation.method} ${operation.path} ${prm.name}`, prm.schema);
    if (!fn(coerce(value, prm.schema)))
      errors.push(...formatErrors(fn).map((e) => `query ${prm.name}: ${e}`));
  }
  if (body !== undefined && body !== null && body !== '') {
    if (!operation.requestBody) errors.push('a body where the operation takes none');
    else {
      const fn = compiled(l, `body ${operation.method} ${operation.path}`, operation.requestBody);
      if (!fn(body)) errors.push(...formatErrors(fn).map((e) => `body ${e}`));
    }
  }
  return { valid: errors.length === 0, errors, operation, documented: true };
}
