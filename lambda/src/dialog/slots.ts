import type { HandlerInput } from 'ask-sdk-core';
import { dropXmlForbidden, truncate } from '../util/text';

interface RawSlot {
  value?: unknown;
  resolutions?: {
    resolutionsPerAuthority?: Array<{
      status?: { code?: string };
      values?: Array<{ value?: { id?: string; name?: string } }>;
    }>;
  };
}

function rawSlot(input: HandlerInput, name: string): RawSlot | undefined {
  const request = input.requestEnvelope.request as { intent?: { slots?: Record<string, RawSlot> } };
  const slot = request.intent?.slots?.[name];
  return slot && typeof slot === 'object' ? slot : undefined;
}

const MAX_SLOT_LENGTH = 200;

/**
 * The spoken value of a slot, cleaned (no control characters or lone surrogates: it may reach Spotify as a
 * search query or a playlist name, and is spoken back), trimmed and bounded without splitting a character;
 * undefined when empty or not a string.
 */
export function slotText(input: HandlerInput, name: string): string | undefined {
  const value = rawSlot(input, name)?.value;
  if (typeof value !== 'string') return undefined;
  const text = truncate(dropXmlForbidden(value).trim(), MAX_SLOT_LENGTH).trim();
  return text.length > 0 ? text : undefined;
}

/** The entity-resolution id of a custom slot type value (ER_SUCCESS_MATCH), if any. */
export function slotId(input: HandlerInput, name: string): string | undefined {
  for (const authority of rawSlot(input, name)?.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority?.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (typeof id === 'string' && id) return id;
    }
  }
  return undefined;
}

/** An AMAZON.NUMBER slot as a finite number ("?" and non-numbers are undefined). */
export function slotNumber(input: HandlerInput, name: string): number | undefined {
  const text = slotText(input, name);
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An AMAZON.DURATION value (ISO 8601, e.g. PT30S, PT2M) in milliseconds; undefined when unusable. */
export function parseDuration(text: string | undefined): number | undefined {
  const m = text ? ISO_DURATION.exec(text) : null;
  if (!m || text === 'P' || text === 'PT') return undefined;
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  const ms = ((Number(d) * 24 + Number(h)) * 60 * 60 + Number(min) * 60 + Number(s)) * 1000;
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : undefined;
}
