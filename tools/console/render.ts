/**
 * How a turn looks on screen: what a person would hear (speech, reprompt), see (card) and what happened
 * behind it (the player, the Spotify calls). Colours only on a terminal; a pipe gets plain text.
 */
import type { Card, SkillTurn } from './alexa';

export interface Call {
  method: string;
  path: string;
  status: number;
  ms?: number;
}

export interface PlayerView {
  device?: string;
  title?: string;
  artists?: string;
  playing: boolean;
  volume?: number | null;
  shuffle?: boolean;
  repeat?: string;
}

/** One turn as the console shows it and as scripts check it. */
export interface TurnView extends SkillTurn {
  calls: Call[];
  player?: PlayerView;
  /** The console's own remarks: token refreshed, account unlinked... */
  notes: string[];
  /** Progressive responses (VoicePlayer.Speak) the skill sent during the turn. */
  progressive: string[];
}

export interface Style {
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

/* eslint-disable no-control-regex -- matching control characters is the point */
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
/* eslint-enable no-control-regex */

/**
 * Text from a request or an answer (an `error_description`, an error code) made safe for a terminal: escape
 * sequences and every other control character removed, so a crafted redirect cannot move the cursor,
 * recolour or retitle the terminal, or fake console output.
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  // CSI and OSC sequences whole (ESC [ ... final byte; ESC ] ... BEL or ST), then any other control.
  return text.replace(ESCAPE_SEQUENCE, '').replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, '');
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export function style(colour: boolean): Style {
  if (!colour) {
    const id = (s: string) => s;
    return { dim: id, bold: id, green: id, red: id, yellow: id, cyan: id };
  }
  return {
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}

export function playerLine(player: PlayerView | undefined): string {
  if (!player || !player.device) return '■ no active device';
  const parts = [player.device];
  if (player.title) parts.push(player.artists ? `${player.title} — ${player.artists}` : player.title);
  parts.push(player.playing ? 'playing' : 'paused');
  if (player.volume !== undefined && player.volume !== null) parts.push(`vol ${player.volume}%`);
  if (player.shuffle !== undefined) parts.push(`shuffle ${player.shuffle ? 'on' : 'off'}`);
  if (player.repeat !== undefined) parts.push(`repeat ${player.repeat}`);
  return `${player.playing ? '▶' : '❚❚'} ${parts.join(' · ')}`;
}

export function cardLine(card: Card | undefined): string | undefined {
  if (!card) return undefined;
  let line = card.type;
  if (card.title) line += `: ${card.title}`;
  if (card.text) line += ` — ${card.text.replace(/\s*\n\s*/g, ' / ')}`;
  if (card.imageUrl) line += ` [image ${card.imageUrl}]`;
  return line;
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

export function callsLine(calls: Call[]): string {
  return calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ');
}

export function intentLine(turn: SkillTurn): string | undefined {
  if (!turn.request) return undefined;
  const slots = Object.entries(turn.slots).map(([k, v]) => `${k}=${v}`);
  return slots.length > 0 ? `${turn.request} (${slots.join(', ')})` : turn.request;
}

export function renderTurn(raw: TurnView, s: Style, showCalls: boolean): string[] {
  // Everything in a turn came from the skill, Spotify or the user: cleaned of control characters first.
  const view = cleanView(raw);
  const out: string[] = [];
  for (const note of view.notes) out.push(s.yellow(`· ${note}`));
  const intent = intentLine(view);
  if (intent) out.push(s.dim(`  → ${intent}`));
  for (const p of view.progressive) out.push(`${s.cyan('A:')} ${p} ${s.dim('(progressive response)')}`);
  if (view.speech) {
    const who = view.speaker === 'alexa' ? s.dim(' (Alexa itself, not the skill)') : '';
    out.push(`${s.cyan(s.bold('A:'))} ${view.speech}${who}`);
  } else if (view.request && view.request !== 'SessionEndedRequest') {
    out.push(`${s.cyan('A:')} ${s.dim('(no speech)')}`);
  }
  if (view.reprompt) out.push(s.dim(`   reprompt: ${view.reprompt}`));
  // From the card as sent: cardLine joins its lines with " / " (cleaning first would glue them together).
  const sent = cardLine(raw.card);
  const card = sent === undefined ? undefined : terminalSafe(sent);
  if (card) out.push(`   ${s.bold('card')} ${card}`);
  const dialog = view.directives.filter((d) => d.startsWith('Dialog.'));
  if (dialog.length > 0) out.push(s.dim(`   directives: ${dialog.join(', ')}`));
  if (view.player !== undefined || view.request) out.push(s.green(`   ${playerLine(view.player)}`));
  if (showCalls) {
    for (const c of view.calls) {
      const status = c.status >= 400 || c.status === 0 ? s.red(String(c.status)) : String(c.status);
      out.push(
        s.dim(`   ↳ ${c.method} ${c.path} `) +
          status +
          s.dim(c.ms !== undefined ? ` ${formatMs(c.ms)} ms` : ''),
      );
    }
  }
  out.push(s.dim(view.sessionOpen ? '   (session open)' : '   (session ended)'));
  return out;
}

/** A turn's strings without control characters (recursively; the view is plain data). */
function cleanView<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map(cleanView) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanView(v)])) as T;
  }
  return value;
}
