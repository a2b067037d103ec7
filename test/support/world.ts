/** Arrangements of the emulator's world for conversation tests ("something plays on the kitchen speaker"). */
import type { Emulator } from '../../tools/spotify-emulator';

export function demo(emulator: Emulator) {
  const user = emulator.state.users.get('demo');
  if (!user) throw new Error('the emulator has no demo user');
  return user;
}

/** `trackId` plays (or is paused) on `deviceId`, which becomes the only active device. */
export function playing(
  emulator: Emulator,
  options: {
    deviceId?: string;
    trackId?: string;
    isPlaying?: boolean;
    progressMs?: number;
    contextUri?: string | null;
  } = {},
): void {
  const user = demo(emulator);
  const deviceId = options.deviceId ?? 'dev-kitchen';
  for (const d of user.devices) d.is_active = d.id === deviceId;
  user.player = {
    ...user.player,
    deviceId,
    trackId: options.trackId ?? 't-dont-stop',
    contextUri: options.contextUri ?? null,
    isPlaying: options.isPlaying ?? true,
    progressMs: options.progressMs ?? 60_000,
  };
}

/** Something plays on the kitchen speaker (the usual state for playback commands). */
export const kitchenPlaying = (emulator: Emulator): void => playing(emulator);

/** No device is active: Spotify answers 204 to GET /me/player and 404 NO_ACTIVE_DEVICE to commands. */
export function nothingActive(emulator: Emulator): void {
  const user = demo(emulator);
  for (const d of user.devices) d.is_active = false;
  user.player = { ...user.player, deviceId: null, isPlaying: false };
}

export function activeDevice(emulator: Emulator) {
  const user = demo(emulator);
  return user.devices.find((d) => d.id === user.player.deviceId);
}

/** A second kitchen device, "Kitchen display", beside the Kitchen speaker: "… on the kitchen" is ambiguous. */
export function secondKitchenDevice(emulator: Emulator): void {
  const user = demo(emulator);
  user.devices.push({
    ...user.devices[0],
    id: 'dev-kitchen-display',
    name: 'Kitchen display',
    is_active: false,
  });
}
