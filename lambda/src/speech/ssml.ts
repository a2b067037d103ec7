import { dropXmlForbidden, truncate } from '../util/text';

/**
 * Escapes text for use inside SSML: every Spotify name and slot value passes through here before it is
 * spoken. Characters XML 1.0 forbids (NUL, ESC, U+FFFF, a lone surrogate…) are dropped, so the speech is
 * always well-formed.
 */
export function escapeSsml(text: string): string {
  return dropXmlForbidden(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text for a card: no markup, no control characters or lone surrogates, bounded length. */
export function plainText(text: string, max = 8000): string {
  const clean = dropXmlForbidden(text).replace(/\u007f/g, '');
  return clean.length > max ? `${truncate(clean, max - 1)}…` : clean;
}
