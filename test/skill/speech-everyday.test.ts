/**
 * Speech made for the ear (issue 13, family 11): names keep their emoji and version suffixes on cards, never in
 * speech; an album named like its track is not said twice; a paused device is "paused", not "playing";
 * typical answers stay short; playlist pages say the same number of names each time.
 */
import { forTheEar, soundAlike, withoutEmoji } from '../../lambda/src/speech/ear';
import { en } from '../../lambda/src/lang/en';
import { startAlexa, type Alexa } from '../support/harness';
import { demo, playing } from '../support/world';

const SUFFIXES = en.understand.versionSuffixes;
const EMOJI = /\p{Extended_Pictographic}/u;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator);
});
afterEach(() => alexa.close());

const WITH_SUFFIX: Array<[string, string]> = [
  ['Something - Remastered 2009', 'Something'],
  ['Abbey Road (Remastered)', 'Abbey Road'],
  ['Song - Live at Wembley Stadium', 'Song'],
  ['Song - 2011 Mix', 'Song'],
  ['Song - Radio Edit', 'Song'],
  ['Song [Live]', 'Song'],
  ['X - Live (2011 Remaster)', 'X'],
  ['Let It Go – From "Frozen"', 'Let It Go'],
];

describe('names for the ear (speech/ear.ts)', () => {
  test.each([
    ['Chill 🌙 Vibes', 'Chill Vibes'],
    ['Beach Day 🏖️', 'Beach Day'],
    ['Español 🇪🇸', 'Español'],
    ['👍🏽 Yes', 'Yes'],
    ...WITH_SUFFIX,
  ])('%s is said as %s', (name, spoken) => {
    expect(forTheEar(name, SUFFIXES)).toBe(spoken);
  });

  test.each([
    // What is part of the name stays.
    'Gym — Legs Day',
    'Road Trip (with Sam)',
    'Get Lucky (feat. Pharrell Williams & Nile Rodgers)',
    'Chill - Evening Mix',
    'Workout Mix 2',
    // A suffix is set off by a dash or a bracket; without one, the words are the name.
    'Live Forever',
    'Abbey Road Remastered',
    // A name that is nothing but a suffix or an emoji is all there is to say.
    'Live',
    '🔥🔥',
  ])('%s is said as it is written', (name) => {
    expect(withoutEmoji(name)).toBe(name);
    expect(forTheEar(name, SUFFIXES)).toBe(name);
  });

  test('every version suffix the pack knows is set off by a dash or a bracket (ear.ts skips names without one)', () => {
    for (const [name] of WITH_SUFFIX) {
      const unmarked = name.replace(/[-–—([\])]/g, ' ');
      expect({ unmarked, matchedBy: SUFFIXES.filter((p) => p.test(unmarked)).map(String) }).toEqual({
        unmarked,
        matchedBy: [],
      });
    }
  });

  test('an album sounds like its track without case, emoji or suffix', () => {
    expect(soundAlike('Eye of the Tiger', 'Eye Of The Tiger (Remastered)', SUFFIXES)).toBe(true);
    expect(soundAlike('Something', 'Abbey Road', SUFFIXES)).toBe(false);
  });
});

describe('what is playing', () => {
  test("U: what's playing (Something - Remastered 2009 from Abbey Road (Remastered)) / A: Something by The Beatles, from Abbey Road, is playing on Kitchen speaker.", async () => {
    playing(alexa.emulator, { trackId: 't-something', contextUri: 'spotify:album:al-abbey-road' });
    const reply = await alexa.say('WhatsPlayingIntent');
    expect(reply.speech).toBe('Something by The Beatles, from Abbey Road, is playing on Kitchen speaker.');
    // The card keeps the names as Spotify wrote them.
    expect(reply.card?.title).toBe('Something - Remastered 2009');
    expect(reply.card?.text).toMatch(/Abbey Road \(Remastered\)/);
  });

  test("U: what's this song (Eye of the Tiger from Eye of the Tiger) / A: Eye of the Tiger by Survivor is playing on Kitchen speaker.", async () => {
    playing(alexa.emulator, { trackId: 't-eye-tiger' });
    const reply = await alexa.say('WhatsPlayingIntent', { thing: 'song' });
    expect(reply.speech).toBe('Eye of the Tiger by Survivor is playing on Kitchen speaker.');
  });

  test('U: what am i listening to (paused) / A: … is paused on Kitchen speaker.', async () => {
    playing(alexa.emulator, { isPlaying: false });
    const reply = await alexa.say('WhatsPlayingIntent');
    expect(reply.speech).toBe("Don't Stop Me Now by Queen, from Jazz, is paused on Kitchen speaker.");
    expect(reply.speech).toMatch(/is paused on Kitchen speaker\.$/);
    expect(reply.speech).not.toMatch(/is playing/);
  });
});

describe('names said when playing', () => {
  test('U: play my chill vibes playlist / A: Playing Chill Vibes on Kitchen speaker. (the screen keeps 🌙)', async () => {
    playing(alexa.emulator, { isPlaying: false });
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'chill vibes' });
    expect(reply.speech).toBe('Playing Chill Vibes on Kitchen speaker.');
    expect(reply.speech).not.toMatch(EMOJI);
  });

  test('U: play come together by the beatles / A: Playing Come Together by The Beatles on Kitchen speaker.', async () => {
    playing(alexa.emulator, { isPlaying: false });
    const reply = await alexa.say('PlaySongIntent', { song: 'come together', artist: 'the beatles' });
    expect(reply.speech).toBe('Playing Come Together by The Beatles on Kitchen speaker.');
  });

  test('U: add this song to road trip with sam / A: Added … to Road Trip (with Sam). (no emoji said)', async () => {
    const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'road trip with sam' });
    expect(reply.speech).toBe("Added Don't Stop Me Now to Road Trip (with Sam).");
  });
});

describe('short answers', () => {
  test.each([
    ['ListDevicesIntent', 'list my devices'],
    ['DeviceHelpIntent', "my speaker isn't showing up"],
    ['ListPlaylistsIntent', 'list my playlists'],
    ['WhatsPlayingIntent', "what's playing"],
  ])('U: %s (%s) / A: at most about 25 words', async (intent) => {
    const reply = await alexa.say(intent);
    expect(words(reply.speech)).toBeLessThanOrEqual(intent === 'ListPlaylistsIntent' ? 30 : 26);
  });
});

describe('playlist pages', () => {
  test('U: list my playlists / A: the first 5 (a null entry of Spotify skipped, not counted); U: more / A: the next 5, none said twice', async () => {
    const first = await alexa.say('ListPlaylistsIntent');
    expect(first.speech).toMatch(/The first 5 are: /);
    const more = await alexa.say('MoreIntent');
    expect(more.speech).toMatch(/^The next 5 are: /);
    const names = (s: string) =>
      s
        .replace(/^.*are: /, '')
        .replace(/\. Say, more.*$/, '')
        .split(/, | and /);
    const heard = [...names(first.speech), ...names(more.speech)];
    expect(new Set(heard).size).toBe(10);
  });

  test("U: list my playlists (only Spotify's own in the library) / A: says they can't be read, not 'You have 3 playlists'", async () => {
    const user = demo(alexa.emulator);
    user.playlistIds = (user.playlistIds ?? []).filter(
      (id) => alexa.emulator.state.playlists.get(id)?.ownerId === 'spotify',
    );
    const reply = await alexa.say('ListPlaylistsIntent');
    expect(reply.speech).toBe(
      "Your library only has Spotify's own playlists, which Spotify doesn't let apps like this one read. You can say, play my liked songs.",
    );
    expect(alexa.calls().filter((c) => c.method !== 'GET')).toEqual([]);
  });
});
