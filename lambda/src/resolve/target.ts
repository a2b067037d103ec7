import type { Understanding } from '../lang';
import { matchName, normalizeName } from '../matching';
import { SafeSsml, type Speech } from '../speech/speech';
import type { Device, PlaybackState } from '../spotify/types';
import type { UserMemory } from '../user/memory';

export type DeviceChoice =
  | { kind: 'device'; device: Device & { id: string } }
  | { kind: 'ambiguous'; options: Array<Device & { id: string }> }
  | { kind: 'say'; ssml: string };

/** Lists read at most this many items aloud. */
export const MAX_LISTED = 5;

function usable(d: Device | null | undefined): d is Device & { id: string } {
  return Boolean(d && d.id && !d.is_restricted);
}

/**
 * "A, B and C", escaped; past five items, the first five and how many are left unread ("A, B, C, D, E, and
 * 2 more"), never a silent cut. A sixth is named: "and 1 more" takes as long to say as the name itself.
 */
export function readList(speech: Speech, items: Array<string | SafeSsml>): SafeSsml {
  if (items.length <= MAX_LISTED + 1) return speech.list(items);
  return speech.fragment('listAndMore', {
    names: speech.namesSsml(items.slice(0, MAX_LISTED)),
    count: items.length - MAX_LISTED,
  });
}

/** "Kitchen speaker, Living Room TV and Car": at most five names, then how many more. */
export function deviceNames(speech: Speech, devices: Device[]): SafeSsml {
  return readList(
    speech,
    devices.map((d) => d.name),
  );
}

/** Whether a device slot holds no device at all ("pause the music"): the command is then for what plays. */
export function namesNoDevice(lang: Understanding, spoken: string | undefined): boolean {
  return !spoken || lang.notADevice.test(spoken.trim());
}

/**
 * The devices a spoken name or room word may mean: the matcher on their names ("the kitchen" → "Kitchen
 * speaker", "the tv" → "Living Room TV"), else a word for their kind ("the laptop" → the Computer). One when
 * the name settles it, several when it does not ("the kitchen" with a Kitchen speaker and a Kitchen Echo),
 * none when nothing is called that.
 */
export function devicesCalled(lang: Understanding, devices: Device[], spoken: string): Device[] {
  const listed = devices.filter((d): d is Device => Boolean(d && d.name));
  const result = matchName(
    lang.matching,
    spoken,
    listed.map((d) => ({ name: d.name, value: d })),
    { kind: 'device' },
  );
  if (result.kind === 'match') return [result.best.value];
  if (result.kind === 'ambiguous') return result.options.map((o) => o.value);
  const words = normalizeName(lang.matching, spoken).split(' ');
  const kinds = new Set(
    words.flatMap((w) => (Object.hasOwn(lang.deviceKinds, w) ? lang.deviceKinds[w] : [])),
  );
  return kinds.size > 0 ? listed.filter((d) => kinds.has(d.type)) : [];
}

/** "I can't see a device called garage. Your devices are: …" */
export function noDeviceCalled(speech: Speech, devices: Device[], spoken: string): string {
  const listed = devices.filter((d): d is Device => Boolean(d && d.name));
  if (listed.length === 0) return speech.say('deviceNotFoundNone', { name: spoken });
  return speech.say('deviceNotFound', { name: spoken, names: deviceNames(speech, listed) });
}

/** A device the user named, matched robustly; restricted devices are explained, never chosen. */
export function namedDevice(speech: Speech, devices: Device[], spoken: string): DeviceChoice {
  const found = devicesCalled(speech.pack.understand, devices, spoken);
  if (found.length === 1) {
    const device = found[0];
    if (!usable(device))
      return { kind: 'say', ssml: speech.say('deviceRestrictedNamed', { name: device.name }) };
    return { kind: 'device', device };
  }
  const options = found.filter(usable);
  if (options.length === 1) return { kind: 'device', device: options[0] };
  if (options.length > 1) return { kind: 'ambiguous', options };
  return { kind: 'say', ssml: noDeviceCalled(speech, devices, spoken) };
}

/**
 * A command about a named device or room ("pause the tv", "what's playing in the kitchen") acts only on the
 * device that is playing: Spotify plays on one device at a time (the active one, GET /me/player), so a
 * device that is not it has nothing to pause, skip or turn down, and no other device may be touched instead.
 * When the name fits several devices and one of them is the active one, that one is meant.
 */
export function namedPlayingDevice(
  speech: Speech,
  devices: Device[],
  state: PlaybackState | null,
  spoken: string,
): { kind: 'playing'; state: PlaybackState } | { kind: 'say'; ssml: string } | { kind: 'unknown' } {
  const active = state?.device;
  const all = active && !devices.some((d) => same(d, active)) ? [...devices, active] : devices;
  const found = devicesCalled(speech.pack.understand, all, spoken);
  if (found.length === 0) return { kind: 'unknown' };
  if (state && active && found.some((d) => same(d, active))) return { kind: 'playing', state };
  const other = active && state?.is_playing ? active.name : undefined;
  const params = {
    device: found[0].name,
    devices: speech.list(found.map((d) => d.name)),
    other: other ?? '',
  };
  const one = found.length === 1;
  const key = other
    ? one
      ? 'namedNotPlayingOther'
      : 'namedNonePlayingOther'
    : one
      ? 'namedNotPlaying'
      : 'namedNonePlaying';
  return { kind: 'say', ssml: speech.say(key, params) };
}

/** The same device: by id, or by name when Spotify gives no id. */
const same = (a: Device, b: Device): boolean => (a.id && b.id ? a.id === b.id : a.name === b.name);

/**
 * Where to play when the user named no device: the active device; otherwise (Spotify would answer
 * NO_ACTIVE_DEVICE) the remembered default, the only usable device, the device we last played on; otherwise
 * a sentence that lists what is available. Restricted devices are never chosen.
 */
export function fallbackDevice(speech: Speech, devices: Device[], memory: UserMemory): DeviceChoice {
  const candidates = devices.filter(usable);
  const pick = (id: string | undefined) => (id ? candidates.find((d) => d.id === id) : undefined);
  const device =
    candidates.find((d) => d.is_active) ??
    pick(memory.defaultDevice?.id) ??
    (candidates.length === 1 ? candidates[0] : undefined) ??
    pick(memory.lastDevice?.id);
  if (device) return { kind: 'device', device };
  // Restricted devices are not offered: they could not be chosen anyway.
  const listed = candidates.length > 0 ? candidates : devices.filter((d) => d && d.name);
  if (listed.length === 0) return { kind: 'say', ssml: speech.say('noDevices') };
  return {
    kind: 'say',
    ssml: speech.say('noActiveDeviceChoose', {
      example: listed[0].name.toLocaleLowerCase(speech.pack.locale),
      names: deviceNames(speech, listed),
    }),
  };
}
