/**
 * The skill as an HTTPS web service (Alexa's alternative to Lambda): ExpressAdapter dispatches to the same
 * skill the Lambda runs, behind request verification; `GET /healthz` for load balancers; graceful close.
 */
import type { Skill } from 'ask-sdk-core';
import { ExpressAdapter, type Verifier } from 'ask-sdk-express-adapter';
import express from 'express';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../lambda/src/util/logger';
import { RequestVerificationError } from './verifier';

export interface AppOptions {
  skill: Skill;
  /** Signature and timestamp verifiers; never empty in production (see main.ts). */
  verifiers: Verifier[];
  logger: Logger;
}

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

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const adapter = new ExpressAdapter(
    options.skill,
    false, // the adapter's own verifiers trust only system roots and fetch without bounds: ours replace them
    false,
    options.verifiers.map((v) => logged(v, options.logger)),
  );
  app.post('/', ...adapter.getRequestHandlers());
  return app;
}

export interface ListenOptions {
  port: number;
  host: string;
  /** PEM certificate chain and key: HTTPS. Without them, plain HTTP (behind a TLS-terminating proxy). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** How long close() lets in-flight requests finish before cutting connections. */
  graceMs?: number;
}

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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const graceMs = options.graceMs ?? 5000;
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
