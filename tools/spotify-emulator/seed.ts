/**
 * The seeded world, awkward on purpose: names with emoji, `&`, apostrophes, accents and numbers; 64 entries
 * in the demo user's playlist list (three pages of 25) including Spotify-owned playlists that come back as
 * `null`; a playlist the demo user follows but may not read; a free (non-Premium) user; a restricted device
 * and one without volume control. Documented in README.md beside this file. Ids are readable constants so
 * tests can name them.
 */
import {
  device,
  emptyPlayer,
  image,
  type EmuAlbum,
  type EmuArtist,
  type EmuEpisode,
  type EmuPlaylist,
  type EmuShow,
  type EmuState,
  type EmuTrack,
  type EmuUser,
} from './state';

// Users
export const USER_DEMO = 'demo';
export const USER_FREE = 'free';
/** Owns playlists the demo user follows; one of them demo may read (collaborator), one not. */
export const USER_PRIYA = 'priya';
/** Owner of editorial playlists: they appear as `null` entries in `GET /me/playlists` and search. */
export const USER_SPOTIFY = 'spotify';
/** Not on the Spotify app's allowlist: every Web API call answers 403 in plain text. */
export const USER_STRANGER = 'stranger';
/** A third-party curator owning public genre playlists. */
export const USER_CURATOR = 'curator';

// Devices of the demo user (order matters: tests use devices[0] for the kitchen speaker)
export const DEV_KITCHEN = 'dev-kitchen';
export const DEV_TV = 'dev-tv';
export const DEV_LAPTOP = 'dev-laptop';
/** Disappears after `BEDROOM_IDLE_MS` without a command (an Echo that went to sleep). */
export const DEV_BEDROOM = 'dev-bedroom';
/** `is_restricted`: every command targeting it answers 403. */
export const DEV_PS5 = 'dev-ps5';
/** `supports_volume: false`, `volume_percent: null`: volume commands answer 403 VOLUME_CONTROL_DISALLOW. */
export const DEV_CAR = 'dev-car';
export const DEV_FREE_PHONE = 'dev-free-phone';
export const BEDROOM_IDLE_MS = 20 * 60_000;

// Catalogue
export const ARTIST_QUEEN = 'ar-queen';
export const ARTIST_BEYONCE = 'ar-beyonce';
export const ARTIST_ACDC = 'ar-acdc';
export const ARTIST_SIGUR_ROS = 'ar-sigur-ros';
export const ARTIST_DAFT_PUNK = 'ar-daft-punk';
export const ARTIST_BEATLES = 'ar-beatles';
export const ALBUM_JAZZ = 'al-jazz';
export const ALBUM_NIGHT_AT_THE_OPERA = 'al-night-opera';
export const ALBUM_DISCOVERY = 'al-discovery';
export const ALBUM_ABBEY_ROAD = 'al-abbey-road';
export const TRACK_DONT_STOP = 't-dont-stop';
export const TRACK_BOHEMIAN = 't-bohemian';
export const TRACK_EYE_TIGER = 't-eye-tiger';
export const TRACK_STRONGER = 't-stronger';
export const TRACK_CRAZY_IN_LOVE = 't-crazy-in-love';
export const TRACK_HOPPIPOLLA = 't-hoppipolla';
export const TRACK_ONE_MORE_TIME = 't-one-more-time';
export const SHOW_SOUND_STORY = 'sh-sound-story';
export const EPISODE_CHORUSES = 'ep-choruses';
export const EPISODE_BASSLINES = 'ep-basslines';
export const SHOW_QUIET_HOUR = 'sh-quiet-hour';
/** A show announced but without any episode yet. */
export const SHOW_PILOT_SEASON = 'sh-pilot-season';

// Playlists
export const PL_WORKOUT_MIX = 'pl-workout-mix';
export const PL_WORKOUT_MIX_2 = 'pl-workout-mix-2';
export const PL_ROCK_AND_ROLL = 'pl-rock-and-roll';
export const PL_CHILL_VIBES = 'pl-chill-vibes';
export const PL_90S_HITS = 'pl-90s-hits';
export const PL_BEST_OF_2000S = 'pl-best-of-2000s';
export const PL_LOFI = 'pl-lofi';
export const PL_CAFE_DEL_MAR = 'pl-cafe-del-mar';
export const PL_MUMS_FAVOURITES = 'pl-mums-favourites';
export const PL_RAINY_DAY = 'pl-rainy-day';
export const PL_BEYONCE_ESSENTIALS = 'pl-beyonce-essentials';
export const PL_RNB_CLASSICS = 'pl-rnb-classics';
export const PL_DINNER_PARTY = 'pl-dinner-party';
/** Owned by priya, collaborative, demo is a collaborator: readable and writable by demo. */
export const PL_PRIYA_ROAD_TRIP = 'pl-priya-road-trip';
/** Owned by priya, public, followed by demo, not collaborative: items answer 403 to demo. */
export const PL_PRIYA_INDIE = 'pl-priya-indie';
/** Owned by priya, private, not in demo's list at all. */
export const PL_PRIYA_SECRET = 'pl-priya-secret';
/** Genre playlists of a third-party curator, found by search ("play some jazz"); demo follows Peaceful
 * Piano (listed, but its items answer 403 to demo). */
export const PL_JAZZ_CLASSICS = 'pl-jazz-classics';
export const PL_PEACEFUL_PIANO = 'pl-peaceful-piano';
/** Spotify-owned editorial and algorithmic playlists: `null` in demo's list and in search results, 404 on
 * `GET /playlists/{id}` (Spotify stopped serving them to new apps in November 2024), playable by URI. */
export const PL_TOP_HITS = 'pl-top-hits';
export const PL_JAZZ_VIBES = 'pl-jazz-vibes';
export const PL_DISCOVER_WEEKLY = 'pl-discover-weekly';
export const PL_RELEASE_RADAR = 'pl-release-radar';
/** Entries in demo's `GET /me/playlists`, nulls included. */
export const DEMO_PLAYLIST_TOTAL = 64;

type TrackSpec = [id: string, name: string, ms: number, feat?: string[]];
type AlbumSpec = [
  id: string,
  name: string,
  date: string,
  tracks: TrackSpec[],
  type?: 'album' | 'single' | 'compilation',
];
interface ArtistSpec {
  id: string;
  name: string;
  genres: string[];
  popularity: number;
  albums: AlbumSpec[];
}

const CATALOGUE: ArtistSpec[] = [
  {
    id: ARTIST_QUEEN,
    name: 'Queen',
    genres: ['classic rock', 'glam rock', 'rock'],
    popularity: 86,
    albums: [
      [
        ALBUM_JAZZ,
        'Jazz',
        '1978-11-10',
        [
          [TRACK_DONT_STOP, "Don't Stop Me Now", 209413],
          ['t-bicycle-race', 'Bicycle Race', 181040],
          ['t-fat-bottomed', 'Fat Bottomed Girls', 256400],
        ],
      ],
      [
        ALBUM_NIGHT_AT_THE_OPERA,
        'A Night at the Opera',
        '1975-11-21',
        [
          [TRACK_BOHEMIAN, 'Bohemian Rhapsody', 354320],
          ['t-best-friend', "You're My Best Friend", 170800],
          ['t-love-of-my-life', 'Love of My Life', 218000],
        ],
      ],
      [
        'al-news-world',
        'News of the World',
        '1977-10-28',
        [
          ['t-rock-you', 'We Will Rock You', 122066],
          ['t-champions', 'We Are the Champions', 179200],
        ],
      ],
    ],
  },
  {
    id: ARTIST_BEYONCE,
    name: 'Beyoncé',
    genres: ['pop', 'r&b'],
    popularity: 88,
    albums: [
      [
        'al-dangerously',
        'Dangerously in Love',
        '2003-06-24',
        [
          [TRACK_CRAZY_IN_LOVE, 'Crazy in Love (feat. JAY-Z)', 236133, ['ar-jay-z']],
          ['t-naughty-girl', 'Naughty Girl', 208600],
        ],
      ],
      [
        'al-lemonade',
        'Lemonade',
        '2016-04-23',
        [
          ['t-formation', 'Formation', 206080],
          ['t-hold-up', 'Hold Up', 221240],
          ['t-sorry', 'Sorry', 232560],
        ],
      ],
      [
        'al-renaissance',
        'RENAISSANCE',
        '2022-07-29',
        [
          ['t-break-my-soul', 'BREAK MY SOUL', 278282],
          ['t-cuff-it', 'CUFF IT', 225388],
        ],
      ],
    ],
  },
  {
    id: ARTIST_ACDC,
    name: 'AC/DC',
    genres: ['hard rock', 'rock'],
    popularity: 82,
    albums: [
      [
        'al-back-in-black',
        'Back in Black',
        '1980-07-25',
        [
          ['t-back-in-black', 'Back In Black', 255493],
          ['t-shook-me', 'You Shook Me All Night Long', 210173],
          ['t-hells-bells', 'Hells Bells', 312293],
        ],
      ],
      ['al-highway', 'Highway to Hell', '1979-07-27', [['t-highway', 'Highway to Hell', 208400]]],
    ],
  },
  {
    id: ARTIST_SIGUR_ROS,
    name: 'Sigur Rós',
    genres: ['icelandic indie', 'post-rock'],
    popularity: 58,
    albums: [
      [
        'al-agaetis',
        'Ágætis byrjun',
        '1999-06-12',
        [
          ['t-svefn', 'Svefn-g-englar', 603000],
          ['t-staralfur', 'Starálfur', 406000],
        ],
      ],
      [
        'al-takk',
        'Takk...',
        '2005-09-12',
        [
          [TRACK_HOPPIPOLLA, 'Hoppípolla', 268000],
          ['t-glosoli', 'Glósóli', 375000],
        ],
      ],
    ],
  },
  {
    id: ARTIST_DAFT_PUNK,
    name: 'Daft Punk',
    genres: ['electro', 'filter house', 'french house'],
    popularity: 80,
    albums: [
      [
        ALBUM_DISCOVERY,
        'Discovery',
        '2001-03-12',
        [
          [TRACK_ONE_MORE_TIME, 'One More Time', 320357],
          ['t-digital-love', 'Digital Love', 301373],
          ['t-harder-better', 'Harder, Better, Faster, Stronger', 224693],
        ],
      ],
      [
        'al-ram',
        'Random Access Memories',
        '2013-05-17',
        [
          ['t-get-lucky', 'Get Lucky (feat. Pharrell Williams & Nile Rodgers)', 369626],
          ['t-instant-crush', 'Instant Crush', 337560],
        ],
      ],
    ],
  },
  {
    id: ARTIST_BEATLES,
    name: 'The Beatles',
    genres: ['british invasion', 'classic rock', 'rock'],
    popularity: 84,
    albums: [
      [
        ALBUM_ABBEY_ROAD,
        'Abbey Road (Remastered)',
        '1969-09-26',
        [
          ['t-come-together', 'Come Together - Remastered 2009', 259946],
          ['t-something', 'Something - Remastered 2009', 182293],
          ['t-here-comes-sun', 'Here Comes The Sun - Remastered 2009', 185733],
        ],
      ],
      ['al-let-it-be', 'Let It Be', '1970-05-08', [['t-let-it-be', 'Let It Be', 243026]]],
    ],
  },
  {
    id: 'ar-kanye',
    name: 'Kanye West',
    genres: ['hip hop'],
    popularity: 87,
    albums: [['al-graduation', 'Graduation', '2007-09-11', [[TRACK_STRONGER, 'Stronger', 311866]]]],
  },
  {
    id: 'ar-survivor',
    name: 'Survivor',
    genres: ['album rock'],
    popularity: 70,
    albums: [
      ['al-eye-tiger', 'Eye of the Tiger', '1982-06-01', [[TRACK_EYE_TIGER, 'Eye of the Tiger', 245000]]],
    ],
  },
  {
    id: 'ar-gnr',
    name: "Guns N' Roses",
    genres: ['hard rock'],
    popularity: 81,
    albums: [
      [
        'al-appetite',
        'Appetite For Destruction',
        '1987-07-21',
        [['t-sweet-child', "Sweet Child O' Mine", 356066]],
      ],
    ],
  },
  {
    id: 'ar-miles-davis',
    name: 'Miles Davis',
    genres: ['cool jazz', 'jazz', 'jazz trumpet'],
    popularity: 64,
    albums: [
      [
        'al-kind-of-blue',
        'Kind Of Blue',
        '1959-08-17',
        [
          ['t-so-what', 'So What', 562640],
          ['t-blue-in-green', 'Blue in Green', 337413],
        ],
      ],
    ],
  },
  {
    id: 'ar-einaudi',
    name: 'Ludovico Einaudi',
    genres: ['compositional ambient', 'neoclassical', 'piano'],
    popularity: 72,
    albums: [
      ['al-islands', 'Islands', '2011-01-01', [['t-nuvole', 'Nuvole Bianche', 357000]], 'compilation'],
    ],
  },
  {
    id: 'ar-sade',
    name: 'Sade',
    genres: ['quiet storm', 'r&b', 'soul'],
    popularity: 70,
    albums: [
      ['al-diamond-life', 'Diamond Life', '1984-07-16', [['t-smooth-operator', 'Smooth Operator', 298960]]],
    ],
  },
  {
    id: 'ar-nujabes',
    name: 'Nujabes',
    genres: ['japanese chillhop', 'lo-fi beats'],
    popularity: 62,
    albums: [['al-modal-soul', 'Modal Soul', '2005-11-11', [['t-aruarian', 'Aruarian Dance', 244000]]]],
  },
  {
    id: 'ar-jose-padilla',
    name: 'José Padilla',
    genres: ['balearic', 'chill-out'],
    popularity: 40,
    albums: [['al-solana', 'Solana', '1998-01-01', [['t-que-bonita', 'Que Bonita La Vida', 312000]]]],
  },
  {
    id: 'ar-oasis',
    name: 'Oasis',
    genres: ['britpop', 'rock'],
    popularity: 78,
    albums: [
      [
        'al-morning-glory',
        "(What's The Story) Morning Glory?",
        '1995-10-02',
        [
          ['t-wonderwall', 'Wonderwall', 258773],
          ['t-dont-look-back', "Don't Look Back in Anger", 289533],
        ],
      ],
    ],
  },
  {
    id: 'ar-spice-girls',
    name: 'Spice Girls',
    genres: ['dance pop', 'girl group'],
    popularity: 66,
    albums: [['al-spice', 'Spice', '1996-11-04', [['t-wannabe', 'Wannabe', 173026]], 'album']],
  },
  {
    id: 'ar-jay-z',
    name: 'JAY-Z',
    genres: ['east coast hip hop', 'hip hop'],
    popularity: 79,
    albums: [],
  },
];

function buildCatalogue(state: EmuState): void {
  for (const a of CATALOGUE) {
    const artist: EmuArtist = {
      id: a.id,
      name: a.name,
      genres: a.genres,
      popularity: a.popularity,
      followers: a.popularity * 123_457,
      images: [image(`${a.id}-640`, 640), image(`${a.id}-320`, 320), image(`${a.id}-160`, 160)],
    };
    state.artists.set(artist.id, artist);
  }
  for (const a of CATALOGUE) {
    for (const [albumId, albumName, date, tracks, type] of a.albums) {
      const images = [image(`${albumId}-640`, 640), image(`${albumId}-300`, 300), image(`${albumId}-64`, 64)];
      const album: EmuAlbum = {
        id: albumId,
        name: albumName,
        artistIds: [a.id],
        album_type: type ?? (tracks.length === 1 ? 'single' : 'album'),
        release_date: date,
        images,
        trackIds: tracks.map((t) => t[0]),
      };
      state.albums.set(album.id, album);
      tracks.forEach(([id, name, ms, feat], i) => {
        const t: EmuTrack = {
          id,
          name,
          artists: [a.id, ...(feat ?? [])].map((artistId) => ({
            id: artistId,
            name: state.artists.get(artistId)!.name,
          })),
          album: { id: albumId, name: albumName, images },
          duration_ms: ms,
          track_number: i + 1,
          explicit: false,
        };
        state.tracks.set(t.id, t);
      });
    }
  }
  const shows: EmuShow[] = [
    {
      id: SHOW_SOUND_STORY,
      name: 'Sound & Story',
      publisher: 'Emulated Radio',
      description: 'Musicians take one song apart, piece by piece.',
      images: [image(`${SHOW_SOUND_STORY}-640`)],
      episodeIds: [EPISODE_CHORUSES, EPISODE_BASSLINES, 'ep-bridges'],
    },
    {
      id: SHOW_QUIET_HOUR,
      name: 'The Quiet Hour',
      publisher: 'Slow Radio',
      description: 'Field recordings to fall asleep to.',
      images: [image(`${SHOW_QUIET_HOUR}-640`)],
      episodeIds: ['ep-night-trains', 'ep-rain-roof'],
    },
    {
      id: SHOW_PILOT_SEASON,
      name: 'Pilot Season',
      publisher: 'Emulated Radio',
      description: 'Coming soon.',
      images: [image(`${SHOW_PILOT_SEASON}-640`)],
      episodeIds: [],
    },
  ];
  for (const show of shows) state.shows.set(show.id, show);
  const episodes: EmuEpisode[] = [
    {
      id: EPISODE_CHORUSES,
      name: 'Episode 42: Why We Love Choruses',
      showId: SHOW_SOUND_STORY,
      description: 'What makes a chorus stick, with a detour through Queen.',
      duration_ms: 2_712_000,
      release_date: '2026-03-02',
    },
    {
      id: EPISODE_BASSLINES,
      name: 'Episode 41: Basslines & Bad Ideas',
      showId: SHOW_SOUND_STORY,
      description: 'The low end, explained.',
      duration_ms: 2_401_000,
      release_date: '2026-02-23',
    },
    {
      id: 'ep-bridges',
      name: 'Ep. 40 - Burning Bridges',
      showId: SHOW_SOUND_STORY,
      description: 'The middle eight, and why songs need one.',
      duration_ms: 2_550_000,
      release_date: '2026-02-16',
    },
    {
      id: 'ep-night-trains',
      name: 'Night Trains',
      showId: SHOW_QUIET_HOUR,
      description: 'A sleeper from Vienna to Venice.',
      duration_ms: 3_600_000,
      release_date: '2026-05-20',
    },
    {
      id: 'ep-rain-roof',
      name: 'Rain on a Tin Roof',
      showId: SHOW_QUIET_HOUR,
      description: 'An hour of rain in the Highlands.',
      duration_ms: 3_600_000,
      release_date: '2026-05-13',
    },
  ];
  for (const e of episodes) state.episodes.set(e.id, e);
}

const trackUri = (id: string): string => `spotify:track:${id}`;

interface PlaylistSpec {
  id: string;
  name: string;
  owner?: string;
  description?: string;
  public?: boolean;
  collaborative?: boolean;
  collaborators?: string[];
  tracks?: string[];
  /** Spotify sends `images: null` for an empty playlist; a few seeded ones have none. */
  noImages?: boolean;
}

/** The named playlists; fillers are generated around them. */
const NAMED: PlaylistSpec[] = [
  {
    id: PL_WORKOUT_MIX,
    name: 'Workout Mix',
    description: 'No excuses.',
    tracks: [TRACK_EYE_TIGER, TRACK_STRONGER, 't-rock-you', 't-back-in-black', 't-highway', TRACK_DONT_STOP],
  },
  {
    id: PL_WORKOUT_MIX_2,
    name: 'Workout Mix 2',
    tracks: ['t-harder-better', 't-break-my-soul', TRACK_ONE_MORE_TIME, 't-formation'],
  },
  {
    id: PL_ROCK_AND_ROLL,
    name: 'Rock & Roll',
    tracks: ['t-back-in-black', 't-sweet-child', 't-fat-bottomed', 't-come-together', 't-shook-me'],
  },
  {
    id: PL_CHILL_VIBES,
    name: 'Chill 🌙 Vibes',
    description: 'Wind down &amp; relax',
    tracks: ['t-aruarian', TRACK_HOPPIPOLLA, 't-nuvole', 't-digital-love'],
  },
  { id: PL_90S_HITS, name: '90s Hits', tracks: ['t-wonderwall', 't-wannabe', 't-dont-look-back'] },
  {
    id: PL_BEST_OF_2000S,
    name: 'Best of the 2000s',
    tracks: [TRACK_CRAZY_IN_LOVE, TRACK_STRONGER, TRACK_ONE_MORE_TIME, 't-naughty-girl'],
  },
  { id: PL_LOFI, name: 'lofi beats to study to', tracks: ['t-aruarian', 't-blue-in-green', 't-nuvole'] },
  {
    id: PL_CAFE_DEL_MAR,
    name: 'Café del Mar',
    tracks: ['t-que-bonita', TRACK_HOPPIPOLLA, 't-smooth-operator'],
  },
  {
    id: PL_MUMS_FAVOURITES,
    name: "Mum's Favourites",
    tracks: ['t-let-it-be', 't-here-comes-sun', 't-love-of-my-life', 't-something'],
  },
  { id: PL_RAINY_DAY, name: 'Songs for a Rainy Day', tracks: ['t-svefn', 't-blue-in-green', 't-let-it-be'] },
  {
    id: PL_BEYONCE_ESSENTIALS,
    name: 'Beyoncé Essentials',
    tracks: [TRACK_CRAZY_IN_LOVE, 't-formation', 't-hold-up', 't-sorry', 't-break-my-soul', 't-cuff-it'],
  },
  {
    id: PL_RNB_CLASSICS,
    name: 'R&B Classics',
    tracks: ['t-smooth-operator', TRACK_CRAZY_IN_LOVE, 't-naughty-girl'],
  },
  {
    id: PL_DINNER_PARTY,
    name: 'Dinner Party',
    tracks: ['t-smooth-operator', 't-que-bonita', 't-so-what', 't-instant-crush', 't-get-lucky'],
  },
  {
    id: PL_PRIYA_ROAD_TRIP,
    name: 'Road Trip 🚗 (with Sam)',
    owner: USER_PRIYA,
    public: false,
    collaborative: true,
    collaborators: [USER_DEMO],
    tracks: [TRACK_BOHEMIAN, 't-highway', 't-get-lucky'],
  },
  {
    id: PL_PRIYA_INDIE,
    name: "Priya's Indie Finds",
    owner: USER_PRIYA,
    public: true,
    tracks: [TRACK_HOPPIPOLLA, 't-glosoli', 't-staralfur'],
  },
  {
    id: PL_PRIYA_SECRET,
    name: 'Guilty Pleasures',
    owner: USER_PRIYA,
    public: false,
    tracks: ['t-wannabe', 't-naughty-girl'],
  },
  {
    id: PL_JAZZ_CLASSICS,
    name: 'Jazz Classics',
    owner: USER_CURATOR,
    public: true,
    description: 'The jazz standards everyone should know.',
    tracks: ['t-so-what', 't-blue-in-green'],
  },
  {
    id: PL_PEACEFUL_PIANO,
    name: 'Peaceful Piano',
    owner: USER_CURATOR,
    public: true,
    description: 'Relax and indulge with beautiful piano pieces.',
    tracks: ['t-nuvole'],
  },
  {
    id: PL_TOP_HITS,
    name: "Today's Top Hits",
    owner: USER_SPOTIFY,
    public: true,
    tracks: ['t-break-my-soul', 't-cuff-it', 't-get-lucky'],
  },
  {
    id: PL_JAZZ_VIBES,
    name: 'Jazz Vibes',
    owner: USER_SPOTIFY,
    public: true,
    description: 'The original chill jazz beats.',
    tracks: ['t-so-what', 't-aruarian'],
  },
  {
    id: PL_DISCOVER_WEEKLY,
    name: 'Discover Weekly',
    owner: USER_SPOTIFY,
    public: false,
    tracks: ['t-glosoli', 't-instant-crush', 't-cuff-it'],
  },
  {
    id: PL_RELEASE_RADAR,
    name: 'Release Radar',
    owner: USER_SPOTIFY,
    public: false,
    tracks: ['t-break-my-soul'],
  },
];

/** Demo-owned fillers so that paging matters; names awkward in the usual ways. */
const FILLER_NAMES = [
  'Road Trip 2019',
  'Focus Flow',
  'Sunday Morning ☕',
  "Kids' Party",
  'Gym — Legs Day',
  'Christmas 🎄',
  "Summer '23",
  'Throwback Thursday',
  'Karaoke Night',
  'Indie Darlings',
  'Deep House',
  'Running 180 BPM',
  'Sleep',
  'Coffee Shop',
  'Wedding Songs',
  'Norsk Pop',
  'Español 🇪🇸',
  'Top 100 (2024)',
  'Top 100 (2025)',
  'Bangers!!!',
  '1, 2, 3, 4',
  'Après-Ski',
  'Motown & Soul',
  'Songs I <3',
  'Dad Rock',
  'Beach Day 🏖️',
  'Study Session #2',
  'Cooking',
  'Late Night Drive',
  'Piano & Rain',
  "Rock 'n' Roll Legends",
  'Saturday Night',
  'Acoustic Covers',
  'Old School Hip-Hop',
  'Morning Run',
  'Feel Good Friday',
  'Yoga',
  'Garden Party',
  'Movie Soundtracks',
  'Ambient 1',
  'Ambient 2',
  'Hits of the 80s',
  'Pub Quiz Music',
  'Halloween 🎃',
  'Road Trip 2021',
];

function seedPlaylists(state: EmuState): string[] {
  const allTracks = [...state.tracks.keys()];
  const add = (spec: PlaylistSpec, index: number): EmuPlaylist => {
    const owner = spec.owner ?? USER_DEMO;
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + ((index * 7 + n) % 700))).toISOString();
    const tracks =
      spec.tracks ??
      Array.from({ length: 3 + (index % 6) }, (_, i) => allTracks[(index * 5 + i * 3) % allTracks.length]);
    const p: EmuPlaylist = {
      id: spec.id,
      name: spec.name,
      description: spec.description ?? '',
      ownerId: owner,
      public: spec.public ?? index % 3 !== 0,
      collaborative: spec.collaborative ?? false,
      collaborators: spec.collaborators ?? [],
      images: spec.noImages ? [] : [image(`${spec.id}-mosaic`, 640), image(`${spec.id}-300`, 300)],
      entries: tracks.map((id, i) => ({ uri: trackUri(id), addedAt: day(i), addedBy: owner })),
      snapshot: 1,
      followers: owner === USER_SPOTIFY ? 5_000_000 + index : index % 4,
    };
    state.playlists.set(p.id, p);
    return p;
  };
  NAMED.forEach((spec, i) => add(spec, i));
  const fillers = FILLER_NAMES.map((name, i) =>
    add({ id: `pl-filler-${i + 1}`, name, noImages: i === 12 }, NAMED.length + i),
  );
  // Sleep (`noImages`) is also empty, as an empty playlist would be.
  fillers[12].entries = [];

  // Demo's list, in the order Spotify would return it (most recently added first). Named ones are spread
  // over the three pages of 25: "Workout Mix 2" on page 1, "Workout Mix" on page 2, the collaborative
  // playlist on page 3.
  const order: string[] = [];
  const f = fillers.map((p) => p.id);
  order.push(
    f[0],
    f[1],
    PL_WORKOUT_MIX_2,
    PL_TOP_HITS,
    f[2],
    PL_CHILL_VIBES,
    f[3],
    PL_ROCK_AND_ROLL,
    f[4],
    f[5],
    PL_90S_HITS,
    f[6],
    f[7],
    PL_LOFI,
    f[8],
    f[9],
    PL_CAFE_DEL_MAR,
    f[10],
    f[11],
    PL_MUMS_FAVOURITES,
    f[12],
    f[13],
    PL_PRIYA_INDIE,
    f[14],
    f[15],
    // page 2
    f[16],
    PL_RAINY_DAY,
    f[17],
    f[18],
    PL_DISCOVER_WEEKLY,
    f[19],
    PL_BEYONCE_ESSENTIALS,
    f[20],
    f[21],
    PL_RNB_CLASSICS,
    f[22],
    f[23],
    f[24],
    f[25],
    f[26],
    PL_DINNER_PARTY,
    f[27],
    f[28],
    PL_WORKOUT_MIX,
    f[29],
    f[30],
    f[31],
    PL_BEST_OF_2000S,
    f[32],
    f[33],
    // page 3
    f[34],
    PL_PRIYA_ROAD_TRIP,
    f[35],
    PL_PEACEFUL_PIANO,
    f[36],
    f[37],
    f[38],
    f[39],
    f[40],
    f[41],
    f[42],
    f[43],
    PL_RELEASE_RADAR,
    f[44],
  );
  return order;
}

function user(id: string, displayName: string, premium: boolean, extra: Partial<EmuUser> = {}): EmuUser {
  return {
    id,
    displayName,
    premium,
    country: 'GB',
    devices: [],
    player: emptyPlayer(),
    playlistIds: [],
    savedTracks: [],
    library: [],
    recentlyPlayed: [],
    ...extra,
  };
}

/** A fresh seeded world. `now` stamps the devices' `lastSeenAt` (the emulator passes its clock). */
export function seedState(now: number = Date.now()): EmuState {
  const state: EmuState = {
    users: new Map(),
    tokens: new Map(),
    tracks: new Map(),
    artists: new Map(),
    albums: new Map(),
    shows: new Map(),
    episodes: new Map(),
    playlists: new Map(),
  };
  buildCatalogue(state);
  const demoPlaylists = seedPlaylists(state);
  const allTracks = [...state.tracks.keys()];

  const demo = user(USER_DEMO, 'Demo User', true, {
    devices: [
      device(DEV_KITCHEN, 'Kitchen speaker', 'Speaker', { volume_percent: 50 }),
      device(DEV_TV, 'Living Room TV', 'TV', { volume_percent: 30 }),
      device(DEV_LAPTOP, "Sam's MacBook Pro", 'Computer', { volume_percent: 70 }),
      device(DEV_BEDROOM, 'Bedroom Echo', 'Speaker', {
        volume_percent: 40,
        idleMs: BEDROOM_IDLE_MS,
        lastSeenAt: now,
      }),
      device(DEV_PS5, 'PlayStation 5', 'GameConsole', { is_restricted: true, volume_percent: 100 }),
      device(DEV_CAR, 'Car', 'Automobile', { supports_volume: false, volume_percent: null }),
    ],
    playlistIds: demoPlaylists,
    // A few dozen liked songs, newest first.
    savedTracks: allTracks.slice(0, 36).map((trackId, i) => ({
      trackId,
      addedAt: new Date(Date.UTC(2026, 4, 30) - i * 86_400_000 * 3).toISOString(),
    })),
    // Two followed podcasts: halfway through the newest Sound & Story, the one before it finished.
    savedShows: [
      { showId: SHOW_SOUND_STORY, addedAt: '2026-01-10T09:00:00Z' },
      { showId: SHOW_QUIET_HOUR, addedAt: '2025-11-02T21:00:00Z' },
    ],
    episodePositions: {
      [EPISODE_CHORUSES]: { positionMs: 754_000, fullyPlayed: false },
      [EPISODE_BASSLINES]: { positionMs: 0, fullyPlayed: true },
    },
    recentlyPlayed: [
      TRACK_DONT_STOP,
      TRACK_BOHEMIAN,
      TRACK_CRAZY_IN_LOVE,
      't-formation',
      TRACK_HOPPIPOLLA,
      TRACK_ONE_MORE_TIME,
      't-get-lucky',
      TRACK_EYE_TIGER,
      't-come-together',
      't-wonderwall',
    ].map((trackId, i) => ({
      trackId,
      playedAt: new Date(Date.UTC(2026, 4, 31, 20, 0, 0) - i * 240_000).toISOString(),
      contextUri:
        i < 2
          ? `spotify:album:${ALBUM_NIGHT_AT_THE_OPERA}`
          : i < 4
            ? `spotify:playlist:${PL_BEYONCE_ESSENTIALS}`
            : null,
    })),
  });
  const free = user(USER_FREE, 'Free Listener', false, {
    devices: [device(DEV_FREE_PHONE, "Free Listener's iPhone", 'Smartphone', { volume_percent: 100 })],
    playlistIds: [PL_TOP_HITS],
    savedTracks: [{ trackId: TRACK_DONT_STOP, addedAt: '2026-01-01T10:00:00Z' }],
  });
  const priya = user(USER_PRIYA, 'Priya Sharma', true, {
    devices: [device('dev-priya-phone', "Priya's Pixel", 'Smartphone')],
    playlistIds: [PL_PRIYA_ROAD_TRIP, PL_PRIYA_INDIE, PL_PRIYA_SECRET],
  });
  const spotify = user(USER_SPOTIFY, 'Spotify', true, { playlistIds: [PL_TOP_HITS, PL_JAZZ_VIBES] });
  const curator = user(USER_CURATOR, 'Playlist Curator', true, {
    playlistIds: [PL_JAZZ_CLASSICS, PL_PEACEFUL_PIANO],
  });
  const stranger = user(USER_STRANGER, 'Not Registered', true, {
    allowlisted: false,
    devices: [device('dev-stranger-phone', "Stranger's Phone", 'Smartphone')],
  });
  for (const u of [demo, free, priya, spotify, curator, stranger]) state.users.set(u.id, u);
  return state;
}
