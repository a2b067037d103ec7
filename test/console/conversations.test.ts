/**
 * Every scripted conversation under test/console/conversations, run in-process through the console engine
 * (the same code `npm start -- --script` runs) against the emulator over real HTTP.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConsoleApp } from '../../tools/console/app';
import { style } from '../../tools/console/render';
import { runScript, type ScriptResult } from '../../tools/console/runner';
import { captureSink, registerSecret } from '../support/log-capture';

const DIR = path.join(__dirname, 'conversations');
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

async function run(script: string): Promise<{ result: ScriptResult; output: string[]; app: ConsoleApp }> {
  const output: string[] = [];
  const app = await ConsoleApp.start({ say: (l) => output.push(l), logSink: captureSink });
  const tokens = app.linker.current;
  if (tokens) {
    registerSecret(tokens.accessToken);
    if (tokens.refreshToken) registerSecret(tokens.refreshToken);
  }
  try {
    const result = await runScript(app, script, (l) => output.push(l), style(false));
    // Tokens obtained by a refresh during the script must not leak either.
    const after = app.linker.current;
    if (after) registerSecret(after.accessToken);
    return { result, output, app };
  } finally {
    await app.close();
  }
}

describe('scripted conversations (test/console/conversations/*.txt)', () => {
  test('there are conversations for launch, playback, unlinked use, expiry, faults, playlists and devices', () => {
    expect(FILES).toEqual(
      expect.arrayContaining([
        'launch.txt',
        'pause-resume.txt',
        'unlinked.txt',
        'expired-token.txt',
        'premium-fault.txt',
        'playlists.txt',
        'devices.txt',
      ]),
    );
  });

  test.each(FILES)('%s: every expectation holds', async (file) => {
    const { result, output } = await run(fs.readFileSync(path.join(DIR, file), 'utf8'));
    if (result.mismatches.length > 0 || result.failedCommands.length > 0) {
      throw new Error(`${file}:\n${output.join('\n')}`);
    }
    expect(result.turns).toBeGreaterThan(0);
    expect(result.expectations).toBeGreaterThanOrEqual(result.turns);
  });
});

describe('the script runner fails when the conversation does', () => {
  test('U: pause / A: (wrong text): a mismatch with line, expected and actual; the run goes on', async () => {
    const { result, output } = await run(
      [
        'U: play my workout mix',
        'U: pause',
        'A: Played.',
        'Calls: GET /nowhere 200',
        'U: resume',
        'A: Resuming.',
      ].join('\n'),
    );
    expect(result.mismatches).toEqual([
      { line: 3, key: 'A', expected: 'Played.', actual: 'Paused.' },
      { line: 4, key: 'Calls', expected: 'GET /nowhere 200', actual: 'PUT /v1/me/player/pause 204' },
    ]);
    expect(result.turns).toBe(3);
    expect(output).toContain('✗ line 3: expected A: Played.');
  });

  test('a command that fails (bad :fault usage, unknown command) fails the script', async () => {
    const { result } = await run(':fault PUT\n:nonsense\nU: help');
    expect(result.failedCommands.map((c) => c.line)).toEqual([1, 2]);
  });

  test('an expectation before any turn compares against nothing, so it fails', async () => {
    const { result } = await run('A: Paused.');
    expect(result.mismatches).toHaveLength(1);
  });
});
