/**
 * Builders for real Alexa request envelopes (the JSON Alexa posts to the skill), e.g.
 * `anIntent('PlayPlaylistIntent').slot('playlist', 'workout mix').linked(token).build()`.
 */
import type { RequestEnvelope, Slot } from 'ask-sdk-model';
import { PROFILES, type ProfileId } from '../../tools/console/profiles';

export const TEST_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000001';
export const TEST_USER_ID = 'amzn1.ask.account.TESTUSER';
/** The Echo every test envelope comes from (`context.System.device.deviceId`). */
export const TEST_DEVICE_ID = 'amzn1.ask.device.TESTDEVICE';

let counter = 0;
const nextId = (prefix: string) => `${prefix}.${(++counter).toString(16).padStart(8, '0')}-test`;

export class EnvelopeBuilder {
  private token: string | undefined;
  private skillId = TEST_SKILL_ID;
  private userId = TEST_USER_ID;
  private locale = 'en-US';
  private attributes: Record<string, unknown> = {};
  private isNew = true;
  private sessionId = nextId('amzn1.echo-api.session');
  private readonly slots: Record<string, Slot> = {};
  private dialogState: string | undefined;
  private confirmation: string | undefined;
  private profile: ProfileId | undefined;

  constructor(private readonly request: Record<string, unknown>) {}

  linked(token: string): this {
    this.token = token;
    return this;
  }
  forSkill(skillId: string): this {
    this.skillId = skillId;
    return this;
  }
  user(userId: string): this {
    this.userId = userId;
    return this;
  }
  inLocale(locale: string): this {
    this.locale = locale;
    return this;
  }
  session(attributes: Record<string, unknown>, sessionId?: string): this {
    this.attributes = attributes;
    this.isNew = false;
    if (sessionId) this.sessionId = sessionId;
    return this;
  }
  dialog(
    state: 'STARTED' | 'IN_PROGRESS' | 'COMPLETED',
    confirmation?: 'NONE' | 'CONFIRMED' | 'DENIED',
  ): this {
    this.dialogState = state;
    this.confirmation = confirmation;
    return this;
  }
  /** Sent from an Echo with a screen (its supportedInterfaces and Viewport), or 'echo-dot' for none. */
  on(profile: ProfileId): this {
    this.profile = profile;
    return this;
  }
  /** Marks the session as new (after `session(...)` set its id). */
  fresh(): this {
    this.isNew = true;
    return this;
  }
  /** A slot as Alexa sends it; `resolved` adds an entity-resolution match for a custom slot type. */
  slot(name: string, value: string | undefined, resolved?: { id: string; name: string } | 'NO_MATCH'): this {
    const slot: Slot = { name, value, confirmationStatus: 'NONE' } as Slot;
    if (resolved) {
      const authority = `amzn1.er-authority.echo-sdk.${TEST_SKILL_ID}.${name}`;
      (slot as unknown as Record<string, unknown>).resolutions = {
        resolutionsPerAuthority: [
          resolved === 'NO_MATCH'
            ? { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } }
            : { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: resolved }] },
        ],
      };
    }
    this.slots[name] = slot;
    return this;
  }

  build(): RequestEnvelope {
    const application = { applicationId: this.skillId };
    const user: Record<string, unknown> = { userId: this.userId };
    if (this.token) user.accessToken = this.token;
    const request: Record<string, unknown> = {
      requestId: nextId('amzn1.echo-api.request'),
      timestamp: new Date().toISOString(),
      locale: this.locale,
      ...this.request,
    };
    if (request.type === 'IntentRequest') {
      request.intent = { ...(request.intent as object), slots: this.slots };
      if (this.dialogState) request.dialogState = this.dialogState;
      if (this.confirmation)
        (request.intent as Record<string, unknown>).confirmationStatus = this.confirmation;
    }
    const device = this.profile ? PROFILES[this.profile] : undefined;
    const screen = device?.viewport ? { Viewport: device.viewport } : {};
    return {
      version: '1.0',
      session: {
        new: this.isNew,
        sessionId: this.sessionId,
        application,
        attributes: this.attributes,
        user,
      },
      context: {
        System: {
          application,
          user,
          device: {
            deviceId: TEST_DEVICE_ID,
            supportedInterfaces: device ? device.supportedInterfaces : {},
          },
          apiEndpoint: 'https://api.amazonalexa.com',
          apiAccessToken: 'alexa-api-token-not-used',
        },
        ...screen,
      },
      request,
    } as unknown as RequestEnvelope;
  }
}

export const aLaunch = () => new EnvelopeBuilder({ type: 'LaunchRequest' });
export const anIntent = (name: string) =>
  new EnvelopeBuilder({
    type: 'IntentRequest',
    dialogState: 'COMPLETED',
    intent: { name, confirmationStatus: 'NONE' },
  });
/** A touch on a screen the skill sent: SendEvent's `arguments`, with the document's token. */
export const aUserEvent = (args: unknown[], token = 'connectRemote.nowPlaying') =>
  new EnvelopeBuilder({
    type: 'Alexa.Presentation.APL.UserEvent',
    token,
    arguments: args,
    source: { type: 'TouchWrapper', handler: 'Press', id: 'test' },
  });
export const aSessionEnded = (reason = 'USER_INITIATED') =>
  new EnvelopeBuilder({ type: 'SessionEndedRequest', reason });
