/**
 * The one reading of a play request (lambda/src/matching/play.ts) with the English words: whichever play intent
 * Alexa chose, the same request comes out.
 */
import { en } from '../../lambda/src/lang/en';
import { parsePlay, type PlayHeard, type PlayRequest } from '../../lambda/src/matching/play';

const read = (heard: PlayHeard) => parsePlay(en.understand.play, heard);
const search = (text: string) => read({ kind: 'search', text });

describe('modifiers, before or after the name, never a device nor part of it', () => {
  test.each<[string, Partial<PlayRequest>]>([
    ['road trip 2019 on shuffle', { what: { kind: 'search', name: 'road trip 2019' }, shuffle: true }],
    ['road trip 2019 shuffled', { what: { kind: 'search', name: 'road trip 2019' }, shuffle: true }],
    ['workout mix in shuffle mode', { what: { kind: 'search', name: 'workout mix' }, shuffle: true }],
    ['focus flow with shuffle on', { what: { kind: 'search', name: 'focus flow' }, shuffle: true }],
    ['my liked songs in random order', { what: { kind: 'liked' }, shuffle: true }],
    ['workout mix on loop', { what: { kind: 'search', name: 'workout mix' }, repeat: true }],
    [
      'my dinner party playlist on repeat please',
      { what: { kind: 'playlist', name: 'my dinner party' }, repeat: true },
    ],
    ['shuffle play focus flow', { what: { kind: 'search', name: 'focus flow' }, shuffle: true }],
  ])('"%s"', (text, expected) => {
    expect(search(text)).toMatchObject(expected);
    expect(search(text)?.device).toBeUndefined();
  });

  test('a device slot holding "shuffle" or "repeat please" is the modifier', () => {
    expect(read({ kind: 'playlist', text: 'workout mix', device: 'shuffle' })).toEqual({
      what: { kind: 'playlist', name: 'workout mix' },
      shuffle: true,
    });
    expect(read({ kind: 'album', text: 'discovery', device: 'repeat please' })).toEqual({
      what: { kind: 'album', name: 'discovery', artist: undefined },
      repeat: true,
    });
  });

  test('a device slot that took the modifier along ("kitchen speaker on shuffle") is the device and the modifier', () => {
    expect(read({ kind: 'playlist', text: 'chill', device: 'kitchen speaker on shuffle' })).toEqual({
      what: { kind: 'playlist', name: 'chill' },
      device: 'kitchen speaker',
      shuffle: true,
    });
    expect(read({ kind: 'playlist', text: 'chill', device: 'the tv on repeat please' })).toMatchObject({
      device: 'the tv',
      repeat: true,
    });
  });

  test('"play on repeat" is Spotify\'s playlist of that name: a modifier never takes every word', () => {
    expect(search('on repeat')).toMatchObject({ what: { kind: 'search', name: 'on repeat' } });
  });
});

describe('a device at the end, with the other reading kept', () => {
  test('"dinner party on shuffle on the tv"', () => {
    expect(search('dinner party on shuffle on the tv')).toMatchObject({
      what: { kind: 'search', name: 'dinner party' },
      device: 'tv',
      shuffle: true,
      whole: { what: { kind: 'search', name: 'dinner party on shuffle on the tv' } },
    });
  });

  test('"songs to sing in the car": the car, or the whole name when no device is called that', () => {
    const request = search('songs to sing in the car');
    expect(request).toMatchObject({ what: { name: 'songs to sing' }, device: 'car' });
    expect(request?.whole).toMatchObject({ what: { name: 'songs to sing in the car' } });
  });
});

describe('what to play, by its kind words', () => {
  test.each<[string, unknown]>([
    ['something', { kind: 'anything' }],
    ['some tunes', { kind: 'anything' }],
    ['spotify', { kind: 'anything' }],
    ['just something please', { kind: 'anything' }],
    ['the songs i saved', { kind: 'liked' }],
    ['everything i liked', { kind: 'liked' }],
    ['my favourite songs', { kind: 'liked' }],
    ['the album abbey road', { kind: 'album', name: 'abbey road' }],
    ['songs by oasis', { kind: 'artist', name: 'oasis' }],
    ['the song wonderwall', { kind: 'song', name: 'wonderwall' }],
    ['some daft punk', { kind: 'genre', name: 'daft punk' }],
    ["mum's favourites", { kind: 'search', name: "mum's favourites" }],
  ])('"%s"', (text, what) => {
    expect(search(text)?.what).toEqual(what);
  });

  test('"library" and "liked songs" in a playlist slot are Liked Songs; "favourites" only when no playlist is', () => {
    expect(read({ kind: 'playlist', text: 'library' })?.what).toEqual({ kind: 'liked' });
    expect(read({ kind: 'playlist', text: 'liked songs' })?.what).toEqual({ kind: 'liked' });
    expect(read({ kind: 'playlist', text: 'favourites' })?.what).toEqual({
      kind: 'playlist',
      name: 'favourites',
      orLiked: true,
    });
  });

  test('"music" and "tunes" as a genre are "just play"', () => {
    expect(read({ kind: 'genre', text: 'music' })?.what).toEqual({ kind: 'anything' });
  });
});

describe('player commands said as something to play', () => {
  test.each<[PlayHeard, string]>([
    [{ kind: 'search', text: 'the next track' }, 'next'],
    [{ kind: 'search', text: 'next' }, 'next'],
    [{ kind: 'search', text: 'the previous track' }, 'previous'],
    [{ kind: 'song', text: 'before' }, 'previous'],
    [{ kind: 'search', text: 'the last song again' }, 'previous'],
    [{ kind: 'search', text: 'it from the start' }, 'startOver'],
    [{ kind: 'search', text: 'whatever was playing' }, 'resume'],
    [{ kind: 'search', text: 'this playlist', shuffle: true }, 'shuffleOn'],
    [{ kind: 'search', text: 'shuffle' }, 'shuffleOn'],
    [{ kind: 'search', text: 'this song', repeat: true }, 'repeatTrack'],
    [{ kind: 'search', text: 'this on my laptop' }, 'transfer'],
  ])('%j → %s', (heard, command) => {
    expect(read(heard)?.what).toEqual({ kind: 'command', command });
  });

  test('an empty slot reads as nothing: the handler asks what to play', () => {
    expect(read({ kind: 'search' })).toBeUndefined();
    expect(read({ kind: 'playlist', text: '' })).toBeUndefined();
  });
});
