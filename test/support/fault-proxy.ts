/**
 * An HTTP fault proxy on 127.0.0.1 between the skill and a real server (the Spotify emulator, or dynalite
 * speaking DynamoDB's wire protocol). Requests that match no rule are forwarded untouched. A rule either
 * fails the request *before* it reaches the server (an answer of its own, a delay, no answer at all) or
 * forwards it and *then* fails the answer (the write happened, the caller cannot tell): 500, reset, hang,
 * a truncated body, or an HTML page with the server's status. The proxy counts what it forwarded.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  /** Path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type BeforeFault =
  | { status: number; body?: string; contentType?: string }
  | { delayMs: number }
  | { hang: true }
  | { reset: true };

export type AfterMode = '500' | 'reset' | 'hang' | 'truncated' | 'html';

export interface ProxyRule {
  /** Which requests; e.g. `(r) => r.method === 'POST' && r.path.endsWith('/items')`. */
  match: (request: ProxiedRequest) => boolean;
  before?: BeforeFault;
  after?: AfterMode;
  /** How many matching requests the rule applies to (default every one). */
  times?: number;
}

export interface FaultProxy {
  readonly url: string;
  add(rule: ProxyRule): void;
  clear(): void;
  /** How many requests a rule has taken so far (so a test can show its fault really applied). */
  readonly hits: number;
  /** Requests forwarded to the server, in order (method, path, and for DynamoDB the X-Amz-Target). */
  readonly forwarded: Array<{ method: string; path: string; target?: string; faulted: boolean }>;
  close(): Promise<void>;
}

/** DynamoDB's operation, from its X-Amz-Target header: `GetItem`, `UpdateItem`, ... */
export const dynamoOperation = (r: ProxiedRequest): string =>
  String(r.headers['x-amz-target'] ?? '').replace(/^DynamoDB_\d+\./, '');

const readAll = (stream: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const origin = new URL(target);
  const rules: Array<ProxyRule & { left: number }> = [];
  const forwarded: FaultProxy['forwarded'] = [];
  const sockets = new Set<Socket>();
  const upstream = new http.Agent({ keepAlive: false });

  let hits = 0;
  const take = (request: ProxiedRequest) => {
    const rule = rules.find((r) => r.left > 0 && r.match(request));
    if (rule) {
      rule.left -= 1;
      hits += 1;
    }
    return rule;
  };

  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const out = http.request(
        {
          host: origin.hostname,
          port: origin.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: origin.host, 'content-length': String(body.length) },
          agent: upstream,
        },
        (res) => {
          readAll(res).then(
            (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const request: ProxiedRequest = {
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://x').pathname,
        url: req.url ?? '/',
        headers: req.headers,
        body: body.toString('utf8'),
      };
      const rule = take(request);
      const target = dynamoOperation(request) || undefined;
      if (rule?.before) {
        const fault = rule.before;
        if ('hang' in fault) return;
        if ('reset' in fault) {
          req.socket.destroy();
          return;
        }
        if ('status' in fault) {
          res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json' });
          res.end(fault.body ?? '');
          return;
        }
        await sleep(fault.delayMs);
        if (req.socket.destroyed) return;
      }
      forwarded.push({ method: request.method, path: request.path, target, faulted: Boolean(rule?.after) });
      const answer = await forward(req, body);
      switch (rule?.after) {
        case undefined: {
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          delete headers.connection;
          res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
          res.end(answer.body);
          return;
        }
        case '500':
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"error":{"status":500,"message":"Server error"}}');
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'hang':
          return;
        case 'truncated': {
          const whole = answer.body.length > 0 ? answer.body : Buffer.from('{"snapshot_id":"x"}');
          res.writeHead(answer.status, {
            'content-type': 'application/json',
            'content-length': String(whole.length),
          });
          res.write(whole.subarray(0, Math.max(1, Math.floor(whole.length / 2))));
          setTimeout(() => req.socket.destroy(), 20);
          return;
        }
        case 'html':
          res.writeHead(answer.status, { 'content-type': 'text/html' });
          res.end('<html><body><h1>Upstream hiccup</h1></body></html>');
          return;
      }
    })().catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    add(rule) {
      rules.push({ ...rule, left: rule.times ?? Infinity });
    },
    clear() {
      rules.length = 0;
    },
    forwarded,
    get hits() {
      return hits;
    },
    async close() {
      for (const s of sockets) s.destroy();
      upstream.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
