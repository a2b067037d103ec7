/**
 * A Spotify that answers nonsense: for some fuzz cases one emulator fault (any status, with a JSON error
 * body, an empty, HTML, plain-text, truncated or wrong-shaped body, odd Retry-After values, a reset socket or
 * a short delay) on the endpoints the skill uses. Never a hang: the fuzz loop must stay fast; the deadline has
 * its own proof in test/faults/deadline.test.ts.
 */
import fc from 'fast-check';
import type { FaultSpec } from '../../tools/spotify-emulator';

const PATHS = [
  '/v1/*',
  '/v1/me',
  '/v1/me/player',
  '/v1/me/player/*',
  '/v1/me/player/devices',
  '/v1/me/playlists',
  '/v1/me/tracks',
  '/v1/search',
  '/v1/playlists/*/items',
  '/v1/me/library',
];

const REASONS = [
  undefined,
  'PREMIUM_REQUIRED',
  'NO_ACTIVE_DEVICE',
  'UNKNOWN',
  'NO_NEXT_TRACK',
  'NO_PREV_TRACK',
  'ALREADY_PAUSED',
  'VOLUME_CONTROL_DISALLOW',
  'DEVICE_NOT_CONTROLLABLE',
  'QUOTA_EXCEEDED',
  'SOMETHING_NEW',
];

/** Bodies Spotify or a proxy in front of it has been seen to send, and shapes it never should. */
const BODIES = [
  '',
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  '<!DOCTYPE html><html><head><title>Error</title></head></html>',
  'Check settings on developer.spotify.com/dashboard, the user may not be registered.',
  '{"error": {"status": 500, "message": "Server err',
  '{"items": [',
  '{"devices": [{"id": "dev-kitchen", "name": "Kitchen',
  'null',
  '[]',
  '{}',
  '"a string"',
  '42',
  '{"error": "invalid_request"}',
  '{"error": {"status": "x", "reason": 7}}',
  '{"devices": null}',
  '{"devices": [null, 7, {"id": null, "name": null}]}',
  '{"items": null, "total": null, "next": 5}',
  '{"items": [null, {"name": null, "uri": 7}], "total": -1}',
  '{"device": null, "item": null, "is_playing": "yes"}',
  '{"device": {"id": 5, "volume_percent": "loud"}, "item": {"name": null, "artists": null}}',
  '{"playlists": {"items": [null]}, "tracks": null, "artists": {"items": "x"}}',
  '{"id": null, "display_name": {"a": 1}}',
  '\u0000\u0001',
  '\ufeff{"a": 1}',
];

export const spotifyFault: fc.Arbitrary<FaultSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        path: fc.constantFrom(...PATHS),
        times: fc.constantFrom(1, 1, 2, Infinity),
        status: fc.constantFrom(200, 201, 202, 204, 400, 401, 403, 404, 405, 413, 429, 500, 502, 503, 504),
        body: fc.option(fc.oneof(fc.constantFrom(...BODIES), fc.string({ maxLength: 40 })), {
          nil: undefined,
        }),
        reason: fc.constantFrom(...REASONS),
        contentType: fc.constantFrom(undefined, 'application/json', 'text/html', 'text/plain'),
        retryAfter: fc.constantFrom(undefined, '0', '1', '-1', 'abc', '99999', '1e3', '0.2'),
      })
      .map(({ retryAfter, ...f }): FaultSpec => {
        const spec: FaultSpec = { path: f.path, times: f.times, status: f.status };
        if (f.body !== undefined) spec.body = f.body;
        else if (f.reason) spec.reason = f.reason;
        if (f.contentType) spec.contentType = f.contentType;
        if (retryAfter !== undefined) spec.headers = { 'Retry-After': retryAfter };
        return spec;
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ path: fc.constantFrom(...PATHS), times: fc.constantFrom(1, 2, Infinity) })
      .map((f): FaultSpec => ({ ...f, reset: true })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ path: fc.constantFrom(...PATHS), delayMs: fc.integer({ min: 1, max: 150 }) })
      .map((f): FaultSpec => ({ ...f })),
  },
);

/** The cases of `cases`, a third of them with one Spotify fault added. */
export function withSpotifyFaults<T extends { label: string }>(
  cases: fc.Arbitrary<T>,
): fc.Arbitrary<T & { spotifyFault?: FaultSpec }> {
  return fc
    .tuple(
      cases,
      fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: spotifyFault }),
    )
    .map(([c, fault]) =>
      fault ? { ...c, spotifyFault: fault, label: `${c.label} + Spotify fault ${describeFault(fault)}` } : c,
    );
}

export function describeFault(f: FaultSpec): string {
  const what = f.reset
    ? 'reset'
    : f.delayMs && f.status === undefined
      ? `delay ${f.delayMs} ms`
      : `${f.status}${f.reason ? ` ${f.reason}` : ''}${f.body !== undefined ? ` body ${JSON.stringify(f.body.slice(0, 30))}` : ''}`;
  return `${what} on ${String(f.path)} ×${f.times ?? 1}`;
}
