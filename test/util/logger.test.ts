import { createLogger, redact } from '../../lambda/src/util/logger';
import { findLeaks } from '../support/log-capture';

describe('logger', () => {
  test('writes one JSON object per line with the base fields', () => {
    const lines: string[] = [];
    createLogger({ sink: (l) => lines.push(l) })
      .child({ requestId: 'r1' })
      .info('spotify.call', { status: 204 });
    expect(JSON.parse(lines[0])).toEqual({
      level: 'info',
      event: 'spotify.call',
      requestId: 'r1',
      status: 204,
    });
  });

  test('drops secret-looking fields and masks credentials inside text', () => {
    expect(
      redact({
        accessToken: 'abc',
        headers: { Authorization: 'Bearer abc' },
        refresh_token: 'r',
        client_secret: 's',
        note: 'sent Bearer eyJhbGciOi.xyz and Basic Y2xpZW50OnNlY3JldA==',
      }),
    ).toEqual({
      accessToken: '[redacted]',
      headers: { Authorization: '[redacted]' },
      refresh_token: '[redacted]',
      client_secret: '[redacted]',
      note: 'sent Bearer [redacted] and Basic [redacted]',
    });
  });

  test('respects the level', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l), level: 'warn' });
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['loud']);
  });
});

describe('the log-leak check used after every test file', () => {
  test('finds a registered secret and an unredacted credential, and passes clean lines', () => {
    expect(findLeaks(['{"token":"[redacted]"}', 'ok'], ['emu-at-1-secretvalue'])).toEqual([]);
    expect(findLeaks(['x emu-at-1-secretvalue y'], ['emu-at-1-secretvalue'])).toHaveLength(1);
    expect(findLeaks(['Authorization: Bearer abcdef123'], [])).toHaveLength(1);
    expect(findLeaks(['Authorization: Bearer [redacted]'], [])).toHaveLength(0);
  });
});
