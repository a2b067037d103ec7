/**
 * The skill as an HTTPS web service (Alexa's alternative to Lambda): the same skill the Lambda runs, behind
 * request verification (the `Verifier` interface of ask-sdk-express-adapter, run in order rather than all at
 * once, so a cheap check fails before a certificate download); `GET /healthz` for load balancers; error
 * answers without stack traces; limits on connections and slow clients; graceful close.
 */
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Verifier } from 'ask-sdk-express-adapter';
import express from 'express';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../lambda/src/util/logger';
import { RequestVerificationError } from './verifier';

export interface AppOptions {
  skill: Skill;
  /**
   * Request verifiers, run one after another in this order (cheap checks first, so a request that fails
   * them never costs a certificate download); never empty in production (see main.ts).
   */
  verifiers: Verifier[];
  logger: Logger;
  /**
   * Milliseconds from a request's arrival to its answer, verification (a certificate download) included;
   * the skill's own Spotify budget is cut to what is left of it. Default 7000 (Alexa waits about 8 s).
   */
  requestBudgetMs?: number;
  /** Largest request body accepted (Alexa's requests are a few KB). Default 256 KB. */
  maxBodyBytes?: number;
}

export const DEFAULT_REQUEST_BUDGET_MS = 7000;

/** Wraps a verifier so every rejection is logged with its code (never the body or headers). */
function logged(verifier: Verifier, logger: Logger): Verifier {
  return {
    async verify(body, headers) {
      try {
        return await verifier.verify(body, headers);
      } catch (error) {
        const code = error instanceof RequestVerificationError ? error.code : 'VERIFICATION_FAILED';
        logger.warn('serve.rejected', { reason: code });
        throw error;
      }
    },
  };
}

/** What an error answer says: a status and a fixed word, never an exception's message, stack or a path. */
function errorBody(status: number): string {
  return JSON.stringify({ error: status < 500 ? 'bad request' : 'internal error' });
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const budgetMs = options.requestBudgetMs ?? DEFAULT_REQUEST_BUDGET_MS;
  const verifiers = options.verifiers.map((v) => logged(v, options.logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post(
    '/',
    // The raw body as text: the signature covers the bytes as sent. A charset body-parser does not know
    // is a 415, an oversized body a 413 (through the error handler below, without a stack trace).
    express.text({ type: '*/*', limit: options.maxBodyBytes ?? 256 * 1024 }),
    (req, res, next) => {
      const arrived = Date.now();
      void (async () => {
        const body = typeof req.body === 'string' ? req.body : '';
        try {
          for (const verifier of verifiers) await verifier.verify(body, req.headers);
        } catch (error) {
          const code = error instanceof RequestVerificationError ? error.code : 'VERIFICATION_FAILED';
          res
            .status(400)
            .type('application/json')
            .send(JSON.stringify({ error: 'bad request', code }));
          return;
        }
        let envelope: RequestEnvelope;
        try {
          envelope = JSON.parse(body) as RequestEnvelope;
        } catch {
          res.status(400).type('application/json').send(errorBody(400));
          return;
        }
        // What the skill sees as its invocation context: the time left of this request's budget, the way a
        // Lambda context reports the time left of the function's timeout (context.ts reads it).
        const context = { getRemainingTimeInMillis: () => arrived + budgetMs - Date.now() };
        const response = await options.skill.invoke(envelope, context);
        res.json(response);
      })().catch(next);
    },
  );
  // Last: every error becomes a short JSON answer. Express's default page would show the stack trace with
  // absolute paths (to anyone, unauthenticated).
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const e = error as { status?: unknown; statusCode?: unknown; type?: unknown };
    const candidate = Number(e?.status ?? e?.statusCode);
    const status = Number.isInteger(candidate) && candidate >= 400 && candidate < 600 ? candidate : 500;
    if (status >= 500) options.logger.error('serve.error', { error });
    else
      options.logger.warn('serve.bad_request', {
        status,
        type: typeof e?.type === 'string' ? e.type : undefined,
      });
    res.status(status).type('application/json').send(errorBody(status));
  });
  return app;
}

export interface ListenOptions {
  port: number;
  host: string;
  /** PEM certificate chain and key: HTTPS. Without them, plain HTTP (behind a TLS-terminating proxy). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * How long close() lets in-flight requests finish before cutting connections: at least the request
   * budget (main.ts passes the budget plus a second). Default 8000.
   */
  graceMs?: number;
  /** Open connections at most; more are refused at once (default 512). */
  maxConnections?: number;
}

/**
 * Limits for slow or idle clients, sized for Alexa's 8 s: the headers must arrive within 5 s and the whole
 * request within 8 s, an idle keep-alive connection is closed after 5 s, and a socket silent for 10 s is
 * dropped. Together with the connection cap, a crowd of slow clients cannot exhaust file descriptors.
 */
export const SERVER_LIMITS = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 8_000,
  keepAliveTimeoutMs: 5_000,
  socketTimeoutMs: 10_000,
  maxConnections: 512,
} as const;

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  /** Stops accepting, lets in-flight requests finish (bounded by graceMs), closes idle keep-alives. */
  close(): Promise<void>;
}

export async function listen(app: express.Express, options: ListenOptions): Promise<RunningServer> {
  const server: http.Server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, app)
    : http.createServer(app);
  server.headersTimeout = SERVER_LIMITS.headersTimeoutMs;
  server.requestTimeout = SERVER_LIMITS.requestTimeoutMs;
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeoutMs;
  server.setTimeout(SERVER_LIMITS.socketTimeoutMs, (socket) => socket.destroy());
  server.maxConnections = options.maxConnections ?? SERVER_LIMITS.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const graceMs = options.graceMs ?? 8000;
  let closing: Promise<void> | undefined;
  // Once closing, a connection that finishes its request is closed at once instead of idling in keep-alive.
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
