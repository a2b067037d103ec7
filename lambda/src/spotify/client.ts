import type { Deadline } from '../util/deadline';
import type { Logger } from '../util/logger';
import { RequestCore } from './core';
import type { PlaybackState } from './types';

/** `/me/player`: playback state and commands. */
export class PlayerApi {
  constructor(private readonly core: RequestCore) {}

  /** Current playback; null when Spotify answers 204 (nothing active). */
  async getPlaybackState(): Promise<PlaybackState | null> {
    const res = await this.core.request<PlaybackState>({
      method: 'GET',
      path: '/me/player',
      // Without it a podcast episode comes back as `item: null`.
      query: { additional_types: 'episode' },
    });
    return res.data;
  }

  async pause(deviceId?: string): Promise<void> {
    await this.core.request({ method: 'PUT', path: '/me/player/pause', query: { device_id: deviceId } });
  }

  async play(deviceId?: string): Promise<void> {
    await this.core.request({ method: 'PUT', path: '/me/player/play', query: { device_id: deviceId } });
  }
}

/** The Spotify Web API facade: endpoint groups over one request core. */
export class SpotifyClient {
  readonly player: PlayerApi;

  constructor(core: RequestCore) {
    this.player = new PlayerApi(core);
  }
}

export interface SpotifyClientFactoryOptions {
  baseUrl: string;
  logger: Logger;
}

/** Builds a client for one invocation: the user's token and the invocation's deadline. */
export type SpotifyClientFactory = (
  accessToken: string,
  deadline: Deadline,
  logger?: Logger,
) => SpotifyClient;

export function createSpotifyClientFactory(options: SpotifyClientFactoryOptions): SpotifyClientFactory {
  return (accessToken, deadline, logger = options.logger) =>
    new SpotifyClient(new RequestCore({ baseUrl: options.baseUrl, accessToken, deadline, logger }));
}
