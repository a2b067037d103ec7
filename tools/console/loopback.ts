/**
 * The loopback redirect for real Spotify: a one-route HTTP server on 127.0.0.1 that receives the browser
 * after the user approves the app (`http://127.0.0.1:<port>/callback?code=...&state=...`). Spotify accepts
 * loopback IP literals over plain HTTP, never `localhost`; a loopback URI registered without a port accepts
 * any port. https://developer.spotify.com/documentation/web-api/concepts/redirect_uri
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LinkingError, type Authorize } from './linking';

export interface Loopback {
  redirectUri: string;
  /** Prints the URL (through `show`) and waits, bounded, for the browser to come back. */
  authorize: Authorize;
  close(): Promise<void>;
}

/** The port is in use: a readable error instead of EADDRINUSE. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is taken. Choose another with --port <n> (or --port 0 for any free one).`,
    );
    this.name = new.target.name;
  }
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif">` +
  `<h1>${title}</h1><p>${text}</p></body>`;

export async function startLoopback(options: {
  port: number;
  timeoutMs: number;
  show: (authorizeUrl: string) => void;
  /** Told when a callback without the awaited `state` was refused (the console says so and keeps waiting). */
  onForged?: () => void;
}): Promise<Loopback> {
  const onForged = options.onForged;
  let deliver: ((url: string) => void) | undefined;
  // The `state` of the authorization now awaited: only a callback carrying it ends the wait.
  let expectedState: string | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    if (!deliver || !expectedState || url.searchParams.get('state') !== expectedState) {
      // Not the answer to our authorization request (another page, a forged or a stale link): refused, and
      // the console keeps waiting for the real one.
      onForged?.();
      res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE("Not this console's link", 'This link does not belong to the linking now in progress.'));
      return;
    }
    const failed = url.searchParams.has('error');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      failed
        ? PAGE('Linking failed', 'Go back to the terminal for the details.')
        : PAGE('Spotify is linked', 'You can close this tab and go back to the terminal.'),
    );
    deliver?.(`${redirectUri}${url.search}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  return {
    redirectUri,
    authorize(authorizeUrl) {
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          deliver = undefined;
          expectedState = undefined;
          reject(
            new LinkingError(
              'timeout',
              `no answer from the browser within ${Math.round(options.timeoutMs / 1000)} s`,
            ),
          );
        }, options.timeoutMs);
        expectedState = new URL(authorizeUrl).searchParams.get('state') ?? undefined;
        deliver = (url) => {
          clearTimeout(timer);
          deliver = undefined;
          expectedState = undefined;
          resolve(url);
        };
        options.show(authorizeUrl);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
