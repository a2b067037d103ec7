/**
 * Commands about a named device or room ("pause the tv", "turn the kitchen down", "what's playing in the
 * bedroom"): they act only on the device that is playing, and only when it is the one named.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { slotText } from '../dialog/slots';
import { tell } from '../dialog/respond';
import type { PlaybackState } from '../spotify/types';
import { deviceList, readDevices } from './lookup';
import { namedPlayingDevice, namesNoDevice, noDeviceCalled } from './target';

export type PlayingNamed = { kind: 'playing'; state: PlaybackState } | { kind: 'say'; ssml: string };

/**
 * The device `spoken` names, when it is the one playing: GET /me/player, and the device list (the cached one,
 * read again when the name is not in it). Otherwise the sentence to say instead: that it is not playing (and
 * what is), or that no device is called that.
 */
export async function playingNamed(input: HandlerInput, spoken: string): Promise<PlayingNamed> {
  const { speech, spotify } = ctx(input);
  const [state, list] = await Promise.all([spotify().player.getPlaybackState(), deviceList(input)]);
  let { devices } = list;
  let named = namedPlayingDevice(speech, devices, state, spoken);
  if (named.kind === 'unknown' && list.cached) {
    ({ devices } = await readDevices(input));
    named = namedPlayingDevice(speech, devices, state, spoken);
  }
  return named.kind === 'unknown' ? { kind: 'say', ssml: noDeviceCalled(speech, devices, spoken) } : named;
}

/** The request's device slot, when it names a device ("pause the tv"; not "pause the music"). */
export function spokenDevice(input: HandlerInput): string | undefined {
  const spoken = slotText(input, 'device');
  return namesNoDevice(ctx(input).lang, spoken) ? undefined : spoken;
}

/**
 * A command that may name a device: with none named, `act` runs as for any command (`named` undefined);
 * with one named, only when that device is the one playing (`named` is its playback state, so `act` can
 * target it by id), and otherwise the answer says why not and nothing is sent to Spotify.
 */
export function aboutNamedDevice(
  act: (input: HandlerInput, named?: PlaybackState) => Promise<Response>,
): (input: HandlerInput) => Promise<Response> {
  return async (input) => {
    const spoken = spokenDevice(input);
    if (!spoken) return act(input);
    const named = await playingNamed(input, spoken);
    return named.kind === 'say' ? tell(input, named.ssml) : act(input, named.state);
  };
}
