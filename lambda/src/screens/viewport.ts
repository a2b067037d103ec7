import type { HandlerInput } from 'ask-sdk-core';

/**
 * The screen classes the documents are fitted to, from `context.Viewport`
 * (https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-viewport-characteristics.html):
 * Echo Spot is round; Fire TV is mode TV; hubs are sized by their width in dp (pixels * 160 / dpi).
 */
export type ScreenClass = 'round' | 'small' | 'medium' | 'large' | 'tv';

/** Sizes (dp) the documents read from the datasource, so one document fits every class. */
export interface Look {
  screen: ScreenClass;
  round: boolean;
  /** Outer padding; a round screen keeps content inside its circle. */
  pad: number;
  art: number;
  title: number;
  body: number;
  small: number;
  button: number;
  thumb: number;
  /** How many list rows are worth sending (what fits, and what a person would scroll through). */
  rows: number;
}

const LOOKS: Record<ScreenClass, Omit<Look, 'screen'>> = {
  round: { round: true, pad: 60, art: 120, title: 26, body: 20, small: 16, button: 56, thumb: 56, rows: 10 },
  small: { round: false, pad: 24, art: 160, title: 28, body: 20, small: 16, button: 56, thumb: 64, rows: 20 },
  medium: {
    round: false,
    pad: 40,
    art: 280,
    title: 40,
    body: 28,
    small: 22,
    button: 72,
    thumb: 88,
    rows: 20,
  },
  large: {
    round: false,
    pad: 56,
    art: 360,
    title: 48,
    body: 32,
    small: 24,
    button: 88,
    thumb: 104,
    rows: 20,
  },
  tv: { round: false, pad: 48, art: 300, title: 40, body: 28, small: 22, button: 72, thumb: 88, rows: 20 },
};

export interface ViewportInfo {
  shape?: string;
  mode?: string;
  pixelWidth?: number;
  pixelHeight?: number;
  dpi?: number;
}

const finite = (n: unknown, fallback: number) =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : fallback;

export function screenClass(viewport: ViewportInfo | undefined): ScreenClass {
  if (!viewport) return 'medium';
  if (viewport.shape === 'ROUND') return 'round';
  if (viewport.mode === 'TV') return 'tv';
  const dpi = finite(viewport.dpi, 160);
  const width = (finite(viewport.pixelWidth, 1024) * 160) / dpi;
  const height = (finite(viewport.pixelHeight, 600) * 160) / dpi;
  if (width < 960 || height < 600) return 'small';
  if (width < 1280) return 'medium';
  return 'large';
}

export function lookFor(viewport: ViewportInfo | undefined): Look {
  const screen = screenClass(viewport);
  return { screen, ...LOOKS[screen] };
}

/**
 * The APL runtime the device offers, or undefined when it has no screen for the skill: only a device that lists
 * `Alexa.Presentation.APL` in its supported interfaces gets a document (voice-only devices answer as before).
 */
export function aplOf(input: HandlerInput): { viewport: ViewportInfo | undefined } | undefined {
  const context = input.requestEnvelope?.context as
    | { System?: { device?: { supportedInterfaces?: Record<string, unknown> } }; Viewport?: unknown }
    | undefined;
  const interfaces = context?.System?.device?.supportedInterfaces;
  if (!interfaces || typeof interfaces !== 'object' || !interfaces['Alexa.Presentation.APL'])
    return undefined;
  const viewport = context?.Viewport;
  return { viewport: viewport && typeof viewport === 'object' ? (viewport as ViewportInfo) : undefined };
}
