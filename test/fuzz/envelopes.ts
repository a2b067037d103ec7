/**
 * fast-check arbitraries for Alexa request envelopes, valid and broken: every intent of the en-US model and
 * unknown ones; slots missing, empty, huge, in any script, full of SSML/XML metacharacters, with absurd numbers
 * and durations or the wrong JSON type; envelopes with fields missing; linked, unlinked and revoked; garbage
 * session attributes; any locale. Each generated case says whether it is well-formed (has `request.type` and
 * `context.System`, the minimum the Lambda entry promises to always answer) and which user strings it carries.
 */
import fc from 'fast-check';
import type { FaultSpec } from '../../tools/spotify-emulator';
import { readModel, type ModelIntent, type ModelSlot } from '../../tools/model';

const model = readModel('en-US');

/** Every intent in the en-US interaction model, with its slots. */
export const MODEL_INTENTS: readonly ModelIntent[] = model.interactionModel.languageModel.intents;
const TYPES = new Map((model.interactionModel.languageModel.types ?? []).map((t) => [t.name, t]));

/** What a generated case is. `envelope` is sent as is (it may not be a RequestEnvelope at all). */
export interface FuzzCase {
  envelope: unknown;
  /** Has a string `request.type` and an object `context.System`: the handler must answer, never throw. */
  wellFormed: boolean;
  /** Every string a slot carried: none may reach a Spotify path unencoded. */
  userStrings: string[];
  /** How the emulator's world is arranged before the request. */
  world: 'playing' | 'paused' | 'nothing' | 'as-is';
  /** A short label for reports: request type and intent. */
  label: string;
  /** Spotify misbehaving for this request (test/fuzz/spotify-faults.ts). */
  spotifyFault?: FaultSpec;
}

// ---------------------------------------------------------------------------------------------- strings

const HUGE = 10_000;
/** Built once: generating 10k-character strings at random for every run would dominate the run time. */
const HUGE_STRINGS = [
  'a'.repeat(HUGE),
  '😀'.repeat(HUGE / 2),
  '&<>"\''.repeat(HUGE / 5),
  'ab '.repeat(HUGE / 3),
  `${'x'.repeat(199)}😀${'y'.repeat(HUGE - 201)}`,
  'é'.normalize('NFD').repeat(HUGE / 2),
];

/** Strings that have broken SSML, XML, URLs or JSON somewhere before. */
const NASTY = [
  '<speak>',
  '</speak>',
  '<speak>hi</speak>',
  '<break time="10s"/>',
  '<audio src="https://evil.example/a.mp3"/>',
  'Rock & Roll',
  '&amp;',
  '&',
  '&#0;',
  '&nbsp;',
  ']]>',
  '<![CDATA[x]]>',
  '<!-- x -->',
  '"quoted"',
  "it's",
  '\'"<>&',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\u001b[31mred',
  '\ufffe',
  '\ud83d',
  'x'.repeat(199) + '😀',
  'e\u0301\u0301\u0301',
  'مرحبا بالعالم',
  '\u202eevil\u202c',
  'שלום',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈 mix',
  '中文歌曲',
  '../../me',
  '..',
  '/v1/me/player/pause',
  'a/b',
  'a?b=c',
  'a#b',
  '%2F%2e%2e',
  '%',
  'spotify:track:4uLU6hMCjMI75M1A2tKUQC',
  'pl-workout-mix',
  'dev-kitchen',
  '   ',
  '\n\t',
  '{{name}}',
  '{name}',
  '$(rm -rf /)',
  "' OR 1=1 --",
  '__proto__',
  'constructor',
];

const NUMBERISH = [
  '0',
  '40',
  '100',
  '101',
  '-1',
  '-0',
  '1e309',
  '1e-309',
  'NaN',
  'Infinity',
  '-Infinity',
  '99999999999999999999',
  '0x10',
  '4.5',
  '50.',
  '.5',
  '?',
  '',
  ' 40 ',
  '四十',
  'forty',
];

const DURATIONS = [
  'PT30S',
  'PT1M',
  'PT1H',
  'PT0S',
  'PT99999999H',
  'P1Y',
  'P1M',
  'P1W',
  'PT-5S',
  'PT1.5S',
  'PT',
  'P',
  'garbage',
  'PT30',
  'P99999999999999999999D',
  'PT1e309S',
  '',
];

const ORDINALS = ['first', 'second', 'the third one', 'last', '2', '2nd', '0', '-1', '999', 'none'];

const word = fc.constantFrom(
  'workout mix',
  'chill vibes',
  'queen',
  "don't stop me now",
  'kitchen speaker',
  'living room tv',
  'daft punk',
  'road trip',
  'jazz',
  'bohemian rhapsody',
);

/** Any text: realistic names, nasty ones, random unicode, huge ones. */
export const slotString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(word, fc.constantFrom(...NASTY), fc.boolean())
      .map(([w, n, before]) => (before ? `${n} ${w}` : `${w} ${n}`)),
  },
);

/**
 * Text without the huge strings, for what the skill itself stored in the session (Alexa hands back what the
 * skill answered last time, and the skill only keeps Spotify names and bounded slot values there).
 */
const storedString: fc.Arbitrary<string> = fc.oneof(
  word,
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A slot `value` of the wrong JSON type (Alexa never sends these, a forged or broken request might). */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.constant({}),
  fc.constant({ value: 'nested' }),
);

/** Values typical for a slot of this type, plus the generic and the absurd. */
function valueFor(slotType: string): fc.Arbitrary<unknown> {
  const specific: fc.Arbitrary<string>[] = [];
  if (slotType === 'AMAZON.NUMBER') specific.push(fc.constantFrom(...NUMBERISH), fc.integer().map(String));
  if (slotType === 'AMAZON.DURATION') specific.push(fc.constantFrom(...DURATIONS));
  if (slotType === 'AMAZON.Ordinal') specific.push(fc.constantFrom(...ORDINALS));
  const custom = TYPES.get(slotType);
  if (custom) specific.push(fc.constantFrom(...custom.values.map((v) => v.name.value)));
  return fc.oneof(
    ...(specific.length ? [{ weight: 6, arbitrary: fc.oneof(...specific) as fc.Arbitrary<unknown> }] : []),
    { weight: 4, arbitrary: slotString as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.constant('') as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: wrongType },
  );
}

/** Entity resolution as Alexa sends it, or missing, or broken. */
function resolutionsFor(slotType: string, slotName: string): fc.Arbitrary<unknown> {
  const authority = `amzn1.er-authority.echo-sdk.fuzz.${slotType}`;
  const ids = TYPES.get(slotType)?.values.map((v) => v.id ?? v.name.value) ?? ['some-id'];
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    {
      weight: 4,
      arbitrary: fc.oneof(fc.constantFrom(...ids), slotString).map((id) => ({
        resolutionsPerAuthority: [
          { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id, name: id } }] },
        ],
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_NO_MATCH' } }],
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        null,
        'garbage',
        { resolutionsPerAuthority: null },
        { resolutionsPerAuthority: [null] },
        { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [] }] },
        { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: null }] }] },
        {
          resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 7 } }] }],
        },
        { [slotName]: 'wrong place' },
      ),
    },
  );
}

/** One slot object: missing, bare, with a value of any kind, with or without resolutions. */
function slotFor(s: ModelSlot): fc.Arbitrary<[string, unknown] | undefined> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constant([s.name, { name: s.name, confirmationStatus: 'NONE' }] as [string, unknown]),
    },
    {
      weight: 6,
      arbitrary: fc.tuple(valueFor(s.type), resolutionsFor(s.type, s.name)).map(([value, resolutions]) => {
        const slot: Record<string, unknown> = { name: s.name, value, confirmationStatus: 'NONE' };
        if (resolutions !== undefined) slot.resolutions = resolutions;
        return [s.name, slot] as [string, unknown];
      }),
    },
    { weight: 1, arbitrary: wrongType.map((v) => [s.name, v] as [string, unknown]) },
  );
}

const UNKNOWN_INTENTS = [
  'UnknownIntent',
  'AMAZON.YesIntent',
  'AMAZON.SearchAction<object@WeatherForecast>',
  '',
  ' ',
];

interface IntentPart {
  name: unknown;
  slots: unknown;
}

/** An intent of the model with generated slots, or an unknown intent with random ones. */
const intentPart: fc.Arbitrary<IntentPart> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...MODEL_INTENTS).chain((intent) =>
      fc
        .tuple(
          ...(intent.slots ?? []).map(slotFor),
          fc.constantFrom<'object' | 'missing' | 'null' | 'array'>(
            'object',
            'object',
            'object',
            'object',
            'object',
            'object',
            'missing',
            'null',
            'array',
          ),
        )
        .map((parts) => {
          const shape = parts[parts.length - 1] as string;
          const entries = (parts.slice(0, -1) as Array<[string, unknown] | undefined>).filter(
            (e): e is [string, unknown] => e !== undefined,
          );
          const slots =
            shape === 'object'
              ? Object.fromEntries(entries)
              : shape === 'array'
                ? entries.map((e) => e[1])
                : shape === 'null'
                  ? null
                  : undefined;
          return { name: intent.name, slots };
        }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom(...UNKNOWN_INTENTS), fc.string({ maxLength: 20 }), wrongType),
        fc.dictionary(
          fc.string({ maxLength: 8 }),
          fc.record({ name: fc.string({ maxLength: 8 }), value: slotString }),
        ),
      )
      .map(([name, slots]) => ({ name, slots })),
  },
);

// ---------------------------------------------------------------------------------------------- envelope

const LOCALES: unknown[] = [
  'en-US',
  'en-US',
  'en-US',
  'en-GB',
  'en-CA',
  'de-DE',
  'ja-JP',
  'fr-FR',
  'es-MX',
  'ar-SA',
  '',
  'xx',
  'EN-us',
  '../../etc',
  42,
  null,
];

/** Session attributes: sensible, or garbage where the skill keeps its `pending` question (dialog/question.ts) and list offset. */
const sessionAttributes: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        pending: fc.oneof(
          fc.constantFrom<unknown>(
            null,
            'garbage',
            42,
            [],
            {},
            { v: 1, intent: 'PlayPlaylistIntent', slot: 'playlist', options: [] },
            {
              v: 2,
              intent: 'PlaySongIntent',
              slot: 'device',
              options: [{ name: 'Kitchen speaker', id: 'dev-kitchen' }],
              carried: { kind: 'device', play: { name: 'X', uris: [7] } },
            },
            { v: 2, intent: 'PlayPlaylistIntent' },
            { v: 2, intent: 'PlayPlaylistIntent', slot: 'playlist', options: null },
            { v: 2, intent: 'PlayPlaylistIntent', slot: 'playlist', options: [] },
            { v: 2, intent: 'PlayPlaylistIntent', slot: 'playlist', options: [null, 7, 'x'] },
            {
              v: 2,
              intent: 'PlayPlaylistIntent',
              slot: 'playlist',
              options: [
                { name: 'Workout Mix', id: 'pl-workout-mix', uri: 'spotify:playlist:pl-workout-mix' },
              ],
            },
            {
              v: 2,
              intent: 'AddToPlaylistIntent',
              slot: 'playlist',
              options: [
                { name: '<b>&', id: '../../me', uri: 'not a uri' },
                { name: 'Beats', id: 'pl-x' },
              ],
            },
            {
              v: 2,
              intent: 'TransferPlaybackIntent',
              slot: 'device',
              options: [
                { name: 12, id: null },
                { name: 'Kitchen speaker', id: 'dev-kitchen' },
              ],
              carried: 'not an object',
            },
          ),
          fc.record({
            intent: fc.constantFrom(...MODEL_INTENTS.map((i) => i.name)),
            slot: fc.constantFrom('playlist', 'device', 'song', 'artist', 'x'),
            options: fc.array(
              fc.record({
                name: storedString,
                id: storedString,
                uri: fc.option(storedString, { nil: undefined }),
              }),
              { maxLength: 4 },
            ),
            v: fc.constantFrom<unknown>(2, 2, 1, '2'),
            carried: fc.option(
              fc.oneof(
                fc.record({ kind: fc.constantFrom<unknown>('playlist', 'device', 7), device: storedString }),
                fc.record({
                  kind: fc.constant('device'),
                  play: fc.record({
                    name: storedString,
                    contextUri: fc.option(storedString, { nil: undefined }),
                    uris: fc.option(fc.array(storedString, { maxLength: 3 }), { nil: undefined }),
                  }),
                }),
              ),
              { nil: undefined },
            ),
          }),
        ),
        playlistOffset: fc.constantFrom<unknown>(
          0,
          5,
          -5,
          1.5,
          1e21,
          Number.MAX_SAFE_INTEGER,
          '5',
          null,
          [],
          { offset: 5 },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'string', 7, []) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2, maxKeys: 4 }) },
);

type Linking = 'linked' | 'unlinked' | 'empty' | 'revoked' | 'wrong-type';

/** Damage done to an otherwise complete envelope; the first two make it not well-formed. */
const BREAKAGES = [
  'no-request-type',
  'no-context-system',
  'no-request',
  'no-context',
  'no-session',
  'no-session-attributes',
  'null-session-attributes',
  'no-request-id',
  'no-timestamp',
  'no-locale',
  'no-system-user',
  'no-system-device',
  'no-system-application',
  'no-version',
  'intent-null',
  'intent-missing',
  'dialog-state-garbage',
  'session-new-string',
] as const;
type Breakage = (typeof BREAKAGES)[number];

const requestKind = fc.constantFrom<
  'IntentRequest' | 'LaunchRequest' | 'SessionEndedRequest' | 'SkillDisabled' | 'SkillLinked' | 'unknown'
>(
  ...Array(16).fill('IntentRequest'),
  'LaunchRequest',
  'LaunchRequest',
  'SessionEndedRequest',
  'SkillDisabled',
  'SkillLinked',
  'unknown',
);

let serial = 0;

/**
 * Request envelopes, valid and broken, for the account `token` (a token the emulator accepts). A revoked
 * token is a different string the emulator rejects with 401.
 */
export function fuzzCase(token: string): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      kind: requestKind,
      intent: intentPart,
      linking: fc.constantFrom<Linking>(
        ...Array(12).fill('linked'),
        'unlinked',
        'unlinked',
        'empty',
        'revoked',
        'wrong-type',
      ),
      locale: fc.constantFrom(...LOCALES),
      attributes: sessionAttributes,
      newSession: fc.boolean(),
      dialogState: fc.constantFrom<unknown>(undefined, 'STARTED', 'IN_PROGRESS', 'COMPLETED'),
      breakages: fc.oneof(
        { weight: 8, arbitrary: fc.constant([] as Breakage[]) },
        { weight: 2, arbitrary: fc.subarray([...BREAKAGES], { minLength: 1, maxLength: 3 }) },
      ),
      world: fc.constantFrom<FuzzCase['world']>('playing', 'playing', 'paused', 'nothing', 'as-is'),
    })
    .map((p) => {
      const id = (++serial).toString(16);
      const user: Record<string, unknown> = { userId: `amzn1.ask.account.FUZZ${id}` };
      if (p.linking === 'linked') user.accessToken = token;
      if (p.linking === 'empty') user.accessToken = '';
      if (p.linking === 'revoked') user.accessToken = `${token}-revoked`;
      if (p.linking === 'wrong-type') user.accessToken = 12345;
      const application = { applicationId: 'amzn1.ask.skill.fuzz' };
      const request: Record<string, unknown> = {
        type: 'IntentRequest',
        requestId: `amzn1.echo-api.request.fuzz-${id}`,
        timestamp: new Date().toISOString(),
        locale: p.locale,
      };
      let label: string;
      switch (p.kind) {
        case 'IntentRequest':
          request.intent = { name: p.intent.name, confirmationStatus: 'NONE', slots: p.intent.slots };
          if (p.dialogState !== undefined) request.dialogState = p.dialogState;
          label = `IntentRequest ${String(p.intent.name)}`;
          break;
        case 'SkillDisabled':
          request.type = 'AlexaSkillEvent.SkillDisabled';
          request.body = { userId: user.userId, userInformation: { persistenceStatus: 'NOT_PERSISTED' } };
          label = request.type as string;
          break;
        case 'SkillLinked':
          request.type = 'AlexaSkillEvent.SkillAccountLinked';
          label = request.type as string;
          break;
        case 'unknown':
          request.type = 'Connections.Response';
          label = request.type as string;
          break;
        default:
          request.type = p.kind;
          if (p.kind === 'SessionEndedRequest') request.reason = 'USER_INITIATED';
          label = p.kind;
      }
      const envelope: Record<string, unknown> = {
        version: '1.0',
        session: {
          new: p.newSession,
          sessionId: `amzn1.echo-api.session.fuzz-${id}`,
          application,
          attributes: p.attributes,
          user,
        },
        context: {
          System: {
            application,
            user,
            device: { deviceId: 'amzn1.ask.device.FUZZ', supportedInterfaces: {} },
            apiEndpoint: 'https://api.amazonalexa.com',
            apiAccessToken: 'alexa-api-token-not-used',
          },
        },
        request,
      };
      for (const b of p.breakages) breakEnvelope(envelope, b);
      const req = envelope.request as Record<string, unknown> | undefined;
      const ctxSystem = (envelope.context as { System?: unknown } | undefined)?.System;
      const wellFormed = typeof req?.type === 'string' && !!ctxSystem && typeof ctxSystem === 'object';
      return {
        envelope,
        wellFormed,
        userStrings: slotStrings(p.intent.slots),
        world: p.world,
        label: `${label} (${p.linking}${p.breakages.length ? `; ${p.breakages.join(', ')}` : ''})`,
      };
    });
}

function breakEnvelope(e: Record<string, unknown>, b: Breakage): void {
  const request = e.request as Record<string, unknown> | undefined;
  const session = e.session as Record<string, unknown> | undefined;
  const system = (e.context as { System?: Record<string, unknown> } | undefined)?.System;
  switch (b) {
    case 'no-request-type':
      if (request) delete request.type;
      break;
    case 'no-context-system':
      if (e.context) delete (e.context as Record<string, unknown>).System;
      break;
    case 'no-request':
      delete e.request;
      break;
    case 'no-context':
      delete e.context;
      break;
    case 'no-session':
      delete e.session;
      break;
    case 'no-session-attributes':
      if (session) delete session.attributes;
      break;
    case 'null-session-attributes':
      if (session) session.attributes = null;
      break;
    case 'no-request-id':
      if (request) delete request.requestId;
      break;
    case 'no-timestamp':
      if (request) delete request.timestamp;
      break;
    case 'no-locale':
      if (request) delete request.locale;
      break;
    case 'no-system-user':
      if (system) delete system.user;
      break;
    case 'no-system-device':
      if (system) delete system.device;
      break;
    case 'no-system-application':
      if (system) delete system.application;
      break;
    case 'no-version':
      delete e.version;
      break;
    case 'intent-null':
      if (request?.type === 'IntentRequest') request.intent = null;
      break;
    case 'intent-missing':
      if (request?.type === 'IntentRequest') delete request.intent;
      break;
    case 'dialog-state-garbage':
      if (request) request.dialogState = { not: 'a state' };
      break;
    case 'session-new-string':
      if (session) session.new = 'yes';
      break;
  }
}

/** Every string a slot carried: its value (of any type) and its entity-resolution ids and names. */
function slotStrings(slots: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (k !== 'authority' && k !== 'code') visit(x, depth + 1);
  };
  const list = Array.isArray(slots) ? slots : slots && typeof slots === 'object' ? Object.values(slots) : [];
  for (const slot of list) {
    if (slot && typeof slot === 'object') {
      const { value, resolutions } = slot as { value?: unknown; resolutions?: unknown };
      visit(value, 0);
      visit(resolutions, 0);
    } else visit(slot, 0);
  }
  return out;
}
