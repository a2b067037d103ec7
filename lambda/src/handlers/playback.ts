import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { SafeSsml, type Speech } from '../speech/speech';
import { SpotifyError } from '../spotify/errors';
import type { PlaybackState, RepeatState } from '../spotify/types';
import { onIntent, showingScreen } from '../dialog/define';
import { isIntent } from '../dialog/predicates';
import { recall, remember } from '../user/memory';
import { ask, tell } from '../dialog/respond';
import { parseDuration, slotId, slotNumber, slotText } from '../dialog/slots';
import { fallbackDevice } from '../resolve/target';
import { aboutNamedDevice } from '../resolve/named';

/** One step of Echo's own volume scale (0–10): "turn it up". */
const DEFAULT_VOLUME_STEP = 10;
/** "A lot" louder or quieter: three of Echo's steps. */
const LARGE_VOLUME_STEP = 30;
/** "A little" / "a tiny bit": half of one of Echo's steps. */
const SMALL_VOLUME_STEP = 5;
const DEFAULT_UNMUTE_VOLUME = 50;
/**
 * What "minimum volume" / "all the way down" sets: level 1 of Echo's scale, the lowest that is still heard
 * (0 would be mute, and "mute" says so; unmute then has a level to go back to).
 */
export const MIN_VOLUME = 10;
const MAX_VOLUME = 100;

const clampVolume = (n: number) => Math.max(0, Math.min(MAX_VOLUME, Math.round(n)));

/**
 * A number said without "percent" is on Echo's own volume scale, 0 to 10 ("volume 4" is 40 %), as Echo owners
 * say it; above 10 it can only be a percentage ("volume 65").
 */
const onEchoScale = (n: number) => (Math.abs(n) <= 10 ? n * 10 : n);

/** The playing device's id, for a command about a device named by the user (undefined: the active one). */
const idOf = (named: PlaybackState | undefined) => named?.device.id ?? undefined;

async function pause(input: HandlerInput, named?: PlaybackState): Promise<Response> {
  const { speech, spotify } = ctx(input);
  try {
    await spotify().player.pause(idOf(named));
  } catch (error) {
    // Nothing active means nothing to pause: that is an answer, not a failure.
    if (error instanceof SpotifyError && error.code === 'NO_ACTIVE_DEVICE')
      return tell(input, speech.say('nothingPlaying'));
    throw error;
  }
  return tell(input, speech.say('paused'));
}

export const PauseHandler = onIntent(['AMAZON.PauseIntent'], (input) => pause(input), {
  restricted: 'errorAlreadyPaused',
});

/** "Pause the tv": only when the TV is the one playing. */
export const PauseDeviceHandler = onIntent(['PauseDeviceIntent'], aboutNamedDevice(pause), {
  restricted: 'errorAlreadyPaused',
});

/**
 * Resume where Spotify left off; with no active device, pick one (default, only, last used) and transfer
 * playback there, instead of failing with "no active device".
 */
export const ResumeHandler = onIntent(
  ['AMAZON.ResumeIntent'],
  async (input) => {
    const { speech, spotify } = ctx(input);
    try {
      await spotify().player.play();
      return tell(input, speech.say('resumed'));
    } catch (error) {
      if (!(error instanceof SpotifyError && error.code === 'NO_ACTIVE_DEVICE')) throw error;
    }
    const [devices, memory] = await Promise.all([spotify().player.getDevices(), recall(input)]);
    const choice = fallbackDevice(speech, devices, memory);
    if (choice.kind !== 'device')
      return tell(input, choice.kind === 'say' ? choice.ssml : speech.say('errorNoActiveDevice'));
    await spotify().player.transfer(choice.device.id, true);
    await remember(input, { lastDevice: { id: choice.device.id, name: choice.device.name } });
    return tell(input, speech.say('resumedOn', { device: choice.device.name }));
  },
  { restricted: 'errorAlreadyPlaying' },
);

/** "Resume the kitchen speaker": only when it is the device Spotify plays (or paused) on. */
export const ResumeDeviceHandler = onIntent(
  ['ResumeDeviceIntent'],
  aboutNamedDevice(async (input, named) => {
    if (!named) return ResumeHandler.handle(input) as Promise<Response>;
    const { speech, spotify } = ctx(input);
    await spotify().player.play({ deviceId: idOf(named) });
    return tell(input, speech.say('resumed'));
  }),
  { restricted: 'errorAlreadyPlaying' },
);

async function next(input: HandlerInput, named?: PlaybackState): Promise<Response> {
  const { speech, spotify } = ctx(input);
  await spotify().player.next(idOf(named));
  return tell(input, speech.say('skipped'));
}

export const NextHandler = onIntent(['AMAZON.NextIntent'], (input) => next(input), {
  restricted: 'errorNothingNext',
});

/** "Skip this song on the tv": only when the TV is the one playing. */
export const SkipDeviceHandler = onIntent(['SkipDeviceIntent'], aboutNamedDevice(next), {
  restricted: 'errorNothingNext',
});

export const PreviousHandler = onIntent(
  ['AMAZON.PreviousIntent'],
  async (input) => {
    const { speech, spotify } = ctx(input);
    await spotify().player.previous();
    return tell(input, speech.say('wentBack'));
  },
  { restricted: 'errorNothingPrevious' },
);

export const StartOverHandler = onIntent(['AMAZON.StartOverIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  await spotify().player.seek(0);
  return tell(input, speech.say('startedOver'));
});

export async function setShuffle(input: HandlerInput, on: boolean) {
  const { speech, spotify } = ctx(input);
  await spotify().player.setShuffle(on);
  return tell(input, speech.say(on ? 'shuffleOn' : 'shuffleOff'));
}

export const ShuffleHandler = onIntent(['AMAZON.ShuffleOnIntent', 'AMAZON.ShuffleOffIntent'], (input) =>
  setShuffle(input, isIntent(input, 'AMAZON.ShuffleOnIntent')),
);

const REPEAT_SPEECH = { track: 'repeatTrack', context: 'repeatContext', off: 'repeatOff' } as const;

export async function setRepeat(input: HandlerInput, state: RepeatState) {
  const { speech, spotify } = ctx(input);
  await spotify().player.setRepeat(state);
  return tell(input, speech.say(REPEAT_SPEECH[state]));
}

export const LoopOnHandler = onIntent(['AMAZON.LoopOnIntent'], (input) => setRepeat(input, 'context'));
export const LoopOffHandler = onIntent(['AMAZON.LoopOffIntent'], (input) => setRepeat(input, 'off'));

/** "Loop my workout mix": a mode that is no repeat mode names something to play (handlers/play.ts plays it). */
export const namesSomethingToPlay = (input: HandlerInput) =>
  slotId(input, 'mode') === undefined && slotText(input, 'mode') !== undefined;

const repeatMode = onIntent(['RepeatModeIntent'], (input) => {
  const id = slotId(input, 'mode');
  if (id === 'track' || id === 'context' || id === 'off') return setRepeat(input, id);
  const { speech } = ctx(input);
  return ask(input, speech.say('repeatWhich'), speech.say('repeatWhich'));
});
export const RepeatModeHandler = {
  ...repeatMode,
  canHandle: (input: HandlerInput) => repeatMode.canHandle(input) && !namesSomethingToPlay(input),
};

/**
 * "Volume 4" (Echo's scale: 40 %), "volume 40 percent", "max volume", "set the kitchen volume to 3". Past the
 * maximum it sets the maximum and says so; a negative level is explained, and nothing is sent.
 */
export const SetVolumeHandler = onIntent(
  ['SetVolumeIntent'],
  aboutNamedDevice(async (input, named) => {
    const { speech, spotify } = ctx(input);
    const level = slotId(input, 'level');
    const number = slotNumber(input, 'volume');
    const asked =
      level === 'max'
        ? MAX_VOLUME
        : level === 'min'
          ? MIN_VOLUME
          : (slotNumber(input, 'percent') ?? (number === undefined ? undefined : onEchoScale(number)));
    if (asked === undefined) return ask(input, speech.say('volumeWhich'), speech.say('volumeWhich'));
    if (asked < 0) return tell(input, speech.say('volumeNegative'));
    const volume = clampVolume(asked);
    await spotify().player.setVolume(volume, idOf(named));
    if (asked > MAX_VOLUME) return tell(input, speech.say('volumeCapped', { max: MAX_VOLUME }));
    return tell(input, speech.say('volumeSet', { volume }));
  }),
);

/** How far "louder"/"quieter" goes: "a lot", "a little", a number (Echo's steps up to 10), or "… percent". */
function volumeStep(input: HandlerInput): number {
  const amount = slotId(input, 'amount');
  if (amount === 'lot') return LARGE_VOLUME_STEP;
  if (amount === 'little') return SMALL_VOLUME_STEP;
  const percent = slotNumber(input, 'percent');
  const step = slotNumber(input, 'step');
  const n = Math.abs(percent ?? (step === undefined ? DEFAULT_VOLUME_STEP : onEchoScale(step)));
  return n || DEFAULT_VOLUME_STEP;
}

/** Volume up/down needs the current level first: GET /me/player, then PUT volume (2 round trips). */
function stepVolume(direction: 1 | -1) {
  return aboutNamedDevice(async (input, named) => {
    const { speech, spotify } = ctx(input);
    const state = named ?? (await spotify().player.getPlaybackState());
    if (!state?.device) throw new SpotifyError('NO_ACTIVE_DEVICE', 'No active device for a volume change');
    const from = state.device.volume_percent ?? DEFAULT_UNMUTE_VOLUME;
    const volume = clampVolume(from + direction * volumeStep(input));
    await spotify().player.setVolume(volume, state.device.id ?? undefined);
    return tell(input, speech.say('volumeSet', { volume }));
  });
}

export const VolumeUpHandler = onIntent(['VolumeUpIntent'], stepVolume(1));
export const VolumeDownHandler = onIntent(['VolumeDownIntent'], stepVolume(-1));

/** Mute remembers the level so unmute can bring it back. */
export const MuteHandler = onIntent(
  ['MuteIntent'],
  aboutNamedDevice(async (input, named) => {
    const { speech, spotify } = ctx(input);
    const state = named ?? (await spotify().player.getPlaybackState());
    if (!state?.device) throw new SpotifyError('NO_ACTIVE_DEVICE', 'No active device to mute');
    const level = state.device.volume_percent;
    const [, remembered] = await Promise.all([
      spotify().player.setVolume(0, state.device.id ?? undefined),
      level ? remember(input, { mutedVolume: level }) : Promise.resolve(true),
    ]);
    // Spotify muted: that is the answer, with a word on what unmute will do when the level was not kept.
    return tell(input, speech.say(remembered ? 'muted' : 'mutedNotRemembered'));
  }),
);

export const UnmuteHandler = onIntent(['UnmuteIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  const memory = await recall(input);
  const volume = clampVolume(memory.mutedVolume || DEFAULT_UNMUTE_VOLUME);
  await spotify().player.setVolume(volume);
  return tell(input, speech.say('unmuted', { volume }));
});

/** "one minute", "thirty seconds" (numbers as digits: Alexa reads them out), by the pack's plural rules. */
function spokenDuration(speech: Speech, ms: number): SafeSsml {
  const s = Math.round(ms / 1000);
  const [key, n] =
    s % 3600 === 0
      ? (['hours', s / 3600] as const)
      : s % 60 === 0
        ? (['minutes', s / 60] as const)
        : (['seconds', s] as const);
  return new SafeSsml(speech.plural(key, n, {}, 'n'));
}

/**
 * Seek is relative to where the track is now: GET /me/player, then PUT seek (2 round trips). The position
 * stays inside the track, and the answer says what was done: past either end it is "to the end" or "to the
 * beginning", never the amount asked for ("skip ahead 99999999 hours").
 */
export const SeekHandler = onIntent(['SeekIntent'], async (input) => {
  const { speech, spotify, lang } = ctx(input);
  const amount = parseDuration(slotText(input, 'duration'));
  if (amount === undefined) return ask(input, speech.say('seekWhich'), speech.say('seekWhich'));
  const back =
    slotId(input, 'direction') === 'back' || lang.seekBackwards.test(slotText(input, 'direction') ?? '');
  const state = await spotify().player.getPlaybackState();
  if (!state?.device) throw new SpotifyError('NO_ACTIVE_DEVICE', 'Nothing to seek in');
  const duration = state.item?.duration_ms ?? Number.MAX_SAFE_INTEGER;
  const wanted = (state.progress_ms ?? 0) + (back ? -amount : amount);
  const target = Math.max(0, Math.min(duration - 1000, wanted));
  await spotify().player.seek(target, state.device.id ?? undefined);
  if (target !== wanted) return tell(input, speech.say(back ? 'seekToStart' : 'seekToEnd'));
  return tell(
    input,
    speech.say(back ? 'seekBack' : 'seekForward', { amount: spokenDuration(speech, amount) }),
  );
});

export const PLAYBACK_HANDLERS = showingScreen('nowPlaying', [
  PauseHandler,
  PauseDeviceHandler,
  ResumeHandler,
  ResumeDeviceHandler,
  NextHandler,
  SkipDeviceHandler,
  PreviousHandler,
  StartOverHandler,
  ShuffleHandler,
  LoopOnHandler,
  LoopOffHandler,
  RepeatModeHandler,
  SetVolumeHandler,
  VolumeUpHandler,
  VolumeDownHandler,
  MuteHandler,
  UnmuteHandler,
  SeekHandler,
]);
