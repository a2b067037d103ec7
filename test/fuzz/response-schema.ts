/**
 * What Alexa accepts as a skill response, as a checker that lists every problem instead of stopping at the
 * first: version "1.0", SSML that is well-formed XML rooted in `<speak>` and at most 8000 characters (speech
 * and reprompt), card text at most 8000, card images HTTPS and at most 2000 characters, the whole JSON at
 * most 24 KB, `shouldEndSession` a boolean or absent, and directives Alexa knows the shape of.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html#response-format
 */

export const LIMITS = {
  speechChars: 8000,
  cardTextChars: 8000,
  cardTitleChars: 200,
  imageUrlChars: 2000,
  responseBytes: 24 * 1024,
} as const;

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*("[^"<]*"|'[^'<]*')/y;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/y;
// Characters XML 1.0 does not allow anywhere (C0 controls but tab/CR/LF, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A strict, small XML well-formedness check (no DTDs, comments, CDATA or processing instructions: SSML from
 * this skill never needs them, so their presence is a finding too). Returns the first problem, or undefined.
 */
export function xmlProblem(xml: string): string | undefined {
  if (FORBIDDEN_CHAR.test(xml)) return 'contains a character XML forbids (a control character)';
  if (LONE_SURROGATE.test(xml)) return 'contains a lone UTF-16 surrogate (a split emoji)';
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(xml);
  };
  while (i < xml.length) {
    const c = xml[i];
    if (c === '<') {
      if (xml.startsWith('</', i)) {
        i += 2;
        const name = at(NAME);
        if (!name) return `bad closing tag at ${i}`;
        i += name[0].length;
        while (xml[i] === ' ' || xml[i] === '\t' || xml[i] === '\n' || xml[i] === '\r') i++;
        if (xml[i] !== '>') return `closing tag </${name[0]} not ended at ${i}`;
        i++;
        const open = stack.pop();
        if (open !== name[0]) return `</${name[0]}> closes <${open ?? 'nothing'}>`;
        continue;
      }
      i += 1;
      const name = at(NAME);
      if (!name) return `"<" that starts no tag at ${i - 1}`;
      if (stack.length === 0) {
        roots++;
        if (roots > 1) return 'more than one root element';
      }
      i += name[0].length;
      const seen = new Set<string>();
      for (let attr = at(ATTRIBUTE); attr; attr = at(ATTRIBUTE)) {
        if (seen.has(attr[1])) return `duplicate attribute ${attr[1]}`;
        seen.add(attr[1]);
        const value = attr[2].slice(1, -1);
        const amp = entityProblem(value);
        if (amp) return `attribute ${attr[1]}: ${amp}`;
        i += attr[0].length;
      }
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml.startsWith('/>', i)) {
        i += 2;
        continue;
      }
      if (xml[i] !== '>') return `tag <${name[0]} not ended at ${i}`;
      i++;
      stack.push(name[0]);
      continue;
    }
    // Character data up to the next tag.
    const end = xml.indexOf('<', i);
    const text = xml.slice(i, end === -1 ? xml.length : end);
    if (stack.length === 0 && text.trim() !== '') return `text outside the root element at ${i}`;
    const problem = entityProblem(text);
    if (problem) return `${problem} at ${i}`;
    if (text.includes(']]>')) return `"]]>" in character data at ${i}`;
    i += text.length;
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> never closed`;
  if (roots === 0) return 'no root element';
  return undefined;
}

function entityProblem(text: string): string | undefined {
  for (let k = text.indexOf('&'); k !== -1; k = text.indexOf('&', k + 1)) {
    ENTITY.lastIndex = k;
    const m = ENTITY.exec(text);
    if (!m) return `bare "&" (${JSON.stringify(text.slice(k, k + 12))})`;
    const code = m[0].startsWith('&#x')
      ? parseInt(m[0].slice(3, -1), 16)
      : m[0].startsWith('&#')
        ? parseInt(m[0].slice(2, -1), 10)
        : 32;
    if (code > 0x10ffff || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) {
      return `character reference ${m[0]} to a character XML forbids`;
    }
  }
  return undefined;
}

/** Problems with one outputSpeech object; `where` names it in the messages. */
function speechProblems(speech: unknown, where: string): string[] {
  if (speech === undefined) return [];
  if (!speech || typeof speech !== 'object') return [`${where} is not an object`];
  const s = speech as { type?: unknown; ssml?: unknown; text?: unknown };
  if (s.type === 'PlainText') {
    if (typeof s.text !== 'string') return [`${where}.text is not a string`];
    return s.text.length > LIMITS.speechChars ? [`${where}.text is ${s.text.length} characters`] : [];
  }
  if (s.type !== 'SSML') return [`${where}.type is ${JSON.stringify(s.type)}`];
  if (typeof s.ssml !== 'string') return [`${where}.ssml is not a string`];
  const out: string[] = [];
  const ssml = s.ssml;
  if (ssml.length > LIMITS.speechChars) out.push(`${where}.ssml is ${ssml.length} characters`);
  if (!/^<speak>/.test(ssml) || !/<\/speak>$/.test(ssml))
    out.push(`${where}.ssml is not wrapped in <speak>…</speak>`);
  const xml = xmlProblem(ssml);
  if (xml) out.push(`${where}.ssml is not well-formed XML: ${xml}`);
  return out;
}

const CARD_TYPES = new Set(['Simple', 'Standard', 'LinkAccount', 'AskForPermissionsConsent']);

function cardProblems(card: unknown): string[] {
  if (card === undefined) return [];
  if (!card || typeof card !== 'object') return ['card is not an object'];
  const c = card as Record<string, unknown>;
  const out: string[] = [];
  if (!CARD_TYPES.has(c.type as string)) out.push(`card.type is ${JSON.stringify(c.type)}`);
  for (const field of ['title', 'content', 'text'] as const) {
    const v = c[field];
    if (v === undefined) continue;
    if (typeof v !== 'string') out.push(`card.${field} is not a string`);
    else {
      const max = field === 'title' ? LIMITS.cardTitleChars : LIMITS.cardTextChars;
      if (v.length > max) out.push(`card.${field} is ${v.length} characters (max ${max})`);
      if (FORBIDDEN_CHAR.test(v) || LONE_SURROGATE.test(v))
        out.push(`card.${field} contains a control character or a lone surrogate`);
    }
  }
  if (c.image !== undefined) {
    const image = c.image as Record<string, unknown> | null;
    if (!image || typeof image !== 'object') out.push('card.image is not an object');
    else
      for (const key of ['smallImageUrl', 'largeImageUrl']) {
        const url = image[key];
        if (url === undefined) continue;
        if (typeof url !== 'string' || !url.startsWith('https://'))
          out.push(`card.image.${key} is not an https URL`);
        else if (url.length > LIMITS.imageUrlChars) out.push(`card.image.${key} is ${url.length} characters`);
      }
  }
  return out;
}

/** The Dialog directives the skill may send, and what each must carry. */
const DIRECTIVE_FIELDS: Record<string, string[]> = {
  'Dialog.ElicitSlot': ['slotToElicit'],
  'Dialog.ConfirmSlot': ['slotToConfirm'],
  'Dialog.ConfirmIntent': [],
  'Dialog.Delegate': [],
};

function directiveProblems(directives: unknown): string[] {
  if (directives === undefined) return [];
  if (!Array.isArray(directives)) return ['directives is not an array'];
  const out: string[] = [];
  directives.forEach((d: unknown, k) => {
    if (!d || typeof d !== 'object') return void out.push(`directives[${k}] is not an object`);
    const type = (d as { type?: unknown }).type;
    if (typeof type !== 'string' || !/^[A-Z][A-Za-z]*\.[A-Z][A-Za-z.]*$/.test(type)) {
      return void out.push(`directives[${k}].type is ${JSON.stringify(type)}`);
    }
    for (const field of DIRECTIVE_FIELDS[type] ?? []) {
      if (typeof (d as Record<string, unknown>)[field] !== 'string' || !(d as Record<string, unknown>)[field])
        out.push(`directives[${k}] (${type}) has no ${field}`);
    }
  });
  return out;
}

/** Every way `envelope` fails Alexa's response format; empty when it is fine. */
export function responseProblems(envelope: unknown): string[] {
  if (!envelope || typeof envelope !== 'object') return ['the response is not an object'];
  const out: string[] = [];
  let json: string;
  try {
    json = JSON.stringify(envelope);
  } catch (e) {
    return [`the response is not serialisable: ${(e as Error).message}`];
  }
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > LIMITS.responseBytes) out.push(`the response is ${bytes} bytes`);
  const env = envelope as { version?: unknown; response?: unknown; sessionAttributes?: unknown };
  if (env.version !== '1.0') out.push(`version is ${JSON.stringify(env.version)}`);
  if (
    env.sessionAttributes !== undefined &&
    (env.sessionAttributes === null ||
      typeof env.sessionAttributes !== 'object' ||
      Array.isArray(env.sessionAttributes))
  )
    out.push('sessionAttributes is not an object');
  const response = env.response as Record<string, unknown> | undefined;
  if (!response || typeof response !== 'object') return [...out, 'response is missing'];
  out.push(...speechProblems(response.outputSpeech, 'outputSpeech'));
  if (response.reprompt !== undefined) {
    const reprompt = response.reprompt as { outputSpeech?: unknown } | null;
    if (!reprompt || typeof reprompt !== 'object' || reprompt.outputSpeech === undefined)
      out.push('reprompt has no outputSpeech');
    else out.push(...speechProblems(reprompt.outputSpeech, 'reprompt.outputSpeech'));
  }
  out.push(...cardProblems(response.card));
  out.push(...directiveProblems(response.directives));
  const end = response.shouldEndSession;
  if (end !== undefined && end !== null && typeof end !== 'boolean')
    out.push(`shouldEndSession is ${JSON.stringify(end)}`);
  return out;
}
