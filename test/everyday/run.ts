/**
 * The measuring instrument of issue 13 ("what people actually say to a music remote"): every entry of
 * corpus.ts is resolved by the console's resolver against the skill's interaction model (as Alexa would),
 * run through the real Lambda handler against the Spotify emulator over real HTTP, and checked against the
 * outcome the issue asks for (Spotify calls and/or a kind of answer).
 *
 * One emulator and one skill serve the whole corpus; each entry starts from a freshly seeded world
 * (`emulator.reset()`), arranged by its `world`, and speaks as an Alexa user of its own, so the skill's warm
 * cache and per-user memory never leak from one entry into the next.
 *
 * For the baseline, a failing entry is given one reason category (see `diagnose`):
 * - "missing emulator feature": the entry needs something the emulator cannot serve (`needs: 'emulator'`);
 * - "missing intent": the model has no intent that could carry it (`needs: 'intent'`);
 * - "misrouted by the model": the resolver sent it to another intent than the one of today's model that
 *   should carry it (`via`);
 * - "wrong handler behaviour": it reached that intent and the handler did not do what the issue asks.
 */
import * as path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { AlexaSession, CONSOLE_SKILL_ID, type SkillTurn } from '../../tools/console/alexa';
import { loadModel, modelFile, type ParsedModel } from '../../tools/console/model';
import { UtteranceResolver, words } from '../../tools/console/resolver';
import type { Emulator } from '../../tools/spotify-emulator';
import { startAlexa, type Alexa } from '../support/harness';

export const ROOT = path.resolve(__dirname, '..', '..');

/** The issue's families 1–12, plus the everyday basics that already work. */
export const FAMILIES = {
  modifier: '1 play with a modifier',
  'just-play': '2 just play',
  volume: '3 volume the Echo way',
  'named-device': '4 a named device or room',
  queue: '5 the queue',
  podcasts: '6 podcasts',
  'spotify-playlists': "7 Spotify's own playlists",
  answers: "8 answers to the skill's questions",
  'per-echo-default': '9 per-Echo default device',
  'odd-libraries': '10 empty and odd libraries',
  speech: '11 speech for the ear',
  routing: '12 predictable routing',
  basics: 'everyday basics',
} as const;
export type Family = keyof typeof FAMILIES;

/** Arrangements of the emulator's world (see `arrange`). */
export type World =
  /** nothing active, nothing loaded (the seed) */
  | 'idle'
  /** the kitchen speaker is the active device, with nothing loaded (nothing to resume) */
  | 'stopped'
  /** "Don't Stop Me Now" (A Night at the Opera) plays on the kitchen speaker: the default */
  | 'playing'
  /** the same, paused */
  | 'paused'
  /** it plays on the Living Room TV */
  | 'tv-playing'
  /** it plays on Sam's MacBook Pro (the office) */
  | 'laptop-playing'
  /** a podcast episode plays (Sound & Story, "Episode 42") on the kitchen speaker, in its show */
  | 'podcast'
  /** a single track with nothing after it: the queue is empty */
  | 'lone-track'
  /** two songs were queued by hand after the current one */
  | 'queued'
  /** a second kitchen device, "Kitchen Echo" */
  | 'two-kitchens'
  /** "Something - Remastered 2009" from "Abbey Road (Remastered)" plays */
  | 'remastered'
  /** "Eye of the Tiger" plays from the album "Eye of the Tiger" */
  | 'same-album-name'
  /** a second playlist called "Sleep", with songs, besides the seed's empty "Sleep" */
  | 'two-sleeps'
  /** the user has no playlists and no Liked Songs */
  | 'empty-library'
  /** no playlists of their own, only Spotify's (null entries) */
  | 'only-spotify-playlists'
  /** the emulator's recently played list is empty too */
  | 'no-history'
  /** the request comes without a token */
  | 'unlinked';

export interface CallSpec {
  /** "PUT /me/player/play" (the /v1 prefix left out) */
  call: string;
  /** query fields that must be present; a RegExp tests the value */
  query?: Record<string, string | RegExp>;
  /** body fields that must be present; a RegExp tests the field's JSON */
  body?: Record<string, unknown>;
  /** at least one of these body fields must be present */
  bodyAny?: string[];
}
export type Call = string | CallSpec;

export interface Expect {
  /** each must be among the Spotify requests of the last turn */
  calls?: Call[];
  /** none of these may be among them */
  never?: Call[];
  /** no PUT/POST/DELETE at all in the last turn */
  noSpotifyWrite?: boolean;
  /** the last answer's speech (SSML as plain text) */
  says?: RegExp;
  notSays?: RegExp;
  /** the skill asks something (the session stays open) */
  asks?: boolean;
  /** the skill answers and closes the session */
  ends?: boolean;
  /** a LinkAccount card */
  linkCard?: boolean;
  /** the card's title or text */
  card?: RegExp;
  /** speech of at most this many words */
  maxWords?: number;
}

export interface Turn {
  say: string;
  /** the Echo spoken to (its `context.System.device.deviceId`); 'echo-kitchen' unless given */
  echo?: string;
  /** the user walks away first: the session ends before this turn */
  newSession?: boolean;
}

export interface Entry {
  /** one utterance, or the turns of a conversation (the expectation is about the last turn) */
  say: string | Array<string | Turn>;
  family: Family;
  world?: World | World[];
  expect: Expect;
  /** the intent(s) of today's model that should carry the last turn, for the baseline diagnosis only */
  via?: string | string[];
  /** what the entry needs that does not exist yet, for the baseline diagnosis only */
  needs?: 'emulator' | 'intent';
  note?: string;
}

export type Reason =
  'misrouted by the model' | 'wrong handler behaviour' | 'missing intent' | 'missing emulator feature';

export interface Outcome {
  entry: Entry;
  text: string;
  ok: boolean;
  /** what went wrong, in order */
  problems: string[];
  /** the last turn: the intent sent (with slots), the speech, the Spotify calls */
  intent: string;
  speech: string;
  calls: string[];
  reason?: Reason;
}

export interface FamilyScore {
  family: Family;
  handled: number;
  total: number;
  share: number;
}

export const turnsOf = (entry: Entry): Turn[] =>
  (typeof entry.say === 'string' ? [entry.say] : entry.say).map((t) =>
    typeof t === 'string' ? { say: t } : t,
  );

export const textOf = (entry: Entry): string =>
  turnsOf(entry)
    .map((t) => t.say)
    .join(' / ');

export function loadSkillModel(): ParsedModel {
  return loadModel(modelFile(ROOT, 'en-US'));
}

/** Lower-case words joined by single spaces, as the resolver reads an utterance. */
export const normalise = (text: string): string =>
  words(text)
    .map((w) => w.key)
    .join(' ');

/** Every sample utterance of the model, normalised (samples with slots included, as written). */
export function modelSamples(model: ParsedModel): Set<string> {
  return new Set(model.intents.flatMap((i) => (i.samples ?? []).map(normalise)));
}

// ---------------------------------------------------------------------------------------------------------
// Worlds

const EXTRA_SLEEP = 'pl-everyday-sleep-2';

function demoUser(emulator: Emulator) {
  const user = emulator.state.users.get('demo');
  if (!user) throw new Error('the emulator has no demo user');
  return user;
}

function play(
  emulator: Emulator,
  deviceId: string,
  trackId: string,
  contextUri: string | null,
  isPlaying = true,
  extra: Partial<ReturnType<typeof demoUser>['player']> = {},
): void {
  const user = demoUser(emulator);
  for (const d of user.devices) d.is_active = d.id === deviceId;
  user.player = { ...user.player, deviceId, trackId, contextUri, isPlaying, progressMs: 60_000, ...extra };
}

export function arrange(emulator: Emulator, worlds: World[]): { unlinked: boolean } {
  const user = demoUser(emulator);
  let unlinked = false;
  const list = worlds.length === 0 ? (['playing'] as World[]) : worlds;
  for (const world of list) {
    switch (world) {
      case 'idle':
        for (const d of user.devices) d.is_active = false;
        user.player = { ...user.player, deviceId: null, trackId: null, contextUri: null, isPlaying: false };
        break;
      case 'stopped':
        for (const d of user.devices) d.is_active = d.id === 'dev-kitchen';
        user.player = {
          ...user.player,
          deviceId: 'dev-kitchen',
          trackId: null,
          contextUri: null,
          isPlaying: false,
        };
        break;
      case 'playing':
        play(emulator, 'dev-kitchen', 't-dont-stop', 'spotify:album:al-night-opera');
        break;
      case 'paused':
        play(emulator, 'dev-kitchen', 't-dont-stop', 'spotify:album:al-night-opera', false);
        break;
      case 'tv-playing':
        play(emulator, 'dev-tv', 't-dont-stop', 'spotify:album:al-night-opera');
        break;
      case 'laptop-playing':
        play(emulator, 'dev-laptop', 't-dont-stop', 'spotify:album:al-night-opera');
        break;
      case 'podcast':
        play(emulator, 'dev-kitchen', 'ep-choruses', 'spotify:show:sh-sound-story');
        break;
      case 'lone-track':
        play(emulator, 'dev-kitchen', 't-dont-stop', null, true, { uris: ['spotify:track:t-dont-stop'] });
        break;
      case 'queued':
        play(emulator, 'dev-kitchen', 't-dont-stop', 'spotify:album:al-night-opera', true, {
          queue: ['spotify:track:t-hoppipolla', 'spotify:track:t-one-more-time'],
        });
        break;
      case 'two-kitchens':
        user.devices.push({
          id: 'dev-kitchen-echo',
          name: 'Kitchen Echo',
          type: 'Speaker',
          is_active: false,
          is_private_session: false,
          is_restricted: false,
          volume_percent: 40,
          supports_volume: true,
        });
        break;
      case 'remastered': {
        const id = [...emulator.state.tracks.values()].find((t) => t.name.startsWith('Something'))?.id;
        if (!id) throw new Error('the seed has no "Something - Remastered 2009"');
        play(emulator, 'dev-kitchen', id, 'spotify:album:al-abbey-road');
        break;
      }
      case 'same-album-name': {
        const t = [...emulator.state.tracks.values()].find((x) => x.name === 'Eye of the Tiger');
        if (!t) throw new Error('the seed has no "Eye of the Tiger"');
        play(emulator, 'dev-kitchen', t.id, `spotify:album:${t.album.id}`);
        break;
      }
      case 'two-sleeps': {
        const sleep = [...emulator.state.playlists.values()].find((p) => p.name === 'Sleep');
        if (!sleep) throw new Error('the seed has no "Sleep" playlist');
        emulator.state.playlists.set(EXTRA_SLEEP, {
          ...sleep,
          id: EXTRA_SLEEP,
          entries: ['t-hoppipolla', 't-nuvole'].map((t) => ({
            uri: `spotify:track:${emulator.state.tracks.has(t) ? t : 't-hoppipolla'}`,
            addedAt: '2026-01-01T00:00:00Z',
            addedBy: 'demo',
          })),
        });
        user.playlistIds = [...(user.playlistIds ?? []), EXTRA_SLEEP];
        break;
      }
      case 'empty-library':
        user.playlistIds = [];
        user.savedTracks = [];
        break;
      case 'only-spotify-playlists':
        user.playlistIds = (user.playlistIds ?? []).filter(
          (id) => emulator.state.playlists.get(id)?.ownerId === 'spotify',
        );
        break;
      case 'no-history':
        user.recentlyPlayed = [];
        break;
      case 'unlinked':
        unlinked = true;
        break;
    }
  }
  return { unlinked };
}

// ---------------------------------------------------------------------------------------------------------
// Checking

interface LoggedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

const specOf = (c: Call): CallSpec => (typeof c === 'string' ? { call: c } : c);

export function describeCall(c: LoggedCall): string {
  const q = new URLSearchParams(c.query).toString();
  const body = c.body && typeof c.body === 'object' ? ` ${JSON.stringify(c.body)}` : '';
  return `${c.method} ${c.path.replace(/^\/v1/, '')}${q ? `?${q}` : ''}${body}`;
}

function describeSpec(c: Call): string {
  const s = specOf(c);
  const parts = [s.call];
  if (s.query)
    parts.push(
      Object.entries(s.query)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join('&'),
    );
  if (s.body) parts.push(JSON.stringify(s.body, (_, v: unknown) => (v instanceof RegExp ? String(v) : v)));
  if (s.bodyAny) parts.push(`one of ${s.bodyAny.join('|')}`);
  return parts.join(' ');
}

function valueMatches(expected: unknown, actual: unknown): boolean {
  if (expected instanceof RegExp) {
    return (
      actual !== undefined && expected.test(typeof actual === 'string' ? actual : JSON.stringify(actual))
    );
  }
  return JSON.stringify(expected) === JSON.stringify(actual);
}

function callMatches(spec: Call, c: LoggedCall): boolean {
  const s = specOf(spec);
  const [method, p] = s.call.split(' ');
  if (c.method !== method) return false;
  const actualPath = c.path.replace(/^\/v1/, '');
  if (p.includes('*') ? !new RegExp(`^${p.replace(/\*/g, '[^?]*')}$`).test(actualPath) : actualPath !== p) {
    return false;
  }
  for (const [k, v] of Object.entries(s.query ?? {})) {
    if (!valueMatches(v, c.query[k])) return false;
  }
  const body = (c.body && typeof c.body === 'object' ? c.body : {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(s.body ?? {})) {
    if (!valueMatches(v, body[k])) return false;
  }
  if (s.bodyAny && !s.bodyAny.some((k) => body[k] !== undefined)) return false;
  return true;
}

/** What is wrong with the last turn, given what the entry expects; empty when it was handled right. */
export function check(expect: Expect, turn: SkillTurn, calls: LoggedCall[]): string[] {
  const problems: string[] = [];
  const speech = turn.speech ?? '';
  if (turn.speaker === 'skill' && !turn.response) problems.push('no response');
  // A crash or an apology for an internal error is never the right answer to an everyday request.
  if (/something went wrong|went wrong|try again later/i.test(speech) && !expect.says?.test(speech)) {
    problems.push(`apologised: "${speech}"`);
  }
  // "Sorry, I didn't get that" (the fallback) is never the right answer to an everyday request either.
  if (/didn't (get|catch) that/i.test(speech) && !expect.says?.test(speech)) {
    problems.push(`not understood: "${speech}"`);
  }
  for (const c of expect.calls ?? []) {
    if (!calls.some((x) => callMatches(c, x))) problems.push(`missing call ${describeSpec(c)}`);
  }
  for (const c of expect.never ?? []) {
    const hit = calls.find((x) => callMatches(c, x));
    if (hit) problems.push(`unwanted call ${describeCall(hit)}`);
  }
  if (expect.noSpotifyWrite) {
    const write = calls.find((c) => c.method !== 'GET');
    if (write) problems.push(`unwanted write ${describeCall(write)}`);
  }
  if (expect.says && !expect.says.test(speech))
    problems.push(`said "${speech}", wanted ${String(expect.says)}`);
  if (expect.notSays?.test(speech))
    problems.push(`said "${speech}", must not match ${String(expect.notSays)}`);
  if (expect.asks && !turn.sessionOpen) problems.push(`did not ask (session ended): "${speech}"`);
  if (expect.ends && turn.sessionOpen) problems.push(`kept the session open: "${speech}"`);
  if (expect.linkCard && turn.card?.type !== 'LinkAccount') problems.push('no LinkAccount card');
  if (expect.card && !expect.card.test(`${turn.card?.title ?? ''}\n${turn.card?.text ?? ''}`)) {
    problems.push(
      `card "${turn.card?.title ?? ''} | ${turn.card?.text ?? ''}" does not match ${String(expect.card)}`,
    );
  }
  if (expect.maxWords !== undefined) {
    const n = speech.split(/\s+/).filter(Boolean).length;
    if (n > expect.maxWords) problems.push(`${n} words, wanted at most ${expect.maxWords}: "${speech}"`);
  }
  return problems;
}

function intentSummary(turn: SkillTurn): string {
  if (turn.speaker === 'alexa') return `(Alexa: ${turn.speech ?? ''})`;
  const slots = Object.entries(turn.slots)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return `${turn.request ?? '?'}${slots ? ` (${slots})` : ''}`;
}

export function diagnose(entry: Entry, intent: string): Reason {
  if (entry.needs === 'emulator') return 'missing emulator feature';
  if (entry.needs === 'intent') return 'missing intent';
  const via = entry.via === undefined ? [] : Array.isArray(entry.via) ? entry.via : [entry.via];
  const sent = intent.replace(/ \(.*$/, '');
  if (via.length > 0 && !via.includes(sent)) return 'misrouted by the model';
  return 'wrong handler behaviour';
}

// ---------------------------------------------------------------------------------------------------------
// Running

export interface Runner {
  run(entry: Entry, index: number): Promise<Outcome>;
  close(): Promise<void>;
}

export async function startRunner(): Promise<Runner> {
  const alexa: Alexa = await startAlexa();
  const model = loadSkillModel();
  const resolver = new UtteranceResolver(model, { skillId: CONSOLE_SKILL_ID });
  const emulator = alexa.emulator;
  return {
    async run(entry, index) {
      emulator.reset();
      const worlds =
        entry.world === undefined ? [] : Array.isArray(entry.world) ? entry.world : [entry.world];
      const { unlinked } = arrange(emulator, worlds);
      let echo = 'echo-kitchen';
      const session = new AlexaSession({
        invoke: async (envelope: RequestEnvelope) => {
          (envelope.context.System.device as { deviceId: string }).deviceId = `amzn1.ask.device.${echo}`;
          return (await alexa.handler(envelope, undefined)) as ResponseEnvelope;
        },
        resolver,
        locale: 'en-US',
        userId: `amzn1.ask.account.EVERYDAY${index}`,
      });
      const token = unlinked ? undefined : alexa.token;
      const turns = turnsOf(entry);
      let last: SkillTurn | undefined;
      let mark = 0;
      const problems: string[] = [];
      for (const [i, turn] of turns.entries()) {
        if (turn.newSession) await session.end(token);
        echo = turn.echo ?? 'echo-kitchen';
        mark = emulator.log.length;
        try {
          last = await session.say(turn.say, token);
        } catch (error) {
          problems.push(`turn ${i + 1} threw: ${(error as Error).message}`);
          last = undefined;
          break;
        }
      }
      const logged = emulator.log.slice(mark).map(({ method, path: p, query, body }) => ({
        method,
        path: p,
        query,
        body,
      }));
      if (last) problems.push(...check(entry.expect, last, logged));
      const intent = last ? intentSummary(last) : '(threw)';
      const ok = problems.length === 0;
      return {
        entry,
        text: textOf(entry),
        ok,
        problems,
        intent,
        speech: last?.speech ?? '',
        calls: logged.map(describeCall),
        reason: ok ? undefined : diagnose(entry, intent),
      };
    },
    close: () => alexa.close(),
  };
}

export async function runCorpus(corpus: Entry[]): Promise<Outcome[]> {
  const runner = await startRunner();
  try {
    const out: Outcome[] = [];
    for (const [i, entry] of corpus.entries()) out.push(await runner.run(entry, i));
    return out;
  } finally {
    await runner.close();
  }
}

export function scores(outcomes: Outcome[]): { families: FamilyScore[]; overall: FamilyScore } {
  const families = (Object.keys(FAMILIES) as Family[]).map((family) => {
    const mine = outcomes.filter((o) => o.entry.family === family);
    const handled = mine.filter((o) => o.ok).length;
    return { family, handled, total: mine.length, share: mine.length ? handled / mine.length : 1 };
  });
  const handled = outcomes.filter((o) => o.ok).length;
  return {
    families,
    overall: {
      family: 'basics',
      handled,
      total: outcomes.length,
      share: outcomes.length ? handled / outcomes.length : 1,
    },
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The per-family table, as Markdown (printed by the test, pasted into docs/everyday-baseline.md). */
export function table(outcomes: Outcome[]): string {
  const { families, overall } = scores(outcomes);
  const rows = families.map((f) => `| ${FAMILIES[f.family]} | ${f.handled} / ${f.total} | ${pct(f.share)} |`);
  return [
    '| family | handled right | share |',
    '| --- | ---: | ---: |',
    ...rows,
    `| **overall** | **${overall.handled} / ${overall.total}** | **${pct(overall.share)}** |`,
  ].join('\n');
}

/** Failures counted by reason category. */
export function reasons(outcomes: Outcome[]): Array<[Reason, number]> {
  const counts = new Map<Reason, number>();
  for (const o of outcomes) if (o.reason) counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** One line per failure: family, utterance, reason, what was sent and the first problem. */
export function failures(outcomes: Outcome[]): string[] {
  return outcomes
    .filter((o) => !o.ok)
    .map(
      (o) =>
        `| ${o.entry.family} | ${o.text.replace(/\|/g, '\\|')} | ${o.reason} | ${o.intent.replace(/\|/g, '\\|')} | ${o.problems[0].replace(/\|/g, '\\|')} |`,
    );
}
