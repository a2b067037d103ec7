/** A Web API error as Spotify sends it: `{"error":{"status","message","reason"?}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  toJSON(): { error: { status: number; message: string; reason?: string } } {
    return {
      error: { status: this.status, message: this.message, ...(this.reason ? { reason: this.reason } : {}) },
    };
  }
}

/** Player errors share Spotify's "Player command failed: …" wording. */
export const playerError = (status: number, detail: string, reason?: string): ApiError =>
  new ApiError(status, `Player command failed: ${detail}`, reason);

export const noActiveDevice = (): ApiError => playerError(404, 'No active device found', 'NO_ACTIVE_DEVICE');
/** A stale or unknown device id: 404 without a reason. */
export const deviceNotFound = (): ApiError => new ApiError(404, 'Device not found');
/**
 * "Restriction violated" with reason UNKNOWN is what Spotify answers both for an impossible state change
 * (pausing while paused, resuming while playing) and for commands to a restricted device
 * (`is_restricted: true`); see spotify/web-api#1581 and #635. Clients must treat it as "not possible now".
 */
export const restricted = (): ApiError => playerError(403, 'Restriction violated', 'UNKNOWN');
export const forbidden = (): ApiError => new ApiError(403, 'Forbidden');
export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (): ApiError => new ApiError(404, 'Resource not found');
