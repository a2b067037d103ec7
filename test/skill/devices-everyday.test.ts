/**
 * Issue 13, families 3, 4 and 9: volume the way Echo owners say it, commands about a named device or room,
 * and a default device per Echo.
 */
import { anIntent } from '../support/envelopes';
import { startAlexa, type Alexa, type Reply } from '../support/harness';
import { activeDevice, demo, nothingActive, playing, secondKitchenDevice } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator);
});
afterEach(() => alexa.close());

const writes = () => alexa.calls().filter((c) => c.method !== 'GET');
const volumeOf = (id: string) => demo(alexa.emulator).devices.find((d) => d.id === id)?.volume_percent;

describe('volume the Echo way', () => {
  test.each([
    ['volume 4', { volume: '4' }, 40],
    ['volume ten', { volume: '10' }, 100],
    ['volume zero', { volume: '0' }, 0],
    ['volume 65 (above ten: a percentage)', { volume: '65' }, 65],
    ['volume 5 percent', { percent: '5' }, 5],
    ['max volume', { level: { value: 'max', id: 'max' } }, 100],
    [
      'turn the volume all the way down (10 %, Echo level 1)',
      { level: { value: 'all the way down', id: 'min' } },
      10,
    ],
  ])('U: %s / A: Volume N.', async (_said, slots, expected) => {
    const reply = await alexa.say('SetVolumeIntent', slots);
    expect(reply.speech).toBe(`Volume ${expected} percent.`);
    expect(alexa.lines()).toEqual([`PUT /v1/me/player/volume?volume_percent=${expected}`]);
  });

  test('U: volume 5000 / A: 100 is the maximum, so I set it to 100.', async () => {
    const reply = await alexa.say('SetVolumeIntent', { volume: '5000' });
    expect(reply.speech).toBe('100 is the maximum, so I set it to 100.');
    expect(activeDevice(alexa.emulator)?.volume_percent).toBe(100);
  });

  test('U: set the volume to 200 percent / A: 100 is the maximum', async () => {
    expect((await alexa.say('SetVolumeIntent', { percent: '200' })).speech).toMatch(/^100 is the maximum/);
  });

  test('U: volume minus 3 / A: the scale, and nothing sent to Spotify', async () => {
    const reply = await alexa.say('SetVolumeIntent', { volume: '-3' });
    expect(reply.speech).toBe(
      'The volume goes from zero to ten. Say, for example, volume four, or, volume forty percent.',
    );
    expect(alexa.lines()).toEqual([]);
    expect(activeDevice(alexa.emulator)?.volume_percent).toBe(50);
  });

  test.each([
    ['VolumeUpIntent', 'turn it up a lot', { amount: { value: 'a lot', id: 'lot' } }, 80],
    ['VolumeUpIntent', 'a tiny bit louder', { amount: { value: 'a tiny bit', id: 'little' } }, 55],
    ['VolumeDownIntent', 'much quieter', { amount: { value: 'much', id: 'lot' } }, 20],
    ['VolumeDownIntent', 'turn it down a little', { amount: { value: 'a little', id: 'little' } }, 45],
    ['VolumeUpIntent', 'turn it up by two (two of Echo’s steps)', { step: '2' }, 70],
    ['VolumeDownIntent', 'turn it down by 15 percent', { percent: '15' }, 35],
  ])('U: %s: %s (from 50) / A: Volume N.', async (intent, _said, slots, expected) => {
    activeDevice(alexa.emulator)!.volume_percent = 50;
    expect((await alexa.say(intent, slots)).speech).toBe(`Volume ${expected} percent.`);
    expect(activeDevice(alexa.emulator)?.volume_percent).toBe(expected);
  });
});

describe('a named device or room', () => {
  test('U: pause the tv (it plays on the TV) / A: Paused. (on the TV, by id)', async () => {
    playing(alexa.emulator, { deviceId: 'dev-tv' });
    expect((await alexa.say('PauseDeviceIntent', { device: 'tv' })).speech).toBe('Paused.');
    expect(writes()).toEqual([
      expect.objectContaining({ method: 'PUT', path: '/v1/me/player/pause', query: { device_id: 'dev-tv' } }),
    ]);
    expect(demo(alexa.emulator).player.isPlaying).toBe(false);
  });

  test("U: pause the tv (the kitchen speaker plays) / A: Living Room TV isn't playing. Kitchen speaker is.", async () => {
    const reply = await alexa.say('PauseDeviceIntent', { device: 'tv' });
    expect(reply.speech).toBe("Living Room TV isn't playing. Kitchen speaker is.");
    expect(writes()).toEqual([]);
    expect(demo(alexa.emulator).player.isPlaying).toBe(true);
  });

  test('U: resume the tv (the kitchen speaker is paused) / A: not playing, and nothing else is; nothing resumed', async () => {
    playing(alexa.emulator, { isPlaying: false });
    const reply = await alexa.say('ResumeDeviceIntent', { device: 'tv' });
    expect(reply.speech).toBe("Living Room TV isn't playing, and nothing else is either.");
    expect(writes()).toEqual([]);
    expect(demo(alexa.emulator).player.isPlaying).toBe(false);
  });

  test('U: pause the kitchen (a Kitchen speaker and a Kitchen display; the speaker plays) / A: Paused.', async () => {
    secondKitchenDevice(alexa.emulator);
    expect((await alexa.say('PauseDeviceIntent', { device: 'the kitchen' })).speech).toBe('Paused.');
    expect(writes().map((c) => c.query)).toEqual([{ device_id: 'dev-kitchen' }]);
  });

  test("U: what's playing in the kitchen (two kitchen devices, the TV plays) / A: names both, and what plays", async () => {
    secondKitchenDevice(alexa.emulator);
    playing(alexa.emulator, { deviceId: 'dev-tv' });
    const reply = await alexa.say('WhatsPlayingIntent', { device: 'kitchen' });
    expect(reply.speech).toBe("Kitchen speaker and Kitchen display aren't playing. Living Room TV is.");
  });

  test("U: what's playing in the bedroom (nothing plays at all) / A: the bedroom echo isn't playing", async () => {
    nothingActive(alexa.emulator);
    const reply = await alexa.say('WhatsPlayingIntent', { device: 'bedroom' });
    expect(reply.speech).toBe("Bedroom Echo isn't playing, and nothing else is either.");
  });

  test("U: what's playing on the tv (it plays there) / A: the song, on Living Room TV", async () => {
    playing(alexa.emulator, { deviceId: 'dev-tv' });
    const reply = await alexa.say('WhatsPlayingIntent', { device: 'the tv' });
    expect(reply.speech).toMatch(/^Don't Stop Me Now by Queen, .* is playing on Living Room TV\.$/);
  });

  test('U: skip on the laptop (the MacBook plays: "laptop" is its kind) / A: Skipping.', async () => {
    playing(alexa.emulator, { deviceId: 'dev-laptop', contextUri: 'spotify:album:al-night-opera' });
    expect((await alexa.say('SkipDeviceIntent', { device: 'laptop' })).speech).toBe('Skipping.');
    expect(writes().map((c) => `${c.method} ${c.path} ${c.query.device_id}`)).toEqual([
      'POST /v1/me/player/next dev-laptop',
    ]);
  });

  test('U: turn the tv down (it plays there, at 30) / A: Volume 20 percent. (the TV only)', async () => {
    playing(alexa.emulator, { deviceId: 'dev-tv' });
    expect((await alexa.say('VolumeDownIntent', { device: 'tv' })).speech).toBe('Volume 20 percent.');
    expect(volumeOf('dev-tv')).toBe(20);
    expect(volumeOf('dev-kitchen')).toBe(50);
  });

  test('U: set the kitchen volume to 3 / A: Volume 30 percent. (on the kitchen speaker)', async () => {
    expect((await alexa.say('SetVolumeIntent', { device: 'kitchen', volume: '3' })).speech).toBe(
      'Volume 30 percent.',
    );
    expect(writes().map((c) => c.query)).toEqual([{ volume_percent: '30', device_id: 'dev-kitchen' }]);
  });

  test('U: turn the tv up (the kitchen speaker plays) / A: not playing; no volume changed anywhere', async () => {
    const reply = await alexa.say('VolumeUpIntent', { device: 'tv' });
    expect(reply.speech).toBe("Living Room TV isn't playing. Kitchen speaker is.");
    expect(writes()).toEqual([]);
    expect(volumeOf('dev-kitchen')).toBe(50);
  });

  test('U: mute the tv (it plays there) / A: Muted. (the TV at 0)', async () => {
    playing(alexa.emulator, { deviceId: 'dev-tv' });
    expect((await alexa.say('MuteIntent', { device: 'tv' })).speech).toMatch(/^Muted/);
    expect(volumeOf('dev-tv')).toBe(0);
  });

  test("U: turn down the car (it plays there; no volume control) / A: This device doesn't let me change its volume.", async () => {
    playing(alexa.emulator, { deviceId: 'dev-car' });
    const reply = await alexa.say('VolumeDownIntent', { device: 'car' });
    expect(reply.speech).toBe("This device doesn't let me change its volume.");
  });

  test("U: turn the garage down / A: I can't see a device called garage, with a short list; nothing sent", async () => {
    const reply = await alexa.say('VolumeDownIntent', { device: 'garage' });
    expect(reply.speech).toMatch(/^I can't see a device called garage\. Your devices are: Kitchen speaker, /);
    expect(reply.speech).toMatch(/, PlayStation 5 and Car\.$/);
    expect(writes()).toEqual([]);
  });

  test('U: pause the music please (the device slot names no device) / A: Paused.', async () => {
    expect((await alexa.say('PauseDeviceIntent', { device: 'the music please' })).speech).toBe('Paused.');
    expect(alexa.lines()).toEqual(['PUT /v1/me/player/pause']);
  });
});

describe('a default device per Echo', () => {
  const LOUNGE = 'amzn1.ask.device.LOUNGE-ECHO';
  const KITCHEN = 'amzn1.ask.device.KITCHEN-ECHO';
  const BEDROOM = 'amzn1.ask.device.BEDROOM-ECHO';
  let sessions = 0;

  /** U: (to the Echo `echo`, in a new session) */
  function sayTo(echo: string, intent: string, slots: Record<string, string> = {}): Promise<Reply> {
    const builder = anIntent(intent).linked(alexa.token);
    for (const [name, value] of Object.entries(slots)) builder.slot(name, value);
    const envelope = builder.session({}, `amzn1.echo-api.session.echo-${++sessions}`).fresh().build();
    (envelope.context.System.device as { deviceId: string }).deviceId = echo;
    return alexa.send(envelope);
  }

  test('two Echos, two defaults, two sessions: each Echo plays on its own; a third follows the last one chosen', async () => {
    // Session 1, in the lounge. U: use the tv by default
    expect((await sayTo(LOUNGE, 'SetDefaultDeviceIntent', { device: 'tv' })).speech).toBe(
      'Okay. Living Room TV is your default device when nothing else is playing.',
    );
    // Session 2, in the kitchen. U: use the kitchen speaker by default
    expect((await sayTo(KITCHEN, 'SetDefaultDeviceIntent', { device: 'kitchen speaker' })).speech).toBe(
      'Okay. Kitchen speaker is your default device when nothing else is playing.',
    );

    // Later, nothing active. Lounge: U: play my workout mix / A: on the TV, not the kitchen speaker.
    nothingActive(alexa.emulator);
    expect((await sayTo(LOUNGE, 'PlayPlaylistIntent', { playlist: 'workout mix' })).speech).toBe(
      'Playing Workout Mix on Living Room TV.',
    );
    nothingActive(alexa.emulator);
    expect((await sayTo(KITCHEN, 'PlayPlaylistIntent', { playlist: 'workout mix' })).speech).toBe(
      'Playing Workout Mix on Kitchen speaker.',
    );

    // U: which device is my default: each Echo answers for itself, with no Spotify call.
    expect((await sayTo(LOUNGE, 'WhichDefaultDeviceIntent')).speech).toBe(
      'Living Room TV is the default device for this Echo.',
    );
    expect(alexa.lines()).toEqual([]);
    expect((await sayTo(KITCHEN, 'WhichDefaultDeviceIntent')).speech).toBe(
      'Kitchen speaker is the default device for this Echo.',
    );
    // An Echo without a default of its own follows the user-wide one: the last chosen anywhere.
    expect((await sayTo(BEDROOM, 'WhichDefaultDeviceIntent')).speech).toBe(
      'Kitchen speaker is your default device.',
    );
  });

  test('U: which device is my default (none chosen) / A: says so and how, no Spotify call', async () => {
    const reply = await sayTo(LOUNGE, 'WhichDefaultDeviceIntent');
    expect(reply.speech).toBe(
      "You haven't chosen a default device yet. Say, for example, use the kitchen speaker by default.",
    );
    expect(alexa.lines()).toEqual([]);
  });
});

describe("what's the volume", () => {
  test("U: what's the volume (Kitchen speaker at 50 %) / A: The volume is 50 percent on Kitchen speaker. (one GET, no write)", async () => {
    const reply = await alexa.say('WhatsTheVolumeIntent');
    expect(volumeOf('dev-kitchen')).toBe(50);
    expect(reply.speech).toBe('The volume is 50 percent on Kitchen speaker.');
    expect(alexa.lines()).toEqual(['GET /v1/me/player?additional_types=episode']);
  });

  test('U: turn it up, then how loud is it / A: The volume is 60 percent on Kitchen speaker.', async () => {
    await alexa.say('VolumeUpIntent');
    const reply = await alexa.say('WhatsTheVolumeIntent');
    expect(reply.speech).toBe('The volume is 60 percent on Kitchen speaker.');
  });

  test("U: mute, then what's the volume / A: Kitchen speaker is muted. Say unmute to bring it back.", async () => {
    await alexa.say('MuteIntent');
    expect(volumeOf('dev-kitchen')).toBe(0);
    const reply = await alexa.say('WhatsTheVolumeIntent');
    expect(reply.speech).toBe('Kitchen speaker is muted. Say unmute to bring it back.');
  });

  test("U: what's the volume (a device that reports none) / A: … doesn't report its volume.", async () => {
    const device = demo(alexa.emulator).devices.find((d) => !d.supports_volume);
    if (!device) throw new Error('the seed has no device without volume control');
    playing(alexa.emulator, { deviceId: device.id });
    const reply = await alexa.say('WhatsTheVolumeIntent');
    expect(reply.speech).toBe(`${device.name} doesn't report its volume.`);
    expect(writes()).toEqual([]);
  });

  test("U: what's the volume (nothing plays) / A: Nothing is playing right now.", async () => {
    nothingActive(alexa.emulator);
    const reply = await alexa.say('WhatsTheVolumeIntent');
    expect(reply.speech).toBe('Nothing is playing right now.');
    expect(writes()).toEqual([]);
  });
});
