/**
 * The screens' words come from the language pack too: rendered with the pseudo-translated pack, no English word
 * is left in what a screen shows, except the names given to it (Spotify's).
 */
import { renderDocument } from '../../lambda/src/screens/render';
import type { ScreenRequest } from '../../lambda/src/screens/request';
import { lookFor } from '../../lambda/src/screens/viewport';
import { pseudoPack } from './pseudo';

const pack = pseudoPack();
const NAMES = ['Kitchen speaker', 'Living Room TV', 'Workout Mix', 'Road Trip'];

const SCREENS: ScreenRequest[] = [
  { kind: 'nowPlaying', state: null },
  { kind: 'link' },
  {
    kind: 'choose',
    options: [
      { name: 'Workout Mix', id: 'pl-a', uri: 'spotify:playlist:pl-a' },
      { name: 'Road Trip', id: 'pl-b', uri: 'spotify:playlist:pl-b' },
    ],
  },
  {
    kind: 'devices',
    devices: [
      {
        id: 'dev-k',
        name: 'Kitchen speaker',
        type: 'Speaker',
        is_active: true,
        is_restricted: false,
        is_private_session: false,
        volume_percent: 50,
        supports_volume: true,
      },
      {
        id: 'dev-t',
        name: 'Living Room TV',
        type: 'TV',
        is_active: false,
        is_restricted: true,
        is_private_session: false,
        volume_percent: null,
        supports_volume: false,
      },
    ],
  },
  {
    kind: 'playlists',
    playlists: [1, 0, 7].map((total, i) => ({
      id: `pl-${i}`,
      name: NAMES[i],
      uri: `spotify:playlist:pl-${i}`,
      images: null,
      items: { total, href: '' },
      owner: { id: 'demo', display_name: 'Demo' },
      collaborative: false,
      public: false,
      snapshot_id: 's',
    })) as never,
  },
];

/** Every string a person would see in a datasource: not ids, actions, tokens or image addresses. */
function shown(value: unknown, key = ''): string[] {
  if (typeof value === 'string')
    return /^(ref|action|image|art|uri|id|token|screen|.*Url)$/i.test(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => shown(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shown(v, k));
  return [];
}

test.each(SCREENS.map((s) => [s.kind, s] as const))(
  'the %s screen shows only pack words and names',
  (_kind, screen) => {
    const { datasources } = renderDocument(screen, lookFor(undefined), pack.screens, () => 'other');
    const english = shown(datasources.payload)
      .map((text) => NAMES.reduce((t, name) => t.split(name).join(''), text))
      .flatMap((text) => text.match(/[A-Za-z]{2,}/g) ?? []);
    expect(english).toEqual([]);
  },
);

test('English text on a screen would be caught', () => {
  const { datasources } = renderDocument({ kind: 'link' }, lookFor(undefined));
  const english = shown(datasources.payload).flatMap((text) => text.match(/[A-Za-z]{2,}/g) ?? []);
  expect(english.length).toBeGreaterThan(0);
});
