/**
 * The English pack: every word the skill says, shows or understands in English. Placeholders are `{name}`;
 * values are escaped by the speech layer, so a playlist called "Rock & Roll" is safe to speak. The string
 * keys defined here are the key set of every pack (`StringKey`).
 */
import { soundKey } from '../matching/similarity';
import type { LanguagePack } from './types';

export const enStrings = {
  // Account linking and launch
  linkAccount:
    'To control Spotify, I need your Spotify account. Open the Alexa app and follow the card there to link it.',
  linkAccountCardTitle: 'Link your Spotify account',
  welcome: 'Connect Remote is ready.',
  nowPlayingOn: '{title} by {artists} is playing on {device}.',
  nowPausedOn: '{title} by {artists} is paused on {device}.',
  nowPlayingAlbum: '{title} by {artists}, from {album}, is playing on {device}.',
  nowPausedAlbum: '{title} by {artists}, from {album}, is paused on {device}.',
  nothingPlaying: 'Nothing is playing right now.',
  adPlaying: 'An ad is playing on {device}.',
  /** "What's next?": the next one or two items of the queue. */
  upNext: 'Next up is {first}.',
  upNextThen: 'Next up is {first}, then {second}.',
  upNextNothing: 'Nothing is lined up after this one.',
  /** "What's the volume?" */
  volumeIs: 'The volume is {volume} percent on {device}.',
  volumeNotReported: "{device} doesn't report its volume.",
  volumeIsMuted: '{device} is muted. Say unmute to bring it back.',
  /** One item of the queue, inside upNext. */
  itemBy: '{title} by {artists}',
  whatNext: 'What would you like to do?',
  whatNextReprompt: 'You can say, play my liked songs, or, list my devices. What would you like to do?',
  and: 'and',
  or: 'or',
  /** A list cut at five: "Kitchen speaker, …, Bedroom Echo, and 1 more". */
  listAndMore: '{names}, and {count} more',

  // Built-ins
  // About 25 words, like every typical answer: enough to try one thing, short enough to remember it.
  help: "You can say things like: play my workout mix on the kitchen speaker, pause, turn it up, what's next, or, list my devices. What would you like to do?",
  helpReprompt: 'Try saying: play my liked songs. What would you like to do?',
  goodbye: 'Okay.',
  fallback:
    "Sorry, I didn't get that. You can say: play my workout mix, pause, or, list my devices. What would you like to do?",
  fallbackReprompt: 'You can say: play my liked songs, or, what is playing. What would you like to do?',

  // Playback
  paused: 'Paused.',
  resumed: 'Resuming.',
  resumedOn: 'Resuming on {device}.',
  skipped: 'Skipping.',
  wentBack: 'Going back.',
  startedOver: 'Starting over.',
  shuffleOn: 'Shuffle is on.',
  shuffleOff: 'Shuffle is off.',
  repeatTrack: 'Repeating this song.',
  repeatContext: 'Repeating the playlist.',
  repeatOff: 'Repeat is off.',
  repeatWhich: 'Should I repeat this song, the playlist, or turn repeat off?',
  volumeSet: 'Volume {volume} percent.',
  volumeCapped: '{max} is the maximum, so I set it to {max}.',
  volumeNegative:
    'The volume goes from zero to ten. Say, for example, volume four, or, volume forty percent.',
  volumeWhich: 'What volume would you like, from zero to ten?',
  muted: 'Muted. Say unmute to bring it back.',
  mutedNotRemembered: "Muted, but I couldn't remember the volume to go back to when you unmute.",
  unmuted: 'Volume back to {volume} percent.',
  seekForward: 'Skipping ahead {amount}.',
  seekBack: 'Going back {amount}.',
  seekToEnd: 'Skipping to the end.',
  seekToStart: 'Going back to the beginning.',
  seekWhich: 'How far? You can say, skip ahead thirty seconds, or, go back one minute.',
  seconds: '{n} seconds',
  second: 'one second',
  minutes: '{n} minutes',
  minute: 'one minute',
  hours: '{n} hours',
  hour: 'one hour',

  // Play by name
  playingOn: 'Playing {name} on {device}.',
  playingByOn: 'Playing {name} by {artists} on {device}.',
  playing: 'Playing {name}.',
  playingBy: 'Playing {name} by {artists}.',
  /** A podcast episode: {artists} is its show. */
  playingFrom: 'Playing {name} from {artists}.',
  playingFromOn: 'Playing {name} from {artists} on {device}.',
  /** Played with a modifier ("play X on shuffle"); {name} may be "X by Y". */
  shufflingOn: 'Shuffling {name} on {device}.',
  shuffling: 'Shuffling {name}.',
  repeatingOn: 'Repeating {name} on {device}.',
  repeating: 'Repeating {name}.',
  /** "Play something" while something is paused. */
  resumingOn: 'Resuming {name} on {device}.',
  resuming: 'Resuming {name}.',
  /** "Play something" with nothing paused, no liked songs and nothing played before. */
  nothingToPlay:
    "There's nothing to pick up from yet. Say, play, and the name of a playlist, an artist or a song.",
  /** A playlist of the user's with no songs: Spotify would refuse to play it. */
  playlistEmpty: '{name} is empty. Add some songs to it in Spotify, or ask me for another playlist.',
  likedSongs: 'your liked songs',
  noLikedSongs: "You don't have any liked songs yet. Say, like this song, while something plays to save it.",
  whichPlaylist: 'Which playlist?',
  whichPlaylistReprompt: 'Which playlist should I play? You can say, list my playlists, to hear them.',
  didYouMean: 'Did you mean {options}?',
  didYouMeanReprompt: 'Which one? You can say the name, or, the first one.',
  noPlaylistMatch:
    "I couldn't find a playlist called {name} in your library. Say, list my playlists, to hear what you have.",
  noPlaylists: "You don't have any playlists yet.",
  noSearchMatch: "I couldn't find {name} on Spotify.",
  /** Discover Weekly and the like: out of reach for apps since Spotify's 2024–2026 API changes. */
  spotifysOwnPlaylist:
    "Spotify doesn't let apps like this one play its own playlists, such as {name}. Start it in the Spotify app, or ask me for one of yours.",
  /** Not the user's, and the search matched only playlists Spotify hides from apps (`null` hits). */
  maybeSpotifysOwnPlaylist:
    "{name} isn't one of your playlists, and Spotify doesn't let apps like this one play its own. Start it in the Spotify app, or ask me for one of yours.",
  spotifysOwnPlaylistAdd:
    "{name} is one of Spotify's own playlists: only Spotify can add to it. Try one of yours.",
  whatToPlay: 'What should I play? You can say, play my liked songs, or, play music by an artist.',
  choiceLost: "Sorry, I've lost track of the choices. Say what you'd like to play again.",
  /** "Did you mean A or B?" answered "neither": the question ends, nothing is done. */
  choiceDeclined: 'Okay, neither then.',
  /** "Which device?" (or "Which playlist?") answered "don't bother": nothing is done. */
  askDeclined: "Okay, I'll leave it.",

  // Podcasts
  whichPodcast: 'Which podcast? Say its name, for example, play the podcast, and the name.',
  whichPodcastFollowed: 'Which podcast? You follow {names}.',
  whichPodcastReprompt: 'Which podcast should I play?',
  noShowMatch: "I couldn't find a podcast called {name}.",
  noEpisodeMatch: "I couldn't find a podcast episode called {name}.",
  noEpisodeNumber: "I couldn't find episode {number} of {show}.",
  showEmpty: "{show} doesn't have any episodes yet.",
  noPodcastToResume:
    "I couldn't find a podcast episode you've started. Say, for example, play the latest episode of, and the show.",
  /** What's playing, for a podcast episode: the show, never "by". */
  nowPlayingEpisode: '{title}, from {show}, is playing on {device}.',
  nowPausedEpisode: '{title}, from {show}, is paused on {device}.',
  savedEpisode: 'Saved {title} to Your Episodes.',

  // Playlists and library
  playlistCount: 'You have {count} playlists.',
  playlistCountOne: 'You have one playlist.',
  playlistsFirst: 'The first {count} are: {names}.',
  playlistsNext: 'The next {count} are: {names}.',
  playlistsMore: 'Say, more, to hear the next ones.',
  playlistsMoreReprompt: 'Say, more, to hear the next ones, or, play, and the name.',
  playlistsEnd: "That's all of them.",
  /** The library holds only Spotify's own playlists (null entries to apps since Spotify's 2024–2026 changes). */
  onlySpotifysPlaylists:
    "Your library only has Spotify's own playlists, which Spotify doesn't let apps like this one read. You can say, play my liked songs.",
  moreNothing: "There's nothing more to read.",
  addedTo: 'Added {title} to {playlist}.',
  alreadyAdded:
    "{title} is already at the end of {playlist}: it was added a moment ago, so I didn't add it again.",
  addUnconfirmed:
    "Spotify didn't confirm whether {title} was added to {playlist}. If you ask again, I'll check first, so it won't be added twice.",
  addNothing: "Nothing is playing, so there's nothing to add.",
  notYourPlaylist: "{playlist} isn't yours, so I can't add songs to it.",
  createdPlaylist: 'Created the playlist {name}.',
  alreadyCreated:
    "You already have an empty playlist called {name}, made a moment ago, so I didn't make another.",
  createUnconfirmed:
    "Spotify didn't confirm whether the playlist {name} was created. If you ask again, I'll check first, so you won't get two.",
  createWhich: 'What should the new playlist be called?',
  queued: 'Added {title} by {artists} to the queue.',
  queueWhich: 'Which song should I add to the queue?',
  saved: 'Saved {title} to your Liked Songs.',
  saveUnconfirmed:
    "Spotify didn't confirm whether {title} was saved to your Liked Songs. Saving it again is harmless.",
  saveNothing: "Nothing is playing, so there's nothing to save.",
  saveAd: "That's an ad, so I can't save it.",

  // Devices
  deviceCount: 'I can see {count} devices: {names}.',
  deviceCountOne: 'I can see one device: {names}.',
  deviceActive: '{name}, which is playing',
  devicePaused: '{name}, which is paused',
  deviceRestricted: "{name}, which I can't control",
  noDevices:
    "I can't see any Spotify devices. Open Spotify on a phone, computer, TV or speaker, signed in to the same account, then try again.",
  noActiveDeviceChoose:
    "Nothing is playing, and I'm not sure which device to use. Say, for example, play on the {example}. Your devices are: {names}.",
  deviceNotFound: "I can't see a device called {name}. Your devices are: {names}.",
  deviceNotFoundNone: "I can't see a device called {name}, or any other Spotify device right now.",
  deviceRestrictedNamed:
    "{name} doesn't allow Spotify to be controlled remotely, so I can't play there. Try another device.",
  transferred: 'Moving playback to {device}.',
  whichDevice: 'Which device?',
  whichDeviceReprompt: 'Which device should I use? You can say, list my devices, to hear them.',
  defaultSet: 'Okay. {device} is your default device when nothing else is playing.',
  defaultNotSaved:
    "I couldn't save {device} as your default device just now. Your other settings are unchanged.",
  defaultIsEcho: '{device} is the default device for this Echo.',
  defaultIsUser: '{device} is your default device.',
  defaultNone:
    "You haven't chosen a default device yet. Say, for example, use the kitchen speaker by default.",
  // A command about a named device or room ("pause the tv") when that device is not the one playing.
  namedNotPlaying: "{device} isn't playing, and nothing else is either.",
  namedNotPlayingOther: "{device} isn't playing. {other} is.",
  namedNonePlaying: "{devices} aren't playing, and nothing else is either.",
  namedNonePlayingOther: "{devices} aren't playing. {other} is.",

  // Troubleshooting and account
  /** Short enough to take in by ear (about 25 words): the device list says which ones can't be controlled. */
  deviceHelp:
    'Open Spotify on the missing device, signed in to the same Spotify account, and keep it awake: sleeping devices drop off. Then say, list my devices.',
  unlinkHelp:
    'To disconnect Spotify, open the Alexa app, go to More, then Skills and Games, Your Skills, Connect Remote, and choose Disable Skill. That unlinks your Spotify account and deletes what this skill remembers about you, such as your default device. You can also remove the app from your Spotify account page under Manage Apps.',
  whichAccount: "You're linked to Spotify as {name}.",
  whichAccountNoName: "You're linked to the Spotify account {id}.",

  // Errors
  errorPremiumRequired: 'Controlling playback needs Spotify Premium on the linked account.',
  errorNoActiveDevice:
    "I can't find an active Spotify device. Open Spotify on a phone, computer or speaker, then try again.",
  errorDeviceNotFound: "That device isn't available any more. Say, list my devices, to hear what is.",
  errorRestricted: "Spotify won't let me do that on this device right now.",
  errorDeviceNotControllable: "This device doesn't allow Spotify to be controlled remotely.",
  errorNoVolume: "This device doesn't let me change its volume.",
  errorNothingNext: "There's nothing to skip to.",
  errorNothingPrevious: "There's nothing to go back to.",
  errorAlreadyPaused: "It's already paused.",
  errorAlreadyPlaying: "It's already playing.",
  errorNotAllowlisted:
    "This Spotify account isn't registered with this skill's Spotify app. The app is in Development Mode, which allows five users: ask whoever set it up to add you in the Spotify developer dashboard.",
  errorRateLimited: 'Spotify is busy. Try again in a moment.',
  errorUnavailable: "Spotify isn't answering right now. Try again in a minute.",
  errorTimeout: 'Spotify took too long to answer. Try again in a moment.',
  errorBadResponse: 'Spotify sent an answer I could not understand. Try again in a moment.',
  errorNotFound: "Spotify couldn't find that any more.",
  errorGeneric: 'Sorry, something went wrong. Try again in a moment.',

  // Fallbacks for what Spotify leaves out, and card lines
  unknownShow: 'an unknown show',
  unknownArtist: 'an unknown artist',
  yourDevice: 'your device',
  cardPlayingOn: 'Playing on {device}',
  cardOnDevice: 'On {device}',
} as const;

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "1st", "2nd", "3rd", "11th", "21st". */
function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Every word the Echo Show screens show (lambda/src/screens); placeholders are filled as plain text. */
export const enScreens = {
  nowPlayingTitle: 'Now playing',
  nothingPlaying: 'Nothing is playing',
  nothingPlayingHint: 'Say "play my workout mix", or pick a playlist.',
  playingOn: 'On {device}',
  pausedOn: 'Paused on {device}',
  previous: 'Previous',
  play: 'Play',
  pause: 'Pause',
  next: 'Next',
  volumeDown: 'Volume down',
  volumeUp: 'Volume up',
  volume: 'Volume {volume}%',
  playlistsTitle: 'Your playlists',
  playlistItems: '{count} items',
  playlistItemsOne: '1 item',
  playlistsHint: 'Tap a playlist to play it',
  devicesTitle: 'Your devices',
  devicesHint: 'Tap a device to move playback there',
  deviceActive: 'Playing here',
  deviceRestricted: 'Cannot be controlled',
  deviceReady: 'Ready',
  // Spotify's device types (Device.type), as the devices screen names them.
  kindComputer: 'Computer',
  kindSmartphone: 'Phone',
  kindTablet: 'Tablet',
  kindSpeaker: 'Speaker',
  kindTV: 'TV',
  kindAVR: 'Receiver',
  kindSTB: 'Set-top box',
  kindGameConsole: 'Game console',
  kindCastVideo: 'Chromecast',
  kindCastAudio: 'Cast speaker',
  kindAutomobile: 'Car',
  kindSmartwatch: 'Watch',
  chooseTitle: 'Which one?',
  chooseHint: 'Tap one, or say "the first one"',
  linkTitle: 'Link your Spotify account',
  linkText: 'Open the Alexa app, go to Skills, find Connect Remote and tap Link Account.',
} as const;

export const en: LanguagePack = {
  screens: enScreens,
  locale: 'en-US',
  // Today's speech joins lists without the Oxford comma ("A, B and C", "A or B"). CLDR's en-US patterns add
  // one ("A, B, and C"); en-GB's are the ones without it, so lists are formatted with en-GB's patterns.
  listLocale: 'en-GB',
  strings: enStrings,
  plurals: {
    deviceCount: { one: 'deviceCountOne', other: 'deviceCount' },
    playlistCount: { one: 'playlistCountOne', other: 'playlistCount' },
    seconds: { one: 'second', other: 'seconds' },
    minutes: { one: 'minute', other: 'minutes' },
    hours: { one: 'hour', other: 'hours' },
  },
  understand: {
    matching: {
      and: 'and',
      numberSuffixes: ['s', 'st', 'nd', 'rd', 'th'],
      spellings: {
        n: ['and'], // "rock n roll"
        randb: ['rnb'],
        nite: ['night'],
        tonite: ['tonight'],
        lite: ['light'],
        thru: ['through'],
        luv: ['love'],
        u: ['you'],
        ur: ['your'],
        xmas: ['christmas'],
        noughties: ['2000s'],
        aughts: ['2000s'],
        television: ['tv'],
        telly: ['tv'],
        ps: ['playstation'],
        vol: ['volume'],
        pt: ['part'],
        feat: ['featuring'],
        ft: ['featuring'],
        okay: ['ok'],
      },
      joinedPairs: {
        lo: { fi: 'lofi' },
        low: { fi: 'lofi' },
        hi: { fi: 'hifi' },
        high: { fi: 'hifi' },
        hip: { hop: 'hiphop' },
      },
      numbers: {
        units: UNITS,
        unitOrdinals: [
          '',
          'first',
          'second',
          'third',
          'fourth',
          'fifth',
          'sixth',
          'seventh',
          'eighth',
          'ninth',
        ],
        teens: TEENS,
        teenOrdinals: TEENS.map((w) => (w === 'twelve' ? 'twelfth' : `${w}th`)),
        tens: TENS,
        tensOrdinals: TENS.map((w) => (w ? `${w.slice(0, -1)}ieth` : '')),
        // "nineties", and "ninety's" once the apostrophe is gone
        decades: TENS.map((w) => (w ? [`${w.slice(0, -1)}ies`, `${w}s`] : [])),
        tensDecade: 'tens', // "twenty tens" -> 2010s
        hundred: { cardinal: 'hundred', plural: 'hundreds', ordinal: 'hundredth' },
        thousand: { cardinal: 'thousand', plural: 'thousands', ordinal: 'thousandth' },
        joiner: 'and',
        pluralSuffix: 's',
        ordinalSuffix,
      },
      // Alexa writes what it hears: "workout mix to", "songs for you" for "Songs 4 U".
      numberHomophones: { to: '2', too: '2', for: '4', fore: '4', won: '1', ate: '8' },
      thousandsSeparator: ',',
      pluralEnding: 's',
      soundKey,
      stopWords: [
        'the',
        'a',
        'an',
        'my',
        'your',
        'our',
        'of',
        'to',
        'for',
        'and',
        'on',
        'in',
        'at',
        'with',
        'by',
        'please',
      ],
      mildWords: ['songs', 'song', 'music', 'tracks'],
      genericWords: {
        playlist: ['playlist', 'playlists', 'list', 'spotify'],
        device: ['speaker', 'speakers', 'device', 'devices', 'spotify'],
        any: ['spotify'],
      },
    },
    ordinals: {
      first: 1,
      second: 2,
      third: 3,
      fourth: 4,
      fifth: 5,
      one: 1,
      two: 2,
      three: 3,
      four: 4,
      five: 5,
      last: -1,
      middle: 0,
    },
    ordinalAnswer:
      /^(?:the )?(?:(?:first|second|third|fourth|fifth|last|middle)(?: one)?|(?:number|option) (?:one|two|three|four|five|\d+))$/i,
    answerFillers:
      /\b(?:please|thanks|thank you|actually|just|um+|uh+|erm|oh|well|ok(?:ay)?|hmm+|i think|i guess|i mean)\b/gi,
    answerPointers: /^(?:the )?one (?:from|with|called|named|for|by|in|on)\s+/i,
    spotifysOwnPlaylists:
      /^(?:discover weekly|release radar|(?:my )?daily mix(?: (?:\d+|one|two|three|four|five|six))?|daylist|on repeat|repeat rewind|time capsule|today'?s top hits|rap ?caviar|viva latino|rock this|all out \w+s|mood booster|songs to sing in the car|your top songs \d{4}|release radar and discover weekly)$/i,
    likedSongsNames: /^(?:(?:liked|saved|loved) (?:songs|tracks|music)|library)(?: please)?$/i,
    declines:
      /^(?:(?:no|nope|nah) )?(?:neither(?: one| of (?:them|those|these))?|none(?: of (?:them|those|these))?|no(?:pe)?|nah|no thanks|nothing|never ?mind|forget (?:it|that)|(?:do not|don't) bother|(?:i )?(?:do not|don't) want (?:any|either)(?: of (?:them|those|these))?|not (?:those|them|any of (?:them|those|these)))$/i,
    playlistFillers: /^(?:(?:my|the|a|some)\s+)+|\s+(?:playlist|play list)$/gi,
    seekBackwards: /back|rewind|behind/i,
    episodeNumber: /(?:\b(?:episode|ep|no|number|part)\.?\s*|#\s*)(\d+)\b|^\s*(\d+)\s*[:.)–-]/i,
    versionSuffixes: [
      // "Something - Remastered 2009", "Song - Live at Wembley", "Song - 2011 Mix", "Let It Go - From Frozen"
      // (a bare "Mix" is left alone: "Chill - Evening Mix" may be what the user calls it)
      /\s+[-–—]\s+[^-–—]*\b(?:remaster(?:ed)?|live|remix|version|edit|mono|stereo|demo|acoustic|instrumental|from|(?:\d{4}|radio|single|album|extended|original|club|stereo|mono) mix)\b[^-–—]*$/i,
      // "Abbey Road (Remastered)", "Song [Live]", "Song (2011 Remaster)", "Song (Radio Edit)"
      /\s*[([][^()[\]]*\b(?:remaster(?:ed)?|live|remix|version|edit|mono|stereo|demo|acoustic|(?:\d{4}|radio|single|album|extended|original|club) mix)\b[^()[\]]*[)\]]$/i,
    ],
    notADevice:
      /^(?:(?:the|my|this|that|your)\s+)?(?:music|song|songs|track|sound|volume|audio|spotify|playback|player|it|this|that|one)(?:\s+please)?$/i,
    deviceKinds: {
      laptop: ['Computer'],
      computer: ['Computer'],
      pc: ['Computer'],
      mac: ['Computer'],
      desktop: ['Computer'],
      tv: ['TV'],
      phone: ['Smartphone'],
      mobile: ['Smartphone'],
      iphone: ['Smartphone'],
      tablet: ['Tablet'],
      ipad: ['Tablet'],
      car: ['Automobile'],
      console: ['GameConsole'],
      soundbar: ['AVR', 'STB', 'Speaker'],
    },
    play: {
      politeLeading: /^(?:please|just|can you|could you|go ahead and)\s+/i,
      politeTrailing: /\s+(?:please|thanks|thank you|for me)$/i,
      shuffleLeading: /^(?:shuffle(?: play)?|shuffled|randomly play)\s+/i,
      repeatLeading: /^(?:loop|repeat|keep repeating)\s+/i,
      shuffleTrailing:
        /\s+(?:(?:on|in) shuffle(?: mode)?|shuffled|with shuffle(?: on)?|and shuffle(?: it| them)?|(?:in|on) random(?: order| mode)?|randomly|at random)$/i,
      repeatTrailing:
        /\s+(?:on (?:repeat|loop)|in a loop|(?:on|in) repeat mode|looped|repeated|and (?:repeat|loop) it|over and over(?: again)?)$/i,
      shuffleAlone: /^(?:shuffle(?: mode)?|random(?: order)?)$/i,
      repeatAlone: /^(?:repeat(?: mode)?|loop)$/i,
      device: /^(?:(.+) )?(?:on|in) (?:the |my )?(.+)$/i,
      anything:
        /^(?:(?:some(?:thing)?|any(?:thing)?|whatever|some good|something good|a bit of) ?(?:music|tunes|songs)?|music|tunes|songs|spotify|(?:the )?music|the tunes)$/i,
      liked:
        /^(?:(?:my|the) )?(?:liked (?:songs|music|tracks)|saved (?:songs|music|tracks)|favou?rite (?:songs|music|tracks)|hearted songs|library|music library|(?:songs|music|tracks|everything|all the songs|the songs) i(?:'ve| have)? (?:liked|saved|like|love|hearted))(?: (?:playlist|play list))?$/i,
      likedMaybe: /^(?:(?:my|the) )?(?:favou?rites|likes)(?: (?:playlist|play list))?$/i,
      current:
        /^(?:this|it|that|this one|these|these songs|this song|this track|this playlist|this album|the current (?:song|playlist|album)|the music|this music|what's playing)$/i,
      currentSong: /^(?:it|this|that|this one|this song|this track|the current song)$/i,
      commands: {
        next: /^(?:the )?next(?: (?:one|song|track|episode))?(?: up)?$/i,
        previous:
          /^(?:the )?(?:previous(?: one| song| track| episode)?(?: again)?|(?:(?:song|track|one) )?before(?: this(?: one)?)?|(?:last|that) (?:song|track|one) again)$/i,
        startOver:
          /^(?:(?:it|this|this song|this track|the song)(?: again)? )?(?:from the (?:start|beginning|top)|over)$|^(?:(?:this|the) )?(?:song|track) (?:again|over)$/i,
        resume:
          /^(?:whatever (?:was|i was) (?:playing|listening to)|(?:the )?music again|what i was (?:playing|listening to)|where i left off|it again|(?:playing )?again)$/i,
      },
      /** With shuffle or repeat: the player's own switch ("shuffle on", "shuffle mode off"). */
      switchOn: /^(?:mode )?on$/i,
      switchOff: /^(?:mode )?off$/i,
      kinds: {
        playlist: [
          /^(?:(?:my|the|a) )?(?:playlist|play list) (?:called |named )?(.+)$/i,
          /^(.+) (?:playlist|play list)$/i,
        ],
        album: [/^(?:the )?(?:album|record) (?:called |named )?(.+)$/i, /^(?:the )?(.+) album$/i],
        artist: [
          /^(?:(?:some |the )?(?:songs|music|tracks|hits)|something|anything) (?:by|from) (.+)$/i,
          /^(?:the )?(?:artist|band|singer) (.+)$/i,
        ],
        song: [/^(?:the )?(?:song|track|single) (?:called |named )?(.+)$/i],
        genre: [/^some (.+)$/i],
      },
    },
  },
};
