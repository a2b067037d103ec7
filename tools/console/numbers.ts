/**
 * Spoken numbers and durations, normalised the way Alexa fills AMAZON.NUMBER ("forty two" -> "42"),
 * AMAZON.ORDINAL ("third" -> "3") and AMAZON.DURATION ("two minutes" -> "PT2M", an ISO 8601 duration).
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html
 */

const UNITS: Record<string, number> = {
  zero: 0,
  oh: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  last: -1,
};

/**
 * Parses words such as ["forty", "two"], ["one", "hundred", "and", "five"], ["42"] or ["minus", "3"] into a
 * number; undefined when the words are not one number. "a" and "an" count as one only before a scale word
 * ("a hundred"), never alone.
 */
export function parseNumber(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  let sign = 1;
  let rest = words.map((w) => w.toLowerCase().replace(/,/g, ''));
  if (rest[0] === 'minus' || rest[0] === 'negative') {
    sign = -1;
    rest = rest.slice(1);
  }
  if (rest.length === 1 && /^-?\d+(\.\d+)?%?$/.test(rest[0])) return sign * Number(rest[0].replace('%', ''));
  if (rest.length === 0) return undefined;
  if (rest.length === 1 && (rest[0] === 'a' || rest[0] === 'an')) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  let lastKind: 'unit' | 'tens' | 'scale' | 'and' | undefined;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (word === 'and') {
      if (!seen || lastKind === 'and' || i === rest.length - 1) return undefined;
      lastKind = 'and';
      continue;
    }
    if (word in UNITS) {
      if ((word === 'a' || word === 'an') && !(rest[i + 1] in SCALES)) return undefined;
      // "two three" is not a number; "twenty three" is.
      if (lastKind === 'unit' || (lastKind === 'tens' && UNITS[word] >= 10)) return undefined;
      current += UNITS[word];
      lastKind = 'unit';
    } else if (word in TENS) {
      if (lastKind === 'unit' || lastKind === 'tens') return undefined;
      current += TENS[word];
      lastKind = 'tens';
    } else if (word in SCALES) {
      if (!seen) return undefined;
      const scale = SCALES[word];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      lastKind = 'scale';
    } else if (/^\d+$/.test(word) && !seen) {
      current = Number(word);
      lastKind = 'unit';
    } else {
      return undefined;
    }
    seen = true;
  }
  if (lastKind === 'and') return undefined;
  return sign * (total + current);
}

/** "third" -> 3, "3rd" -> 3, "twenty first" -> 21; undefined otherwise. */
export function parseOrdinal(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  const last = words[words.length - 1].toLowerCase();
  const digits = /^(\d+)(st|nd|rd|th)$/.exec(last);
  if (digits && words.length === 1) return Number(digits[1]);
  const ordinal = ORDINALS[last] ?? tensOrdinal(last);
  if (ordinal === undefined) return undefined;
  if (words.length === 1) return ordinal;
  const head = parseNumber(words.slice(0, -1));
  return head === undefined || ordinal < 1 || ordinal > 9 ? undefined : head + ordinal;
}

function tensOrdinal(word: string): number | undefined {
  const match = /^(\w+)ieth$/.exec(word);
  if (match && `${match[1]}y` in TENS) return TENS[`${match[1]}y`];
  return undefined;
}

const DURATION_UNITS: Record<string, 'H' | 'M' | 'S' | 'D' | 'W'> = {
  hour: 'H',
  hours: 'H',
  hr: 'H',
  hrs: 'H',
  minute: 'M',
  minutes: 'M',
  min: 'M',
  mins: 'M',
  second: 'S',
  seconds: 'S',
  sec: 'S',
  secs: 'S',
  day: 'D',
  days: 'D',
  week: 'W',
  weeks: 'W',
};

/**
 * "thirty seconds" -> "PT30S", "two minutes" -> "PT2M", "a minute and a half" -> "PT1M30S",
 * "one hour twenty minutes" -> "PT1H20M", "half a minute" -> "PT30S". Undefined when the words are not a
 * duration.
 */
export function parseDuration(words: readonly string[]): string | undefined {
  const lower = words.map((w) => w.toLowerCase());
  if (lower.join(' ') === 'half a minute') return 'PT30S';
  if (lower.join(' ') === 'half an hour') return 'PT30M';
  const parts: Partial<Record<'W' | 'D' | 'H' | 'M' | 'S', number>> = {};
  let i = 0;
  let any = false;
  while (i < lower.length) {
    if (lower[i] === 'and' && any) i++;
    // Find the next unit word; the words before it are its amount.
    let j = i;
    while (j < lower.length && !(lower[j] in DURATION_UNITS)) j++;
    if (j >= lower.length || j === i) return undefined;
    const amountWords = lower.slice(i, j);
    // "a minute", "an hour": the article is one only before a unit.
    const amount = amountWords.length === 1 && /^an?$/.test(amountWords[0]) ? 1 : parseNumber(amountWords);
    const unit = DURATION_UNITS[lower[j]];
    if (amount === undefined || amount < 0 || parts[unit] !== undefined) return undefined;
    parts[unit] = amount;
    any = true;
    i = j + 1;
    // "a minute and a half": half of the unit just named.
    if (lower[i] === 'and' && lower[i + 1] === 'a' && lower[i + 2] === 'half') {
      const half = halfOf(unit);
      if (!half || parts[half[0]] !== undefined) return undefined;
      parts[half[0]] = half[1];
      i += 3;
    }
  }
  if (!any) return undefined;
  const date = `${parts.W ? `${parts.W}W` : ''}${parts.D ? `${parts.D}D` : ''}`;
  const time = `${parts.H !== undefined ? `${parts.H}H` : ''}${parts.M !== undefined ? `${parts.M}M` : ''}${
    parts.S !== undefined ? `${parts.S}S` : ''
  }`;
  return `P${date}${time ? `T${time}` : ''}`;
}

function halfOf(unit: 'W' | 'D' | 'H' | 'M' | 'S'): ['D' | 'H' | 'M' | 'S', number] | undefined {
  if (unit === 'H') return ['M', 30];
  if (unit === 'M') return ['S', 30];
  if (unit === 'D') return ['H', 12];
  return undefined;
}
