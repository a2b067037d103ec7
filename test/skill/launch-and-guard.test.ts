import { aLaunch, anIntent, aSessionEnded, TEST_SKILL_ID } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { readModel } from '../../tools/model';

describe('account-linking guard and launch', () => {
  let alexa: Alexa;
  beforeEach(async () => {
    alexa = await startAlexa();
  });
  afterEach(() => alexa.close());

  const kitchenPlaying = () => {
    const demo = alexa.emulator.state.users.get('demo')!;
    demo.devices[0].is_active = true;
    demo.player = { ...demo.player, deviceId: 'dev-kitchen', trackId: 't-dont-stop', isPlaying: true };
  };

  test('U: open connect remote (unlinked) / A: link your account, LinkAccount card, no Spotify call', async () => {
    const reply = await alexa.send(aLaunch());
    expect(reply.speech).toMatch(/Open the Alexa app.*link/i);
    expect(reply.card).toEqual({ type: 'LinkAccount' });
    expect(reply.endsSession).toBe(true);
    expect(alexa.calls()).toEqual([]);
  });

  test('U: pause (unlinked) / A: link your account, LinkAccount card, no Spotify call', async () => {
    const reply = await alexa.send(anIntent('AMAZON.PauseIntent'));
    expect(reply.card).toEqual({ type: 'LinkAccount' });
    expect(reply.endsSession).toBe(true);
    expect(alexa.calls()).toEqual([]);
  });

  test('U: open connect remote (linked, something playing) / A: says what plays where, session open', async () => {
    kitchenPlaying();
    const reply = await alexa.send(aLaunch().linked(alexa.token));
    expect(reply.speech).toBe(
      "Connect Remote is ready. Don't Stop Me Now by Queen is playing on Kitchen speaker. What would you like to do?",
    );
    expect(reply.ssml).toContain('Don&apos;t Stop Me Now');
    expect(reply.reprompt).toBeTruthy();
    expect(reply.endsSession).toBe(false);
    expect(alexa.calls()).toEqual([
      { method: 'GET', path: '/v1/me/player', query: { additional_types: 'episode' }, body: undefined },
    ]);
    expect(alexa.emulator.log.at(-1)?.authorization).toBe(`Bearer ${alexa.token}`);
  });

  test('U: open connect remote (linked, nothing active: Spotify 204) / A: nothing is playing', async () => {
    const reply = await alexa.send(aLaunch().linked(alexa.token));
    expect(reply.speech).toBe(
      'Connect Remote is ready. Nothing is playing right now. What would you like to do?',
    );
    expect(reply.endsSession).toBe(false);
    expect(alexa.calls().map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1/me/player']);
    expect(alexa.emulator.log.at(-1)?.status).toBe(204);
  });

  test('U: open connect remote (token revoked: Spotify 401) / A: link again, LinkAccount card', async () => {
    const reply = await alexa.send(aLaunch().linked('revoked-token-123456'));
    expect(alexa.emulator.log.at(-1)?.status).toBe(401);
    expect(reply.card).toEqual({ type: 'LinkAccount' });
    expect(reply.speech).toMatch(/Open the Alexa app/);
    expect(reply.endsSession).toBe(true);
  });

  test('U: pause (linked, playing) / A: Paused, and Spotify paused', async () => {
    kitchenPlaying();
    const reply = await alexa.send(anIntent('AMAZON.PauseIntent').linked(alexa.token));
    expect(reply.speech).toBe('Paused.');
    expect(alexa.calls().map((c) => `${c.method} ${c.path}`)).toEqual(['PUT /v1/me/player/pause']);
    expect(alexa.emulator.state.users.get('demo')!.player.isPlaying).toBe(false);
  });

  test('U: pause (linked, no active device: Spotify 404 NO_ACTIVE_DEVICE) / A: nothing is playing', async () => {
    const reply = await alexa.send(anIntent('AMAZON.PauseIntent').linked(alexa.token));
    expect(alexa.emulator.log.at(-1)).toMatchObject({ status: 404 });
    expect(reply.speech).toBe('Nothing is playing right now.');
    expect(reply.endsSession).toBe(true);
  });

  test('U: help / A: examples, session open (works unlinked too)', async () => {
    const reply = await alexa.send(anIntent('AMAZON.HelpIntent'));
    expect(reply.speech).toMatch(/You can say things like: play my workout mix/);
    expect(reply.reprompt).toBeTruthy();
    expect(reply.endsSession).toBe(false);
    expect(reply.card).toBeUndefined();
    expect(alexa.calls()).toEqual([]);
  });

  test.each(['AMAZON.StopIntent', 'AMAZON.CancelIntent'])(
    'U: %s / A: Okay, session ends, music not paused',
    async (intent) => {
      kitchenPlaying();
      const reply = await alexa.send(anIntent(intent).linked(alexa.token));
      expect(reply.speech).toBe('Okay.');
      expect(reply.endsSession).toBe(true);
      expect(alexa.calls()).toEqual([]);
      expect(alexa.emulator.state.users.get('demo')!.player.isPlaying).toBe(true);
    },
  );

  test('U: (mumble) / A: fallback suggests what to say, session open', async () => {
    const reply = await alexa.send(anIntent('AMAZON.FallbackIntent').linked(alexa.token));
    expect(reply.speech).toMatch(/Sorry, I didn't get that\. You can say/);
    expect(reply.endsSession).toBe(false);
    expect(alexa.calls()).toEqual([]);
  });

  test('SessionEndedRequest gets an empty response and no Spotify call', async () => {
    const reply = await alexa.send(aSessionEnded('USER_INITIATED').linked(alexa.token));
    expect(reply.envelope.response.outputSpeech).toBeUndefined();
    expect(alexa.calls()).toEqual([]);
  });

  test('U: (an intent the model does not have) / A: the fallback answer, suggests what to say, no Spotify call', async () => {
    const fallback = await alexa.send(anIntent('AMAZON.FallbackIntent').linked(alexa.token));
    const reply = await alexa.send(anIntent('NoSuchIntent').linked(alexa.token));
    expect(reply.speech).toBe(fallback.speech);
    expect(reply.speech).toMatch(/^Sorry, I didn't get that\. You can say/);
    expect(reply.reprompt).toBe(fallback.reprompt);
    expect(reply.endsSession).toBe(false);
    expect(alexa.calls()).toEqual([]);
  });

  test('(a request type no handler answers) / A: the fallback answer, not "something went wrong"', async () => {
    const envelope = aLaunch().linked(alexa.token).build();
    (envelope.request as { type: string }).type = 'Alexa.Presentation.APL.UserEvent';
    const reply = await alexa.send(envelope);
    expect(reply.speech).toMatch(/^Sorry, I didn't get that\. You can say/);
    expect(reply.endsSession).toBe(false);
    expect(alexa.calls()).toEqual([]);
  });
});

describe('skill id check', () => {
  test('with SKILL_ID set, a request for a foreign skill id gets no normal response', async () => {
    const alexa = await startAlexa({ skillId: TEST_SKILL_ID });
    try {
      await expect(
        alexa.send(aLaunch().linked(alexa.token).forSkill('amzn1.ask.skill.someone-else')),
      ).rejects.toThrow(/ID verification failed/);
      expect(alexa.emulator.log).toEqual([]);
      // The right id is answered normally.
      const reply = await alexa.send(anIntent('AMAZON.HelpIntent').forSkill(TEST_SKILL_ID));
      expect(reply.speech).toMatch(/You can say/);
    } finally {
      await alexa.close();
    }
  });

  test('the callback form (ask run) receives the error for a foreign skill id', async () => {
    const alexa = await startAlexa({ skillId: TEST_SKILL_ID });
    try {
      const outcome = await new Promise<{ err: unknown; res: unknown }>((resolve) => {
        alexa.handler(aLaunch().forSkill('amzn1.ask.skill.other').build(), undefined, (err, res) =>
          resolve({ err, res }),
        );
      });
      expect(outcome.err).toBeInstanceOf(Error);
      expect(outcome.res).toBeUndefined();
    } finally {
      await alexa.close();
    }
  });
});

describe('malformed requests never crash the handler', () => {
  let alexa: Alexa;
  beforeAll(async () => {
    alexa = await startAlexa();
  });
  afterAll(() => alexa.close());

  test.each([
    [
      'no request at all',
      { version: '1.0', context: { System: { application: { applicationId: 'x' }, user: { userId: 'u' } } } },
    ],
    ['no context', { version: '1.0', request: { type: 'LaunchRequest', requestId: 'r', locale: 'en-US' } }],
    [
      'an intent without a name',
      {
        version: '1.0',
        context: {
          System: { application: { applicationId: 'x' }, user: { userId: 'u', accessToken: 'abc' } },
        },
        request: { type: 'IntentRequest', requestId: 'r', intent: {} },
      },
    ],
    [
      'a request type no one handles',
      {
        version: '1.0',
        context: { System: { application: { applicationId: 'x' }, user: { userId: 'u' } } },
        request: { type: 'Alexa.Presentation.APL.UserEvent', requestId: 'r' },
      },
    ],
  ])('%s: answered with a well-formed sentence', async (_name, envelope) => {
    const reply = await alexa.send(envelope as never);
    expect(reply.envelope.version).toBe('1.0');
    expect(reply.speech.length).toBeGreaterThan(0);
  });

  test('the callback form answers a malformed request too', async () => {
    const res = await new Promise<unknown>((resolve, reject) => {
      alexa.handler({} as never, undefined, (err, out) => (err ? reject(err) : resolve(out)));
    });
    expect((res as { response: { outputSpeech: { ssml: string } } }).response.outputSpeech.ssml).toMatch(
      /went wrong/,
    );
  });
});

describe('the guard reads each handler’s needsSpotify flag: every intent in the model, unlinked', () => {
  const { REQUEST_HANDLERS } = require('../../lambda/src/skill') as typeof import('../../lambda/src/skill');
  const model = readModel('en-US');
  const withoutSpotify = new Set(REQUEST_HANDLERS.filter((h) => !h.needsSpotify).flatMap((h) => h.intents));
  const intents = model.interactionModel.languageModel.intents.map((i) => i.name);

  let alexa: Alexa;
  beforeAll(async () => {
    alexa = await startAlexa();
  });
  afterAll(() => alexa.close());

  test('the intents that answer without Spotify are exactly help, stop, cancel, home, fallback and the two help intents', () => {
    expect([...withoutSpotify].sort()).toEqual([
      'AMAZON.CancelIntent',
      'AMAZON.FallbackIntent',
      'AMAZON.HelpIntent',
      'AMAZON.NavigateHomeIntent',
      'AMAZON.StopIntent',
      'DeviceHelpIntent',
      'UnlinkHelpIntent',
    ]);
  });

  test.each(intents)(
    'U: %s (unlinked) / A: an answer of its own or the LinkAccount card; never a Spotify call',
    async (name) => {
      const from = alexa.emulator.log.length;
      const reply = await alexa.send(anIntent(name));
      expect(alexa.emulator.log.slice(from)).toEqual([]);
      if (withoutSpotify.has(name)) expect(reply.card).not.toEqual({ type: 'LinkAccount' });
      else expect(reply.card).toEqual({ type: 'LinkAccount' });
      expect(reply.speech).toBeTruthy();
    },
  );
});
