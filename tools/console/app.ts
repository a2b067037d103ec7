/**
 * The console's engine, without a terminal: builds the skill exactly as the Lambda entry does (in-process),
 * links the account, and runs utterances and `:commands`. `main.ts` puts a REPL or a script in front of it;
 * tests drive it directly.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { FilePersistenceAdapter } from '../../lambda/src/persistence/file';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import type { UserStore } from '../../lambda/src/persistence/store';
import { buildSkill, createHandler } from '../../lambda/src/skill';
import { createSpotifyClientFactory } from '../../lambda/src/spotify/client';
import { systemClock } from '../../lambda/src/util/clock';
import { createLogger, type LogLevel } from '../../lambda/src/util/logger';
import { AlexaSession, CONSOLE_DEVICE_ID, CONSOLE_SKILL_ID, type SkillTurn } from './alexa';
import { startEmulator, type Emulator, type EmulatorOptions } from '../spotify-emulator';
import {
  AccountLinker,
  browserlessAuthorize,
  LinkingError,
  readAccountLinking,
  withAccountsOrigin,
  type AccountsCall,
  type Authorize,
} from './linking';
import { startLoopback, type Loopback } from './loopback';
import { availableLocales, loadModel, modelFile } from './model';
import { playerLine, type Call, type PlayerView, type TurnView } from './render';
import { UtteranceResolver } from './resolver';

export const ROOT = path.resolve(__dirname, '..', '..');

/** The redirect URI registered for the emulator's client (a loopback URI without a port accepts any port). */
export const EMULATOR_REDIRECT_URI = 'http://127.0.0.1/callback';

export interface RealSpotifyOptions {
  clientId?: string;
  clientSecret?: string;
  /** Skips the authorization flow (cannot be refreshed). */
  accessToken?: string;
  /** Origin that replaces the accounts service's (tests point it at the emulator). */
  accountsUrl?: string;
  apiUrl?: string;
  /** Loopback port for the redirect; 0 takes any free port. */
  port: number;
  /** How long to wait for the browser, in ms. */
  callbackTimeoutMs: number;
  /** Replaces the person with the browser (tests); otherwise the URL is printed and the callback awaited. */
  authorize?: Authorize;
}

export interface ConsoleOptions {
  root?: string;
  locale?: string;
  /** An interaction model file to use instead of the locale's own (a draft, or a test fixture). */
  modelFile?: string;
  /** Also receives every log line of the skill (tests scan them for secrets). */
  logSink?: (line: string) => void;
  /** Where the skill's own JSON log lines go; undefined keeps them in memory only (`:logs` shows them). */
  logFile?: string;
  /**
   * Where the skill's memory (default device, last device, muted volume) is kept between runs, as the
   * Lambda keeps it in DynamoDB; undefined keeps it in memory for this run only. `:forget` clears it.
   */
  memoryFile?: string;
  logLevel?: LogLevel;
  /** Status lines and command output for a person. */
  say: (line: string) => void;
  /** Link at start-up (default true). */
  link?: boolean;
  /** Embedded emulator (default) or real Spotify. */
  real?: RealSpotifyOptions;
  /**
   * Leave the emulator's world as seeded (nothing active). By default the console first opens Spotify on the
   * demo account's Kitchen speaker (paused), as a person would before talking to the skill.
   */
  idle?: boolean;
  /** For tests: options of the embedded emulator (its clock, token lifetime...). */
  emulatorOptions?: EmulatorOptions;
  /** For tests: the clock that decides when the linked token has expired. */
  now?: () => number;
  /** Budget for Spotify per invocation, as the Lambda's SPOTIFY_BUDGET_MS. */
  budgetMs?: number;
}

export type CommandResult = { lines: string[]; quit?: boolean; error?: boolean };

export const COMMANDS: Array<[string, string]> = [
  [':help', 'this list'],
  [':devices', 'the Spotify devices the account can see'],
  [':state', 'link, session, locale and player'],
  [':link', 'link the Spotify account again (account linking as Alexa does it)'],
  [':unlink', 'forget the tokens, as if the account was never linked'],
  [':expire', 'expire the access token now; the next turn refreshes it'],
  [':fault <method> <path> <status> [reason] [times]', 'make the emulator fail the next matching call'],
  [':locale <xx-YY>', 'switch the interaction model (and request locale)'],
  [':new', 'end the session and start a new one'],
  [':echo [name]', "speak to another of the user's Echos (its own device id; 'kitchen', 'bedroom'…)"],
  [':forget', 'forget what the skill remembers (default device, last device, muted volume)'],
  [':calls', 'show or hide the Spotify calls of each turn'],
  [':logs', "show or hide the skill's own log lines"],
  [':quit', 'leave'],
];

/** A stand-in for the Alexa API (`context.System.apiEndpoint`), so progressive responses can be shown. */
async function startAlexaApi(): Promise<{ url: string; drain(): string[]; close(): Promise<void> }> {
  const spoken: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/directives') {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            directive?: { type?: string; speech?: string };
          };
          if (body.directive?.type === 'VoicePlayer.Speak') {
            spoken.push((body.directive.speech ?? '').replace(/<[^>]+>/g, '').trim());
          }
        } catch {
          // a malformed directive is the skill's bug; Alexa would answer 400
          res.writeHead(400).end();
          return;
        }
        res.writeHead(204).end();
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    drain: () => spoken.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Makes a demo device the active one (paused), unless something already is. Returns its name. */
export function openSpotifyOnADevice(emulator: Emulator, userId = 'demo'): string | undefined {
  const user = emulator.state.users.get(userId);
  if (!user || user.player.deviceId) return undefined;
  const device =
    user.devices.find((d) => d.id === 'dev-kitchen') ?? user.devices.find((d) => !d.is_restricted && d.id);
  if (!device) return undefined;
  for (const d of user.devices) d.is_active = d === device;
  user.player = { ...user.player, deviceId: device.id, isPlaying: false };
  return device.name;
}

export class ConsoleApp {
  showCalls = true;
  showLogs = false;
  private readonly logLines: string[] = [];
  private skillCalls: Call[] = [];
  private accountsCalls: Call[] = [];

  private constructor(
    private readonly options: ConsoleOptions,
    readonly root: string,
    readonly alexa: AlexaSession,
    readonly linker: AccountLinker,
    readonly emulator: Emulator | undefined,
    readonly apiUrl: string,
    private readonly closers: Array<() => Promise<void>>,
  ) {}

  /** Builds everything; throws InvalidModelError, LinkingError or PortInUseError for main to report. */
  static async start(options: ConsoleOptions): Promise<ConsoleApp> {
    const root = options.root ?? ROOT;
    const locale = options.locale ?? 'en-US';
    const model = loadModel(options.modelFile ?? modelFile(root, locale));
    const closers: Array<() => Promise<void>> = [];
    const linking = readAccountLinking(path.join(root, 'accountLinking.json'));
    let emulator: Emulator | undefined;
    let apiUrl: string;
    let linker: AccountLinker;
    // Filled in once the app exists; the linker reports its calls through it.
    let app: ConsoleApp | undefined;
    const onCall = (call: AccountsCall) => app?.accountsCalls.push(call);
    const onStatus = (message: string) => options.say(`· ${message}`);
    try {
      if (!options.real) {
        emulator = await startEmulator();
        closers.push(() => emulator!.close());
        apiUrl = emulator.apiUrl;
        if (!options.idle) {
          const device = openSpotifyOnADevice(emulator);
          if (device)
            options.say(
              `· Demo account: Spotify is open on ${device}, paused. (--idle starts with no active device.)`,
            );
        }
        linker = new AccountLinker({
          config: {
            ...withAccountsOrigin(linking, emulator.url),
            clientId: emulator.clientId,
            clientSecret: emulator.clientSecret,
          },
          redirectUri: EMULATOR_REDIRECT_URI,
          authorize: browserlessAuthorize(),
          now: options.now,
          onStatus,
          onCall,
        });
      } else {
        const real = options.real;
        apiUrl = (real.apiUrl ?? 'https://api.spotify.com/v1').replace(/\/+$/, '');
        const config = real.accountsUrl ? withAccountsOrigin(linking, real.accountsUrl) : linking;
        let redirectUri = `http://127.0.0.1:${real.port}/callback`;
        let authorize: Authorize = real.authorize ?? browserlessAuthorize();
        if (!real.accessToken) {
          if (!real.clientId || !real.clientSecret) {
            throw new LinkingError(
              'missing_client',
              'set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (environment or a git-ignored .env), or SPOTIFY_ACCESS_TOKEN',
            );
          }
          const loopback: Loopback = await startLoopback({
            port: real.port,
            timeoutMs: real.callbackTimeoutMs,
            onForged: () =>
              options.say("· Refused a callback that does not carry this linking's state; still waiting."),
            show: (url) => {
              options.say(`· Open this URL in your browser and approve the app:\n\n  ${url}\n`);
              options.say(
                `· Waiting up to ${Math.round(real.callbackTimeoutMs / 1000)} s for Spotify to redirect back…`,
              );
            },
          });
          closers.push(() => loopback.close());
          redirectUri = loopback.redirectUri;
          options.say(
            `· Redirect URI: ${redirectUri} — add it (or http://127.0.0.1/callback, which allows any port) ` +
              'to your Spotify app under Redirect URIs in the developer dashboard.',
          );
          if (!real.authorize) authorize = loopback.authorize;
          else {
            const person = real.authorize;
            authorize = async (url) => {
              const pending = loopback.authorize(url);
              await person(url);
              return pending;
            };
          }
        }
        linker = new AccountLinker({
          config: { ...config, clientId: real.clientId ?? '', clientSecret: real.clientSecret ?? '' },
          redirectUri,
          authorize,
          now: options.now,
          onStatus,
          onCall,
        });
        if (real.accessToken) linker.useAccessToken(real.accessToken);
      }

      const alexaApi = await startAlexaApi();
      closers.push(alexaApi.close);
      const logFile = options.logFile;
      if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
      const sink = (line: string) => {
        app?.onLog(line);
        options.logSink?.(line);
        if (logFile) fs.appendFileSync(logFile, `${line}\n`);
      };
      const logger = createLogger({ sink, level: options.logLevel ?? 'debug' });
      const config = { spotifyApiUrl: apiUrl, budgetMs: options.budgetMs ?? 6000 };
      const store: UserStore = options.memoryFile
        ? new FilePersistenceAdapter(options.memoryFile, { logger })
        : new MemoryPersistenceAdapter();
      const skill = buildSkill({
        config,
        logger,
        clock: systemClock,
        persistence: store,
        spotify: createSpotifyClientFactory({ baseUrl: apiUrl, logger }),
      });
      const handler = createHandler(skill, logger);
      const alexa = new AlexaSession({
        invoke: (envelope: RequestEnvelope) => handler(envelope, undefined) as Promise<ResponseEnvelope>,
        resolver: new UtteranceResolver(model, { skillId: CONSOLE_SKILL_ID }),
        locale,
        apiEndpoint: alexaApi.url,
      });
      app = new ConsoleApp(options, root, alexa, linker, emulator, apiUrl, closers);
      app.drainProgressive = alexaApi.drain;
      app.store = store;
      if (options.link !== false && !linker.linked) await app.link();
      return app;
    } catch (error) {
      for (const close of closers.reverse()) await close().catch(() => undefined);
      throw error;
    }
  }

  private drainProgressive: () => string[] = () => [];
  private store: UserStore = new MemoryPersistenceAdapter();

  /** An envelope that names the console's Alexa user, for the store. */
  private userEnvelope(): RequestEnvelope {
    return { context: { System: { user: { userId: this.alexa.userId } } } } as unknown as RequestEnvelope;
  }

  private onLog(line: string): void {
    this.logLines.push(line);
    if (this.logLines.length > 500) this.logLines.shift();
    if (this.showLogs) this.options.say(`  log ${line}`);
    // Real Spotify has no request log to read: the skill's own `spotify.call` lines are the record.
    if (!this.emulator) {
      try {
        const record = JSON.parse(line) as {
          event?: string;
          method?: string;
          path?: string;
          status?: number;
          ms?: number;
        };
        if (record.event === 'spotify.call' && record.method && record.path) {
          this.skillCalls.push({
            method: record.method,
            path: new URL(this.apiUrl).pathname.replace(/\/$/, '') + record.path,
            status: record.status ?? 0,
            ms: record.ms,
          });
        }
      } catch {
        // not JSON: nothing to record
      }
    }
  }

  /** Runs account linking; throws LinkingError on failure. */
  async link(): Promise<void> {
    this.options.say('· Linking Spotify (account linking as Alexa does it)…');
    const tokens = await this.linker.link();
    const seconds = Math.round((tokens.expiresAt - Date.now()) / 1000);
    const scopes = tokens.scope ? tokens.scope.split(' ').length : 0;
    this.options.say(`· Linked: ${scopes} scopes granted, token valid for ${seconds} s.`);
  }

  get logs(): readonly string[] {
    return this.logLines;
  }

  /** One utterance: refresh the token if needed, let "Alexa" send the request, collect what happened. */
  async utter(text: string): Promise<TurnView> {
    return this.turn((token) => this.alexa.say(text, token));
  }

  /** A touch on the screen (the browser console): sent as Alexa sends it, collected like an utterance. */
  async touch(token: string, args: unknown[]): Promise<TurnView> {
    return this.turn((accessToken) => this.alexa.touch(token, args, accessToken));
  }

  /** One turn: sent with the current token, then its calls, the player and the notes collected. */
  private async turn(send: (accessToken: string | undefined) => Promise<SkillTurn>): Promise<TurnView> {
    const mark = this.emulator?.log.length ?? 0;
    this.skillCalls = [];
    this.accountsCalls = [];
    const notes: string[] = [];
    const turn = await send(await this.currentToken(notes));
    return {
      ...turn,
      calls: this.turnCalls(mark),
      player: await this.player(),
      notes,
      progressive: this.drainProgressive(),
    };
  }

  private async currentToken(notes: string[]): Promise<string | undefined> {
    const outcome = await this.linker.accessToken();
    if (outcome.state === 'linked') {
      if (outcome.refreshed) {
        const seconds = Math.round(((this.linker.current?.expiresAt ?? 0) - Date.now()) / 1000);
        notes.push(`The access token had expired: refreshed it (valid for ${seconds} s).`);
      }
      return outcome.accessToken;
    }
    if (outcome.state === 'stale') {
      notes.push(`Could not refresh the token (${outcome.reason}); sending the old one.`);
      return outcome.accessToken;
    }
    if (outcome.reason)
      notes.push(`${outcome.reason}: the account is unlinked. Type :link to link it again.`);
    return undefined;
  }

  private turnCalls(mark: number): Call[] {
    if (this.emulator) {
      return this.emulator.log
        .slice(mark)
        .map(({ method, path, status, ms }) => ({ method, path, status, ms }));
    }
    return [...this.accountsCalls, ...this.skillCalls];
  }

  /** The player after the turn: the emulator's state, or GET /me/player on real Spotify. */
  async player(): Promise<PlayerView | undefined> {
    if (this.emulator) {
      const userId = this.emulator.state.tokens.get(this.linker.current?.accessToken ?? '')?.userId ?? 'demo';
      const user = this.emulator.state.users.get(userId);
      if (!user) return undefined;
      const p = user.player;
      const device = user.devices.find((d) => d.id === p.deviceId);
      if (!device) return undefined;
      const track = p.trackId ? this.emulator.state.tracks.get(p.trackId) : undefined;
      const episode = p.trackId && !track ? this.emulator.state.episodes.get(p.trackId) : undefined;
      return {
        device: device.name,
        title: track?.name ?? episode?.name,
        artists:
          track?.artists.map((a) => a.name).join(', ') ??
          (episode ? this.emulator.state.shows.get(episode.showId)?.name : undefined),
        playing: p.isPlaying,
        volume: device.volume_percent,
        shuffle: p.shuffle,
        repeat: p.repeat,
      };
    }
    const token = this.linker.current?.accessToken;
    if (!token) return undefined;
    try {
      const res = await axios.get(`${this.apiUrl}/me/player`, {
        params: { additional_types: 'episode' },
        headers: { Authorization: `Bearer ${token}` },
        timeout: 5000,
        validateStatus: () => true,
      });
      if (res.status !== 200 || !res.data?.device) return undefined;
      const d = res.data as {
        device: { name: string; volume_percent: number | null };
        item?: { name?: string; artists?: Array<{ name: string }>; show?: { name: string } } | null;
        is_playing: boolean;
        shuffle_state: boolean;
        repeat_state: string;
      };
      return {
        device: d.device.name,
        title: d.item?.name,
        artists: d.item?.artists?.map((a) => a.name).join(', ') ?? d.item?.show?.name,
        playing: d.is_playing,
        volume: d.device.volume_percent,
        shuffle: d.shuffle_state,
        repeat: d.repeat_state,
      };
    } catch {
      return undefined;
    }
  }

  /** Runs a `:command`. */
  async command(line: string): Promise<CommandResult> {
    const [name, ...args] = line.trim().split(/\s+/);
    switch (name) {
      case ':help':
      case ':?':
        return {
          lines: [
            'Type what you would say to Alexa: "open connect remote", "ask connect remote to pause", "pause".',
            ...COMMANDS.map(([c, what]) => `  ${c.padEnd(50)} ${what}`),
          ],
        };
      case ':quit':
      case ':exit':
      case ':q':
        return { lines: [], quit: true };
      case ':calls':
        this.showCalls = !this.showCalls;
        return { lines: [`Spotify calls ${this.showCalls ? 'shown' : 'hidden'}.`] };
      case ':logs':
        this.showLogs = !this.showLogs;
        return {
          lines: [
            `Skill log lines ${this.showLogs ? 'shown' : 'hidden'}${this.options.logFile ? ` (always written to ${this.options.logFile})` : ''}.`,
          ],
        };
      case ':devices':
        return this.devices();
      case ':state':
        return { lines: await this.stateLines() };
      case ':link':
        try {
          await this.link();
          return { lines: ['Linked.'] };
        } catch (error) {
          return { lines: [`Linking failed: ${(error as Error).message}`], error: true };
        }
      case ':unlink':
        this.linker.unlink();
        return { lines: ['Unlinked: requests now carry no access token. Type :link to link again.'] };
      case ':expire': {
        const token = this.linker.current?.accessToken;
        if (!token) return { lines: ['Not linked: nothing to expire.'], error: true };
        this.linker.expire();
        this.emulator?.expireToken(token);
        return { lines: ['The access token has expired; the next turn refreshes it, as Alexa would.'] };
      }
      case ':fault':
        return this.fault(args);
      case ':locale':
        return this.locale(args[0]);
      case ':new': {
        const ended = await this.alexa.end(await this.tokenQuietly());
        return {
          lines: [
            ended ? 'Session ended (SessionEndedRequest USER_INITIATED sent).' : 'No session was open.',
          ],
        };
      }
      case ':echo':
        return this.echo(args[0]);
      case ':forget':
        await this.store.deleteAttributes(this.userEnvelope());
        return {
          lines: [
            `Forgotten: the skill remembers nothing about you now${this.options.memoryFile ? ` (${this.options.memoryFile})` : ''}.`,
          ],
        };
      default:
        return { lines: [`Unknown command ${name}. Type :help for the list.`], error: true };
    }
  }

  /** Another Echo of the same user: a session with the one before ends, as walking to another room would. */
  private async echo(name: string | undefined): Promise<CommandResult> {
    const id = name?.toLowerCase().replace(/[^a-z0-9-]/g, '');
    if (!id) return { lines: [`Speaking to the Echo ${this.alexa.deviceId}.`] };
    await this.alexa.end(await this.tokenQuietly());
    this.alexa.deviceId = id === 'console' ? CONSOLE_DEVICE_ID : `${CONSOLE_DEVICE_ID}.${id}`;
    return { lines: [`Speaking to the Echo ${this.alexa.deviceId}.`] };
  }

  private async tokenQuietly(): Promise<string | undefined> {
    const outcome = await this.linker.accessToken();
    return outcome.state === 'unlinked' ? undefined : outcome.accessToken;
  }

  private async devices(): Promise<CommandResult> {
    type Device = {
      name: string;
      type: string;
      is_active: boolean;
      is_restricted: boolean;
      volume_percent: number | null;
    };
    let list: Device[];
    if (this.emulator) {
      const userId = this.emulator.state.tokens.get(this.linker.current?.accessToken ?? '')?.userId ?? 'demo';
      list = this.emulator.state.users.get(userId)?.devices ?? [];
    } else {
      const token = this.linker.current?.accessToken;
      if (!token) return { lines: ['Not linked.'], error: true };
      const res = await axios.get(`${this.apiUrl}/me/player/devices`, {
        headers: { Authorization: `Bearer ${token}` },
        timeout: 5000,
        validateStatus: () => true,
      });
      if (res.status !== 200) return { lines: [`Spotify answered ${res.status}.`], error: true };
      list = (res.data as { devices: Device[] }).devices;
    }
    if (list.length === 0) return { lines: ['No devices.'] };
    return {
      lines: list.map(
        (d) =>
          `  ${d.is_active ? '▶' : ' '} ${d.name} (${d.type})${d.volume_percent === null ? '' : `, volume ${d.volume_percent}%`}` +
          `${d.is_restricted ? ', restricted' : ''}`,
      ),
    };
  }

  private async stateLines(): Promise<string[]> {
    const tokens = this.linker.current;
    const link = tokens
      ? `linked, token ${Date.now() >= tokens.expiresAt ? 'expired' : `valid for ${Math.round((tokens.expiresAt - Date.now()) / 1000)} s`}` +
        `${tokens.refreshToken ? ', refreshable' : ', no refresh token'}`
      : 'not linked';
    return [
      `  spotify   ${this.emulator ? `emulator at ${this.emulator.url}` : this.apiUrl}`,
      `  account   ${link}`,
      `  locale    ${this.alexa.locale}`,
      `  session   ${this.alexa.open ? `open, attributes ${JSON.stringify(this.alexa.attributes)}` : 'none'}`,
      ...(this.alexa.awaiting ? [`  awaiting  ${this.alexa.awaiting}`] : []),
      `  player    ${playerLine(await this.player())}`,
      `  memory    ${await this.memoryLine()}`,
    ];
  }

  /** What the skill remembers for the console's user, and where. */
  private async memoryLine(): Promise<string> {
    const where = this.options.memoryFile ?? 'this run only';
    try {
      const stored = await this.store.getAttributes(this.userEnvelope());
      const parts = Object.entries(stored).map(([key, value]) =>
        value && typeof value === 'object' && 'name' in value
          ? `${key} ${String(value.name)}`
          : `${key} ${String(value)}`,
      );
      return `${parts.length ? parts.join(', ') : 'nothing'} (${where})`;
    } catch (error) {
      return `unreadable: ${(error as Error).message}`;
    }
  }

  private fault(args: string[]): CommandResult {
    if (!this.emulator) return { lines: ['Faults can only be injected into the emulator.'], error: true };
    const [method, faultPath, statusText, reason, timesText] = args;
    const status = Number(statusText);
    if (!method || !faultPath || !Number.isInteger(status) || status < 100 || status > 599) {
      return { lines: ['Usage: :fault <method> <path> <status> [reason] [times]'], error: true };
    }
    const times = timesText ? Number(timesText) : 1;
    this.emulator.faults.add({
      method: method.toUpperCase(),
      path: faultPath,
      status,
      ...(reason && reason !== '-' ? { reason } : {}),
      times: Number.isInteger(times) && times > 0 ? times : 1,
    });
    return {
      lines: [
        `The next ${times > 1 ? `${times} ` : ''}${method.toUpperCase()} ${faultPath} answer${times > 1 ? '' : 's'} ${status}${reason ? ` ${reason}` : ''}.`,
      ],
    };
  }

  private locale(locale: string | undefined): CommandResult {
    const available = availableLocales(this.root);
    if (!locale) return { lines: [`Locale ${this.alexa.locale}; models for: ${available.join(', ')}.`] };
    if (!available.includes(locale)) {
      return {
        lines: [`No interaction model for ${locale}; models for: ${available.join(', ')}.`],
        error: true,
      };
    }
    try {
      const model = loadModel(modelFile(this.root, locale));
      this.alexa.resolver = new UtteranceResolver(model, { skillId: CONSOLE_SKILL_ID });
      this.alexa.locale = locale;
      return { lines: [`Locale ${locale}: requests use it and utterances resolve against its model.`] };
    } catch (error) {
      return { lines: [(error as Error).message], error: true };
    }
  }

  async close(): Promise<void> {
    for (const close of this.closers.reverse()) await close().catch(() => undefined);
  }
}
