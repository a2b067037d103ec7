import type { HandlerInput } from 'ask-sdk-core';
import { ctx } from '../context';
import type { PlaybackState } from '../spotify/types';
import { describePlayback, itemNames } from '../dialog/describe';
import { onIntent } from '../dialog/define';
import { tell } from '../dialog/respond';
import { NoActiveDeviceError } from '../spotify/errors';
import { aboutNamedDevice } from '../resolve/named';

/**
 * "What's playing?": track, artists, album and device, with a card showing the album art. "What's playing in
 * the kitchen?" / "is the tv playing?": the same when that device is the one playing (`named`), else that
 * it is not (resolve/named.ts).
 */
async function whatsPlaying(input: HandlerInput, named?: PlaybackState) {
  const { speech, spotify } = ctx(input);
  const state = named ?? (await spotify().player.getPlaybackState());
  const ssml = describePlayback(speech, state, { withAlbum: true });
  const item = state?.item;
  if (!item) return tell(input, ssml, undefined, { kind: 'nowPlaying', state });
  const { title, artists } = itemNames(speech, item);
  const album = item.type === 'track' ? item.album?.name : item.show?.name;
  const images = item.type === 'track' ? item.album?.images : (item.images ?? item.show?.images);
  const lines = [
    artists,
    album && album !== artists ? album : undefined,
    speech.text('cardOnDevice', { device: state.device?.name ?? speech.text('yourDevice') }),
  ];
  return tell(
    input,
    ssml,
    { title, text: lines.filter(Boolean).join('\n'), images },
    { kind: 'nowPlaying', state },
  );
}

export const WhatsPlayingHandler = onIntent(['WhatsPlayingIntent'], aboutNamedDevice(whatsPlaying));

/** "What's next?": the next one or two items (the user's queue, then the context), read and left as they are. */
export const WhatsNextHandler = onIntent(['WhatsNextIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  // No active device: a question about what plays next is answered, not apologised for.
  const read = await spotify()
    .player.getQueue()
    .catch((error: unknown) => {
      if (error instanceof NoActiveDeviceError) return undefined;
      throw error;
    });
  if (!read) return tell(input, speech.say('nothingPlaying'));
  const { currentlyPlaying, queue } = read;
  if (!currentlyPlaying) return tell(input, speech.say('nothingPlaying'));
  const [first, second] = queue.slice(0, 2).map((item) => speech.fragment('itemBy', itemNames(speech, item)));
  if (!first) return tell(input, speech.say('upNextNothing'));
  return tell(input, second ? speech.say('upNextThen', { first, second }) : speech.say('upNext', { first }));
});

/**
 * "What's the volume?" / "how loud is it?": the level of the device that plays, as Spotify reports it (one
 * GET). At 0 it is muted, and unmute is the way back; a device that does not report a level (`volume_percent`
 * null) is said so; no device, nothing plays.
 */
export const WhatsTheVolumeHandler = onIntent(['WhatsTheVolumeIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  const device = (await spotify().player.getPlaybackState())?.device;
  if (!device) return tell(input, speech.say('nothingPlaying'));
  const name = device.name || speech.text('yourDevice');
  const volume = device.volume_percent;
  if (typeof volume !== 'number') return tell(input, speech.say('volumeNotReported', { device: name }));
  if (volume === 0) return tell(input, speech.say('volumeIsMuted', { device: name }));
  return tell(input, speech.say('volumeIs', { volume, device: name }));
});
