/**
 * The request core's axios adapter (lambda/src/spotify/transport.ts), over real sockets on 127.0.0.1: what it
 * sends, what it reads back (compressed, truncated, oversized), how it ends (abort, timeout, refused), and
 * that it reuses one keep-alive connection, over plain HTTP and over TLS.
 */
import axios, { AxiosError, CanceledError, type AxiosInstance } from 'axios';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import * as zlib from 'node:zlib';
import { createTransport, serializeParams } from '../../lambda/src/spotify/transport';
import { createTestPki } from '../serve/pki';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

interface TestServer {
  url: string;
  seen: Seen[];
  connections: number;
  close(): Promise<void>;
}

function listen(server: http.Server | https.Server, route: Route): Promise<TestServer> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const state = { connections: 0 };
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      route(req, res, body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const scheme = server instanceof https.Server ? 'https' : 'http';
      resolve({
        url: `${scheme}://127.0.0.1:${port}`,
        seen,
        get connections() {
          return state.connections;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

const json = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function client(
  options: { agent?: http.Agent; httpsAgent?: https.Agent; timeout?: number } = {},
): AxiosInstance {
  return axios.create({
    adapter: createTransport(axios),
    httpAgent: options.agent ?? new http.Agent({ keepAlive: true }),
    httpsAgent: options.httpsAgent,
    maxRedirects: 0,
    maxContentLength: 1024,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    timeout: options.timeout,
  });
}

describe('serializeParams', () => {
  const awkward = {
    q: 'AC/DC & "friends" 90s: lo-fi, $5 + tax? #1 = ok 😀 ñ',
    type: 'track,album',
    limit: 10,
    shuffle: true,
    skipped: undefined,
  };

  test('encodes exactly as axios serialises params itself (helpers/buildURL.js)', () => {
    const ours = serializeParams(awkward);
    const theirs = axios.getUri({ url: 'http://x/', params: awkward }).split('?')[1];
    expect(ours).toBe(theirs);
    expect(ours).not.toContain('skipped');
  });

  test('refuses what it cannot serialise the way axios would, instead of guessing', () => {
    expect(() => serializeParams('q=1')).toThrow(TypeError);
    expect(() => serializeParams({ ids: ['a', 'b'] })).toThrow(TypeError);
    expect(serializeParams(undefined)).toBe('');
  });
});

describe('the transport over HTTP', () => {
  let server: TestServer;
  const routes: Record<string, Route> = {
    '/json': (_req, res) => json(res, 200, { ok: true }),
    '/echo': (req, res, body) => json(res, 200, { method: req.method, body }),
    '/gzip': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(zlib.gzipSync(JSON.stringify({ name: 'Café del Mar ☕' })));
    },
    '/deflate': (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'deflate' });
      res.end(zlib.deflateSync('zlib-wrapped'));
    },
    '/deflate-raw': (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'deflate' });
      res.end(zlib.deflateRawSync('raw deflate'));
    },
    '/bom': (_req, res) => {
      res.writeHead(200);
      res.end('\ufeff{"a":1}');
    },
    '/big': (_req, res) => {
      res.writeHead(200);
      res.end('x'.repeat(4096));
    },
    '/truncated': (_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('{"items": [');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    '/hang': () => undefined,
    '/429': (_req, res) =>
      json(res, 429, { error: { status: 429, message: 'slow down' } }, { 'Retry-After': '3' }),
    '/204': (_req, res) => {
      res.writeHead(204);
      res.end();
    },
  };

  beforeAll(async () => {
    server = await listen(http.createServer(), (req, res, body) => {
      const route = routes[(req.url ?? '').split('?')[0]];
      if (route) route(req, res, body);
      else json(res, 404, { error: { status: 404, message: 'no route' } });
    });
  });
  afterAll(() => server.close());

  test('sends the method, the headers axios merged, the query and a JSON body with its length', async () => {
    const res = await client().request({
      method: 'put',
      url: `${server.url}/echo`,
      params: { device_id: 'kitchen speaker/1', position_ms: 0 },
      data: { uris: ['spotify:track:1'] },
      headers: { Authorization: 'Bearer t0k', Accept: 'application/json' },
    });
    const seen = server.seen.at(-1)!;
    expect(seen.method).toBe('PUT');
    expect(seen.url).toBe('/echo?device_id=kitchen+speaker%2F1&position_ms=0');
    expect(seen.headers.authorization).toBe('Bearer t0k');
    expect(seen.headers['content-type']).toMatch(/^application\/json/);
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(seen.body)));
    expect(seen.headers['accept-encoding']).toBe('gzip, deflate');
    expect(JSON.parse(seen.body)).toEqual({ uris: ['spotify:track:1'] });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.data as string)).toEqual({ method: 'PUT', body: seen.body });
  });

  test('a 204 is an empty string, and statuses and headers come back as Spotify sent them', async () => {
    const empty = await client().get(`${server.url}/204`);
    expect(empty.status).toBe(204);
    expect(empty.data).toBe('');
    const limited = await client().get(`${server.url}/429`);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
  });

  test('decodes gzip, both kinds of deflate, and drops a byte-order mark', async () => {
    expect(JSON.parse((await client().get(`${server.url}/gzip`)).data as string)).toEqual({
      name: 'Café del Mar ☕',
    });
    expect((await client().get(`${server.url}/deflate`)).data).toBe('zlib-wrapped');
    expect((await client().get(`${server.url}/deflate-raw`)).data).toBe('raw deflate');
    expect((await client().get(`${server.url}/bom`)).data).toBe('{"a":1}');
  });

  test('an answer over maxContentLength is refused as a bad response', async () => {
    const error = await client()
      .get(`${server.url}/big`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).code).toBe('ERR_BAD_RESPONSE');
  });

  test('a body cut off mid-way is a bad response, not a half-read success', async () => {
    const error = await client()
      .get(`${server.url}/truncated`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).code).toBe('ERR_BAD_RESPONSE');
  });

  test('an aborted signal ends a hung request as canceled, even one aborted before it starts', async () => {
    const controller = new AbortController();
    const pending = client()
      .get(`${server.url}/hang`, { signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toBeInstanceOf(CanceledError);
    expect((error as AxiosError).code).toBe('ERR_CANCELED');
    const already = await client()
      .get(`${server.url}/json`, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(already).toBeInstanceOf(CanceledError);
  });

  test("axios's own timeout option ends a hung request with ECONNABORTED", async () => {
    const error = await client({ timeout: 50 })
      .get(`${server.url}/hang`)
      .catch((e: unknown) => e);
    expect((error as AxiosError).code).toBe('ECONNABORTED');
  });

  test('a refused connection keeps its network code, so the core knows nothing was sent', async () => {
    const closed = await listen(http.createServer(), () => undefined);
    const url = closed.url;
    await closed.close();
    const error = await client()
      .get(`${url}/json`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).code).toBe('ECONNREFUSED');
  });

  test('validateStatus is honoured when a caller sets it', async () => {
    const strict = client();
    const error = await strict
      .get(`${server.url}/429`, { validateStatus: (s) => s < 400 })
      .catch((e: unknown) => e);
    expect((error as AxiosError).response?.status).toBe(429);
  });

  test('bodies it does not know how to send are refused, not mangled', async () => {
    const error = await client()
      .post(`${server.url}/echo`, new URLSearchParams({ a: '1' }), { transformRequest: [(d: unknown) => d] })
      .catch((e: unknown) => e);
    expect((error as AxiosError).code).toBe('ERR_BAD_OPTION_VALUE');
  });

  test('sequential requests reuse one keep-alive connection', async () => {
    const fresh = await listen(http.createServer(), (_req, res) => json(res, 200, {}));
    const api = client({ agent: new http.Agent({ keepAlive: true, maxSockets: 8 }) });
    try {
      for (let i = 0; i < 20; i++) await api.get(`${fresh.url}/any`);
      expect(fresh.seen).toHaveLength(20);
      expect(fresh.connections).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('the agents the transport makes itself', () => {
  test('without an agent in the config, sequential requests still share one keep-alive connection', async () => {
    const server = await listen(http.createServer(), (_req, res) => json(res, 200, {}));
    const api = axios.create({
      adapter: createTransport(axios, { agent: { maxSockets: 2 } }),
      responseType: 'text',
    });
    try {
      for (let i = 0; i < 10; i++) await api.get(`${server.url}/any`);
      expect(server.seen).toHaveLength(10);
      expect(server.connections).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('the transport over TLS', () => {
  test('speaks https through the https agent, keeping the connection alive', async () => {
    const pki = createTestPki();
    const server = await listen(
      https.createServer({ cert: pki.server.cert, key: pki.server.key }),
      (_req, res) => json(res, 200, { secure: true }),
    );
    try {
      const api = client({ httpsAgent: new https.Agent({ keepAlive: true, ca: pki.server.ca }) });
      for (let i = 0; i < 3; i++) {
        const res = await api.get(`${server.url}/me/player`);
        expect(JSON.parse(res.data as string)).toEqual({ secure: true });
      }
      expect(server.connections).toBe(1);
      const untrusted = await client({ httpsAgent: new https.Agent({ keepAlive: true }) })
        .get(`${server.url}/me/player`)
        .catch((e: unknown) => e);
      expect((untrusted as AxiosError).code).toMatch(/CERT|SELF_SIGNED|UNABLE/);
    } finally {
      await server.close();
    }
  });
});
