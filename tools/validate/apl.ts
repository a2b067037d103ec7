/**
 * Every APL document the skill can send, checked with Amazon's own validator (`apl-suggester`, the linter of the
 * APL authoring tool), and every screen as it is sent (each kind on every screen class, with hostile and long
 * data) checked against Alexa's limits: HTTPS images within 2000 characters, a response within 24 KB.
 * https://www.npmjs.com/package/apl-suggester
 */
import { StaticAplTemplateValidator } from 'apl-suggester';
import { DOCUMENTS } from '../../lambda/src/screens/documents';
import { renderDocument } from '../../lambda/src/screens/render';
import type { ScreenRequest } from '../../lambda/src/screens/request';
import { lookFor, type ScreenClass } from '../../lambda/src/screens/viewport';
import type { Problem } from './problem';

const FILE = 'lambda/src/screens/documents.ts';
/** Alexa's response limit, less room for the speech, the card and the envelope. */
const MAX_DIRECTIVE_BYTES = 20_000;

/** apl-suggester warns "No mixin for component" on the console for components it has no extra rules for. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

/** Amazon's validator over each document; any finding (it reports everything as a warning) is a problem. */
export async function validateDocuments(
  documents: Record<string, unknown> = DOCUMENTS,
  file = FILE,
): Promise<Problem[]> {
  const validator = new StaticAplTemplateValidator();
  const problems: Problem[] = [];
  for (const [name, document] of Object.entries(documents)) {
    const results = await quietly(() => validator.validate(document as never));
    for (const r of results)
      problems.push({ file, path: `${name}${r.path}`, message: r.errorMessage, rule: 'apl-suggester' });
  }
  return problems;
}

const hostile = 'Ω & <b>${payload.look}</b> \u0000 "quoted" '.repeat(20);
const image = (n: number) => [
  { url: `https://i.scdn.co/image/${'a'.repeat(40)}${n}`, width: 640, height: 640 },
];

/** One of each screen, with the longest and strangest data Spotify could send. */
export function sampleScreens(): Array<[string, ScreenRequest]> {
  const playlists = Array.from({ length: 60 }, (_, i) => ({
    id: `p${i}`,
    name: `${hostile}${i}`,
    uri: `spotify:playlist:p${i}`,
    owner: { id: 'me' },
    collaborative: false,
    images: image(i),
    items: { total: i },
  }));
  const devices = Array.from({ length: 30 }, (_, i) => ({
    id: `d${i}`,
    name: `${hostile}${i}`,
    type: i % 2 ? 'Speaker' : 'TV',
    is_active: i === 0,
    is_private_session: false,
    is_restricted: i % 3 === 0,
    volume_percent: 50,
  }));
  const state = {
    device: devices[0],
    repeat_state: 'off' as const,
    shuffle_state: false,
    context: null,
    progress_ms: 1000,
    is_playing: true,
    currently_playing_type: 'track' as const,
    item: {
      type: 'track' as const,
      id: 't',
      name: hostile,
      uri: 'spotify:track:t',
      duration_ms: 200_000,
      artists: [{ name: hostile, uri: 'spotify:artist:a' }],
      album: { name: hostile, uri: 'spotify:album:a', images: image(0) },
    },
  };
  return [
    ['nowPlaying', { kind: 'nowPlaying', state }],
    ['nothingPlaying', { kind: 'nowPlaying', state: null }],
    ['playlists', { kind: 'playlists', playlists }],
    ['devices', { kind: 'devices', devices }],
    [
      'choose',
      { kind: 'choose', options: playlists.slice(0, 3).map((p) => ({ ...p, image: p.images[0].url })) },
    ],
    ['link', { kind: 'link' }],
  ];
}

const CLASSES: ScreenClass[] = ['round', 'small', 'medium', 'large', 'tv'];
const VIEWPORTS: Record<ScreenClass, object> = {
  round: { shape: 'ROUND', mode: 'HUB', pixelWidth: 480, pixelHeight: 480, dpi: 160 },
  small: { shape: 'RECTANGLE', mode: 'HUB', pixelWidth: 960, pixelHeight: 480, dpi: 160 },
  medium: { shape: 'RECTANGLE', mode: 'HUB', pixelWidth: 1280, pixelHeight: 800, dpi: 213 },
  large: { shape: 'RECTANGLE', mode: 'HUB', pixelWidth: 1920, pixelHeight: 1080, dpi: 160 },
  tv: { shape: 'RECTANGLE', mode: 'TV', pixelWidth: 1920, pixelHeight: 1080, dpi: 320 },
};

/** Every screen on every screen class: size, image URLs, and no markup or data-binding let through. */
export function validateScreens(): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string, rule: string) =>
    problems.push({ file: 'lambda/src/screens/data.ts', path, message, rule });
  for (const screenClass of CLASSES) {
    const look = lookFor(VIEWPORTS[screenClass]);
    if (look.screen !== screenClass) add(screenClass, `viewport read as ${look.screen}`, 'apl-viewport');
    for (const [name, screen] of sampleScreens()) {
      const where = `${name}@${screenClass}`;
      const json = JSON.stringify(renderDocument(screen, look));
      const bytes = Buffer.byteLength(json, 'utf8');
      if (bytes > MAX_DIRECTIVE_BYTES)
        add(where, `RenderDocument is ${bytes} bytes (at most ${MAX_DIRECTIVE_BYTES})`, 'apl-size');
      const payload = JSON.stringify(JSON.parse(json).datasources);
      for (const url of payload.match(/"(?:art|image)":"([^"]*)"/g) ?? []) {
        const value = url.replace(/^"(?:art|image)":"|"$/g, '');
        if (value && (!value.startsWith('https://') || value.length > 2000))
          add(where, `image URL ${value.slice(0, 60)} is not HTTPS within 2000 characters`, 'apl-image');
      }
      // `name` travels back in SendEvent arguments and is never shown: only what a Text shows must be escaped.
      const shown = payload.replace(/"name":"(?:[^"\\]|\\.)*"/g, '');
      if (/<b>|\$\{payload/.test(shown)) add(where, 'a name reached the screen unescaped', 'apl-escape');
      if (/\$\{payload/.test(payload)) add(where, 'a name could be data-bound', 'apl-escape');
    }
  }
  return problems;
}

export async function validateApl(): Promise<Problem[]> {
  return [...(await validateDocuments()), ...validateScreens()];
}
