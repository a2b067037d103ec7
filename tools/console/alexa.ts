/**
 * Plays Alexa's part in a conversation: resolves what the user typed, builds the request envelope Alexa
 * would send (session, context, user, token, locale), keeps the session across turns (attributes,
 * `shouldEndSession`, the reprompt) and follows dialog directives: Dialog.ElicitSlot makes the next answer
 * fill that slot of the updated intent, ConfirmSlot / ConfirmIntent take yes or no, and Dialog.Delegate (or
 * auto-delegation in the dialog model) lets "Alexa" ask the model's own prompts until the required slots are
 * filled. https://developer.amazon.com/en-US/docs/alexa/custom-skills/dialog-interface-reference.html
 */
import { randomUUID } from 'node:crypto';
import { PROFILES, type DeviceProfile } from './profiles';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { DialogIntent } from '../model/types';
import { type ResolvedIntent, type ResolvedSlot, type UtteranceResolver } from './resolver';

export const CONSOLE_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-00000c0501e0';
export const CONSOLE_USER_ID = 'amzn1.ask.account.CONSOLEUSER';
export const CONSOLE_DEVICE_ID = 'amzn1.ask.device.CONSOLEDEVICE';

export interface Card {
  type: string;
  title?: string;
  text?: string;
  imageUrl?: string;
}

/** What one utterance led to. */
export interface SkillTurn {
  /** 'LaunchRequest', the intent name, 'SessionEndedRequest', or undefined when nothing was sent. */
  request?: string;
  /** The slots sent, name -> value (resolved name in brackets when entity resolution matched). */
  slots: Record<string, string>;
  speech?: string;
  reprompt?: string;
  card?: Card;
  directives: string[];
  /** Who spoke: the skill, or Alexa itself (dialog-model prompts, "no intent matched"). */
  speaker: 'skill' | 'alexa';
  sessionOpen: boolean;
  /** The envelope sent to the skill, and its answer. */
  envelope?: RequestEnvelope;
  response?: ResponseEnvelope;
}

export type InvokeSkill = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

type Pending =
  | { kind: 'elicit'; intent: ResolvedIntent; slot: string; byAlexa: boolean }
  | { kind: 'confirmSlot'; intent: ResolvedIntent; slot: string; byAlexa: boolean }
  | { kind: 'confirmIntent'; intent: ResolvedIntent; byAlexa: boolean };

interface Session {
  id: string;
  isNew: boolean;
  attributes: Record<string, unknown>;
  pending?: Pending;
}

export interface AlexaOptions {
  invoke: InvokeSkill;
  resolver: UtteranceResolver;
  locale: string;
  skillId?: string;
  userId?: string;
  /** Where the skill sends progressive responses (`context.System.apiEndpoint`). */
  apiEndpoint?: string;
}

/** Plain text of SSML (tags removed, entities decoded). */
export function ssmlToText(ssml: string | undefined): string {
  return (ssml ?? '')
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function speechText(speech: unknown): string | undefined {
  if (!speech || typeof speech !== 'object') return undefined;
  const s = speech as { type?: string; ssml?: string; text?: string };
  return s.type === 'PlainText' ? s.text : ssmlToText(s.ssml);
}

export class AlexaSession {
  private session: Session | undefined;
  resolver: UtteranceResolver;
  locale: string;
  private readonly skillId: string;
  readonly userId: string;
  /** The Echo spoken to: its supportedInterfaces and Viewport go into every request (default: no screen). */
  device: DeviceProfile = PROFILES['echo-dot'];
  /** Its `context.System.device.deviceId` (`:echo <name>` speaks to another Echo of the same user). */
  deviceId = CONSOLE_DEVICE_ID;

  constructor(private readonly options: AlexaOptions) {
    this.resolver = options.resolver;
    this.locale = options.locale;
    this.skillId = options.skillId ?? CONSOLE_SKILL_ID;
    this.userId = options.userId ?? CONSOLE_USER_ID;
  }

  get open(): boolean {
    return this.session !== undefined;
  }

  get attributes(): Record<string, unknown> {
    return this.session?.attributes ?? {};
  }

  /** What the next answer will be taken as, for the prompt ("playlist?"), or undefined. */
  get awaiting(): string | undefined {
    const p = this.session?.pending;
    if (!p) return undefined;
    if (p.kind === 'elicit') return `${p.intent.name}.${p.slot}`;
    if (p.kind === 'confirmSlot') return `confirm ${p.intent.name}.${p.slot}`;
    return `confirm ${p.intent.name}`;
  }

  /** Ends the session as a user would by walking away (`:new`): SessionEndedRequest USER_INITIATED. */
  async end(accessToken: string | undefined): Promise<SkillTurn | undefined> {
    if (!this.session) return undefined;
    const turn = await this.send({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }, accessToken);
    this.session = undefined;
    return { ...turn, sessionOpen: false };
  }

  /**
   * A touch on the screen the skill sent: an Alexa.Presentation.APL.UserEvent carrying the SendEvent's
   * `arguments` and the document's token, in the open session (or a new one, as when the screen outlived it).
   */
  async touch(token: string, args: unknown[], accessToken: string | undefined): Promise<SkillTurn> {
    if (!this.session) this.startSession();
    this.session!.pending = undefined;
    const request = {
      type: 'Alexa.Presentation.APL.UserEvent',
      token,
      arguments: args,
      source: { type: 'TouchWrapper', handler: 'Press', id: 'console' },
    };
    return this.send(request, accessToken);
  }

  /** Handles one utterance. */
  async say(text: string, accessToken: string | undefined): Promise<SkillTurn> {
    const pending = this.session?.pending;
    if (pending) {
      this.session!.pending = undefined;
      const answered = await this.answer(pending, text, accessToken);
      if (answered) return answered;
    }
    const resolution = this.resolver.resolve(text);
    if (resolution.kind === 'launch') {
      this.startSession();
      return this.send({ type: 'LaunchRequest' }, accessToken);
    }
    if (resolution.invoked || !this.session) this.startSession();
    if (resolution.kind === 'unmatched') {
      const turn = this.alexaSays(
        "Sorry, I don't know that one. (No intent matched and the model declares no AMAZON.FallbackIntent.)",
      );
      return turn;
    }
    return this.sendIntent(resolution.intent, accessToken, 'STARTED');
  }

  private startSession(): void {
    this.session = { id: `amzn1.echo-api.session.${randomUUID()}`, isNew: true, attributes: {} };
  }

  /** An answer to a dialog question; undefined when the text is not an answer (treated as a new request). */
  private async answer(
    pending: Pending,
    text: string,
    token: string | undefined,
  ): Promise<SkillTurn | undefined> {
    const interruption = this.resolver.interruption(text);
    if (interruption) return this.sendIntent({ name: interruption, slots: {} }, token, undefined);
    const intent = structuredClone(pending.intent);
    if (pending.kind === 'elicit') {
      const other = this.resolver.matchIntent(text);
      if (other?.name === intent.name) {
        for (const [name, slot] of Object.entries(other.slots)) {
          if (slot.value !== undefined) intent.slots[name] = slot;
        }
      } else if (other && (other.literals ?? 0) >= 2) {
        // An answer that is plainly another request ("list my devices", "the first one") goes to that intent.
        return this.sendIntent(other, token, 'STARTED');
      } else {
        const filled = this.resolver.fillSlot(intent.name, pending.slot, text);
        if (!filled) return undefined;
        intent.slots[pending.slot] = filled;
      }
      return pending.byAlexa ? this.delegate(intent, token) : this.sendIntent(intent, token, 'IN_PROGRESS');
    }
    const yesNo = this.resolver.yesNo(text);
    if (!yesNo) return undefined;
    const status = yesNo === 'yes' ? 'CONFIRMED' : 'DENIED';
    if (pending.kind === 'confirmSlot') {
      const slot = intent.slots[pending.slot] ?? { name: pending.slot, confirmationStatus: 'NONE' };
      intent.slots[pending.slot] = { ...slot, confirmationStatus: status };
      if (pending.byAlexa && status === 'DENIED') {
        // Alexa asks for the slot again when the user rejects its value.
        intent.slots[pending.slot] = { name: pending.slot, confirmationStatus: 'NONE' };
      }
    } else {
      (intent as ResolvedIntent & { confirmationStatus?: string }).confirmationStatus = status;
      if (pending.byAlexa) return this.sendIntent(intent, token, 'COMPLETED');
    }
    return pending.byAlexa ? this.delegate(intent, token) : this.sendIntent(intent, token, 'IN_PROGRESS');
  }

  private dialogOf(intent: string): DialogIntent | undefined {
    return this.resolver.model.dialog?.intents?.find((d) => d.name === intent);
  }

  /** Auto-delegation is Alexa's default when an intent has a dialog model, unless the model says otherwise. */
  private autoDelegates(intent: string): boolean {
    const dialog = this.dialogOf(intent);
    if (!dialog) return false;
    const strategy = dialog.delegationStrategy ?? this.resolver.model.dialog?.delegationStrategy ?? 'ALWAYS';
    return strategy === 'ALWAYS';
  }

  private async sendIntent(
    intent: ResolvedIntent,
    token: string | undefined,
    dialogState: 'STARTED' | 'IN_PROGRESS' | 'COMPLETED' | undefined,
  ): Promise<SkillTurn> {
    const hasDialog = this.dialogOf(intent.name) !== undefined;
    if (hasDialog && dialogState === 'STARTED' && this.autoDelegates(intent.name)) {
      return this.delegate(intent, token);
    }
    const request: Record<string, unknown> = {
      type: 'IntentRequest',
      intent: {
        name: intent.name,
        confirmationStatus: (intent as { confirmationStatus?: string }).confirmationStatus ?? 'NONE',
        slots: intent.slots,
      },
    };
    // STARTED only for intents with a dialog model; an answer to a dialog directive is always IN_PROGRESS.
    if (dialogState && (hasDialog || dialogState !== 'STARTED')) request.dialogState = dialogState;
    return this.send(request, token);
  }

  /** Alexa runs the dialog model: elicit, confirm slots, confirm the intent, then send it COMPLETED. */
  private async delegate(intent: ResolvedIntent, token: string | undefined): Promise<SkillTurn> {
    const dialog = this.dialogOf(intent.name);
    if (!dialog) return this.sendIntent(intent, token, 'COMPLETED');
    for (const slot of dialog.slots ?? []) {
      const current = intent.slots[slot.name];
      if (slot.elicitationRequired && current?.value === undefined) {
        this.session!.pending = { kind: 'elicit', intent, slot: slot.name, byAlexa: true };
        return this.alexaSays(this.prompt(slot.prompts?.elicitation, intent) ?? `What ${slot.name}?`);
      }
    }
    for (const slot of dialog.slots ?? []) {
      const current = intent.slots[slot.name];
      if (
        slot.confirmationRequired &&
        current?.value !== undefined &&
        current.confirmationStatus === 'NONE'
      ) {
        this.session!.pending = { kind: 'confirmSlot', intent, slot: slot.name, byAlexa: true };
        return this.alexaSays(this.prompt(slot.prompts?.confirmation, intent) ?? `${current.value}, right?`);
      }
    }
    const status = (intent as { confirmationStatus?: string }).confirmationStatus ?? 'NONE';
    if (dialog.confirmationRequired && status === 'NONE') {
      this.session!.pending = { kind: 'confirmIntent', intent, byAlexa: true };
      return this.alexaSays(this.prompt(dialog.prompts?.confirmation, intent) ?? 'Is that right?');
    }
    return this.sendIntent(intent, token, 'COMPLETED');
  }

  /** The first variation of a model prompt, with `{slot}` references filled in. */
  private prompt(id: string | undefined, intent: ResolvedIntent): string | undefined {
    const variation = this.resolver.model.prompts.find((p) => p.id === id)?.variations[0];
    if (!variation) return undefined;
    const text = variation.type === 'SSML' ? ssmlToText(variation.value) : variation.value;
    return text.replace(/\{([^{}]+)\}/g, (_, name: string) => intent.slots[name]?.value ?? name);
  }

  private alexaSays(speech: string): SkillTurn {
    return { slots: {}, speech, directives: [], speaker: 'alexa', sessionOpen: this.open };
  }

  private envelope(request: Record<string, unknown>, token: string | undefined): RequestEnvelope {
    const session = this.session ?? {
      id: `amzn1.echo-api.session.${randomUUID()}`,
      isNew: true,
      attributes: {},
    };
    const application = { applicationId: this.skillId };
    const user: Record<string, unknown> = { userId: this.userId };
    if (token) user.accessToken = token;
    return {
      version: '1.0',
      session: {
        new: session.isNew,
        sessionId: session.id,
        application,
        attributes: session.attributes,
        user,
      },
      context: {
        System: {
          application,
          user,
          device: { deviceId: this.deviceId, supportedInterfaces: this.device.supportedInterfaces },
          apiEndpoint: this.options.apiEndpoint ?? 'https://api.amazonalexa.com',
          apiAccessToken: 'console-alexa-api-token',
        },
        ...(this.device.viewport ? { Viewport: this.device.viewport } : {}),
      },
      request: {
        requestId: `amzn1.echo-api.request.${randomUUID()}`,
        timestamp: new Date().toISOString(),
        locale: this.locale,
        ...request,
      },
    } as unknown as RequestEnvelope;
  }

  private async send(request: Record<string, unknown>, token: string | undefined): Promise<SkillTurn> {
    const envelope = this.envelope(request, token);
    if (this.session) this.session.isNew = false;
    const response = await this.options.invoke(envelope);
    const r = response.response ?? {};
    const directives = (r.directives ?? []) as unknown as Array<Record<string, unknown>>;
    const dialog = directives.find((d) => typeof d.type === 'string' && d.type.startsWith('Dialog.'));
    // On a device with a screen, no shouldEndSession with a document keeps the session open (no microphone).
    const screen =
      r.shouldEndSession === undefined &&
      directives.some((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');
    const ended =
      request.type === 'SessionEndedRequest' || (r.shouldEndSession !== false && !dialog && !screen);
    const intentName = (request.intent as { name?: string } | undefined)?.name;
    if (ended) {
      this.session = undefined;
    } else if (this.session) {
      this.session.attributes = (response.sessionAttributes ?? {}) as Record<string, unknown>;
      if (dialog) this.session.pending = this.pendingFrom(dialog, request.intent as ResolvedIntent);
    }
    if (dialog?.type === 'Dialog.Delegate' && this.session) {
      // Alexa takes the dialog over: the skill's answer has no speech, the model's prompt follows at once.
      const updated =
        (dialog.updatedIntent as ResolvedIntent | undefined) ?? (request.intent as ResolvedIntent);
      return this.delegate(
        { ...updated, slots: { ...this.resolver.emptySlots(updated.name), ...updated.slots } },
        token,
      );
    }
    const card = r.card as Record<string, unknown> | undefined;
    return {
      request: intentName ?? (request.type as string),
      slots: slotSummary((request.intent as ResolvedIntent | undefined)?.slots),
      speech: speechText(r.outputSpeech),
      reprompt: speechText(r.reprompt?.outputSpeech),
      card: card
        ? {
            type: String(card.type),
            title: card.title as string | undefined,
            text: (card.text ?? card.content) as string | undefined,
            imageUrl: ((card.image as Record<string, string> | undefined)?.largeImageUrl ??
              (card.image as Record<string, string> | undefined)?.smallImageUrl) as string | undefined,
          }
        : undefined,
      directives: directives.map((d) => String(d.type)),
      speaker: 'skill',
      sessionOpen: this.open,
      envelope,
      response,
    };
  }

  private pendingFrom(
    directive: Record<string, unknown>,
    sent: ResolvedIntent | undefined,
  ): Pending | undefined {
    const updated = directive.updatedIntent as
      { name: string; confirmationStatus?: string; slots?: Record<string, ResolvedSlot> } | undefined;
    const base = updated ?? sent;
    if (!base) return undefined;
    const intent: ResolvedIntent = {
      ...base,
      slots: { ...this.resolver.emptySlots(base.name), ...(base.slots ?? {}) },
    };
    switch (directive.type) {
      case 'Dialog.ElicitSlot':
        return { kind: 'elicit', intent, slot: String(directive.slotToElicit), byAlexa: false };
      case 'Dialog.ConfirmSlot':
        return { kind: 'confirmSlot', intent, slot: String(directive.slotToConfirm), byAlexa: false };
      case 'Dialog.ConfirmIntent':
        return { kind: 'confirmIntent', intent, byAlexa: false };
      default:
        return undefined;
    }
  }
}

function slotSummary(slots: Record<string, ResolvedSlot> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, slot] of Object.entries(slots ?? {})) {
    if (slot.value === undefined) continue;
    const authority = slot.resolutions?.resolutionsPerAuthority[0];
    const match = authority?.values?.[0]?.value;
    out[name] =
      authority?.status.code === 'ER_SUCCESS_MATCH' && match
        ? `${slot.value} [${match.name}]`
        : authority
          ? `${slot.value} [no match]`
          : slot.value;
  }
  return out;
}
