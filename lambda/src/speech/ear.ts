/**
 * Names as they are heard. Spotify's names are written for screens: "Chill 🌙 Vibes", "Something - Remastered
 * 2009", "Abbey Road (Remastered)". Read aloud, the emoji is skipped or spelt out and the suffix is noise, so
 * speech drops both; cards and screens keep the name as Spotify wrote it (they never pass through here).
 * Pure: the suffix words come from the language pack (`understand.versionSuffixes`).
 */

/**
 * Emoji and what builds them: pictographs, skin tones, variation selectors, joiners, keycaps, flags' regional
 * indicators and tag characters.
 */
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|[\u{1F1E6}-\u{1F1FF}]|[\u{E0020}-\u{E007F}]|\uFE0E|\uFE0F|\u200D|\u20E3/gu;

const HAS_EMOJI = new RegExp(EMOJI.source, 'u');

/**
 * What is neither a letter nor a digit, in any script. One expression for every such test here: V8 compiles a
 * regular expression on its first use (twice: bytecode, then machine code), and one with Unicode classes
 * costs a few tenths of a millisecond of a cold start each time.
 */
const NOT_WORDY = /[^\p{L}\p{N}]+/gu;

/** Whether `s` has a letter or a digit. */
const wordy = (s: string) => s.replace(NOT_WORDY, '') !== '';

/**
 * Where a version suffix starts: every pack's `versionSuffixes` sets it off with a dash or a bracket, as
 * Spotify writes them ("Song - Live", "Song (Live)"; lang/types.ts asks this of a pack). A name with
 * neither has no suffix and skips the patterns, which are the costliest expressions to compile (about
 * 0.7 ms each on a cold start) while most names have no suffix.
 */
const SET_OFF = /[-–—([]/;

/** "Chill 🌙 Vibes" → "Chill Vibes". A name that is nothing but emoji is kept as it is (there is no other). */
export function withoutEmoji(name: string): string {
  if (!HAS_EMOJI.test(name)) return name;
  const plain = name.replace(EMOJI, ' ').replace(/\s+/g, ' ').trim();
  return wordy(plain) ? plain : name;
}

/**
 * "Something - Remastered 2009" → "Something", "Abbey Road (Remastered)" → "Abbey Road", "Song - Live at
 * Wembley" → "Song": every trailing suffix the pack's patterns match, until none does. What is left always has
 * a letter or digit, or the name is kept whole.
 */
export function withoutVersion(name: string, suffixes: readonly RegExp[]): string {
  let spoken = name;
  for (let changed = SET_OFF.test(name); changed;) {
    changed = false;
    for (const suffix of suffixes) {
      const shorter = spoken.replace(suffix, '').trimEnd();
      if (shorter !== spoken && wordy(shorter)) {
        spoken = shorter;
        changed = true;
      }
    }
  }
  return spoken;
}

/** A name for the ear: no emoji, no version suffix. */
export function forTheEar(name: string, suffixes: readonly RegExp[]): string {
  return withoutVersion(withoutEmoji(name), suffixes);
}

/**
 * Two names that sound the same ("Eye of the Tiger" the song, "Eye of the Tiger" the album): compared as
 * heard, without case, emoji or suffix, so the second one need not be said.
 */
export function soundAlike(a: string, b: string, suffixes: readonly RegExp[]): boolean {
  const key = (s: string) => forTheEar(s, suffixes).toLowerCase().replace(NOT_WORDY, ' ').trim();
  return key(a) === key(b);
}
