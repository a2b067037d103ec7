/**
 * Podcasts (issue 13, family 6): a show by name, its newest episode, an episode by number or name, "resume my
 * podcast" at the episode's resume_point, and episodes said properly. The real handler against the emulator.
 */
import { episodeNumber } from '../../lambda/src/handlers/podcasts';
import { en } from '../../lambda/src/lang/en';
import { SHOW_PILOT_SEASON, SHOW_SOUND_STORY } from '../../tools/spotify-emulator';
import { startAlexa, type Alexa } from '../support/harness';
import { demo, playing, secondKitchenDevice } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  // A song is paused on the kitchen speaker.
  playing(alexa.emulator, { isPlaying: false });
});
afterEach(() => alexa.close());

const player = () => demo(alexa.emulator).player;
const writes = () => alexa.calls().filter((c) => c.method !== 'GET');
const played = () =>
  alexa
    .calls()
    .filter((c) => c.method === 'PUT' && c.path === '/v1/me/player/play')
    .map((c) => c.body);

describe('a show by name', () => {
  test('U: play the podcast sound and story / A: Playing Sound & Story on Kitchen speaker.', async () => {
    const reply = await alexa.say('PlayPodcastIntent', { show: 'sound and story' });
    expect(reply.speech).toBe('Playing Sound & Story on Kitchen speaker.');
    expect(alexa.lines()[0]).toBe('GET /v1/search?q=sound+and+story&type=show&limit=5');
    expect(played()).toEqual([{ context_uri: `spotify:show:${SHOW_SOUND_STORY}` }]);
    expect(player()).toMatchObject({ trackId: 'ep-choruses', isPlaying: true });
  });

  test('U: put on sound and story (no podcast word: the search) / A: plays the show', async () => {
    const reply = await alexa.say('PlaySearchIntent', { query: 'sound and story' });
    expect(reply.speech).toBe('Playing Sound & Story on Kitchen speaker.');
    expect(played()).toEqual([{ context_uri: `spotify:show:${SHOW_SOUND_STORY}` }]);
  });

  test('U: play bohemian rhapsody (a podcast has that name too) / A: the song wins over the show', async () => {
    const shows = alexa.emulator.state.shows;
    shows.set('sh-bohemian', {
      ...shows.get(SHOW_SOUND_STORY)!,
      id: 'sh-bohemian',
      name: 'Bohemian Rhapsody',
    });
    const reply = await alexa.say('PlaySearchIntent', { query: 'bohemian rhapsody' });
    expect(reply.speech).toBe('Playing Bohemian Rhapsody by Queen on Kitchen speaker.');
    expect(played()).toEqual([{ uris: ['spotify:track:t-bohemian'] }]);
  });

  test("U: play the podcast the daily (not on Spotify here) / A: I couldn't find a podcast called the daily.", async () => {
    const reply = await alexa.say('PlayPodcastIntent', { show: 'the daily' });
    expect(reply.speech).toBe("I couldn't find a podcast called the daily.");
    expect(writes()).toEqual([]);
  });

  test('U: play a podcast / A: asks which, naming the shows the user follows', async () => {
    const reply = await alexa.say('PlayPodcastIntent');
    expect(reply.speech).toBe('Which podcast? You follow Sound & Story or The Quiet Hour.');
    expect(reply.endsSession).toBe(false);
    expect(alexa.lines()).toEqual(['GET /v1/me/shows?limit=5']);
    // The answer fills the show slot of the same intent.
    const answer = await alexa.say('PlayPodcastIntent', { show: 'the quiet hour' });
    expect(answer.speech).toBe('Playing The Quiet Hour on Kitchen speaker.');
  });

  test('U: play a podcast (follows none) / A: asks for a name, no search', async () => {
    demo(alexa.emulator).savedShows = [];
    const reply = await alexa.say('PlayPodcastIntent');
    expect(reply.speech).toMatch(/^Which podcast\? Say its name/);
    expect(alexa.lines()).toEqual(['GET /v1/me/shows?limit=5']);
  });
});

describe('an episode', () => {
  test('U: play the latest episode of sound and story / A: episode 42, by its URI', async () => {
    const reply = await alexa.say('PlayNewestEpisodeIntent', { show: 'sound and story' });
    expect(reply.speech).toBe(
      'Playing Episode 42: Why We Love Choruses from Sound & Story on Kitchen speaker.',
    );
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-choruses'] }]);
  });

  test('U: play episode 41 of sound and story / A: the episode whose name carries the number', async () => {
    const reply = await alexa.say('PlayPodcastIntent', { show: 'sound and story', number: '41' });
    expect(reply.speech).toBe(
      'Playing Episode 41: Basslines & Bad Ideas from Sound & Story on Kitchen speaker.',
    );
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-basslines'] }]);
  });

  test('U: play episode 40 of sound and story ("Ep. 40 - …") / A: found by the short form too', async () => {
    await alexa.say('PlayPodcastIntent', { show: 'sound and story', number: '40' });
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-bridges'] }]);
  });

  test("U: play episode 7 of sound and story / A: I couldn't find episode 7 of Sound & Story. (nothing played)", async () => {
    const reply = await alexa.say('PlayPodcastIntent', { show: 'sound and story', number: '7' });
    expect(reply.speech).toBe("I couldn't find episode 7 of Sound & Story.");
    expect(writes()).toEqual([]);
  });

  test('U: play episode 4000000 of sound and story (absurd) / A: a plain sentence, no episode listing', async () => {
    const reply = await alexa.say('PlayPodcastIntent', { show: 'sound and story', number: '4000000' });
    expect(reply.speech).toBe("I couldn't find episode 4000000 of Sound & Story.");
    expect(alexa.lines()).toEqual(['GET /v1/search?q=sound+and+story&type=show&limit=5']);
  });

  test('U: play the podcast episode why we love choruses / A: found by the episode search', async () => {
    const reply = await alexa.say('PlayPodcastIntent', { episode: 'why we love choruses' });
    // Search gives simplified episodes, without their show: the answer names the episode alone.
    expect(reply.speech).toBe('Playing Episode 42: Why We Love Choruses on Kitchen speaker.');
    expect(alexa.lines()[0]).toBe('GET /v1/search?q=why+we+love+choruses&type=episode&limit=5');
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-choruses'] }]);
  });

  test("U: play the newest pilot season (a show without episodes) / A: it doesn't have any episodes yet", async () => {
    const reply = await alexa.say('PlayNewestEpisodeIntent', { show: 'pilot season' });
    expect(reply.speech).toBe("Pilot Season doesn't have any episodes yet.");
    expect(alexa.lines()).toContain(`GET /v1/shows/${SHOW_PILOT_SEASON}/episodes?limit=10`);
    expect(writes()).toEqual([]);
  });
});

describe('resume my podcast', () => {
  test('U: resume my podcast / A: episode 42, from where it stopped (12:34 in)', async () => {
    const reply = await alexa.say('ResumePodcastIntent');
    expect(reply.speech).toBe(
      'Playing Episode 42: Why We Love Choruses from Sound & Story on Kitchen speaker.',
    );
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-choruses'], position_ms: 754_000 }]);
    expect(player()).toMatchObject({ trackId: 'ep-choruses', progressMs: 754_000, isPlaying: true });
  });

  test('U: resume my podcast on the kitchen (two kitchen devices) / A: which one? U: the second one / A: from 12:34 there', async () => {
    secondKitchenDevice(alexa.emulator);
    const asked = await alexa.say('ResumePodcastIntent', { device: 'kitchen' });
    expect(asked.speech).toMatch(/^Did you mean Kitchen speaker or Kitchen .+\?$/);
    await alexa.say('ChooseIntent', { ordinal: '2' });
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-choruses'], position_ms: 754_000 }]);
    expect(player()).toMatchObject({ deviceId: 'dev-kitchen-display', progressMs: 754_000 });
  });

  test('U: pause, then resume my podcast / A: back where the pause left it', async () => {
    playing(alexa.emulator, {
      trackId: 'ep-night-trains',
      contextUri: 'spotify:show:sh-quiet-hour',
      progressMs: 95_000,
    });
    await alexa.say('AMAZON.PauseIntent');
    await alexa.say('ResumePodcastIntent');
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-night-trains'], position_ms: 95_000 }]);
  });

  test('U: pick up where i left off in the quiet hour (none started) / A: its newest episode, from the start', async () => {
    const reply = await alexa.say('ResumePodcastIntent', { show: 'the quiet hour' });
    expect(reply.speech).toBe('Playing Night Trains from The Quiet Hour on Kitchen speaker.');
    expect(played()).toEqual([{ uris: ['spotify:episode:ep-night-trains'] }]);
  });

  test('U: resume my podcast (episodes without resume_point: the scope was not granted) / A: says none was started', async () => {
    alexa.emulator.state.tokens.get(alexa.token)!.scopes.delete('user-read-playback-position');
    const reply = await alexa.say('ResumePodcastIntent');
    expect(reply.speech).toMatch(/^I couldn't find a podcast episode you've started\./);
    expect(writes()).toEqual([]);
  });

  test("U: resume my podcast (an episode already playing) / A: It's already playing.", async () => {
    playing(alexa.emulator, { trackId: 'ep-choruses', contextUri: `spotify:show:${SHOW_SOUND_STORY}` });
    const reply = await alexa.say('ResumePodcastIntent');
    expect(reply.speech).toBe("It's already playing.");
    expect(writes()).toEqual([]);
  });
});

describe('while an episode plays', () => {
  beforeEach(() =>
    playing(alexa.emulator, { trackId: 'ep-choruses', contextUri: `spotify:show:${SHOW_SOUND_STORY}` }),
  );

  test('U: what episode is this / A: the episode, from its show, never "by"', async () => {
    const reply = await alexa.say('WhatsPlayingIntent');
    expect(reply.speech).toBe(
      'Episode 42: Why We Love Choruses, from Sound & Story, is playing on Kitchen speaker.',
    );
    expect(reply.card?.title).toBe('Episode 42: Why We Love Choruses');
  });

  test('U: save this episode / A: Saved … to Your Episodes. (PUT /me/library with the episode)', async () => {
    const reply = await alexa.say('SaveSongIntent');
    expect(reply.speech).toBe('Saved Episode 42: Why We Love Choruses to Your Episodes.');
    expect(alexa.lines()).toContain('PUT /v1/me/library?uris=spotify%3Aepisode%3Aep-choruses');
  });
});

test.each([
  ['Episode 41: Basslines & Bad Ideas', 41],
  ['Ep. 40 - Burning Bridges', 40],
  ['#112 The Long One', 112],
  ['12. Twelve', 12],
  ['Part 3 of the series', 3],
  ['Night Trains', undefined],
  ['Songs of 1999', undefined],
])("the number in an episode's name: %s → %s", (name, number) => {
  expect(episodeNumber(en.understand, name)).toBe(number);
});
