import { packFor, type LanguagePack, type PackRegistry, type StringKey, type StringTable } from '../lang';
import { forTheEar } from './ear';
import { escapeSsml, plainText } from './ssml';

/** SSML that is already safe (built by `say` or `list`), inserted into a template as it is. */
export class SafeSsml {
  constructor(readonly ssml: string) {}
  toString(): string {
    return this.ssml;
  }
}

export type SpeechParams = Record<string, string | number | SafeSsml>;

const PLACEHOLDER = /\{(\w+)\}/g;

type Escape = (s: string) => string;

function fill(
  template: string,
  params: SpeechParams | undefined,
  escape: Escape,
  number: (n: number) => string,
): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (value instanceof SafeSsml) return value.ssml;
    return escape(typeof value === 'number' ? number(value) : String(value));
  });
}

/**
 * The one way handlers produce words, built from a language pack. `say` returns SSML-safe text (every
 * parameter made for the ear, then escaped: no emoji, no " - Remastered 2009", see ear.ts); `text` returns
 * plain text for cards, names as Spotify wrote them.
 */
export class Speech {
  readonly pack: LanguagePack;
  readonly locale: string;
  private readonly table: StringTable;
  private numbers?: Intl.NumberFormat;
  private plurals?: Intl.PluralRules;
  private readonly lists = new Map<Intl.ListFormatType, Intl.ListFormat>();

  /** `locale`: the request's locale (the pack may be of the same language, or the English fallback). */
  constructor(pack: LanguagePack | string, locale?: string) {
    this.pack = typeof pack === 'string' ? packFor(pack) : pack;
    this.locale = locale ?? (typeof pack === 'string' ? pack : pack.locale);
    this.table = this.pack.strings;
  }

  /**
   * Intl objects are made on first use, never in the constructor: the first one a process makes loads ICU's
   * locale data, about 18 ms, which a cold start that speaks no number and no list of two (an unlinked
   * launch, "Don't Stop Me Now by Queen is playing") does not pay.
   */
  private readonly number = (n: number): string => {
    if (!Number.isFinite(n)) return String(n);
    // No grouping: a count is spoken as "1234", as it always was; Alexa reads digits out either way.
    this.numbers ??= new Intl.NumberFormat(this.pack.locale, {
      useGrouping: false,
      maximumFractionDigits: 20,
    });
    return this.numbers.format(n);
  };

  /** A parameter as it is spoken: made for the ear (ear.ts), then escaped. */
  private readonly spoken = (text: string): string =>
    escapeSsml(forTheEar(text, this.pack.understand.versionSuffixes));

  private readonly safeOf = (item: string | SafeSsml): string =>
    item instanceof SafeSsml ? item.ssml : this.spoken(item);

  say(key: StringKey, params?: SpeechParams): string {
    return fill(this.table[key], params, this.spoken, this.number);
  }

  text(key: StringKey, params?: SpeechParams): string {
    return plainText(fill(this.table[key], params, (s) => s, this.number));
  }

  /**
   * A count-dependent string ("one device" / "2 devices"): the key the pack gives for `count`'s plural
   * category (Intl.PluralRules), with `count` among the parameters.
   */
  plural(key: StringKey, count: number, params: SpeechParams = {}, countParam = 'count'): string {
    return this.say(this.pluralKey(key, count), { ...params, [countParam]: count });
  }

  /** The CLDR plural category of `count` in the pack's language ("one", "few", "other"…). */
  pluralCategory(count: number): Intl.LDMLPluralRule {
    this.plurals ??= new Intl.PluralRules(this.pack.locale);
    return this.plurals.select(count);
  }

  /** The key `plural` would use for `count`. */
  pluralKey(key: StringKey, count: number): StringKey {
    const forms = this.pack.plurals[key];
    if (!forms) return key;
    this.plurals ??= new Intl.PluralRules(this.pack.locale);
    return forms[this.plurals.select(count)] ?? forms.other;
  }

  /** Joins already-safe sentences. */
  join(...parts: Array<string | undefined | false>): string {
    return parts.filter((p): p is string => Boolean(p)).join(' ');
  }

  private listFormat(type: Intl.ListFormatType): Intl.ListFormat {
    let format = this.lists.get(type);
    if (!format) {
      format = new Intl.ListFormat(this.pack.listLocale, { type, style: type === 'unit' ? 'short' : 'long' });
      this.lists.set(type, format);
    }
    return format;
  }

  /**
   * "A", "A and B", "A, B and C" (or "A or B"), as safe SSML, in the pack's list style (Intl.ListFormat).
   * Plain strings are made for the ear and escaped before joining; `SafeSsml` parts are kept.
   */
  list(items: Array<string | SafeSsml>, conjunction: 'and' | 'or' = 'and'): SafeSsml {
    const safe = items.map(this.safeOf);
    if (safe.length <= 1) return new SafeSsml(safe.join(''));
    return new SafeSsml(this.listFormat(conjunction === 'and' ? 'conjunction' : 'disjunction').format(safe));
  }

  /** "A, B, C": names side by side, no conjunction (as plain text: for names inside one parameter). */
  names(items: readonly string[]): string {
    // One name is itself in every language: no list to format (and no Intl to load).
    return items.length <= 1 ? items.join('') : this.listFormat('unit').format(items);
  }

  /** The same, as safe SSML: plain strings are made for the ear and escaped before joining. */
  namesSsml(items: Array<string | SafeSsml>): SafeSsml {
    const safe = items.map(this.safeOf);
    return new SafeSsml(safe.length <= 1 ? safe.join('') : this.listFormat('unit').format(safe));
  }

  /** A sentence fragment from the table, for use as a parameter of another string. */
  fragment(key: StringKey, params?: SpeechParams): SafeSsml {
    return new SafeSsml(this.say(key, params));
  }
}

const cache = new Map<string, Speech>();
const extraCaches = new WeakMap<PackRegistry, Map<string, Speech>>();

/**
 * Speech objects are built once per locale per container, not per request. `packs` replaces the shipped
 * packs (tests register a pseudo-locale this way: `withPacks({ 'en-XA': pseudo })`).
 */
export function speechFor(locale: string | undefined, packs?: PackRegistry): Speech {
  const key = locale || 'en-US';
  let speeches = cache;
  if (packs) {
    speeches = extraCaches.get(packs) ?? new Map<string, Speech>();
    extraCaches.set(packs, speeches);
  }
  let speech = speeches.get(key);
  if (!speech) {
    const pack = packFor(key, packs);
    speech = new Speech(pack, key);
    speeches.set(key, speech);
  }
  return speech;
}
