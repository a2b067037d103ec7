import { ctx } from '../context';
import { onIntent } from '../dialog/define';
import { tell } from '../dialog/respond';

/** Troubleshooting: why a device is missing. Needs no Spotify call, so it works before linking too. */
export const DeviceHelpHandler = onIntent(
  ['DeviceHelpIntent'],
  (input) => tell(input, ctx(input).speech.say('deviceHelp')),
  { needsSpotify: false },
);

/** Where to unlink, and what that deletes. Works unlinked too. */
export const UnlinkHelpHandler = onIntent(
  ['UnlinkHelpIntent'],
  (input) => tell(input, ctx(input).speech.say('unlinkHelp')),
  { needsSpotify: false },
);

/** "Which account is linked?": the display name from GET /me. */
export const WhichAccountHandler = onIntent(['WhichAccountIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  const me = await spotify().me.get();
  return tell(
    input,
    me.display_name
      ? speech.say('whichAccount', { name: me.display_name })
      : speech.say('whichAccountNoName', { id: me.id }),
  );
});

export const ACCOUNT_HANDLERS = [DeviceHelpHandler, UnlinkHelpHandler, WhichAccountHandler];
