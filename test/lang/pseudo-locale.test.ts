/**
 * Every intent, in a pseudo-locale: each row of the conversation table (test/support/intent-rows.ts) is sent
 * again with the envelope's locale set to en-XA, whose pack is the English pack pseudo-translated
 * (test/lang/pseudo.ts). Whatever Alexa would speak or show (speech, reprompt, card title and text) must then
 * be pack text, names Spotify gave (the emulator's seed), what the user said, and digits and punctuation:
 * with the pseudo-text's brackets removed and those names taken out, no word of two or more ASCII letters may
 * remain. English written into a handler instead of the pack fails here.
 * The Spotify requests must be the very ones the English conversation makes: the pack changes words only.
 */
import { describePlayback, itemNames } from '../../lambda/src/dialog/describe';
import { withPacks, packFor } from '../../lambda/src/lang';
import { en } from '../../lambda/src/lang/en';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { forTheEar } from '../../lambda/src/speech/ear';
import { speechFor } from '../../lambda/src/speech/speech';
import type { PlaybackState, PlayableItem } from '../../lambda/src/spotify/types';
import { seedState } from '../../tools/spotify-emulator';
import { TEST_USER_ID } from '../support/envelopes';
import { startAlexa, type Alexa, type Reply } from '../support/harness';
import { alignParallel, requestName, TABLE, type Request, type World } from '../support/intent-rows';
import { playing } from '../support/world';
import { PSEUDO_LOCALE, pseudoPack, pseudoTranslate } from './pseudo';

const PSEUDO = pseudoPack();
const PACKS = withPacks({ [PSEUDO_LOCALE]: PSEUDO });

/** Every name in an emulator state (tracks, artists, albums, shows, playlists, devices, users): the seed's by default. */
function seedNames(state: unknown = seedState()): string[] {
  const names = new Set<string>();
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key === 'name' || key === 'displayName' || key === 'display_name') names.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value instanceof Map) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, k);
  };
  walk(state);
  return [...names];
}

/** The seed's names as written (cards, screens) and as spoken (no emoji, no " - Remastered 2009"). */
const SPOTIFY_NAMES = [
  ...new Set(seedNames().flatMap((n) => [n, forTheEar(n, en.understand.versionSuffixes)])),
];

/** What the user said: the slot values of the envelope (echoed back in "I couldn't find …"). */
function saidWords(envelope: { request: unknown }): string[] {
  const slots = (envelope.request as { intent?: { slots?: Record<string, { value?: string }> } }).intent
    ?.slots;
  return Object.values(slots ?? {}).flatMap((s) => (typeof s.value === 'string' ? [s.value] : []));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English words left in a text once pack text (no ASCII letters), brackets and known names are gone. */
export function leftoverEnglish(text: string, names: readonly string[]): string[] {
  let rest = text.replace(/[⟦⟧]/g, ' ');
  // Longest first, so "Workout Mix 2" goes before "Workout Mix"; case-insensitive ("play on the kitchen speaker").
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (name.trim()) rest = rest.replace(new RegExp(escapeRegExp(name), 'gi'), ' ');
  }
  return rest.match(/\b[A-Za-z]{2,}\b/g) ?? [];
}

/** Every piece of text Alexa would speak or show. */
function visibleText(reply: Reply): Record<string, string> {
  const card = reply.card;
  return Object.fromEntries(
    Object.entries({
      speech: reply.speech,
      reprompt: reply.reprompt,
      cardTitle: card?.title,
      cardText: card?.text ?? card?.content,
    }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0),
  );
}

describe('the pseudo-locale pack', () => {
  test('transforms every string, keeps placeholders, and leaves no ASCII letter outside them', () => {
    for (const [key, text] of Object.entries(PSEUDO.strings)) {
      const english = en.strings[key as keyof typeof en.strings];
      expect(text.startsWith('⟦') && text.endsWith('⟧')).toBe(true);
      expect(text.match(/\{\w+\}/g) ?? []).toEqual(english.match(/\{\w+\}/g) ?? []);
      expect({ key, left: text.replace(/\{\w+\}/g, '').match(/[A-Za-z]/g) }).toEqual({ key, left: null });
    }
    expect(pseudoTranslate('Playing {name} on {device}.')).toBe('⟦Þĺáýíñĝ {name} óñ {device}.⟧');
  });

  test('is found for its locale only when registered, and English stays the fallback', () => {
    expect(packFor(PSEUDO_LOCALE, PACKS)).toBe(PSEUDO);
    expect(packFor(PSEUDO_LOCALE)).toBe(en);
    expect(packFor('en-GB', PACKS)).toBe(en);
    expect(packFor('de-DE', PACKS)).toBe(en);
    expect(speechFor(PSEUDO_LOCALE, PACKS).say('paused')).toBe('⟦Þáúšéđ.⟧');
  });

  test('lists and counts come from the platform, in the pack style', () => {
    const speech = speechFor(PSEUDO_LOCALE, PACKS);
    expect(speech.list(['A & B', 'C', 'D'], 'or').ssml).toBe('A &amp; B、C、またはD');
    expect(speech.plural('deviceCount', 1, { names: 'X' })).toBe(
      pseudoTranslate('I can see one device: {names}.').replace('{names}', 'X'),
    );
    expect(leftoverEnglish(speech.list(['Kitchen speaker', 'TV']).ssml, ['Kitchen speaker', 'TV'])).toEqual(
      [],
    );
  });
});

test("what Spotify leaves out (a device's name, a track's artists, an episode's show) is said in the pack's words", () => {
  const speech = speechFor(PSEUDO_LOCALE, PACKS);
  const track = { type: 'track', name: 'Untitled', artists: [] } as unknown as PlayableItem;
  const episode = { type: 'episode', name: 'Episode 1', show: null } as unknown as PlayableItem;
  const state = { device: { name: '' }, item: track, is_playing: true } as unknown as PlaybackState;
  const ad = { device: { name: '' }, item: null, currently_playing_type: 'ad' } as unknown as PlaybackState;
  const said = [
    describePlayback(speech, state),
    describePlayback(speech, ad),
    itemNames(speech, track).artists,
    itemNames(speech, episode).artists,
  ];
  for (const text of said) expect(leftoverEnglish(text, ['Untitled', 'Episode 1'])).toEqual([]);
});

describe('every intent in a pseudo-locale: only pack text, Spotify names and what the user said', () => {
  let alexa: Alexa;
  let world: World;
  beforeEach(async () => {
    const memory = new MemoryPersistenceAdapter();
    alexa = await startAlexa({ deps: { persistence: memory, packs: PACKS } });
    world = { emulator: alexa.emulator, memory };
    playing(alexa.emulator);
  });
  afterEach(() => alexa.close());

  test.each(TABLE.map((row) => [`${row.intent}: U: ${row.say}`, row]))('%s', async (_name, row) => {
    row.arrange?.(world);
    if (row.remembered) world.memory.store.set(TEST_USER_ID, { ...structuredClone(row.remembered) });
    const envelope = row.envelope(alexa.token).inLocale(PSEUDO_LOCALE).build();
    expect(requestName(envelope)).toBe(row.intent);
    expect(envelope.request.locale).toBe(PSEUDO_LOCALE);

    const reply = await alexa.send(envelope);

    const steps = typeof row.requests === 'function' ? row.requests(world) : row.requests;
    const sent: Request[] = alexa.calls().map(({ method, path, query, body }) => ({
      method,
      path,
      query,
      ...(body === undefined ? {} : { body }),
    }));
    expect(alignParallel(sent, steps)).toEqual(steps.flat());
    expect(reply.endsSession).toBe('endsSession' in row ? row.endsSession : true);

    const shown = visibleText(reply);
    // The seed's names, and those a row arranged (a device added for it).
    const names = [...SPOTIFY_NAMES, ...seedNames(alexa.emulator.state), ...saidWords(envelope)];
    const english = Object.fromEntries(
      Object.entries(shown).map(([where, text]) => [where, leftoverEnglish(text, names)]),
    );
    expect({ shown, english }).toEqual({
      shown,
      english: Object.fromEntries(Object.keys(shown).map((where) => [where, []])),
    });
    // Something was said, and it came from the pack (a session end says nothing).
    if (row.speech !== '') expect(shown.speech).toContain('⟦');
  });
});
