/**
 * The emulator's world: users, their tokens, devices and player. Plain data, so tests can arrange any
 * situation directly (`emulator.state.users.get('demo')!.player = ...`).
 */
export interface EmuDevice {
  id: string;
  name: string;
  type: string;
  is_active: boolean;
  is_private_session: boolean;
  is_restricted: boolean;
  volume_percent: number | null;
  supports_volume: boolean;
}

export interface EmuTrack {
  id: string;
  name: string;
  artists: Array<{ id: string; name: string }>;
  album: { id: string; name: string; images: Array<{ url: string; height: number; width: number }> };
  duration_ms: number;
}

export interface EmuPlayer {
  deviceId: string | null;
  trackId: string | null;
  contextUri: string | null;
  isPlaying: boolean;
  progressMs: number;
  shuffle: boolean;
  repeat: 'off' | 'track' | 'context';
}

export interface EmuUser {
  id: string;
  displayName: string;
  premium: boolean;
  devices: EmuDevice[];
  player: EmuPlayer;
}

export interface EmuToken {
  userId: string;
  scopes: Set<string>;
  expiresAt: number;
}

export interface EmuState {
  users: Map<string, EmuUser>;
  tokens: Map<string, EmuToken>;
  tracks: Map<string, EmuTrack>;
}

export function track(
  id: string,
  name: string,
  artist: string,
  album: string,
  durationMs = 215000,
): EmuTrack {
  return {
    id,
    name,
    artists: [{ id: `ar-${id}`, name: artist }],
    album: {
      id: `al-${id}`,
      name: album,
      images: [{ url: `https://i.scdn.co/image/${id}`, height: 640, width: 640 }],
    },
    duration_ms: durationMs,
  };
}

/** A fresh seeded world: the demo user with a few devices and nothing playing. */
export function seedState(): EmuState {
  const tracks = new Map<string, EmuTrack>();
  for (const t of [
    track('t-stronger', 'Stronger', 'Kanye West', 'Graduation'),
    track('t-eye-tiger', 'Eye of the Tiger', 'Survivor', 'Eye of the Tiger'),
    track('t-dont-stop', "Don't Stop Me Now", 'Queen', 'Jazz'),
  ]) {
    tracks.set(t.id, t);
  }
  const demo: EmuUser = {
    id: 'demo',
    displayName: 'Demo User',
    premium: true,
    devices: [
      device('dev-kitchen', 'Kitchen speaker', 'Speaker'),
      device('dev-tv', 'Living Room TV', 'TV'),
      device('dev-laptop', "Sam's MacBook Pro", 'Computer'),
    ],
    player: {
      deviceId: null,
      trackId: null,
      contextUri: null,
      isPlaying: false,
      progressMs: 0,
      shuffle: false,
      repeat: 'off',
    },
  };
  return { users: new Map([[demo.id, demo]]), tokens: new Map(), tracks };
}

export function device(id: string, name: string, type: string, extra: Partial<EmuDevice> = {}): EmuDevice {
  return {
    id,
    name,
    type,
    is_active: false,
    is_private_session: false,
    is_restricted: false,
    volume_percent: 50,
    supports_volume: true,
    ...extra,
  };
}
