import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import type { Device } from '../spotify/types';
import { onIntent, type SkillRequestHandler } from '../dialog/define';
import { modifierAlone } from '../matching/play';
import { setRepeat, setShuffle } from './playback';
import { recall, remember } from '../user/memory';
import { askForSlot, askWhichOne } from '../dialog/question';
import { tell } from '../dialog/respond';
import { slotText } from '../dialog/slots';
import { namedDevice, readList } from '../resolve/target';
import { deviceList, isGone, readDevices } from '../resolve/lookup';

/**
 * "List my devices": five at most, then how many more; which one plays (or is paused: the playback state is
 * read alongside, and a device is "playing" only when it is), which cannot be controlled (last).
 */
export const ListDevicesHandler = onIntent(['ListDevicesIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  const [list, state] = await Promise.all([
    readDevices(input),
    // Only a detail of the answer: when it cannot be read, the list is said as before.
    spotify()
      .player.getPlaybackState()
      .catch(() => undefined),
  ]);
  const paused = state?.is_playing === false;
  const devices = list.devices.filter((d) => d?.name);
  if (devices.length === 0) return tell(input, speech.say('noDevices'));
  // The playing device first, the ones that cannot be controlled last: when the list is cut at five, the
  // devices the user can actually use are the ones read.
  const rank = (d: Device) => (d.is_active ? 0 : d.is_restricted ? 2 : 1);
  const sorted = [...devices].sort((a, b) => rank(a) - rank(b));
  const names = readList(
    speech,
    sorted.map((d) =>
      d.is_active
        ? speech.fragment(paused ? 'devicePaused' : 'deviceActive', { name: d.name })
        : d.is_restricted
          ? speech.fragment('deviceRestricted', { name: d.name })
          : d.name,
    ),
  );
  return tell(input, speech.plural('deviceCount', devices.length, { names }), undefined, {
    kind: 'devices',
    devices: sorted,
  });
});

type DeviceAction = (input: HandlerInput, device: { id: string; name: string }) => Promise<Response>;

/** Shared by transfer and set-default: resolve the named device (asking "which one?" if need be), then act. */
function withNamedDevice(intent: string, act: DeviceAction) {
  const handle = async (input: HandlerInput): Promise<Response> => {
    const { speech } = ctx(input);
    const spoken = slotText(input, 'device');
    if (!spoken)
      return askForSlot(
        input,
        { intent, slot: 'device' },
        speech.say('whichDevice'),
        speech.say('whichDeviceReprompt'),
      );
    // The cached list while it settles the name (a device named and not in it is listed again); a cached
    // id Spotify no longer knows ("Device not found") is listed again too, and tried once more.
    let { devices, cached } = await deviceList(input);
    for (let round = 1; ; round++) {
      let choice = namedDevice(speech, devices, spoken);
      if (cached && choice.kind !== 'device') {
        ({ devices, cached } = await readDevices(input));
        choice = namedDevice(speech, devices, spoken);
      }
      if (choice.kind === 'say') return tell(input, choice.ssml);
      if (choice.kind === 'ambiguous') {
        const options = choice.options.slice(0, 3).map((d) => ({ name: d.name, id: d.id }));
        return askWhichOne(input, { intent, slot: 'device', options });
      }
      try {
        return await act(input, choice.device);
      } catch (error) {
        if (!cached || round > 1 || !isGone(error)) throw error;
        ({ devices, cached } = await readDevices(input));
      }
    }
  };
  // "Which one?" answered: act on the device picked.
  return onIntent([intent], handle, { resume: (input, device) => act(input, device) });
}

/** "Move the music to the TV": PUT /me/player with one device id and play:true. */
const transfer = withNamedDevice('TransferPlaybackIntent', async (input, device) => {
  const { speech, spotify } = ctx(input);
  await spotify().player.transfer(device.id, true);
  ctx(input).cache().activated(device.id);
  // Housekeeping after Spotify acted: a store failure does not change what the user hears.
  await remember(input, { lastDevice: { id: device.id, name: device.name } });
  return tell(input, speech.say('transferred', { device: device.name }));
});

/**
 * "Play on repeat", "play on shuffle": Alexa may send a move to a device called "repeat" (the model's "play on
 * {device}"); a modifier said alone is the player's switch, never a device.
 */
export const TransferPlaybackHandler: SkillRequestHandler = {
  ...transfer,
  handle: (input) => {
    const said = slotText(input, 'device');
    const modifier = said ? modifierAlone(ctx(input).lang.play, said) : undefined;
    if (modifier === 'shuffle') return setShuffle(input, true);
    if (modifier === 'repeat') return setRepeat(input, 'context');
    return transfer.handle(input);
  },
};

/**
 * "Use the kitchen speaker by default", used when nothing is active. Said to an Echo, it becomes that Echo's
 * own default (which no other Echo's choice ever changes) and the user-wide default, which Echos without a
 * default of their own follow: the last one chosen anywhere. Both in one partial update: all or nothing.
 */
export const SetDefaultDeviceHandler = withNamedDevice('SetDefaultDeviceIntent', async (input, device) => {
  const { speech } = ctx(input);
  const chosen = { id: device.id, name: device.name };
  const saved = await remember(
    input,
    { echoDefaultDevice: chosen, defaultDevice: chosen },
    { essential: true },
  );
  return tell(input, speech.say(saved ? 'defaultSet' : 'defaultNotSaved', { device: device.name }));
});

/**
 * "Which device is my default?": for the Echo asked (its own, else the user-wide one), from memory only (no
 * Spotify call; an unlinked user is still told to link first, as the default means nothing without it).
 */
export const WhichDefaultDeviceHandler = onIntent(['WhichDefaultDeviceIntent'], async (input) => {
  const { speech } = ctx(input);
  const { defaultDevice, defaultFor } = await recall(input);
  if (!defaultDevice) return tell(input, speech.say('defaultNone'));
  const key = defaultFor === 'echo' ? 'defaultIsEcho' : 'defaultIsUser';
  return tell(input, speech.say(key, { device: defaultDevice.name }));
});

export const DEVICE_HANDLERS = [
  ListDevicesHandler,
  TransferPlaybackHandler,
  SetDefaultDeviceHandler,
  WhichDefaultDeviceHandler,
];
