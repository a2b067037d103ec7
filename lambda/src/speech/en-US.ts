/**
 * English (US) strings. Placeholders are `{name}`; values are escaped by the speech layer, so a playlist
 * called "Rock & Roll" is safe to speak. Keys are shared by every locale (see `Strings`).
 */
export const enUS = {
  linkAccount:
    'To control Spotify, I need your Spotify account. Open the Alexa app and follow the card there to link it.',
  linkAccountCardTitle: 'Link your Spotify account',
  welcome: 'Connect Remote is ready.',
  nowPlayingOn: '{title} by {artists} is playing on {device}.',
  nowPausedOn: '{title} by {artists} is paused on {device}.',
  nothingPlaying: 'Nothing is playing right now.',
  adPlaying: 'An ad is playing on {device}.',
  whatNext: 'What would you like to do?',
  whatNextReprompt: 'You can say, play my liked songs, or, list my devices. What would you like to do?',
  help: 'You can say things like: play my workout mix, pause, next song, turn the volume to 40, what is playing, or, list my devices. What would you like to do?',
  helpReprompt: 'Try saying: play my liked songs. What would you like to do?',
  goodbye: 'Okay.',
  fallback:
    "Sorry, I didn't get that. You can say: play my workout mix, pause, or, list my devices. What would you like to do?",
  fallbackReprompt: 'You can say: play my liked songs, or, what is playing. What would you like to do?',
  paused: 'Paused.',
  resumed: 'Resuming.',
  errorPremiumRequired: 'Controlling playback needs Spotify Premium on the linked account.',
  errorNoActiveDevice:
    "I can't find an active Spotify device. Open Spotify on a phone, computer or speaker, then try again.",
  errorDeviceNotFound: "That device isn't available any more. Say, list my devices, to hear what is.",
  errorRestricted: "Spotify won't let me do that on this device right now.",
  errorNotAllowlisted:
    "This Spotify account isn't registered with this skill's Spotify app. The app is in Development Mode, which allows five users: ask whoever set it up to add you in the Spotify developer dashboard.",
  errorRateLimited: 'Spotify is busy. Try again in a moment.',
  errorUnavailable: "Spotify isn't answering right now. Try again in a minute.",
  errorTimeout: 'Spotify took too long to answer. Try again in a moment.',
  errorBadResponse: 'Spotify sent an answer I could not understand. Try again in a moment.',
  errorGeneric: 'Sorry, something went wrong. Try again in a moment.',
} as const;
