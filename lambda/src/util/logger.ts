/**
 * Structured JSON-lines logging (one object per line, CloudWatch-friendly). Secrets never reach a sink:
 * fields whose names look secret are dropped and bearer/basic credentials inside strings are masked.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

const SECRET_KEY = /(token|secret|authorization|password|credential|apikey|api_key|^code$)/i;
const CREDENTIAL_IN_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(CREDENTIAL_IN_TEXT, '$1 [redacted]');
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

class JsonLogger implements Logger {
  constructor(
    private readonly sink: LogSink,
    private readonly minLevel: number,
    private readonly base: LogFields,
  ) {}

  private write(level: LogLevel, event: string, fields?: LogFields): void {
    if (LEVELS[level] < this.minLevel) return;
    const record = redact({ level, event, ...this.base, ...fields });
    this.sink(JSON.stringify(record));
  }

  debug(event: string, fields?: LogFields): void {
    this.write('debug', event, fields);
  }
  info(event: string, fields?: LogFields): void {
    this.write('info', event, fields);
  }
  warn(event: string, fields?: LogFields): void {
    this.write('warn', event, fields);
  }
  error(event: string, fields?: LogFields): void {
    this.write('error', event, fields);
  }
  child(fields: LogFields): Logger {
    return new JsonLogger(this.sink, this.minLevel, { ...this.base, ...fields });
  }
}

export function createLogger(options: { sink?: LogSink; level?: LogLevel } = {}): Logger {
  // eslint-disable-next-line no-console
  const sink = options.sink ?? ((line: string) => console.log(line));
  return new JsonLogger(sink, LEVELS[options.level ?? 'info'], {});
}

export const silentLogger: Logger = createLogger({ sink: () => undefined });
