import type { HandlerInput } from 'ask-sdk-core';
import type { Option } from '../dialog/question';
import type { Device, PlaybackState, SimplifiedPlaylist } from '../spotify/types';

/**
 * What a handler would show on a screen. Handlers (through dialog/respond.ts) only say which screen; whether the
 * device has one, and the document, are decided once in screens/render.ts. Voice-only devices never build it.
 */
export type ScreenRequest =
  /** What plays now: `state` when the handler already read it, else read once after the handler acted. */
  | { kind: 'nowPlaying'; state?: PlaybackState | null }
  | { kind: 'playlists'; playlists: ReadonlyArray<SimplifiedPlaylist | null> }
  | { kind: 'devices'; devices: ReadonlyArray<Device | null> }
  | { kind: 'choose'; options: readonly Option[] }
  | { kind: 'link' };

const KEY = 'connectRemote.screen';

/** Asks for `screen` with this response (the last request wins). */
export function showScreen(input: HandlerInput, screen: ScreenRequest): void {
  input.attributesManager.getRequestAttributes()[KEY] = screen;
}

export function requestedScreen(input: HandlerInput): ScreenRequest | undefined {
  return input.attributesManager.getRequestAttributes()[KEY] as ScreenRequest | undefined;
}
