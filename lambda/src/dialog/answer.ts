import { ctx } from '../context';
import { onIntent, type SkillRequestHandler } from './define';
import { TransferPlaybackHandler, SetDefaultDeviceHandler } from '../handlers/devices';
import { getPending } from './question';
import { PlayPlaylistHandler } from '../handlers/play';
import { AddToPlaylistHandler } from '../handlers/playlists';
import { tell } from './respond';

/** The intents that can ask "which one?", by the intent name kept in the pending question. */
const ASKERS: Record<string, SkillRequestHandler> = {
  PlayPlaylistIntent: PlayPlaylistHandler,
  AddToPlaylistIntent: AddToPlaylistHandler,
  TransferPlaybackIntent: TransferPlaybackHandler,
  SetDefaultDeviceIntent: SetDefaultDeviceHandler,
};

/** "The second one": answers the pending question by handing the request back to the intent that asked. */
export const ChooseHandler = onIntent(['ChooseIntent'], async (input) => {
  const pending = getPending(input);
  const asker = pending && Object.hasOwn(ASKERS, pending.intent) ? ASKERS[pending.intent] : undefined;
  if (!asker) return tell(input, ctx(input).speech.say('choiceLost'));
  return asker.handle(input);
});
