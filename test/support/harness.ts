/**
 * Drives the real exported handler against the Spotify emulator over real HTTP, the way Alexa would:
 * `const alexa = await startAlexa(); const reply = await alexa.send(anIntent('AMAZON.PauseIntent'))`.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill, createHandler, type SkillDeps } from '../../lambda/src/skill';
import { createSpotifyClientFactory } from '../../lambda/src/spotify/client';
import { systemClock } from '../../lambda/src/util/clock';
import { createLogger } from '../../lambda/src/util/logger';
import { ssmlToText } from '../../tools/console/alexa';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import type { ProfileId } from '../../tools/console/profiles';
import { anIntent, aUserEvent, type EnvelopeBuilder } from './envelopes';
import { captureSink, registerSecret } from './log-capture';

export interface Reply {
  envelope: ResponseEnvelope;
  /** Speech as plain text (SSML tags removed, entities decoded). */
  speech: string;
  ssml: string;
  reprompt: string | undefined;
  card:
    | {
        type: string;
        title?: string;
        content?: string;
        text?: string;
        image?: { smallImageUrl?: string; largeImageUrl?: string };
      }
    | undefined;
  endsSession: boolean | undefined;
  sessionAttributes: Record<string, unknown>;
}

/** Speech as text: the console's reading of SSML, so tests hear what a person at the console reads. */
export { ssmlToText };

export function toReply(envelope: ResponseEnvelope): Reply {
  const r = envelope.response ?? {};
  const ssml = (r.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
  const repromptSsml = (r.reprompt?.outputSpeech as { ssml?: string } | undefined)?.ssml;
  return {
    envelope,
    ssml,
    speech: ssmlToText(ssml),
    reprompt: repromptSsml === undefined ? undefined : ssmlToText(repromptSsml),
    card: r.card as Reply['card'],
    endsSession: r.shouldEndSession,
    sessionAttributes: (envelope.sessionAttributes ?? {}) as Record<string, unknown>,
  };
}

export interface Alexa {
  emulator: Emulator;
  /** A token linked to the emulator's demo user. */
  token: string;
  handler: ReturnType<typeof createHandler>;
  send(request: EnvelopeBuilder | RequestEnvelope): Promise<Reply>;
  /** The Spotify requests made since the last `send`. */
  calls(): Array<{ method: string; path: string; query: Record<string, string>; body: unknown }>;
  /** The same as "METHOD /path?query" lines, in order. */
  lines(): string[];
  /**
   * U: says an intent as the linked user. Continues the session (its attributes) when the last reply kept it
   * open, as Alexa does; `slots` values may carry an entity-resolution id (`{ value, id }`).
   */
  say(intent: string, slots?: Record<string, string | { value: string; id: string }>): Promise<Reply>;
  /** A touch (Alexa.Presentation.APL.UserEvent) as the linked user, in the open session if there is one. */
  touch(args: unknown[], token?: string): Promise<Reply>;
  close(): Promise<void>;
}

export interface AlexaOptions {
  deps?: Partial<SkillDeps>;
  skillId?: string;
  budgetMs?: number;
  emulator?: Emulator;
  /** The Echo that `say` and `touch` speak from (default: none named, i.e. no screen). */
  profile?: ProfileId;
}

export async function startAlexa(options: AlexaOptions = {}): Promise<Alexa> {
  const emulator = options.emulator ?? (await startEmulator());
  const logger = createLogger({ sink: captureSink, level: 'debug' });
  const config = {
    spotifyApiUrl: emulator.apiUrl,
    budgetMs: options.budgetMs ?? 6000,
    skillId: options.skillId,
  };
  const skill = buildSkill({
    config,
    logger,
    clock: systemClock,
    spotify: createSpotifyClientFactory({ baseUrl: config.spotifyApiUrl, logger }),
    ...options.deps,
  });
  const handler = createHandler(skill, logger);
  const token = emulator.issueToken('demo');
  registerSecret(token);
  const tokenOf = () => token;
  let mark = emulator.log.length;
  let session: { id: string; attributes: Record<string, unknown> } | undefined;
  let sessions = 0;
  const send = async (request: EnvelopeBuilder | RequestEnvelope): Promise<Reply> => {
    mark = emulator.log.length;
    const envelope = 'build' in request ? request.build() : request;
    const response = await (handler(envelope, undefined) as Promise<ResponseEnvelope>);
    const reply = toReply(response);
    session =
      reply.endsSession === false
        ? { id: envelope.session?.sessionId ?? '', attributes: reply.sessionAttributes }
        : undefined;
    return reply;
  };
  return {
    emulator,
    token,
    handler,
    send,
    say(intent, slots = {}) {
      const builder = anIntent(intent).linked(token);
      for (const [name, v] of Object.entries(slots)) {
        if (typeof v === 'string') builder.slot(name, v);
        else builder.slot(name, v.value, { id: v.id, name: v.id });
      }
      if (options.profile) builder.on(options.profile);
      if (session) builder.session(session.attributes, session.id);
      else builder.session({}, `amzn1.echo-api.session.harness-${++sessions}`).fresh();
      return send(builder);
    },
    touch(args, token) {
      const builder = aUserEvent(args, token).linked(tokenOf());
      builder.on(options.profile ?? 'echo-show-8');
      if (session) builder.session(session.attributes, session.id);
      else builder.session({}, `amzn1.echo-api.session.harness-${++sessions}`).fresh();
      return send(builder);
    },
    calls() {
      return emulator.log.slice(mark).map(({ method, path, query, body }) => ({ method, path, query, body }));
    },
    lines() {
      return emulator.log.slice(mark).map(({ method, path, query }) => {
        const q = new URLSearchParams(query).toString();
        return `${method} ${path}${q ? `?${q}` : ''}`;
      });
    },
    close: () => (options.emulator ? Promise.resolve() : emulator.close()),
  };
}
