import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REQUEST_HANDLERS } from '../../lambda/src/skill';
import { ROOT } from '../../tools/build';
import { readModel, REQUIRED_BUILT_IN_INTENTS } from '../../tools/model';
import { KNOWN_SCOPES as SPOTIFY_SCOPES } from '../../tools/spotify-emulator';
import { loadSpec } from '../emulator/openapi';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('accountLinking.json', () => {
  const { accountLinkingRequest: al } = read('accountLinking.json');

  test('is the AUTH_CODE template for Spotify with HTTP Basic client auth', () => {
    expect(al).toMatchObject({
      type: 'AUTH_CODE',
      authorizationUrl: 'https://accounts.spotify.com/authorize',
      accessTokenUrl: 'https://accounts.spotify.com/api/token',
      accessTokenScheme: 'HTTP_BASIC',
      defaultTokenExpirationInSeconds: 1800,
      skipOnEnablement: false,
    });
  });

  test('asks only for known Spotify scopes, each once, at most 15', () => {
    expect(al.scopes.length).toBeGreaterThan(0);
    expect(al.scopes.length).toBeLessThanOrEqual(15);
    expect(new Set(al.scopes).size).toBe(al.scopes.length);
    for (const scope of al.scopes) expect(SPOTIFY_SCOPES).toContain(scope);
  });

  test("the list of Spotify's scopes holds every scope the OpenAPI description requires somewhere", () => {
    const documented = new Set(loadSpec().operations.flatMap((o) => o.scopes));
    expect(documented.size).toBeGreaterThan(10);
    for (const scope of documented) expect(SPOTIFY_SCOPES).toContain(scope);
  });

  test('commits no client id or secret', () => {
    expect(al.clientId).toBe('');
    expect(al.clientSecret).toBe('');
  });

  test('lives beside ask-resources.json, not in skill-package/ (the Skill Package API ignores it)', () => {
    expect(fs.existsSync(path.join(ROOT, 'skill-package/accountLinking.json'))).toBe(false);
  });
});

describe('ask-cli v2 project', () => {
  test('ask-resources.json points at skill-package and the folder that holds only the lambda bundle', () => {
    const profile = read('ask-resources.json').profiles.default;
    expect(profile.skillMetadata.src).toBe('./skill-package');
    expect(profile.code.default.src).toBe('./lambda/dist');
    expect(profile.skillInfrastructure.type).toBe('@ask-cli/lambda-deployer');
    const { runtime, handler, lambda, targetEndpoint, skillEvents } = profile.skillInfrastructure.userConfig;
    expect([runtime, handler]).toEqual(['nodejs22.x', 'index.handler']);
    expect(targetEndpoint).toEqual(['custom']);
    expect(skillEvents.subscriptions).toContain('SKILL_DISABLED');
    // Spotify gets 6 s of budget; the Lambda must outlive it, and Alexa waits about 8 s.
    expect(lambda.timeout).toBeGreaterThanOrEqual(8);
    // --enable-source-maps makes Node read and parse the 400 KB source map at every cold start (about
    // 10 ms here, doubling the bundle's load time), and the logs carry error names and messages, no stacks.
    expect(JSON.stringify(lambda.environmentVariables ?? {})).not.toContain('enable-source-maps');
  });

  test('ask deploy builds through hooks/build.sh (executable), and lambda/ has no package.json', () => {
    expect(fs.statSync(path.join(ROOT, 'hooks/build.sh')).mode & 0o111).not.toBe(0);
    expect(
      execFileSync('git', ['ls-files', '-s', 'hooks/build.sh'], { cwd: ROOT, encoding: 'utf8' }),
    ).toMatch(/^100755 /);
    expect(fs.existsSync(path.join(ROOT, 'lambda/package.json'))).toBe(false);
  });

  test('every manifest locale has an interaction model with the built-in intents', () => {
    const locales = Object.keys(read('skill-package/skill.json').manifest.publishingInformation.locales);
    // The built-ins Alexa requires, and every built-in a handler answers (help, stop, cancel, fallback, home,
    // pause, resume and the other playback ones): derived, so a new built-in handler is checked here too.
    const builtIns = new Set([
      ...REQUIRED_BUILT_IN_INTENTS,
      ...REQUEST_HANDLERS.flatMap((h) => h.intents).filter((i) => i.startsWith('AMAZON.')),
    ]);
    for (const builtIn of ['Help', 'Stop', 'Cancel', 'Fallback', 'NavigateHome', 'Pause', 'Resume'])
      expect(builtIns).toContain(`AMAZON.${builtIn}Intent`);
    for (const locale of locales) {
      const model = readModel(locale).interactionModel.languageModel;
      expect(model.invocationName).toBe('connect remote');
      const names = model.intents.map((i) => i.name);
      for (const builtIn of builtIns) expect(names).toContain(builtIn);
    }
  });

  test('git ignores build output, deploy state and local secrets', () => {
    const ignored = execFileSync(
      'git',
      [
        'check-ignore',
        'lambda/dist/index.js',
        'lambda/maps/index.js.map',
        '.ask/ask-states.json',
        '.env',
        'node_modules/x',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(ignored.trim().split('\n')).toHaveLength(5);
  });
});
