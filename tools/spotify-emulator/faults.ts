/**
 * Fault injection: make the next N matching requests misbehave the way Spotify does (a status with a
 * `reason`, `Retry-After`, an empty or HTML or plain-text or truncated body, a delay, no answer at all, a reset
 * socket). Faults apply before authentication, because they model Spotify itself misbehaving.
 */
export interface FaultSpec {
  /** HTTP method; any when absent. */
  method?: string;
  /** A string: the exact pathname, or a glob where `*` matches anything (`/v1/me/player*`). A RegExp is
   * tested against the pathname. */
  path: string | RegExp;
  /** How many matching requests it applies to (default 1; `Infinity` allowed). */
  times?: number;
  /** Answer with this status (default 500 when neither `delayMs` alone nor `hang`/`reset` is given). */
  status?: number;
  /** `reason` in the JSON error body `{"error":{"status","message","reason"}}`. */
  reason?: string;
  message?: string;
  headers?: Record<string, string>;
  /** A raw body instead of the JSON error: '' (empty), '<html>…', 'user not registered', truncated JSON. */
  body?: string;
  contentType?: string;
  /** Answer after this delay: normally when no `status`/`body` is given, else with the fault. */
  delayMs?: number;
  /** Never answer (until the client gives up or the emulator closes). */
  hang?: boolean;
  /** Destroy the socket without an answer. */
  reset?: boolean;
}

export interface FaultApi {
  add(spec: FaultSpec): void;
  clear(): void;
  /** Faults with uses left. */
  pending(): number;
}

interface ActiveFault {
  spec: FaultSpec;
  matcher: RegExp;
  left: number;
}

/** `/v1/me/player*` → /^\/v1\/me\/player.*$/ ; an exact path without `*` matches only itself. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export class Faults implements FaultApi {
  private list: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    if (!spec || (typeof spec.path !== 'string' && !(spec.path instanceof RegExp))) {
      throw new TypeError('A fault needs a path (string glob or RegExp)');
    }
    const times = spec.times ?? 1;
    if (!(times > 0)) throw new TypeError('times must be positive');
    this.list.push({
      spec,
      matcher: typeof spec.path === 'string' ? globToRegExp(spec.path) : spec.path,
      left: times,
    });
  }

  clear(): void {
    this.list = [];
  }

  pending(): number {
    return this.list.filter((f) => f.left > 0).length;
  }

  /** The first fault matching the request, consumed by one use; undefined when none applies. */
  take(method: string, pathname: string): FaultSpec | undefined {
    const hit = this.list.find(
      (f) =>
        f.left > 0 &&
        (!f.spec.method || f.spec.method.toUpperCase() === method.toUpperCase()) &&
        testFresh(f.matcher, pathname),
    );
    if (!hit) return undefined;
    hit.left -= 1;
    this.list = this.list.filter((f) => f.left > 0);
    return hit.spec;
  }
}

/** A global or sticky RegExp keeps `lastIndex` between tests; reset it so a match never depends on history. */
function testFresh(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

/** Parses the admin API's JSON form: `path` a string glob or `{"regex": "...", "flags"?: "..."}`. */
export function faultFromJson(json: unknown): FaultSpec {
  if (!json || typeof json !== 'object') throw new TypeError('body must be a JSON FaultSpec');
  const raw = json as Record<string, unknown>;
  let path: string | RegExp;
  if (typeof raw.path === 'string') path = raw.path;
  else if (
    raw.path &&
    typeof raw.path === 'object' &&
    typeof (raw.path as { regex?: unknown }).regex === 'string'
  ) {
    const p = raw.path as { regex: string; flags?: string };
    path = new RegExp(p.regex, p.flags);
  } else throw new TypeError('path must be a string glob or {"regex": "..."}');
  const times = raw.times === null || raw.times === 'Infinity' ? Infinity : (raw.times as number | undefined);
  return { ...(raw as Partial<FaultSpec>), path, times } as FaultSpec;
}
