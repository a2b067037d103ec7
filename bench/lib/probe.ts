/**
 * Watches HTTP traffic to one local port through Node's built-in diagnostics channels, without touching
 * the server or the client code:
 * - `net.server.socket`: every TCP connection the server on `port` accepts (from any process);
 * - `http.client.request.start`: every request a client in this process sends to `port`, timed from start
 *   until its response has been read to the end (performance.now(), milliseconds). The emulator's log
 *   has only a millisecond start time; these ranges tell sequential requests from overlapping ones.
 */
import * as dc from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Exchange {
  label: string;
  /** When the request was sent, in milliseconds on performance.now()'s clock. */
  at: number;
  /** How long until the response was read to the end (NaN while it has not been). */
  ms: number;
}

export interface HttpProbe {
  /** TCP connections accepted on the port since the last reset. */
  readonly connections: number;
  /** Requests sent from this process to the port since the last reset. */
  readonly exchanges: readonly Exchange[];
  reset(): void;
  close(): void;
}

export function probePort(port: number): HttpProbe {
  let connections = 0;
  let exchanges: Exchange[] = [];

  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    if (socket.localPort === port) connections++;
  };
  const onRequest = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    if (String(request.getHeader('host') ?? '') !== `127.0.0.1:${port}`) return;
    const exchange: Exchange = { label: `${request.method} ${request.path}`, at: performance.now(), ms: NaN };
    exchanges.push(exchange);
    const finish = () => {
      if (Number.isNaN(exchange.ms)) exchange.ms = performance.now() - exchange.at;
    };
    request.once('response', (res: IncomingMessage) => res.once('end', finish));
    request.once('error', finish);
    request.once('close', finish);
  };
  dc.subscribe('net.server.socket', onSocket);
  dc.subscribe('http.client.request.start', onRequest);

  return {
    get connections() {
      return connections;
    },
    get exchanges() {
      return exchanges;
    },
    reset() {
      connections = 0;
      exchanges = [];
    },
    close() {
      dc.unsubscribe('net.server.socket', onSocket);
      dc.unsubscribe('http.client.request.start', onRequest);
    },
  };
}
