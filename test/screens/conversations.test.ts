/**
 * Screens, as conversations through the real handler against the emulator, on a round (Echo Spot), a medium
 * (Echo Show 8) and a TV (Fire TV) viewport; and the same words on an Echo Dot get no screen at all.
 */
import type { ResponseEnvelope } from 'ask-sdk-model';
import { anIntent } from '../support/envelopes';
import { startAlexa, type Alexa, type Reply } from '../support/harness';
import { demo, nothingActive, playing } from '../support/world';
import type { ProfileId } from '../../tools/console/profiles';

const SCREENS: ProfileId[] = ['echo-spot', 'echo-show-8', 'fire-tv'];
const CLASS: Record<string, string> = { 'echo-spot': 'round', 'echo-show-8': 'medium', 'fire-tv': 'tv' };

interface Directive {
  type: string;
  token: string;
  document: { type: string; mainTemplate: unknown };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read as the device reads it
  datasources: { payload: Record<string, any> };
}

export function screenOf(reply: Reply): Directive | undefined {
  const directives = (reply.envelope.response.directives ?? []) as unknown as Directive[];
  return directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');
}

const sizeOf = (envelope: ResponseEnvelope) => Buffer.byteLength(JSON.stringify(envelope), 'utf8');

describe.each(SCREENS)('on %s', (profile) => {
  let alexa: Alexa;
  beforeEach(async () => {
    alexa = await startAlexa({ profile });
    playing(alexa.emulator);
  });
  afterEach(() => alexa.close());

  const payload = (reply: Reply) => screenOf(reply)!.datasources.payload;

  test('U: what is playing / A: the now-playing screen (title, artists, art, device, progress)', async () => {
    const reply = await alexa.say('WhatsPlayingIntent');
    const screen = screenOf(reply)!;
    expect(screen.token).toBe('connectRemote.nowPlaying');
    expect(screen.document.type).toBe('APL');
    const p = payload(reply);
    expect(p.look.screen).toBe(CLASS[profile]);
    expect(p.title).toBe("Don't Stop Me Now");
    expect(p.artists).toBe('Queen');
    expect(p.art).toMatch(/^https:\/\//);
    expect(p.device).toContain('Kitchen speaker');
    expect(p.progress).toBeGreaterThan(0);
    expect(p.buttons.map((b: { action: string }) => b.action)).toEqual([
      'volumeDown',
      'previous',
      'pause',
      'next',
      'volumeUp',
    ]);
    // The screen stays, and with it the session (no microphone): a touch reaches the skill.
    expect(reply.endsSession).toBeUndefined();
    // The player was read once, by the handler: the screen reuses it.
    expect(alexa.lines()).toEqual([expect.stringMatching(/^GET \/v1\/me\/player/)]);
  });

  test('U: play my workout mix / A: playing, and the now-playing screen shows it', async () => {
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
    expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
    expect(payload(reply).title).toBeTruthy();
    expect(payload(reply).playing).toBe(true);
  });

  test('U: pause / A: Paused. The screen shows a play button', async () => {
    const reply = await alexa.say('AMAZON.PauseIntent');
    expect(reply.speech).toBe('Paused.');
    expect(payload(reply).playing).toBe(false);
    expect(payload(reply).buttons[2].action).toBe('resume');
  });

  test('U: pause (nothing active) / A: Nothing is playing, on a screen that says so', async () => {
    nothingActive(alexa.emulator);
    const reply = await alexa.say('AMAZON.PauseIntent');
    expect(reply.speech).toBe('Nothing is playing right now.');
    expect(payload(reply).title).toBe('Nothing is playing');
    expect(payload(reply).buttons).toEqual([]);
  });

  test('U: list my playlists / A: the playlists screen (names, images, item counts, tap to play)', async () => {
    const reply = await alexa.say('ListPlaylistsIntent');
    const screen = screenOf(reply)!;
    expect(screen.token).toBe('connectRemote.playlists');
    const rows = payload(reply).rows as Array<Record<string, string>>;
    // The page that was read aloud (five at most; Spotify's editorial entries come back as null), in order.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({
      action: 'playPlaylist',
      ref: expect.stringMatching(/^spotify:playlist:/),
    });
    expect(rows[0].secondary).toMatch(/^\d+ items?$/);
    expect(rows.some((r) => r.image.startsWith('https://'))).toBe(true);
  });

  test('U: list my devices / A: the devices screen (kind, controllable or not, tap to move)', async () => {
    const reply = await alexa.say('ListDevicesIntent');
    expect(screenOf(reply)!.token).toBe('connectRemote.devices');
    const rows = payload(reply).rows as Array<Record<string, unknown>>;
    expect(rows[0]).toMatchObject({ action: 'transfer', ref: 'dev-kitchen', active: true });
    expect(rows[0].secondary).toContain('Playing here');
    const restricted = rows.filter((r) => r.dim);
    expect(restricted.length).toBeGreaterThan(0);
    for (const r of restricted) expect(r).toMatchObject({ action: 'none', ref: '' });
  });

  test('U: play workout / A: Did you mean …? The question screen shows the candidates to tap', async () => {
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout' });
    expect(reply.speech).toMatch(/^Did you mean/);
    expect(screenOf(reply)!.token).toBe('connectRemote.choose');
    const rows = payload(reply).rows as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.ref)).toEqual(rows.map((_, i) => String(i + 1)));
    expect(reply.endsSession).toBe(false);
  });

  test('U: pause (not linked) / A: link your account, and the linking screen', async () => {
    const reply = await alexa.send(anIntent('AMAZON.PauseIntent').on(profile));
    expect(reply.card?.type).toBe('LinkAccount');
    expect(screenOf(reply)!.token).toBe('connectRemote.link');
    expect(payload(reply).text).toMatch(/Alexa app/);
    expect(reply.endsSession).toBe(true);
  });

  test('a long list stays within Alexa’s 24 KB, however long the names', async () => {
    const { state } = alexa.emulator;
    const user = demo(alexa.emulator);
    const long = 'Ω & <b>${payload.look}</b> '.repeat(40);
    const base = [...state.playlists.values()][0];
    for (let i = 0; i < 60; i++) {
      state.playlists.set(`pl-long-${i}`, { ...base, id: `pl-long-${i}`, name: `${long}${i}` });
      user.playlistIds = [`pl-long-${i}`, ...(user.playlistIds ?? [])];
    }
    const reply = await alexa.say('ListPlaylistsIntent');
    expect(sizeOf(reply.envelope)).toBeLessThan(24_000);
    for (const row of payload(reply).rows as Array<Record<string, string>>) {
      expect(row.primary.length).toBeLessThanOrEqual(200);
      expect(row.primary).not.toMatch(/<|\$\{/);
    }
  });
});

test('on an Echo Dot the same words get exactly the voice answer: no screen, the session ends', async () => {
  const alexa = await startAlexa({ profile: 'echo-dot' });
  try {
    playing(alexa.emulator);
    for (const intent of [
      'WhatsPlayingIntent',
      'AMAZON.PauseIntent',
      'ListPlaylistsIntent',
      'ListDevicesIntent',
    ]) {
      const reply = await alexa.say(intent);
      expect(screenOf(reply)).toBeUndefined();
      expect(reply.envelope.response.directives ?? []).toEqual([]);
    }
    const reply = await alexa.say('AMAZON.ResumeIntent');
    expect(reply.endsSession).toBe(true);
    expect(alexa.lines()).toEqual(['PUT /v1/me/player/play']);
  } finally {
    await alexa.close();
  }
});
