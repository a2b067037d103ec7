/**
 * What ask-cli v2 (2.30.7) does to the skill manifest during `ask deploy`, reproduced so the validator can
 * check the manifest Amazon actually receives the second time, after the Lambda exists.
 *
 * `SkillInfrastructureController.updateSkillManifestWithDeployResult` (lib/controllers/
 * skill-infrastructure-controller/index.js): for every domain in `userConfig.targetEndpoint` (or, when that
 * is empty, every key of `manifest.apis`) it sets `manifest.apis.<domain>.endpoint` to the Lambda; when
 * `userConfig.skillEvents` is set, it sets `manifest.events.endpoint` to the Lambda and
 * `manifest.events.subscriptions` / `publications` from its lists; then it uploads the manifest again.
 */

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A Lambda endpoint as the lambda-deployer reports it (its `endpoint: { uri: arn }`). */
export const EXAMPLE_LAMBDA_ENDPOINT = {
  uri: 'arn:aws:lambda:us-east-1:123456789012:function:ask-connect-remote-default-default-1700000000000',
};

export const LAMBDA_DEPLOYER = '@ask-cli/lambda-deployer';

/** ask-cli release that added `userConfig.skillEvents` (2.28.0); the README asks for 2.30 or later. */
export const MIN_ASK_CLI_VERSION = '2.30.0';

/**
 * AWS regions whose Lambda functions Alexa can call: the Alexa Skills Kit trigger exists only in these.
 * Alexa recommends us-east-1 for North America, eu-west-1 for Europe and India, us-west-2 for the Far East
 * (Japan, Australia): the region of the Alexa endpoint that serves those locales.
 */
export const ALEXA_LAMBDA_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-northeast-1'];

/** The part of ask-resources.json the lambda-deployer reads, for one profile. */
export interface DeployerConfig {
  profile: string;
  /** JSON path of userConfig in ask-resources.json, for messages. */
  at: string;
  userConfig: Obj;
}

/** Every profile of ask-resources.json deployed with @ask-cli/lambda-deployer. */
export function deployerConfigs(resources: Json): DeployerConfig[] {
  const profiles = isObj(resources) && isObj(resources.profiles) ? resources.profiles : {};
  return Object.entries(profiles).flatMap(([profile, p]) => {
    const infra = isObj(p) ? p.skillInfrastructure : undefined;
    if (!isObj(infra) || infra.type !== LAMBDA_DEPLOYER || !isObj(infra.userConfig)) return [];
    return [
      { profile, at: `profiles.${profile}.skillInfrastructure.userConfig`, userConfig: infra.userConfig },
    ];
  });
}

const strings = (v: Json): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** `userConfig.skillEvents.subscriptions`, or undefined when there is no skillEvents. */
export function skillEventSubscriptions(userConfig: Obj): string[] | undefined {
  return isObj(userConfig.skillEvents) ? strings(userConfig.skillEvents.subscriptions) : undefined;
}

/** The manifest as ask-cli rewrites it once the Lambda exists (a new object; the input is not changed). */
export function manifestAfterDeploy(
  manifest: Json,
  userConfig: Obj,
  endpoint = EXAMPLE_LAMBDA_ENDPOINT,
): Json {
  const copy = structuredClone(manifest) as Obj;
  if (!isObj(copy.manifest)) return copy;
  const m = copy.manifest;
  const targets = strings(userConfig.targetEndpoint);
  const domains = targets.length > 0 ? targets : isObj(m.apis) ? Object.keys(m.apis) : [];
  for (const domain of domains) {
    if (!isObj(m.apis)) m.apis = {};
    const apis = m.apis as Obj;
    if (!isObj(apis[domain])) apis[domain] = {};
    (apis[domain] as Obj).endpoint = { ...endpoint };
  }
  const events = userConfig.skillEvents;
  if (isObj(events)) {
    if (!isObj(m.events)) m.events = {};
    const e = m.events as Obj;
    e.endpoint = { ...endpoint };
    if (Array.isArray(events.publications))
      e.publications = strings(events.publications).map((eventName) => ({ eventName }));
    if (Array.isArray(events.subscriptions))
      e.subscriptions = strings(events.subscriptions).map((eventName) => ({ eventName }));
  }
  return copy;
}
