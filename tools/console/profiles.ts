/**
 * The Echo devices the console (and the conversation tests) pretend to be: what each sends in
 * `context.System.device.supportedInterfaces` and `context.Viewport`
 * (https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-viewport-characteristics.html).
 */
export interface DeviceProfile {
  id: ProfileId;
  label: string;
  supportedInterfaces: Record<string, unknown>;
  viewport?: {
    experiences?: Array<{ canRotate: boolean; canResize: boolean }>;
    mode: 'HUB' | 'TV';
    shape: 'ROUND' | 'RECTANGLE';
    pixelWidth: number;
    pixelHeight: number;
    dpi: number;
    currentPixelWidth: number;
    currentPixelHeight: number;
    touch: string[];
    keyboard: string[];
  };
}

export type ProfileId = 'echo-dot' | 'echo-show-8' | 'echo-spot' | 'fire-tv';

const APL = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } };

function screen(
  mode: 'HUB' | 'TV',
  shape: 'ROUND' | 'RECTANGLE',
  pixelWidth: number,
  pixelHeight: number,
  dpi: number,
  touch: boolean,
): DeviceProfile['viewport'] {
  return {
    experiences: [{ canRotate: false, canResize: false }],
    mode,
    shape,
    pixelWidth,
    pixelHeight,
    dpi,
    currentPixelWidth: pixelWidth,
    currentPixelHeight: pixelHeight,
    touch: touch ? ['SINGLE'] : [],
    keyboard: touch ? [] : ['DIRECTION'],
  };
}

export const PROFILES: Record<ProfileId, DeviceProfile> = {
  'echo-dot': { id: 'echo-dot', label: 'Echo Dot (no screen)', supportedInterfaces: {} },
  'echo-show-8': {
    id: 'echo-show-8',
    label: 'Echo Show 8',
    supportedInterfaces: APL,
    viewport: screen('HUB', 'RECTANGLE', 1280, 800, 213, true),
  },
  'echo-spot': {
    id: 'echo-spot',
    label: 'Echo Spot',
    supportedInterfaces: APL,
    viewport: screen('HUB', 'ROUND', 480, 480, 160, true),
  },
  'fire-tv': {
    id: 'fire-tv',
    label: 'Fire TV',
    supportedInterfaces: APL,
    viewport: screen('TV', 'RECTANGLE', 1920, 1080, 320, false),
  },
};

export const isProfileId = (id: unknown): id is ProfileId =>
  typeof id === 'string' && Object.hasOwn(PROFILES, id);
