/**
 * Intents every custom skill must include: Alexa's build rejects a model without them, and they are the
 * ones a person can say at any moment, so they interrupt any dialog (the console's resolver lets them).
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/standard-built-in-intents.html
 */
export const REQUIRED_BUILT_IN_INTENTS: readonly string[] = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
];
