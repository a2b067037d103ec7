/**
 * Text hygiene for strings the skill did not write (slot values, Spotify names): what XML 1.0 forbids is
 * dropped, and truncation never cuts a character in half.
 */

/**
 * Characters XML 1.0 does not allow anywhere in a document (https://www.w3.org/TR/xml/#charsets): C0
 * controls except tab, LF and CR; U+FFFE and U+FFFF; surrogates that are not half of a pair (with the `u`
 * flag a well-formed pair is one code point, so only lone surrogates match the range).
 */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;

/** The text without the characters XML 1.0 forbids (so it can be spoken in SSML and sent as JSON text). */
export function dropXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * At most `max` UTF-16 code units, cut on a code point boundary: a surrogate pair is kept whole or left out,
 * never split into a lone surrogate.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}
