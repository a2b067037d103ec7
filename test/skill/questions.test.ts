/**
 * "Which one?" questions: every question the skill asks is continued by the handler that asked it (its
 * `resume`), through the one answer handler. A new asking intent without `resume` fails here: its question's
 * answer would hear "I've lost track of the choices".
 */
import { REQUEST_HANDLERS } from '../../lambda/src/skill';
import { anIntent } from '../support/envelopes';
import { startAlexa, type Alexa, type Reply } from '../support/harness';
import { playing, secondKitchenDevice } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator);
  // Two kitchen devices and two workout playlists: a question for every asker.
  secondKitchenDevice(alexa.emulator);
});
afterEach(() => alexa.close());

const resumable = new Set(REQUEST_HANDLERS.flatMap((h) => (h.resume ? h.intents : [])));
const writes = () => alexa.calls().filter((c) => c.method !== 'GET');
const question = (reply: Reply) => reply.sessionAttributes.pending as { v: number; intent: string };

/** Each asking conversation: the first turn, and the Spotify write "the second one" must lead to. */
const ASKING: Array<{
  say: string;
  intent: string;
  slots: Record<string, string>;
  then: { method: string; path: string; query?: Record<string, string> };
}> = [
  {
    say: 'play my workout',
    intent: 'PlayPlaylistIntent',
    slots: { playlist: 'workout' },
    then: { method: 'PUT', path: '/v1/me/player/play' },
  },
  {
    say: 'play music by queen on the kitchen',
    intent: 'PlayArtistIntent',
    slots: { artist: 'queen', device: 'kitchen' },
    then: { method: 'PUT', path: '/v1/me/player/play', query: { device_id: 'dev-kitchen-display' } },
  },
  {
    say: 'play workout (a search) on the kitchen',
    intent: 'PlaySearchIntent',
    slots: { query: 'workout mix 2', device: 'kitchen' },
    then: { method: 'PUT', path: '/v1/me/player/play', query: { device_id: 'dev-kitchen-display' } },
  },
  {
    say: 'play the podcast sound and story on the kitchen',
    intent: 'PlayPodcastIntent',
    slots: { show: 'sound and story', device: 'kitchen' },
    then: { method: 'PUT', path: '/v1/me/player/play', query: { device_id: 'dev-kitchen-display' } },
  },
  {
    say: 'resume my podcast on the kitchen',
    intent: 'ResumePodcastIntent',
    slots: { device: 'kitchen' },
    then: { method: 'PUT', path: '/v1/me/player/play', query: { device_id: 'dev-kitchen-display' } },
  },
  {
    say: 'move the music to the kitchen',
    intent: 'TransferPlaybackIntent',
    slots: { device: 'kitchen' },
    then: { method: 'PUT', path: '/v1/me/player' },
  },
  {
    say: 'add this song to my workout playlist',
    intent: 'AddToPlaylistIntent',
    slots: { playlist: 'workout' },
    then: { method: 'POST', path: '/v1/playlists/pl-workout-mix-2/items' },
  },
];

test.each(ASKING)(
  'U: $say / A: which one? U: the second one / A: the asker goes on with it',
  async ({ intent, slots, then }) => {
    const asked = await alexa.say(intent, slots);
    expect(asked.speech).toMatch(/^Did you mean .+ or .+\?$/);
    expect(asked.endsSession).toBe(false);
    expect(question(asked).v).toBe(2);
    expect(resumable).toContain(question(asked).intent);
    expect(writes()).toEqual([]);

    const answered = await alexa.say('ChooseIntent', { ordinal: '2' });
    expect(answered.speech).not.toMatch(/lost track|Did you mean/);
    expect(writes()).toEqual([expect.objectContaining({ ...then, query: then.query ?? expect.anything() })]);
    expect(answered.sessionAttributes.pending).toBeUndefined();
  },
);

test('U: the second one (the session holds a question of an older shape) / A: lost track, nothing done', async () => {
  const old = {
    pending: {
      intent: 'PlaySongIntent',
      slot: 'device',
      options: [
        { name: 'Kitchen speaker', id: 'dev-kitchen' },
        { name: 'Kitchen display', id: 'dev-kitchen-display' },
      ],
      carry: { playName: 'Bohemian Rhapsody', playUris: 'spotify:track:a spotify:track:b' },
    },
  };
  const reply = await alexa.send(
    anIntent('ChooseIntent').slot('ordinal', '2').session(old).linked(alexa.token),
  );
  expect(reply.speech).toBe("Sorry, I've lost track of the choices. Say what you'd like to play again.");
  expect(writes()).toEqual([]);
});

test('U: the second one (a "which device?" question whose kept song is unusable) / A: lost track, nothing played', async () => {
  const forged = {
    pending: {
      v: 2,
      intent: 'PlaySongIntent',
      slot: 'device',
      options: [
        { name: 'Kitchen speaker', id: 'dev-kitchen' },
        { name: 'Kitchen display', id: 'dev-kitchen-display' },
      ],
      carried: { kind: 'device', play: { name: 'Bohemian Rhapsody', uris: [7] } },
    },
  };
  const reply = await alexa.send(
    anIntent('ChooseIntent').slot('ordinal', '2').session(forged).linked(alexa.token),
  );
  expect(reply.speech).toBe("Sorry, I've lost track of the choices. Say what you'd like to play again.");
  expect(writes()).toEqual([]);
});

test('U: play my workout / A: Did you mean Workout Mix or Workout Mix 2? U: the last one / A: Playing Workout Mix 2', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout' });
  // Alexa's AMAZON.Ordinal resolves "the last one" to -1.
  const reply = await alexa.say('ChooseIntent', { ordinal: '-1' });
  expect(reply.speech).toBe('Playing Workout Mix 2 on Kitchen speaker.');
  expect(writes()).toEqual([
    expect.objectContaining({
      path: '/v1/me/player/play',
      body: { context_uri: 'spotify:playlist:pl-workout-mix-2' },
    }),
  ]);
});

test.each(['neither', 'none of those', 'neither of them', 'never mind'])(
  'U: add this song to my workout playlist / A: Did you mean …? U: %s / A: Okay, neither then. (nothing added, nothing searched)',
  async (answer) => {
    await alexa.say('AddToPlaylistIntent', { playlist: 'workout' });
    const before = alexa.calls().length;
    const reply = await alexa.say('AddToPlaylistIntent', { playlist: answer });
    expect(reply.speech).toBe('Okay, neither then.');
    expect(reply.endsSession).toBe(true);
    expect(alexa.calls().slice(before)).toEqual([]);
    expect(writes()).toEqual([]);
    expect(reply.sessionAttributes.pending).toBeUndefined();
  },
);

test('U: play my workout / A: which one? U: neither (as the elicited playlist) / A: Okay, neither then. (nothing played)', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout' });
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'neither' });
  expect(reply.speech).toBe('Okay, neither then.');
  expect(writes()).toEqual([]);
});

test('U: play neither (no question asked) / A: searched like any name', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'neither' });
  expect(reply.speech).not.toBe('Okay, neither then.');
  expect(alexa.calls().some((c) => c.path === '/v1/me/playlists')).toBe(true);
});

describe('answers the way people give them (issue 13, family 8)', () => {
  const roadTrip = async () => {
    const asked = await alexa.say('PlayPlaylistIntent', { playlist: 'road trip' });
    // Spoken without the emoji of "Road Trip 🚗 (with Sam)".
    expect(asked.speech).toBe('Did you mean Road Trip (with Sam), Road Trip 2019 or Road Trip 2021?');
  };
  const played = () =>
    writes().map((c) => (c.body as { context_uri?: string } | undefined)?.context_uri ?? c.path);

  test.each([
    ['last one please', 'spotify:playlist:pl-filler-45'],
    ['number two', 'spotify:playlist:pl-filler-1'],
    ['the middle one', 'spotify:playlist:pl-filler-1'],
    ['the one from 2019', 'spotify:playlist:pl-filler-1'],
    ['the one with sam', 'spotify:playlist:pl-priya-road-trip'],
    ['um the first one please', 'spotify:playlist:pl-priya-road-trip'],
  ])(
    'U: play my road trip playlist / A: Did you mean …? U: %s (as the elicited playlist) / A: plays %s',
    async (answer, uri) => {
      await roadTrip();
      const reply = await alexa.say('PlayPlaylistIntent', { playlist: answer });
      expect(reply.speech).toMatch(/^Playing Road Trip/);
      expect(played()).toEqual([uri]);
    },
  );

  test.each(['nope none of them', "actually don't bother", 'no thanks', "I don't want any of them"])(
    'U: play my road trip playlist / A: Did you mean …? U: %s / A: Okay, neither then. (nothing looked up or played)',
    async (answer) => {
      await roadTrip();
      const before = alexa.calls().length;
      const reply = await alexa.say('PlayPlaylistIntent', { playlist: answer });
      expect(reply.speech).toBe('Okay, neither then.');
      expect(reply.endsSession).toBe(true);
      expect(alexa.calls().slice(before)).toEqual([]);
    },
  );

  test.each([
    [{ number: '3' }, 'number three', 'spotify:playlist:pl-filler-45'],
    [{ number: '2' }, 'option two', 'spotify:playlist:pl-filler-1'],
    [{ ordinal: '-1' }, 'the last one', 'spotify:playlist:pl-filler-45'],
  ])(
    'U: play my road trip playlist / A: Did you mean …? U: %j (ChooseIntent, "%s") / A: plays %s',
    async (slots, _said, uri) => {
      await roadTrip();
      const reply = await alexa.say('ChooseIntent', slots);
      expect(reply.speech).toMatch(/^Playing Road Trip 20(19|21)/);
      expect(played()).toEqual([uri]);
    },
  );

  test('U: the middle one (of two) / A: asked again, nothing played: two options have no middle', async () => {
    await alexa.say('PlayPlaylistIntent', { playlist: 'workout' });
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'the middle one' });
    expect(reply.speech).not.toMatch(/^Playing/);
    expect(writes()).toEqual([]);
  });

  test.each([
    ['TransferPlaybackIntent', 'device', 'Which device?'],
    ['AddToPlaylistIntent', 'playlist', 'Which playlist?'],
  ])(
    'U: %s with nothing named / A: %s U: neither / A: Okay, I will leave it (not "I can\'t see a device called neither")',
    async (intent, slot, asked) => {
      expect((await alexa.say(intent)).speech).toBe(asked);
      const reply = await alexa.say(intent, { [slot]: 'neither' });
      expect(reply.speech).toBe("Okay, I'll leave it.");
      expect(reply.endsSession).toBe(true);
      expect(writes()).toEqual([]);
    },
  );

  test('U: move the music / A: Which device? U: the living room tv please / A: Moving playback (the answer is a name)', async () => {
    await alexa.say('TransferPlaybackIntent');
    const reply = await alexa.say('TransferPlaybackIntent', { device: 'the living room tv please' });
    expect(reply.speech).toBe('Moving playback to Living Room TV.');
  });
});
