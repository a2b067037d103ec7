/**
 * The intents and slots the handlers are written against, as the model must declare them. The model test
 * checks the en-US model against this list, and the handler agreement test can use it without parsing JSON.
 */

/** Custom intent → slot name → slot type. */
export const CUSTOM_INTENTS: Record<string, Record<string, string>> = {
  PlayPlaylistIntent: { playlist: 'AMAZON.MusicPlaylist', device: 'DeviceName' },
  PlayLikedSongsIntent: { device: 'DeviceName' },
  PlayArtistIntent: { artist: 'AMAZON.Musician', device: 'DeviceName' },
  PlayAlbumIntent: { album: 'AMAZON.MusicAlbum', artist: 'AMAZON.Musician', device: 'DeviceName' },
  PlaySongIntent: { song: 'AMAZON.MusicRecording', artist: 'AMAZON.Musician', device: 'DeviceName' },
  PlayGenreIntent: { genre: 'AMAZON.Genre', device: 'DeviceName' },
  PlaySearchIntent: { query: 'AMAZON.SearchQuery' },
  PlayPodcastIntent: {
    show: 'PodcastName',
    episode: 'PodcastName',
    number: 'AMAZON.NUMBER',
    device: 'DeviceName',
  },
  PlayNewestEpisodeIntent: { show: 'PodcastName', device: 'DeviceName' },
  ResumePodcastIntent: { show: 'PodcastName', device: 'DeviceName' },
  ShufflePlayIntent: { query: 'AMAZON.SearchQuery' },
  QueueSongIntent: { song: 'AMAZON.MusicRecording', artist: 'AMAZON.Musician' },
  AddToPlaylistIntent: { playlist: 'AMAZON.MusicPlaylist' },
  CreatePlaylistIntent: { name: 'AMAZON.SearchQuery' },
  ListPlaylistsIntent: {},
  MoreIntent: {},
  ChooseIntent: { ordinal: 'AMAZON.Ordinal', number: 'AMAZON.NUMBER' },
  SaveSongIntent: { thing: 'TrackWord' },
  PauseDeviceIntent: { device: 'DeviceName' },
  ResumeDeviceIntent: { device: 'DeviceName' },
  SkipDeviceIntent: { device: 'DeviceName' },
  WhatsPlayingIntent: { thing: 'TrackWord', act: 'ActWord', device: 'DeviceName' },
  WhatsTheVolumeIntent: {},
  WhatsNextIntent: { thing: 'TrackWord', upcoming: 'QueueWord' },
  SetVolumeIntent: {
    volume: 'AMAZON.NUMBER',
    percent: 'AMAZON.NUMBER',
    level: 'VolumeLevel',
    device: 'DeviceName',
  },
  VolumeUpIntent: {
    step: 'AMAZON.NUMBER',
    percent: 'AMAZON.NUMBER',
    amount: 'VolumeStep',
    device: 'DeviceName',
  },
  VolumeDownIntent: {
    step: 'AMAZON.NUMBER',
    percent: 'AMAZON.NUMBER',
    amount: 'VolumeStep',
    device: 'DeviceName',
  },
  MuteIntent: { device: 'DeviceName' },
  UnmuteIntent: {},
  SeekIntent: { direction: 'SeekDirection', duration: 'AMAZON.DURATION' },
  RepeatModeIntent: { mode: 'RepeatMode' },
  ListDevicesIntent: { kind: 'DeviceKind', thing: 'TrackWord' },
  TransferPlaybackIntent: { device: 'DeviceName' },
  SetDefaultDeviceIntent: { device: 'DeviceName' },
  WhichDefaultDeviceIntent: {},
  DeviceHelpIntent: { kind: 'DeviceKind' },
  UnlinkHelpIntent: {},
  WhichAccountIntent: {},
};

/** The built-in intents the skill declares (and handles). */
export const BUILT_IN_INTENTS: readonly string[] = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.ShuffleOnIntent',
  'AMAZON.ShuffleOffIntent',
  'AMAZON.LoopOnIntent',
  'AMAZON.LoopOffIntent',
];

/**
 * Slots the handlers fill again with Dialog.ElicitSlot ("Did you mean A or B?", "Which device?"). Alexa drops
 * an ElicitSlot for an intent that is not in the dialog model, so each of these needs a dialog entry.
 */
export const ELICITED_SLOTS: Record<string, string> = {
  PlayPlaylistIntent: 'playlist',
  PlayPodcastIntent: 'show',
  AddToPlaylistIntent: 'playlist',
  CreatePlaylistIntent: 'name',
  TransferPlaybackIntent: 'device',
  SetDefaultDeviceIntent: 'device',
};

/** Custom slot type → the entity-resolution ids the handlers read. */
export const SLOT_TYPE_IDS: Record<string, readonly string[]> = {
  RepeatMode: ['track', 'context', 'off'],
  SeekDirection: ['forward', 'back'],
  VolumeLevel: ['max', 'min'],
  VolumeStep: ['lot', 'little'],
};
