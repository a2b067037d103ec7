import { escapeSsml, plainText } from './ssml';
import { tableFor, type StringKey, type StringTable } from './strings';

/** SSML that is already safe (built by `say` or `list`), inserted into a template as it is. */
export class SafeSsml {
  constructor(readonly ssml: string) {}
  toString(): string {
    return this.ssml;
  }
}

export type SpeechParams = Record<string, string | number | SafeSsml>;

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(template: string, params: SpeechParams | undefined, escape: (s: string) => string): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return value instanceof SafeSsml ? value.ssml : escape(String(value));
  });
}

/**
 * The one way handlers produce words. `say` returns SSML-safe text (every parameter escaped);
 * `text` returns plain text for cards.
 */
export class Speech {
  private readonly table: StringTable;

  constructor(readonly locale: string) {
    this.table = tableFor(locale);
  }

  say(key: StringKey, params?: SpeechParams): string {
    return fill(this.table[key], params, escapeSsml);
  }

  text(key: StringKey, params?: SpeechParams): string {
    return plainText(fill(this.table[key], params, (s) => s));
  }

  /** Joins already-safe sentences. */
  join(...parts: Array<string | undefined | false>): string {
    return parts.filter((p): p is string => Boolean(p)).join(' ');
  }

  /** "A", "A and B", "A, B and C", as safe SSML. Plain strings are escaped; `SafeSsml` parts are kept. */
  list(items: Array<string | SafeSsml>, conjunction: 'and' | 'or' = 'and'): SafeSsml {
    const safe = items.map((i) => (i instanceof SafeSsml ? i.ssml : escapeSsml(i)));
    if (safe.length <= 1) return new SafeSsml(safe.join(''));
    return new SafeSsml(
      `${safe.slice(0, -1).join(', ')} ${this.table[conjunction]} ${safe[safe.length - 1]}`,
    );
  }

  /** A sentence fragment from the table, for use as a parameter of another string. */
  fragment(key: StringKey, params?: SpeechParams): SafeSsml {
    return new SafeSsml(this.say(key, params));
  }
}

const cache = new Map<string, Speech>();

/** Speech objects are built once per locale per container, not per request. */
export function speechFor(locale: string | undefined): Speech {
  const key = locale || 'en-US';
  let speech = cache.get(key);
  if (!speech) {
    speech = new Speech(key);
    cache.set(key, speech);
  }
  return speech;
}
