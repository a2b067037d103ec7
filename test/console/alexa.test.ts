/**
 * The console playing Alexa: the envelopes it sends to the real skill (session, user, token, locale), and
 * how it follows dialog directives. The directives the real skill does not use yet (ConfirmSlot,
 * ConfirmIntent, Delegate, auto-delegation) are exercised with a small skill built on ask-sdk-core and the
 * fixture model, so the console is checked against real ask-sdk responses.
 */
import * as path from 'node:path';
import { SkillBuilders, getDialogState, getIntentName, getSlot, type HandlerInput } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { AlexaSession, type SkillTurn } from '../../tools/console/alexa';
import { ConsoleApp } from '../../tools/console/app';
import { loadModel } from '../../tools/console/model';
import { UtteranceResolver } from '../../tools/console/resolver';
import { captureSink, registerSecret } from '../support/log-capture';

const request = (turn: SkillTurn) => turn.envelope?.request as IntentRequest;

describe('envelopes sent to the real skill', () => {
  let app: ConsoleApp;
  beforeEach(async () => {
    app = await ConsoleApp.start({ say: () => undefined, logSink: captureSink });
    registerSecret(app.linker.current!.accessToken);
    registerSecret(app.linker.current!.refreshToken!);
  });
  afterEach(() => app.close());

  test('U: open connect remote / U: help: one session, new then not new, the linked token in context and session', async () => {
    const launch = await app.utter('open connect remote');
    const help = await app.utter('help');
    const first = launch.envelope!;
    const second = help.envelope!;
    expect(first.request.type).toBe('LaunchRequest');
    expect(first.session?.new).toBe(true);
    expect(second.session?.new).toBe(false);
    expect(second.session?.sessionId).toBe(first.session?.sessionId);
    expect(first.context.System.user.accessToken).toBe(app.linker.current!.accessToken);
    expect(first.session?.user.accessToken).toBe(app.linker.current!.accessToken);
    expect(first.request.locale).toBe('en-US');
    expect(first.context.System.application.applicationId).toMatch(/^amzn1\.ask\.skill\./);
    expect(first.context.System.apiEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.request.requestId).not.toBe(second.request.requestId);
  });

  test('U: stop ends the session; the next utterance starts a new one', async () => {
    const launch = await app.utter('open connect remote');
    await app.utter('stop');
    expect(app.alexa.open).toBe(false);
    const next = await app.utter('help');
    expect(next.envelope!.session?.new).toBe(true);
    expect(next.envelope!.session?.sessionId).not.toBe(launch.envelope!.session?.sessionId);
  });

  test('Dialog.ElicitSlot: the answer fills that slot of the updated intent, dialogState IN_PROGRESS', async () => {
    const question = await app.utter('play my road trip playlist on the tv');
    expect(question.directives).toContain('Dialog.ElicitSlot');
    expect(app.alexa.awaiting).toBe('PlayPlaylistIntent.playlist');
    const answer = await app.utter('road trip 2021');
    expect(request(answer).dialogState).toBe('IN_PROGRESS');
    expect(request(answer).intent.name).toBe('PlayPlaylistIntent');
    expect(request(answer).intent.slots?.playlist.value).toBe('road trip 2021');
    // The other slot comes back as the skill's updated intent had it.
    expect(request(answer).intent.slots?.device.value).toBe('tv');
    expect(answer.speech).toMatch(/^Playing Road Trip 2021 on Living Room TV/);
  });

  test('session attributes the skill sets come back on the next request', async () => {
    const question = await app.utter('play my road trip playlist');
    const attributes = question.response!.sessionAttributes;
    expect(attributes).toBeTruthy();
    const answer = await app.utter('the first one');
    expect(answer.envelope!.session?.attributes).toEqual(attributes);
  });

  test(':state, :devices and :help speak plainly and never show a token', async () => {
    const token = app.linker.current!.accessToken;
    const state = await app.command(':state');
    expect(state.lines.join('\n')).toMatch(/account {3}linked, token valid for \d+ s, refreshable/);
    const devices = await app.command(':devices');
    expect(devices.lines.join('\n')).toMatch(/▶ Kitchen speaker \(Speaker\), volume 50%/);
    expect(devices.lines.join('\n')).toMatch(/PlayStation 5 .*restricted/);
    const help = await app.command(':help');
    for (const result of [state, devices, help]) expect(result.lines.join('\n')).not.toContain(token);
  });

  test(':locale accepts only locales that have a model; the request locale follows', async () => {
    expect(await app.command(':locale xx-XX')).toMatchObject({ error: true });
    expect((await app.command(':locale en-US')).error).toBeUndefined();
    const turn = await app.utter('help');
    expect(turn.envelope!.request.locale).toBe('en-US');
  });

  test(':calls hides the calls; a :fault with a bad status is refused', async () => {
    expect(app.showCalls).toBe(true);
    await app.command(':calls');
    expect(app.showCalls).toBe(false);
    expect(await app.command(':fault PUT /v1/me/player/pause 99')).toMatchObject({ error: true });
    expect(app.emulator!.faults.pending()).toBe(0);
    // 400 is never retried by the client, so each turn meets the fault once.
    await app.command(':fault put /v1/me/player/pause 400 - 2');
    expect(app.emulator!.faults.pending()).toBe(1);
    const first = await app.utter('pause');
    const second = await app.utter('pause');
    expect([first.calls[0].status, second.calls[0].status]).toEqual([400, 400]);
    expect(app.emulator!.faults.pending()).toBe(0);
  });

  test(':unlink sends requests without a token; :new sends SessionEndedRequest', async () => {
    await app.command(':unlink');
    const launch = await app.utter('what can I say');
    expect(launch.envelope!.context.System.user.accessToken).toBeUndefined();
    expect(launch.sessionOpen).toBe(true);
    const result = await app.command(':new');
    expect(result.lines[0]).toMatch(/SessionEndedRequest/);
    expect(app.alexa.open).toBe(false);
  });
});

/** A small skill that asks with every dialog directive, for the fixture model. */
function dialogSkill() {
  const slotValue = (input: HandlerInput, name: string) => getSlot(input.requestEnvelope, name)?.value;
  const intent = (name: string) => ({
    canHandle: (input: HandlerInput) =>
      input.requestEnvelope.request.type === 'IntentRequest' && getIntentName(input.requestEnvelope) === name,
  });
  return SkillBuilders.custom()
    .addRequestHandlers(
      {
        ...intent('SetVolumeIntent'),
        handle(input) {
          const slot = getSlot(input.requestEnvelope, 'volume');
          if (Number(slot?.value) > 80 && slot?.confirmationStatus === 'NONE') {
            return input.responseBuilder
              .speak(`${slot.value}, that is loud. Sure?`)
              .addConfirmSlotDirective('volume')
              .getResponse();
          }
          const speech =
            slot?.confirmationStatus === 'DENIED' ? 'Volume unchanged.' : `Volume ${slot?.value}.`;
          return input.responseBuilder.speak(speech).getResponse();
        },
      },
      {
        ...intent('TransferIntent'),
        handle(input) {
          const status = (input.requestEnvelope.request as IntentRequest).intent.confirmationStatus;
          const device = slotValue(input, 'device');
          if (status === 'NONE') {
            return input.responseBuilder
              .speak(`Move the music to ${device}?`)
              .addConfirmIntentDirective()
              .getResponse();
          }
          return input.responseBuilder
            .speak(status === 'CONFIRMED' ? `Moved to ${device}.` : 'Staying.')
            .getResponse();
        },
      },
      {
        ...intent('PlayPlaylistIntent'),
        handle(input) {
          if (getDialogState(input.requestEnvelope) !== 'COMPLETED') {
            return input.responseBuilder.addDelegateDirective().getResponse();
          }
          return input.responseBuilder.speak(`Playing ${slotValue(input, 'playlist')}.`).getResponse();
        },
      },
      {
        ...intent('CreatePlaylistIntent'),
        handle(input) {
          const status = (input.requestEnvelope.request as IntentRequest).intent.confirmationStatus;
          const name = slotValue(input, 'name');
          return input.responseBuilder
            .speak(status === 'CONFIRMED' ? `Created ${name}.` : 'Not created.')
            .getResponse();
        },
      },
      {
        canHandle: () => true,
        handle: (input) => input.responseBuilder.speak('Something else.').getResponse(),
      },
    )
    .create();
}

describe('dialog directives and auto-delegation (a small ask-sdk skill on the fixture model)', () => {
  let sent: RequestEnvelope[];
  let alexa: AlexaSession;
  beforeEach(() => {
    sent = [];
    const skill = dialogSkill();
    const model = loadModel(path.join(__dirname, 'fixtures', 'small-model.json'));
    alexa = new AlexaSession({
      resolver: new UtteranceResolver(model),
      locale: 'en-US',
      invoke: async (envelope) => {
        sent.push(envelope);
        return (await skill.invoke(envelope)) as ResponseEnvelope;
      },
    });
  });
  const last = () => sent.at(-1)!.request as IntentRequest;

  test('Dialog.ConfirmSlot: U: no / the slot arrives DENIED, dialogState IN_PROGRESS', async () => {
    const ask = await alexa.say('set the volume to ninety', undefined);
    expect(ask.speech).toBe('90, that is loud. Sure?');
    expect(last().dialogState).toBe('STARTED');
    expect(alexa.awaiting).toBe('confirm SetVolumeIntent.volume');
    const answer = await alexa.say('no', undefined);
    expect(last().dialogState).toBe('IN_PROGRESS');
    expect(last().intent.slots?.volume).toMatchObject({ value: '90', confirmationStatus: 'DENIED' });
    expect(answer.speech).toBe('Volume unchanged.');
    expect(answer.sessionOpen).toBe(false);
  });

  test('Dialog.ConfirmIntent: U: yes / the intent arrives CONFIRMED', async () => {
    await alexa.say('move the music to the kitchen', undefined);
    const answer = await alexa.say('yes please', undefined);
    expect(last().intent.confirmationStatus).toBe('CONFIRMED');
    expect(last().dialogState).toBe('IN_PROGRESS');
    expect(answer.speech).toBe('Moved to kitchen.');
  });

  test('a confirmation answered with something else is a new request', async () => {
    await alexa.say('move the music to the kitchen', undefined);
    const other = await alexa.say('list my devices', undefined);
    expect(last().intent.name).toBe('ListDevicesIntent');
    expect(other.speech).toBe('Something else.');
  });

  test('Dialog.Delegate: Alexa asks the model prompt, confirms the slot, then sends COMPLETED', async () => {
    const prompt = await alexa.say('play a playlist', undefined);
    expect(sent).toHaveLength(1);
    expect(prompt).toMatchObject({ speaker: 'alexa', speech: 'Which playlist?', sessionOpen: true });
    const confirm = await alexa.say('summer hits', undefined);
    expect(sent).toHaveLength(1); // Alexa asks without the skill
    expect(confirm.speech).toBe('summer hits, is that right?');
    const done = await alexa.say('yes', undefined);
    expect(sent).toHaveLength(2);
    expect(last().dialogState).toBe('COMPLETED');
    expect(last().intent.slots?.playlist).toMatchObject({
      value: 'summer hits',
      confirmationStatus: 'CONFIRMED',
    });
    expect(done.speech).toBe('Playing summer hits.');
  });

  test('auto-delegation (delegationStrategy ALWAYS): the skill sees only the COMPLETED intent', async () => {
    const prompt = await alexa.say('create a playlist', undefined);
    expect(sent).toHaveLength(0);
    expect(prompt.speech).toBe('What should the playlist be called?');
    const confirm = await alexa.say('road songs', undefined);
    expect(confirm.speech).toBe('Create a playlist called road songs?');
    const done = await alexa.say('yes', undefined);
    expect(sent).toHaveLength(1);
    expect(last()).toMatchObject({ dialogState: 'COMPLETED', intent: { confirmationStatus: 'CONFIRMED' } });
    expect(done.speech).toBe('Created road songs.');
  });

  test('"cancel" during an Alexa prompt goes to CancelIntent, not into the slot', async () => {
    await alexa.say('create a playlist', undefined);
    await alexa.say('cancel', undefined);
    expect(last().intent.name).toBe('AMAZON.CancelIntent');
  });
});
