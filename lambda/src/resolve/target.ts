import { matchName } from '../matching';
import { SafeSsml, type Speech } from '../speech/speech';
import type { Device } from '../spotify/types';
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
 * 2 more"), never a silent cut.
 */
export function readList(speech: Speech, items: Array<string | SafeSsml>): SafeSsml {
  if (items.length <= MAX_LISTED) return speech.list(items);
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

/** A device the user named, matched robustly; restricted devices are explained, never chosen. */
export function namedDevice(speech: Speech, devices: Device[], spoken: string): DeviceChoice {
  const listed = devices.filter((d): d is Device => Boolean(d && d.name));
  const result = matchName(
    speech.pack.understand.matching,
    spoken,
    listed.map((d) => ({ name: d.name, value: d })),
    { kind: 'device' },
  );
  if (result.kind === 'match') {
    const device = result.best.value;
    if (!usable(device))
      return { kind: 'say', ssml: speech.say('deviceRestrictedNamed', { name: device.name }) };
    return { kind: 'device', device };
  }
  if (result.kind === 'ambiguous') {
    const options = result.options.map((o) => o.value).filter(usable);
    if (options.length === 1) return { kind: 'device', device: options[0] };
    if (options.length > 1) return { kind: 'ambiguous', options };
  }
  if (listed.length === 0) return { kind: 'say', ssml: speech.say('deviceNotFoundNone', { name: spoken }) };
  return {
    kind: 'say',
    ssml: speech.say('deviceNotFound', { name: spoken, names: deviceNames(speech, listed) }),
  };
}

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
