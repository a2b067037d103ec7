/**
 * The en-US interaction model: it parses, Alexa would build it, it declares exactly the intents and slots the
 * handlers are written against, and what people say reaches the right intent with the slots (and slot ids)
 * the handlers read. Utterances are written as Alexa hears them after "Alexa, ask connect remote to ...".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_INTENTS, CUSTOM_INTENTS, ELICITED_SLOTS, SLOT_TYPE_IDS } from './intents';
import { resolve, resolveElicited, type Resolution } from './resolve';
import { checkModel, MODEL_DIR, normalise, readModel, slotsIn } from '../../tools/model';

const model = readModel('en-US');
const { languageModel, dialog, prompts = [] } = model.interactionModel;
const intent = (name: string) => languageModel.intents.find((i) => i.name === name);
const samplesOf = (name: string) => intent(name)?.samples ?? [];

/** Intents people phrase many ways: every play intent, volume, seek and transfer. */
const MANY_WAYS = [
  'PlayPlaylistIntent',
  'PlayLikedSongsIntent',
  'PlayArtistIntent',
  'PlayAlbumIntent',
  'PlaySongIntent',
  'PlayGenreIntent',
  'PlaySearchIntent',
  'SetVolumeIntent',
  'VolumeUpIntent',
  'VolumeDownIntent',
  'SeekIntent',
  'TransferPlaybackIntent',
];

describe('the en-US interaction model', () => {
  test('parses as JSON and is the only locale so far', () => {
    expect(() => JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'en-US.json'), 'utf8'))).not.toThrow();
    expect(fs.readdirSync(MODEL_DIR)).toContain('en-US.json');
  });

  test('breaks none of the rules Alexa enforces', () => {
    expect(checkModel(model)).toEqual([]);
  });

  test('is invoked as "connect remote"', () => {
    expect(languageModel.invocationName).toBe('connect remote');
  });

  test('declares exactly the custom intents the handlers use, with their slots and types', () => {
    const custom = Object.fromEntries(
      languageModel.intents
        .filter((i) => !i.name.startsWith('AMAZON.'))
        .map((i) => [i.name, Object.fromEntries((i.slots ?? []).map((s) => [s.name, s.type]))]),
    );
    expect(custom).toEqual(CUSTOM_INTENTS);
  });

  test('declares the built-in intents the skill handles', () => {
    const builtIns = languageModel.intents.map((i) => i.name).filter((n) => n.startsWith('AMAZON.'));
    expect([...builtIns].sort()).toEqual([...BUILT_IN_INTENTS].sort());
  });

  test.each(Object.keys(CUSTOM_INTENTS))('%s has enough natural samples', (name) => {
    expect(samplesOf(name).length).toBeGreaterThanOrEqual(MANY_WAYS.includes(name) ? 8 : 4);
  });

  test.each(Object.entries(CUSTOM_INTENTS).filter(([, slots]) => Object.keys(slots).length > 0))(
    'every slot of %s appears in at least one sample',
    (name, slots) => {
      const used = new Set(samplesOf(name).flatMap(slotsIn));
      expect(Object.keys(slots).filter((s) => !used.has(s))).toEqual([]);
    },
  );

  test('every play intent with a device slot can be said with and without "on the <device>"', () => {
    for (const [name, slots] of Object.entries(CUSTOM_INTENTS)) {
      if (!name.startsWith('Play') || !slots.device) continue;
      const samples = samplesOf(name);
      expect({ name, withDevice: samples.some((s) => / on the \{device\}$/.test(s)) }).toEqual({
        name,
        withDevice: true,
      });
      expect({ name, withoutDevice: samples.some((s) => !s.includes('{device}')) }).toEqual({
        name,
        withoutDevice: true,
      });
    }
  });

  test('every seek sample names its direction, so the handler never guesses forward or back', () => {
    expect(samplesOf('SeekIntent').filter((s) => !s.includes('{direction}'))).toEqual([]);
  });

  test('"more" does not take the words of AMAZON.NextIntent or AMAZON.ResumeIntent', () => {
    const taken = ['next', 'skip', 'next song', 'skip this', 'continue', 'resume'];
    expect(samplesOf('MoreIntent').filter((s) => taken.includes(normalise(s)))).toEqual([]);
  });

  test.each(Object.entries(SLOT_TYPE_IDS))('%s has exactly the ids the handlers read', (typeName, ids) => {
    const type = languageModel.types?.find((t) => t.name === typeName);
    expect(type?.values.map((v) => v.id).sort()).toEqual([...ids].sort());
  });

  test('DeviceName lists the kinds of Spotify Connect device people name', () => {
    const values = languageModel.types?.find((t) => t.name === 'DeviceName')?.values.map((v) => v.name.value);
    expect(values).toEqual(
      expect.arrayContaining(['kitchen speaker', 'living room tv', 'tv', 'laptop', 'phone']),
    );
  });
});

describe('the dialog model lets the handlers elicit a slot again', () => {
  test.each(Object.entries(ELICITED_SLOTS))('%s.%s', (name, slot) => {
    const entry = dialog?.intents.find((d) => d.name === name);
    expect(entry?.delegationStrategy ?? dialog?.delegationStrategy).toBe('SKILL_RESPONSE');
    const dialogSlot = entry?.slots?.find((s) => s.name === slot);
    expect(dialogSlot?.elicitationRequired).toBe(true);
    const prompt = prompts.find((p) => p.id === dialogSlot?.prompts?.elicitation);
    expect(prompt?.variations.length).toBeGreaterThan(0);
    const declared = intent(name)?.slots?.find((s) => s.name === slot);
    const slotSamples = declared?.samples ?? [];
    if (declared?.type === 'AMAZON.SearchQuery')
      // A phrase slot needs a carrier phrase in every sample, slot samples included (npm run validate).
      for (const sample of slotSamples) expect(sample.replace(`{${slot}}`, '').trim()).not.toBe('');
    else expect(slotSamples).toContain(`{${slot}}`);
    expect(slotSamples.length).toBeGreaterThan(0);
  });

  test('no other intent is in the dialog model, so no other intent is delegated', () => {
    expect(dialog?.intents.map((d) => d.name).sort()).toEqual(Object.keys(ELICITED_SLOTS).sort());
  });
});

/** "U: <utterance>" → the intent and slots the skill receives. */
function heard(utterance: string): Resolution {
  return resolve(model, utterance);
}

function match(intentName: string, slots: Record<string, string | { value: string; id: string }> = {}) {
  return {
    kind: 'match',
    resolved: {
      intent: intentName,
      slots: Object.fromEntries(
        Object.entries(slots).map(([k, v]) => [k, typeof v === 'string' ? { value: v } : v]),
      ),
    },
  };
}

describe('what people say reaches the right intent', () => {
  test.each<[string, ReturnType<typeof match>]>([
    // Play by name, with and without a device.
    ['play my workout mix', match('PlayPlaylistIntent', { playlist: 'workout mix' })],
    [
      'play my workout mix on the kitchen speaker',
      match('PlayPlaylistIntent', { playlist: 'workout mix', device: 'kitchen speaker' }),
    ],
    ['play the playlist workout mix', match('PlayPlaylistIntent', { playlist: 'workout mix' })],
    ['play workout mix playlist', match('PlayPlaylistIntent', { playlist: 'workout mix' })],
    ['put on my road trip playlist', match('PlayPlaylistIntent', { playlist: 'road trip' })],
    ['play my liked songs', match('PlayLikedSongsIntent')],
    // Shuffle said with what to play: one intent, its words read in code (handlers/play.ts, matching/play.ts).
    ['shuffle my liked songs on the tv', match('ShufflePlayIntent', { query: 'my liked songs on the tv' })],
    [
      'play my favorites in the bedroom speaker',
      match('PlayLikedSongsIntent', { device: 'bedroom speaker' }),
    ],
    ['play songs by daft punk', match('PlayArtistIntent', { artist: 'daft punk' })],
    [
      'play something by miles davis on the living room tv',
      match('PlayArtistIntent', { artist: 'miles davis', device: 'living room tv' }),
    ],
    ['play the album discovery', match('PlayAlbumIntent', { album: 'discovery' })],
    [
      'play the album discovery by daft punk',
      match('PlayAlbumIntent', { album: 'discovery', artist: 'daft punk' }),
    ],
    [
      'play one more time by daft punk',
      match('PlaySongIntent', { song: 'one more time', artist: 'daft punk' }),
    ],
    ['play the song yesterday', match('PlaySongIntent', { song: 'yesterday' })],
    ['play some jazz', match('PlayGenreIntent', { genre: 'jazz' })],
    ['play something relaxing', match('PlayGenreIntent', { genre: 'relaxing' })],
    ['play something to study to', match('PlayGenreIntent', { genre: 'study' })],
    ['play some r. and b. on the laptop', match('PlayGenreIntent', { genre: 'r. and b.', device: 'laptop' })],
    ['play bohemian rhapsody', match('PlaySearchIntent', { query: 'bohemian rhapsody' })],
    ['i want to hear the beatles', match('PlaySearchIntent', { query: 'the beatles' })],
    // Playlists and the queue.
    [
      'queue harder better faster stronger',
      match('QueueSongIntent', { song: 'harder better faster stronger' }),
    ],
    ['play hey jude next', match('QueueSongIntent', { song: 'hey jude' })],
    ['add this song to road trip', match('AddToPlaylistIntent', { playlist: 'road trip' })],
    ['add this to my workout mix playlist', match('AddToPlaylistIntent', { playlist: 'workout mix' })],
    ['create a playlist called summer nights', match('CreatePlaylistIntent', { name: 'summer nights' })],
    ['list my playlists', match('ListPlaylistsIntent')],
    ['what else', match('MoreIntent')],
    ['the second one', match('ChooseIntent', { ordinal: 'second' })],
    ['play the first one', match('ChooseIntent', { ordinal: 'first' })],
    ['like this song', match('SaveSongIntent')],
    ['add this song to my liked songs', match('SaveSongIntent')],
    ["what's playing", match('WhatsPlayingIntent')],
    // The families of issue 13: word slots carry "song", "track", "tune"; "speaker", "echo", "tv".
    ['what track is this', match('WhatsPlayingIntent', { thing: 'track' })],
    ['which group is this', match('WhatsPlayingIntent', { act: 'group' })],
    ["what's the next tune", match('WhatsNextIntent', { thing: 'tune' })],
    ['is anything in my queue', match('WhatsNextIntent', { upcoming: 'queue' })],
    ["my chromecast isn't showing up", match('DeviceHelpIntent', { kind: 'chromecast' })],
    ['which speakers can i play on', match('ListDevicesIntent', { kind: 'speakers' })],
    ['i really like this tune', match('SaveSongIntent', { thing: 'tune' })],
    [
      'add this to my liked songs please',
      match('AddToPlaylistIntent', { playlist: 'my liked songs please' }),
    ],
    ['which device is playing', match('WhatsPlayingIntent')],
    // Volume, seek, repeat.
    ['set the volume to forty', match('SetVolumeIntent', { volume: 'forty' })],
    ['volume sixty percent', match('SetVolumeIntent', { percent: 'sixty' })],
    ['turn it up', match('VolumeUpIntent')],
    ['turn it up by ten', match('VolumeUpIntent', { step: 'ten' })],
    ['quieter', match('VolumeDownIntent')],
    ['lower the volume by twenty percent', match('VolumeDownIntent', { percent: 'twenty' })],
    ['mute', match('MuteIntent')],
    ['turn the sound back on', match('UnmuteIntent')],
    [
      'rewind thirty seconds',
      match('SeekIntent', { direction: { value: 'rewind', id: 'back' }, duration: 'thirty seconds' }),
    ],
    [
      'go back ten seconds',
      match('SeekIntent', { direction: { value: 'back', id: 'back' }, duration: 'ten seconds' }),
    ],
    [
      'skip ahead one minute',
      match('SeekIntent', { direction: { value: 'ahead', id: 'forward' }, duration: 'one minute' }),
    ],
    [
      'fast forward two minutes',
      match('SeekIntent', { direction: { value: 'forward', id: 'forward' }, duration: 'two minutes' }),
    ],
    ['repeat this song', match('RepeatModeIntent', { mode: { value: 'this song', id: 'track' } })],
    [
      'put the playlist on repeat',
      match('RepeatModeIntent', { mode: { value: 'the playlist', id: 'context' } }),
    ],
    ['turn repeat off', match('RepeatModeIntent', { mode: { value: 'off', id: 'off' } })],
    // Devices.
    ['list my devices', match('ListDevicesIntent')],
    ['play on the living room tv', match('TransferPlaybackIntent', { device: 'living room tv' })],
    ['move the music to the kitchen speaker', match('TransferPlaybackIntent', { device: 'kitchen speaker' })],
    ['switch to xbox', match('TransferPlaybackIntent', { device: 'xbox' })],
    ['use the kitchen speaker by default', match('SetDefaultDeviceIntent', { device: 'kitchen speaker' })],
    // Troubleshooting and account.
    ["why can't you find my speaker", match('DeviceHelpIntent')],
    ["my tv isn't showing up", match('DeviceHelpIntent')],
    ['how do i unlink my account', match('UnlinkHelpIntent')],
    ['disconnect spotify', match('UnlinkHelpIntent')],
    ['which account is linked', match('WhichAccountIntent')],
    // Built-ins the model extends.
    ['pause the music', match('AMAZON.PauseIntent')],
    ['play', match('AMAZON.ResumeIntent')],
    ['skip this song', match('AMAZON.NextIntent')],
    ['next page', match('MoreIntent')],
    ['play the previous song', match('AMAZON.PreviousIntent')],
    ['turn on shuffle', match('AMAZON.ShuffleOnIntent')],
    ['shuffle the beatles', match('ShufflePlayIntent', { query: 'the beatles' })],
  ])('U: %s', (utterance, expected) => {
    expect(heard(utterance)).toEqual(expected);
  });

  test('a repeat mode Alexa cannot resolve does not reach RepeatModeIntent', () => {
    expect(heard('repeat banana')).toEqual({ kind: 'none' });
  });
});

describe('answers to "which one?" fill the elicited slot', () => {
  test.each<[string, string, string, string]>([
    ['PlayPlaylistIntent', 'playlist', 'workout mix two', 'workout mix two'],
    ['PlayPlaylistIntent', 'playlist', 'the workout beats one', 'workout beats'],
    ['PlayPlaylistIntent', 'playlist', 'the second one', 'second'],
    ['AddToPlaylistIntent', 'playlist', 'my road trip playlist', 'road trip'],
    ['TransferPlaybackIntent', 'device', 'the kitchen speaker', 'kitchen speaker'],
    ['SetDefaultDeviceIntent', 'device', 'the bedroom tv', 'bedroom tv'],
    ['CreatePlaylistIntent', 'name', 'call it sunday morning', 'sunday morning'],
  ])('A: which one? (%s.%s) U: %s', (intentName, slot, utterance, value) => {
    expect(resolveElicited(model, intentName, slot, utterance)).toEqual({
      kind: 'match',
      resolved: { intent: intentName, slots: { [slot]: { value } } },
    });
  });
});
