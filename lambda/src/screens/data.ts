import type { Device, Image, PlaybackState, SimplifiedPlaylist } from '../spotify/types';
import type { Look } from './viewport';
import { screenWord, type ScreenWordKey, type ScreenWords } from './words';

/**
 * Datasources: what a document shows, built from Spotify's values after they are made safe to show. Names can
 * hold anything Spotify allows, so every string is plain text made safe for APL's styled text (`&`, `<`, `>`
 * escaped, control characters dropped, `${` broken so no data-binding is ever evaluated), and bounded in
 * length; image URLs are HTTPS and short; lists are cut to what fits Alexa's response size.
 */

const MAX_TEXT = 120;
/** Alexa allows 2000 characters; Spotify's image URLs are about 64, so a long one is not Spotify's. */
const MAX_IMAGE_URL = 500;
/** The datasource budget: the response's 24 KB limit less the document, the speech and the envelope. */
export const MAX_DATASOURCE_BYTES = 12_000;

/** Plain text: no control characters, one line, bounded, and no `${` (nothing is ever data-bound). */
export function plainText(value: unknown, max = MAX_TEXT): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  let s = String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...s].length > max) s = `${[...s].slice(0, max - 1).join('')}…`;
  return s.replace(/\$\{/g, '$\u200b{');
}

/** Plain text as APL's styled text shows it: `&`, `<` and `>` escaped as entities. */
export function screenText(value: unknown, max = MAX_TEXT): string {
  return plainText(value, max).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An id or URI carried back in a SendEvent: Spotify's characters only, or nothing. */
export function screenRef(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z0-9:_.-]{1,200}$/.test(value) ? value : '';
}

/** The image to show at about `size` dp: HTTPS, short, the smallest at least that large. */
export function imageUrl(images: Image[] | null | undefined, size = 300): string {
  const ok = (images ?? []).filter(
    (i): i is Image =>
      Boolean(i) &&
      typeof i.url === 'string' &&
      i.url.startsWith('https://') &&
      i.url.length <= MAX_IMAGE_URL &&
      !/[\s"'<>\\]/.test(i.url),
  );
  if (ok.length === 0) return '';
  const bySize = [...ok].sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
  return (bySize.find((i) => (i.width ?? 0) >= size) ?? bySize[bySize.length - 1]).url;
}

export interface NowPlayingData {
  look: Look;
  heading: string;
  title: string;
  artists: string;
  device: string;
  art: string;
  /** 0 to 100, or -1 when there is nothing to measure. */
  progress: number;
  playing: boolean;
  buttons: Array<{ action: string; label: string; symbol: string; main: boolean }>;
}

export function nowPlayingData(
  words: ScreenWords,
  look: Look,
  state: PlaybackState | null | undefined,
): NowPlayingData {
  const item = state?.item ?? null;
  const playing = Boolean(state?.is_playing);
  const button = (action: string, label: string, symbol: string, main = false) => ({
    action,
    label: screenText(label),
    symbol,
    main,
  });
  const buttons = [
    button('volumeDown', words.volumeDown, '−'),
    button('previous', words.previous, '◀◀'),
    playing ? button('pause', words.pause, '❚❚', true) : button('resume', words.play, '▶', true),
    button('next', words.next, '▶▶'),
    button('volumeUp', words.volumeUp, '+'),
  ];
  if (!item) {
    return {
      look,
      heading: screenText(words.nowPlayingTitle),
      title: screenText(words.nothingPlaying),
      artists: screenText(words.nothingPlayingHint),
      device: state?.device ? screenText(screenWord(words, 'pausedOn', { device: state.device.name })) : '',
      art: '',
      progress: -1,
      playing,
      buttons: state?.device ? buttons : [],
    };
  }
  const artists =
    item.type === 'track'
      ? item.artists
          .map((a) => a?.name)
          .filter(Boolean)
          .join(', ')
      : (item.show?.name ?? '');
  const images = item.type === 'track' ? item.album?.images : (item.images ?? item.show?.images);
  const duration = item.duration_ms > 0 ? item.duration_ms : 0;
  const progress = duration
    ? Math.max(0, Math.min(100, Math.round(((state?.progress_ms ?? 0) / duration) * 100)))
    : -1;
  const deviceName = state?.device?.name;
  const volume = state?.device?.volume_percent;
  const deviceLine = deviceName
    ? screenWord(words, playing ? 'playingOn' : 'pausedOn', { device: deviceName }) +
      (typeof volume === 'number' ? ` · ${screenWord(words, 'volume', { volume })}` : '')
    : '';
  return {
    look,
    heading: screenText(words.nowPlayingTitle),
    title: screenText(item.name),
    artists: screenText(artists),
    device: screenText(deviceLine, MAX_TEXT + 40),
    art: imageUrl(images, look.art),
    progress,
    playing,
    buttons,
  };
}

export interface ListRow {
  primary: string;
  secondary: string;
  image: string;
  /** SendEvent arguments: the action, a Spotify id or URI, a name (handlers/touch.ts checks all three). */
  action: string;
  ref: string;
  name: string;
  active: boolean;
  dim: boolean;
}

export interface ListData {
  look: Look;
  heading: string;
  hint: string;
  rows: ListRow[];
}

/** Cuts the rows so the datasource stays within its byte budget (and within what the screen class shows). */
export function fitRows(data: ListData, budget = MAX_DATASOURCE_BYTES): ListData {
  const rows = data.rows.slice(0, data.look.rows);
  while (rows.length > 1 && Buffer.byteLength(JSON.stringify({ ...data, rows }), 'utf8') > budget) rows.pop();
  return { ...data, rows };
}

const countOf = (p: SimplifiedPlaylist): number | null => p.items?.total ?? p.tracks?.total ?? null;

export function playlistsData(
  words: ScreenWords,
  look: Look,
  playlists: ReadonlyArray<SimplifiedPlaylist | null>,
  plural: (count: number) => Intl.LDMLPluralRule,
): ListData {
  const rows = playlists.flatMap((p): ListRow[] => {
    if (!p?.name || !screenRef(p.uri)) return [];
    const count = countOf(p);
    return [
      {
        primary: screenText(p.name),
        secondary:
          count === null
            ? ''
            : screenText(
                plural(count) === 'one'
                  ? screenWord(words, 'playlistItemsOne', { count })
                  : screenWord(words, 'playlistItems', { count }),
              ),
        image: imageUrl(p.images, look.thumb),
        action: 'playPlaylist',
        ref: screenRef(p.uri),
        name: plainText(p.name),
        active: false,
        dim: false,
      },
    ];
  });
  return fitRows({
    look,
    heading: screenText(words.playlistsTitle),
    hint: screenText(words.playlistsHint),
    rows,
  });
}

/** Spotify's device types (its protocol values) to the pack's words for them; any other type shows no kind. */
const KINDS: Readonly<Record<string, ScreenWordKey>> = {
  Computer: 'kindComputer',
  Smartphone: 'kindSmartphone',
  Tablet: 'kindTablet',
  Speaker: 'kindSpeaker',
  TV: 'kindTV',
  AVR: 'kindAVR',
  STB: 'kindSTB',
  GameConsole: 'kindGameConsole',
  CastVideo: 'kindCastVideo',
  CastAudio: 'kindCastAudio',
  Automobile: 'kindAutomobile',
  Smartwatch: 'kindSmartwatch',
};

export function devicesData(words: ScreenWords, look: Look, devices: ReadonlyArray<Device | null>): ListData {
  const rows = devices.flatMap((d): ListRow[] => {
    if (!d?.name) return [];
    const state = d.is_active
      ? words.deviceActive
      : d.is_restricted
        ? words.deviceRestricted
        : words.deviceReady;
    const kind = typeof d.type === 'string' && Object.hasOwn(KINDS, d.type) ? words[KINDS[d.type]] : '';
    return [
      {
        primary: screenText(d.name),
        secondary: screenText(kind ? `${kind} · ${state}` : state),
        image: '',
        // A restricted device cannot be moved to: its row does nothing when tapped (no action).
        action: d.is_restricted || !d.id ? 'none' : 'transfer',
        ref: d.is_restricted ? '' : screenRef(d.id),
        name: plainText(d.name),
        active: d.is_active,
        dim: d.is_restricted,
      },
    ];
  });
  return fitRows({
    look,
    heading: screenText(words.devicesTitle),
    hint: screenText(words.devicesHint),
    rows,
  });
}

export function chooseData(
  words: ScreenWords,
  look: Look,
  options: ReadonlyArray<{ name: string; image?: string }>,
): ListData {
  return fitRows({
    look,
    heading: screenText(words.chooseTitle),
    hint: screenText(words.chooseHint),
    rows: options.map((o, i) => ({
      primary: screenText(`${i + 1}. ${o.name}`),
      secondary: '',
      image: imageUrl(o.image ? [{ url: o.image }] : [], look.thumb),
      action: 'choose',
      ref: String(i + 1),
      name: plainText(o.name),
      active: false,
      dim: false,
    })),
  });
}

export interface MessageData {
  look: Look;
  heading: string;
  text: string;
}

export function linkData(words: ScreenWords, look: Look): MessageData {
  return { look, heading: screenText(words.linkTitle), text: screenText(words.linkText) };
}
