import { ctx } from '../context';
import { describePlayback, itemNames } from '../speech/describe';
import { onIntent } from '../dialog/define';
import { tell } from '../dialog/respond';

/** "What's playing?": track, artists, album and device, with a card showing the album art. */
export const WhatsPlayingHandler = onIntent(['WhatsPlayingIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  const state = await spotify().player.getPlaybackState();
  const ssml = describePlayback(speech, state, { withAlbum: true });
  const item = state?.item;
  if (!item) return tell(input, ssml, undefined, { kind: 'nowPlaying', state });
  const { title, artists } = itemNames(item);
  const album = item.type === 'track' ? item.album?.name : item.show?.name;
  const images = item.type === 'track' ? item.album?.images : (item.images ?? item.show?.images);
  const lines = [
    artists,
    album && album !== artists ? album : undefined,
    `On ${state.device?.name ?? 'your device'}`,
  ];
  return tell(
    input,
    ssml,
    { title, text: lines.filter(Boolean).join('\n'), images },
    { kind: 'nowPlaying', state },
  );
});
