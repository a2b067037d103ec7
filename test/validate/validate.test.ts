/**
 * The validator on small fixture projects: a good one passes, and each kind of breakage is caught with the
 * file, the JSON path (or line) and a rule. The real tree is checked by `npm run validate` in `npm test`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENDPOINTS as CLIENT_ENDPOINTS, requiredScopes } from '../../lambda/src/spotify/endpoints';
import {
  neededScopes,
  validateProject,
  type EndpointInfo,
  type HandlerInfo,
  type Problem,
  type ValidateOptions,
} from '../../tools/validate/validate';
import type { InteractionModel, ModelIntent, SlotType } from '../../tools/model';
import { modelFile } from '../model/fixtures';

const MODEL = 'skill-package/interactionModels/custom/en-US.json';

/** The shared model types, with the parts these fixtures always fill in required. */
type Intent = ModelIntent & { samples: string[] };
type FixtureModel = InteractionModel & {
  interactionModel: { languageModel: { intents: Intent[]; types: SlotType[] } };
};

function goodModel(): FixtureModel {
  return modelFile({
    intents: [
      { name: 'AMAZON.HelpIntent', samples: [] },
      { name: 'AMAZON.StopIntent', samples: [] },
      { name: 'AMAZON.CancelIntent', samples: [] },
      { name: 'AMAZON.NavigateHomeIntent', samples: [] },
      { name: 'AMAZON.PauseIntent', samples: [] },
      {
        name: 'PlayPlaylistIntent',
        slots: [{ name: 'playlist', type: 'AMAZON.MusicPlaylist' }],
        samples: ['play my {playlist} playlist', 'play the playlist {playlist}'],
      },
      {
        name: 'PlaySearchIntent',
        slots: [{ name: 'query', type: 'AMAZON.SearchQuery' }],
        samples: ['search for {query}', 'play something like {query}'],
      },
      {
        name: 'TransferPlaybackIntent',
        slots: [{ name: 'device', type: 'DeviceName' }],
        samples: ['move the music to the {device}', "play on mom's {device}", 'play on the t. v.'],
      },
    ],
    types: [{ name: 'DeviceName', values: [{ name: { value: 'kitchen speaker' } }] }],
  });
}

function goodManifest() {
  return {
    manifest: {
      publishingInformation: { locales: { 'en-US': { name: 'Connect Remote' } } },
      privacyAndCompliance: { locales: { 'en-US': {} } },
      apis: { custom: {} } as Record<string, unknown>,
      manifestVersion: '1.0',
    } as Record<string, unknown> & {
      apis: Record<string, unknown>;
      publishingInformation: { locales: Record<string, unknown> };
    },
  };
}

/** ask-resources.json as ask-cli v2 reads it: one API domain, skill events, the bundle's folder. */
function goodAskResources() {
  return {
    askcliResourcesVersion: '2020-03-31',
    profiles: {
      default: {
        skillMetadata: { src: './skill-package' },
        code: { default: { src: './lambda/dist' } },
        skillInfrastructure: {
          type: '@ask-cli/lambda-deployer',
          userConfig: {
            runtime: 'nodejs22.x',
            handler: 'index.handler',
            targetEndpoint: ['custom'],
            skillEvents: { subscriptions: ['SKILL_DISABLED'] },
            awsRegion: 'us-east-1',
            lambda: { memorySize: 512, timeout: 10, environmentVariables: {} },
          } as Record<string, unknown>,
        },
      },
    },
  };
}

function goodAccountLinking() {
  return {
    accountLinkingRequest: {
      type: 'AUTH_CODE',
      authorizationUrl: 'https://accounts.spotify.com/authorize',
      accessTokenUrl: 'https://accounts.spotify.com/api/token',
      accessTokenScheme: 'HTTP_BASIC',
      clientId: '',
      clientSecret: '',
      scopes: ['user-modify-playback-state', 'playlist-read-private'],
      domains: [],
      defaultTokenExpirationInSeconds: 1800,
      skipOnEnablement: false,
    },
  };
}

const HANDLERS: HandlerInfo[] = [
  { intents: ['AMAZON.HelpIntent'], requestTypes: [] },
  { intents: ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'], requestTypes: [] },
  { intents: ['AMAZON.PauseIntent'], requestTypes: [] },
  { intents: ['PlayPlaylistIntent', 'PlaySearchIntent'], requestTypes: [] },
  { intents: ['TransferPlaybackIntent'], requestTypes: [] },
  { intents: [], requestTypes: ['LaunchRequest', 'AlexaSkillEvent.SkillDisabled'] },
];

const ENDPOINTS: EndpointInfo[] = [
  { id: 'player.pause', method: 'PUT', path: '/me/player/pause', scopes: ['user-modify-playback-state'] },
  { id: 'playlists.mine', method: 'GET', path: '/me/playlists', scopes: ['playlist-read-private'] },
];

interface Fixture {
  model?: unknown;
  manifest?: unknown;
  askResources?: unknown;
  accountLinking?: unknown;
  extraFiles?: Record<string, string>;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(fixture: Fixture = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
  dirs.push(root);
  const write = (file: string, content: unknown) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(
      path.join(root, file),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  };
  write(MODEL, fixture.model ?? goodModel());
  write('skill-package/skill.json', fixture.manifest ?? goodManifest());
  write('accountLinking.json', fixture.accountLinking ?? goodAccountLinking());
  write('ask-resources.json', fixture.askResources ?? goodAskResources());
  for (const hook of ['hooks/build.sh', 'hooks/build.ps1']) write(hook, '# ask-cli build hook\n');
  for (const [file, text] of Object.entries(fixture.extraFiles ?? {})) write(file, text);
  return root;
}

function validate(root: string, options: Partial<ValidateOptions> = {}): Problem[] {
  const files = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
  return validateProject({ root, handlers: HANDLERS, endpoints: ENDPOINTS, files, ...options });
}

const rules = (problems: Problem[]) => problems.map((p) => p.rule);

test('a well-formed project has no problems', () => {
  expect(validate(project())).toEqual([]);
});

describe('a broken interaction model', () => {
  test('invalid JSON names the file', () => {
    const problems = validate(project({ model: '{"interactionModel": {' }));
    expect(problems).toEqual([expect.objectContaining({ file: MODEL, rule: 'json-invalid' })]);
  });

  test('a slot of an undefined custom type: the path to that slot', () => {
    const model = goodModel();
    model.interactionModel.languageModel.types = [];
    expect(validate(project({ model }))).toContainEqual(
      expect.objectContaining({
        file: MODEL,
        path: 'interactionModel.languageModel.intents[7].slots[0].type',
        rule: 'slot-type-missing',
        message: expect.stringContaining('DeviceName'),
      }),
    );
  });

  test('an AMAZON.SearchQuery sample without a carrier phrase', () => {
    const model = goodModel();
    model.interactionModel.languageModel.intents[6].samples.push('{query}');
    expect(validate(project({ model }))).toEqual([
      expect.objectContaining({
        path: 'interactionModel.languageModel.intents[6].samples[2]',
        rule: 'search-query-carrier',
      }),
    ]);
  });

  test('two intents sharing a sample utterance (case and spacing ignored)', () => {
    const model = goodModel();
    model.interactionModel.languageModel.intents[7].samples.push('Play  my {playlist} playlist');
    model.interactionModel.languageModel.intents[7].slots!.push({
      name: 'playlist',
      type: 'AMAZON.MusicPlaylist',
    });
    const problems = validate(project({ model }));
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'interactionModel.languageModel.intents[7].samples[3]',
        rule: 'duplicate-sample',
        message: expect.stringMatching(/PlayPlaylistIntent and TransferPlaybackIntent/),
      }),
    ]);
  });

  test('characters Alexa rejects, digits, and a slot the intent does not declare', () => {
    const model = goodModel();
    model.interactionModel.languageModel.intents[5].samples = [
      'play {playlist}, please!',
      'play track 5',
      'play {song}',
      'play {playlist',
    ];
    const problems = validate(project({ model }));
    expect(rules(problems)).toEqual([
      'sample-characters',
      'sample-characters',
      'sample-slot-undeclared',
      'sample-braces',
    ]);
    expect(problems[1].message).toMatch(/spell numbers out/);
  });

  test('an invocation name with capitals or digits; a missing required built-in intent', () => {
    const model = goodModel();
    model.interactionModel.languageModel.invocationName = 'Connect Remote 2';
    model.interactionModel.languageModel.intents.splice(3, 1);
    expect(rules(validate(project({ model })))).toEqual(
      expect.arrayContaining(['invocation-name', 'built-in-missing']),
    );
  });

  test('manifest locales must match the model files', () => {
    const manifest = goodManifest();
    (manifest.manifest.publishingInformation.locales as Record<string, unknown>)['de-DE'] = {
      name: 'Fernbedienung',
    };
    expect(validate(project({ manifest }))).toEqual([
      expect.objectContaining({
        file: 'skill-package/skill.json',
        path: 'manifest.publishingInformation.locales.de-DE',
        rule: 'locale-mismatch',
      }),
    ]);
  });
});

describe('handlers against the model', () => {
  test('an intent in the model without a handler', () => {
    const handlers = HANDLERS.filter((h) => !h.intents.includes('TransferPlaybackIntent'));
    expect(validate(project(), { handlers })).toEqual([
      expect.objectContaining({
        file: MODEL,
        rule: 'intent-unhandled',
        message: 'intent TransferPlaybackIntent has no handler',
      }),
    ]);
  });

  test("a handler's intent that the model lacks", () => {
    const handlers = [...HANDLERS, { intents: ['ShuffleIntent'], requestTypes: [] }];
    expect(validate(project(), { handlers })).toEqual([
      expect.objectContaining({
        rule: 'handler-intent-missing',
        message: expect.stringContaining('ShuffleIntent'),
      }),
    ]);
  });

  test('a skill-event handler needs its skillEvents subscription, and a subscription needs a handler', () => {
    const askResources = goodAskResources();
    askResources.profiles.default.skillInfrastructure.userConfig.skillEvents = {
      subscriptions: ['SKILL_ENABLED'],
    };
    const at = 'profiles.default.skillInfrastructure.userConfig.skillEvents.subscriptions';
    expect(validate(project({ askResources }))).toEqual([
      expect.objectContaining({
        file: 'ask-resources.json',
        path: at,
        rule: 'event-not-handled',
        message: expect.stringContaining('SKILL_ENABLED'),
      }),
      expect.objectContaining({
        path: at,
        rule: 'event-not-subscribed',
        message: expect.stringContaining('SKILL_DISABLED'),
      }),
    ]);
  });
});

describe('account linking and scopes', () => {
  test('an endpoint whose scope is not requested: missing scope, naming the endpoint', () => {
    const endpoints = [
      ...ENDPOINTS,
      { id: 'library.save', method: 'PUT', path: '/me/library', scopes: ['user-library-modify'] },
    ];
    expect(validate(project(), { endpoints })).toEqual([
      expect.objectContaining({
        file: 'accountLinking.json',
        path: 'accountLinkingRequest.scopes',
        rule: 'scope-missing',
        message: expect.stringContaining('user-library-modify is missing; needed by library.save'),
      }),
    ]);
  });

  test('a scope no endpoint needs', () => {
    const al = goodAccountLinking();
    al.accountLinkingRequest.scopes.push('user-read-email');
    expect(validate(project({ accountLinking: al }))).toEqual([
      expect.objectContaining({ path: 'accountLinkingRequest.scopes[2]', rule: 'scope-unused' }),
    ]);
  });

  test('required fields, https URLs, the wrapper object', () => {
    const al = goodAccountLinking();
    const body = al.accountLinkingRequest as Record<string, unknown>;
    body.accessTokenUrl = 'http://accounts.spotify.com/api/token';
    delete body.clientSecret;
    body.type = 'IMPLICIT';
    expect(rules(validate(project({ accountLinking: al })))).toEqual([
      'account-linking-field',
      'account-linking-url',
      'account-linking-field',
    ]);
    expect(rules(validate(project({ accountLinking: al.accountLinkingRequest })))).toEqual([
      'account-linking-shape',
    ]);
  });
});

describe('secrets', () => {
  // Built at run time so this source file itself holds nothing secret-looking.
  const hex32 = 'a1b2c3d4e5f6'.repeat(3).slice(0, 32);
  const awsKey = 'AKIA' + 'Q3EXAMPLE7FAKE00';

  test('a committed secret in a tracked file is caught with its file and line (git ls-files)', () => {
    const root = project({ extraFiles: { 'notes/setup.md': `# setup\n\nSPOTIFY_CLIENT_SECRET=${hex32}\n` } });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '.'], { cwd: root });
    const problems = validateProject({ root, handlers: HANDLERS, endpoints: ENDPOINTS });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'notes/setup.md', path: 'line 3', rule: 'secret-client-secret' }),
    ]);
    // The message never repeats the secret itself.
    expect(problems[0].message).not.toContain(hex32);
  });

  test('a clientSecret filled into accountLinking.json', () => {
    const al = goodAccountLinking();
    al.accountLinkingRequest.clientSecret = hex32;
    const problems = validate(project({ accountLinking: al }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'accountLinkingRequest.clientSecret', rule: 'secret' }),
        expect.objectContaining({ file: 'accountLinking.json', rule: 'secret-client-secret' }),
      ]),
    );
  });

  test('AWS keys and private keys; package-lock.json is skipped', () => {
    const pem = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');
    const root = project({
      extraFiles: {
        'deploy/env.sh': `export AWS_ACCESS_KEY_ID=${awsKey}\n`,
        'certs/key.pem': `${pem}\nMIIB\n`,
        'package-lock.json': `{"integrity": "${awsKey}"}`,
      },
    });
    expect(validate(root).map((p) => `${p.file} ${p.rule}`)).toEqual([
      'certs/key.pem secret-private-key',
      'deploy/env.sh secret-aws-key',
    ]);
  });

  test('an obviously fake fixture passes only through the allowlist, and only with a reason', () => {
    const root = project({ extraFiles: { 'test/fixtures/creds.txt': `key=${awsKey}\n` } });
    const allow = { file: 'test/fixtures/creds.txt', match: awsKey };
    expect(
      validate(root, { secretAllowlist: [{ ...allow, reason: 'the AWS documentation example key' }] }),
    ).toEqual([]);
    expect(rules(validate(root, { secretAllowlist: [{ ...allow, reason: '' }] }))).toEqual([
      'allowlist-entry',
      'secret-aws-key',
    ]);
    // The allowlist file under tools/validate/ is read by default.
    fs.mkdirSync(path.join(root, 'tools/validate'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'tools/validate/secret-allowlist.json'),
      JSON.stringify([{ ...allow, reason: 'the AWS documentation example key' }]),
    );
    expect(validate(root)).toEqual([]);
  });
});

describe("Amazon's schema (ask-smapi-model) and what ask deploy does with ask-resources.json", () => {
  const AT = 'profiles.default.skillInfrastructure.userConfig';

  test("the events setup this project had: a manifest.events without endpoint and 'events' as a target endpoint", () => {
    const manifest = goodManifest();
    manifest.manifest.events = { subscriptions: [{ eventName: 'SKILL_DISABLED' }] };
    const askResources = goodAskResources();
    askResources.profiles.default.skillInfrastructure.userConfig.targetEndpoint = ['custom', 'events'];
    const problems = validate(project({ manifest, askResources }));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'skill-package/skill.json',
        path: 'manifest.events.endpoint',
        rule: 'smapi-schema',
        message: expect.stringContaining('v1.skill.Manifest.SkillManifestEnvelope'),
      }),
      expect.objectContaining({
        file: 'skill-package/skill.json',
        path: 'manifest.events',
        rule: 'manifest-events',
      }),
      expect.objectContaining({
        file: 'ask-resources.json',
        path: `${AT}.targetEndpoint[1]`,
        rule: 'target-endpoint',
        message: expect.stringMatching(/"events" is not an API domain .*custom.*music.*skillEvents instead/),
      }),
    ]);
  });

  test('the manifest as ask-cli rewrites it after creating the Lambda is checked too: an unknown skill event', () => {
    const askResources = goodAskResources();
    askResources.profiles.default.skillInfrastructure.userConfig.skillEvents = {
      subscriptions: ['SKILL_DISABLED', 'SKILL_VANISHED'],
    };
    const problems = validate(project({ askResources }));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'ask-resources.json',
        path: `${AT}.skillEvents.subscriptions[1]`,
        rule: 'skill-event',
      }),
      expect.objectContaining({
        file: 'skill-package/skill.json',
        path: 'manifest.events.subscriptions[1].eventName',
        rule: 'smapi-schema-deployed',
        message: expect.stringMatching(
          /^after ask deploy \(default\) writes the Lambda endpoint: must be one of/,
        ),
      }),
    ]);
  });

  test('account linking outside Amazon’s enum, and a model with a slot value of the wrong type', () => {
    const accountLinking = goodAccountLinking();
    (accountLinking.accountLinkingRequest as Record<string, unknown>).accessTokenScheme = 'BEARER';
    const model = goodModel();
    (model.interactionModel.languageModel.types[0].values[0].name as Record<string, unknown>).value = 42;
    const problems = validate(project({ accountLinking, model })).filter((p) => p.rule === 'smapi-schema');
    expect(problems).toEqual([
      expect.objectContaining({
        file: MODEL,
        path: 'interactionModel.languageModel.types[0].values[0].name.value',
      }),
      expect.objectContaining({
        file: 'accountLinking.json',
        path: 'accountLinkingRequest.accessTokenScheme',
        message: expect.stringMatching(/must be one of "HTTP_BASIC", "REQUEST_BODY_CREDENTIALS"/),
      }),
    ]);
  });

  test('slot values without synonyms pass, as in Amazon’s own samples', () => {
    const model = goodModel();
    expect(model.interactionModel.languageModel.types[0].values[0]).not.toHaveProperty('name.synonyms');
    expect(validate(project({ model }))).toEqual([]);
  });

  test('a sample that is an utterance Amazon documents for a built-in intent the model uses', () => {
    const model = goodModel();
    const intents = model.interactionModel.languageModel.intents;
    intents.push({ name: 'MoreIntent', samples: ['tell me more', 'Keep going'] });
    const handlers = [...HANDLERS, { intents: ['MoreIntent', 'AMAZON.ResumeIntent'], requestTypes: [] }];
    // Without AMAZON.ResumeIntent in the model, "keep going" is nobody else's.
    expect(
      validate(project({ model }), {
        handlers: [...HANDLERS, { intents: ['MoreIntent'], requestTypes: [] }],
      }),
    ).toEqual([]);
    intents.push({ name: 'AMAZON.ResumeIntent', samples: [] });
    expect(validate(project({ model }), { handlers })).toEqual([
      expect.objectContaining({
        file: MODEL,
        path: `interactionModel.languageModel.intents[${intents.length - 2}].samples[1]`,
        rule: 'built-in-utterance',
        message: expect.stringContaining(
          '"Keep going" is an utterance Amazon documents for AMAZON.ResumeIntent',
        ),
      }),
    ]);
  });

  test('a slot-elicitation sample that is only an AMAZON.SearchQuery slot', () => {
    const model = goodModel();
    const slot = model.interactionModel.languageModel.intents[6].slots![0] as { samples?: string[] };
    slot.samples = ['search for {query}', '{query}'];
    expect(validate(project({ model }))).toEqual([
      expect.objectContaining({
        path: 'interactionModel.languageModel.intents[6].slots[0].samples[1]',
        rule: 'search-query-carrier',
      }),
    ]);
  });

  test('the code ask-cli zips, the handler, the region, and the build hook', () => {
    const askResources = goodAskResources();
    const profile = askResources.profiles.default;
    profile.code.default.src = './lambda';
    Object.assign(profile.skillInfrastructure.userConfig, {
      handler: 'dist/index.handler',
      awsRegion: 'eu-central-1',
    });
    const root = project({ askResources });
    fs.rmSync(path.join(root, 'hooks/build.sh'));
    expect(validate(root).map((p) => [p.file, p.path, p.rule])).toEqual([
      ['ask-resources.json', `${AT}.awsRegion`, 'aws-region'],
      ['ask-resources.json', `${AT}.handler`, 'code-src'],
      ['ask-resources.json', 'profiles.default.code.default.src', 'code-src'],
      ['hooks/build.sh', '(file)', 'build-hook'],
    ]);
  });
});

describe('scopes', () => {
  test("the validator's scopes for the real endpoint table are requiredScopes(), the one derivation", () => {
    // neededScopes also names the endpoints behind each scope (for its messages); its scopes must not drift
    // from what the emulator grants and accountLinking.json asks for.
    expect([...neededScopes(CLIENT_ENDPOINTS).keys()].sort()).toEqual(requiredScopes());
  });
});
