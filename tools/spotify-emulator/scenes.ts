/**
 * Arranging common scenes directly in the emulator's state, for tests and the console: keeps
 * `player.deviceId` and every device's `is_active` in step.
 */
import { ALBUM_JAZZ, DEV_KITCHEN, TRACK_DONT_STOP, USER_DEMO } from './seed';
import { emptyPlayer, type EmuPlayer, type EmuState } from './state';

export interface PlayingScene {
  user?: string;
  deviceId?: string;
  /** Default the album "Jazz" by Queen; null for no context. */
  contextUri?: string | null;
  /** Default "Don't Stop Me Now" (first track of that album). */
  trackId?: string;
  isPlaying?: boolean;
  progressMs?: number;
  shuffle?: boolean;
  repeat?: EmuPlayer['repeat'];
}

/** Something plays (or is paused, with `isPlaying: false`) on a device; returns the player. */
export function arrangePlaying(state: EmuState, scene: PlayingScene = {}): EmuPlayer {
  const user = state.users.get(scene.user ?? USER_DEMO);
  if (!user) throw new Error(`no user ${scene.user}`);
  const deviceId = scene.deviceId ?? (user.id === USER_DEMO ? DEV_KITCHEN : user.devices[0]?.id);
  if (!user.devices.some((d) => d.id === deviceId)) throw new Error(`no device ${deviceId} for ${user.id}`);
  user.player = {
    ...emptyPlayer(),
    deviceId,
    contextUri: scene.contextUri === undefined ? `spotify:album:${ALBUM_JAZZ}` : scene.contextUri,
    trackId: scene.trackId ?? TRACK_DONT_STOP,
    isPlaying: scene.isPlaying ?? true,
    progressMs: scene.progressMs ?? 60_000,
    shuffle: scene.shuffle ?? false,
    repeat: scene.repeat ?? 'off',
  };
  for (const d of user.devices) d.is_active = d.id === deviceId;
  return user.player;
}

/** Nothing active: GET /me/player answers 204 and commands 404 NO_ACTIVE_DEVICE. */
export function arrangeIdle(state: EmuState, userId: string = USER_DEMO): void {
  const user = state.users.get(userId);
  if (!user) throw new Error(`no user ${userId}`);
  user.player = emptyPlayer();
  for (const d of user.devices) d.is_active = false;
}
