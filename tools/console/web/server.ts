/**
 * `npm start -- --web`: the console in a browser. The same ConsoleApp as the terminal (skill, Spotify emulator
 * or real Spotify, account linking, Alexa's dialog), behind a small JSON API on 127.0.0.1, and a page that
 * types or speaks an utterance, speaks the answer, draws the screen the skill sent (web/apl.js) and sends a
 * touch back as a UserEvent.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { ConsoleApp } from '../app';
import { PROFILES, isProfileId } from '../profiles';
import type { TurnView } from '../render';

const STATIC: Record<string, [file: string, type: string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/page.js': ['page.js', 'text/javascript; charset=utf-8'],
  '/apl.js': ['apl.js', 'text/javascript; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
};

export interface WebConsole {
  url: string;
  close(): Promise<void>;
}

/** What the page draws for a turn: the answer, the screen's directive (or none), the player and the calls. */
function turnJson(turn: TurnView) {
  const directives = (turn.response?.response?.directives ?? []) as unknown as Array<{ type?: string }>;
  return {
    request: turn.request,
    slots: turn.slots,
    speaker: turn.speaker,
    speech: turn.speech,
    reprompt: turn.reprompt,
    card: turn.card,
    directives: turn.directives,
    screen: directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument') ?? null,
    sessionOpen: turn.sessionOpen,
    player: turn.player ?? null,
    calls: turn.calls,
    notes: turn.notes,
  };
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64 * 1024) throw new Error('request too large');
  }
  const value = body ? (JSON.parse(body) as unknown) : {};
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

/** Starts the page's server on 127.0.0.1 (`port` 0 takes any free one). One turn at a time, as with Alexa. */
export async function startWebConsole(app: ConsoleApp, port = 0): Promise<WebConsole> {
  // A browser is for seeing screens: it starts as an Echo Show 8 (the page's menu picks another).
  app.alexa.device = PROFILES['echo-show-8'];
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const state = async () => ({
    profile: app.alexa.device.id,
    profiles: Object.values(PROFILES).map((p) => ({
      id: p.id,
      label: p.label,
      viewport: p.viewport ?? null,
    })),
    linked: app.linker.linked,
    player: (await app.player()) ?? null,
  });
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      try {
        if (req.method === 'GET' && Object.hasOwn(STATIC, url.pathname)) {
          const [file, type] = STATIC[url.pathname];
          res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
          res.end(fs.readFileSync(path.join(__dirname, file)));
          return;
        }
        if (req.method === 'GET' && url.pathname === '/api/state') return send(res, 200, await state());
        if (req.method !== 'POST') return send(res, 404, { error: 'not found' });
        const body = await readJson(req);
        switch (url.pathname) {
          case '/api/say': {
            const text = typeof body.text === 'string' ? body.text.slice(0, 500) : '';
            if (!text.trim()) return send(res, 400, { error: 'say something' });
            return send(res, 200, turnJson(await serial(() => app.utter(text))));
          }
          case '/api/touch': {
            const token = typeof body.token === 'string' ? body.token : '';
            const args = Array.isArray(body.arguments) ? body.arguments : [];
            return send(res, 200, turnJson(await serial(() => app.touch(token, args))));
          }
          case '/api/profile': {
            if (!isProfileId(body.id)) return send(res, 400, { error: 'unknown device profile' });
            const id = body.id;
            await serial(async () => {
              app.alexa.device = PROFILES[id];
            });
            return send(res, 200, await state());
          }
          case '/api/link':
            await serial(() => app.link());
            return send(res, 200, await state());
          default:
            return send(res, 404, { error: 'not found' });
        }
      } catch (error) {
        send(res, 500, { error: (error as Error).message });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
