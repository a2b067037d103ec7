/** Playback commands, as conversations through the real handler against the emulator. */
import { startAlexa, type Alexa } from '../support/harness';
import { activeDevice, demo, nothingActive, playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator);
});
afterEach(() => alexa.close());

const player = () => demo(alexa.emulator).player;

test('U: pause / A: Paused.', async () => {
  expect((await alexa.say('AMAZON.PauseIntent')).speech).toBe('Paused.');
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/pause']);
  expect(player().isPlaying).toBe(false);
});

test('U: pause (already paused) / A: It is already paused.', async () => {
  playing(alexa.emulator, { isPlaying: false });
  expect((await alexa.say('AMAZON.PauseIntent')).speech).toBe("It's already paused.");
});

test('U: pause (nothing active) / A: Nothing is playing right now.', async () => {
  nothingActive(alexa.emulator);
  const reply = await alexa.say('AMAZON.PauseIntent');
  expect(reply.speech).toBe('Nothing is playing right now.');
  expect(reply.endsSession).toBe(true);
});

test('U: resume / A: Resuming.', async () => {
  playing(alexa.emulator, { isPlaying: false });
  expect((await alexa.say('AMAZON.ResumeIntent')).speech).toBe('Resuming.');
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/play']);
  expect(player().isPlaying).toBe(true);
});

test('U: resume (nothing active, a default device set) / A: Resuming on Living Room TV.', async () => {
  await alexa.say('SetDefaultDeviceIntent', { device: 'living room tv' });
  nothingActive(alexa.emulator);
  const reply = await alexa.say('AMAZON.ResumeIntent');
  expect(reply.speech).toBe('Resuming on Living Room TV.');
  expect(alexa.calls().at(-1)).toMatchObject({
    method: 'PUT',
    path: '/v1/me/player',
    body: { device_ids: ['dev-tv'], play: true },
  });
  expect(activeDevice(alexa.emulator)?.name).toBe('Living Room TV');
});

test('U: resume (nothing active, several devices, nothing remembered) / A: which device, and what there is', async () => {
  nothingActive(alexa.emulator);
  const reply = await alexa.say('AMAZON.ResumeIntent');
  expect(reply.speech).toMatch(
    /^Nothing is playing, and I'm not sure which device to use\. Say, for example, play on the /,
  );
  expect(reply.speech).toMatch(/Your devices are: Kitchen speaker, /);
  expect(reply.speech).not.toMatch(/PlayStation 5/);
});

test('U: resume (nothing active, one usable device) / A: Resuming on it', async () => {
  nothingActive(alexa.emulator);
  const user = demo(alexa.emulator);
  user.devices = user.devices.filter((d) => d.id === 'dev-laptop' || d.is_restricted);
  const reply = await alexa.say('AMAZON.ResumeIntent');
  expect(reply.speech).toBe("Resuming on Sam's MacBook Pro.");
  expect(reply.ssml).toContain('Sam&apos;s MacBook Pro');
});

test('U: next / A: Skipping.', async () => {
  playing(alexa.emulator, { contextUri: 'spotify:album:al-jazz', trackId: 't-dont-stop' });
  expect((await alexa.say('AMAZON.NextIntent')).speech).toBe('Skipping.');
  expect(alexa.lines()).toEqual(['POST /v1/me/player/next']);
});

test('U: previous / A: Going back.', async () => {
  playing(alexa.emulator, { contextUri: 'spotify:album:al-jazz', trackId: 't-bicycle-race' });
  expect((await alexa.say('AMAZON.PreviousIntent')).speech).toBe('Going back.');
  expect(alexa.lines()).toEqual(['POST /v1/me/player/previous']);
});

test('U: start over / A: Starting over.', async () => {
  expect((await alexa.say('AMAZON.StartOverIntent')).speech).toBe('Starting over.');
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/seek?position_ms=0']);
  expect(player().progressMs).toBe(0);
});

test.each([
  ['AMAZON.ShuffleOnIntent', 'Shuffle is on.', 'true', true],
  ['AMAZON.ShuffleOffIntent', 'Shuffle is off.', 'false', false],
])('U: %s / A: %s', async (intent, speech, state, shuffle) => {
  expect((await alexa.say(intent)).speech).toBe(speech);
  expect(alexa.lines()).toEqual([`PUT /v1/me/player/shuffle?state=${state}`]);
  expect(player().shuffle).toBe(shuffle);
});

test.each([
  ['AMAZON.LoopOnIntent', {}, 'Repeating the playlist.', 'context'],
  ['AMAZON.LoopOffIntent', {}, 'Repeat is off.', 'off'],
  ['RepeatModeIntent', { mode: { value: 'this song', id: 'track' } }, 'Repeating this song.', 'track'],
  [
    'RepeatModeIntent',
    { mode: { value: 'the playlist', id: 'context' } },
    'Repeating the playlist.',
    'context',
  ],
  ['RepeatModeIntent', { mode: { value: 'off', id: 'off' } }, 'Repeat is off.', 'off'],
])('U: %s %j / A: %s', async (intent, slots, speech, state) => {
  expect((await alexa.say(intent, slots)).speech).toBe(speech);
  expect(alexa.lines()).toEqual([`PUT /v1/me/player/repeat?state=${state}`]);
  expect(player().repeat).toBe(state);
});

test('U: repeat (no mode heard) / A: asks which, no Spotify call', async () => {
  // A mode that is no mode ("loop my workout mix") names something to play (test/skill/play-everyday.test.ts).
  const reply = await alexa.say('RepeatModeIntent', {});
  expect(reply.speech).toMatch(/this song, the playlist, or turn repeat off\?/);
  expect(reply.endsSession).toBe(false);
  expect(alexa.lines()).toEqual([]);
});

test('U: set the volume to forty / A: Volume 40 percent.', async () => {
  expect((await alexa.say('SetVolumeIntent', { volume: '40' })).speech).toBe('Volume 40 percent.');
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/volume?volume_percent=40']);
  expect(activeDevice(alexa.emulator)?.volume_percent).toBe(40);
});

test('U: volume 250 / A: 100 is the maximum, so I set it to 100.', async () => {
  expect((await alexa.say('SetVolumeIntent', { volume: '250' })).speech).toBe(
    '100 is the maximum, so I set it to 100.',
  );
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/volume?volume_percent=100']);
});

test('U: volume minus five / A: says the scale, no Spotify call', async () => {
  const reply = await alexa.say('SetVolumeIntent', { volume: '-5' });
  expect(reply.speech).toMatch(/^The volume goes from zero to ten\./);
  expect(alexa.lines()).toEqual([]);
});

test('U: volume (not a number) / A: asks for one, no Spotify call', async () => {
  const reply = await alexa.say('SetVolumeIntent', { volume: '?' });
  expect(reply.speech).toMatch(/zero to ten/);
  expect(alexa.lines()).toEqual([]);
});

test('U: turn it up / A: Volume 60 percent. (from 50, step 10)', async () => {
  activeDevice(alexa.emulator)!.volume_percent = 50;
  expect((await alexa.say('VolumeUpIntent')).speech).toBe('Volume 60 percent.');
  expect(alexa.lines()).toEqual([
    'GET /v1/me/player?additional_types=episode',
    'PUT /v1/me/player/volume?volume_percent=60&device_id=dev-kitchen',
  ]);
});

test('U: turn it down by twenty five / A: Volume 5 percent. (from 30)', async () => {
  activeDevice(alexa.emulator)!.volume_percent = 30;
  expect((await alexa.say('VolumeDownIntent', { step: '25' })).speech).toBe('Volume 5 percent.');
});

test('U: turn it up (a device without volume control) / A: says so', async () => {
  playing(alexa.emulator, { deviceId: 'dev-car' });
  expect((await alexa.say('VolumeUpIntent')).speech).toBe("This device doesn't let me change its volume.");
});

test('U: mute / A: Muted. U: unmute / A: Volume back to 70 percent.', async () => {
  activeDevice(alexa.emulator)!.volume_percent = 70;
  expect((await alexa.say('MuteIntent')).speech).toBe('Muted. Say unmute to bring it back.');
  expect(activeDevice(alexa.emulator)?.volume_percent).toBe(0);
  expect((await alexa.say('UnmuteIntent')).speech).toBe('Volume back to 70 percent.');
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/volume?volume_percent=70']);
  expect(activeDevice(alexa.emulator)?.volume_percent).toBe(70);
});

test('U: skip ahead thirty seconds / A: Skipping ahead 30 seconds.', async () => {
  playing(alexa.emulator, { progressMs: 60_000 });
  const reply = await alexa.say('SeekIntent', {
    direction: { value: 'ahead', id: 'forward' },
    duration: 'PT30S',
  });
  expect(reply.speech).toBe('Skipping ahead 30 seconds.');
  expect(alexa.lines().at(-1)).toBe('PUT /v1/me/player/seek?position_ms=90000&device_id=dev-kitchen');
});

test('U: go back two minutes (one minute in) / A: Going back to the beginning. (what it did, not what was asked)', async () => {
  playing(alexa.emulator, { progressMs: 60_000 });
  const reply = await alexa.say('SeekIntent', { direction: { value: 'back', id: 'back' }, duration: 'PT2M' });
  expect(reply.speech).toBe('Going back to the beginning.');
  expect(alexa.lines().at(-1)).toBe('PUT /v1/me/player/seek?position_ms=0&device_id=dev-kitchen');
});

test('U: go back one minute (exactly one minute in) / A: Going back one minute.', async () => {
  playing(alexa.emulator, { progressMs: 60_000 });
  const reply = await alexa.say('SeekIntent', { direction: { value: 'back', id: 'back' }, duration: 'PT1M' });
  expect(reply.speech).toBe('Going back one minute.');
  expect(alexa.lines().at(-1)).toBe('PUT /v1/me/player/seek?position_ms=0&device_id=dev-kitchen');
});

// Don't Stop Me Now is 209,413 ms long: the seek stops a second before its end.
test.each([
  ['thirty seconds (ten seconds before the end)', 'PT30S', 200_000],
  ['99999999 hours', 'PT99999999H', 60_000],
  ['99999999999999999999 days', 'P99999999999999999999D', 60_000],
])(
  'U: skip ahead %s / A: Skipping to the end. (never the absurd amount)',
  async (_what, duration, progressMs) => {
    playing(alexa.emulator, { progressMs });
    const reply = await alexa.say('SeekIntent', { direction: { value: 'ahead', id: 'forward' }, duration });
    expect(reply.speech).toBe('Skipping to the end.');
    expect(alexa.lines().at(-1)).toBe('PUT /v1/me/player/seek?position_ms=208413&device_id=dev-kitchen');
  },
);

test('U: go back 99999999 hours / A: Going back to the beginning.', async () => {
  playing(alexa.emulator, { progressMs: 60_000 });
  const reply = await alexa.say('SeekIntent', {
    direction: { value: 'back', id: 'back' },
    duration: 'PT99999999H',
  });
  expect(reply.speech).toBe('Going back to the beginning.');
  expect(alexa.lines().at(-1)).toBe('PUT /v1/me/player/seek?position_ms=0&device_id=dev-kitchen');
});

test('U: skip ahead (no usable duration) / A: asks how far', async () => {
  const reply = await alexa.say('SeekIntent', {
    direction: { value: 'ahead', id: 'forward' },
    duration: 'PT',
  });
  expect(reply.speech).toMatch(/How far\?/);
  expect(alexa.lines()).toEqual([]);
});
