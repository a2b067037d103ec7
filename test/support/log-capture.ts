/**
 * Runs in every test file (jest `setupFilesAfterEnv`). Everything the code under test logs is captured,
 * through the skill's logger sink (`captureSink`) and through console.*, and after each file it is scanned:
 * no access token, refresh token, client secret or Authorization value may appear.
 */
const lines: string[] = [];
const secrets = new Set<string>();

/** A log sink for the skill's logger that records what it writes. */
export const captureSink = (line: string): void => {
  lines.push(line);
};

/** Registers a value that must never be logged (tokens the tests issue, client secrets). */
export function registerSecret(value: string): void {
  if (value.length >= 6) secrets.add(value);
}

export function capturedLogs(): readonly string[] {
  return lines;
}

/** Lines that leak a secret; used by the afterAll check below and by tests of the check. */
export function findLeaks(logLines: readonly string[], known: Iterable<string> = secrets): string[] {
  const list = [...known];
  return logLines.filter(
    (line) =>
      list.some((s) => line.includes(s)) ||
      /(Bearer|Basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{6,}/i.test(line),
  );
}

const original = {
  log: console.log,
  info: console.info,
  warn: console.warn,
  error: console.error,
  debug: console.debug,
};
for (const level of Object.keys(original) as Array<keyof typeof original>) {
  console[level] = (...args: unknown[]) => {
    lines.push(args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' '));
    if (process.env.SHOW_LOGS) original[level](...args);
  };
}

function safeStringify(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

afterAll(() => {
  const leaks = findLeaks(lines);
  if (leaks.length > 0) {
    throw new Error(`A secret reached the logs:\n${leaks.slice(0, 3).join('\n')}`);
  }
});
