import { escapeSsml, plainText } from './ssml';
import { tableFor, type StringKey, type StringTable } from './strings';

export type SpeechParams = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(template: string, params: SpeechParams | undefined, escape: (s: string) => string): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? escape(String(params[name])) : whole,
  );
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

  /** "A", "A and B", "A, B and C": names are escaped. */
  list(names: string[]): string {
    const safe = names.map(escapeSsml);
    if (safe.length <= 1) return safe.join('');
    return `${safe.slice(0, -1).join(', ')} and ${safe[safe.length - 1]}`;
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
