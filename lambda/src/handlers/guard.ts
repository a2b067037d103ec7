import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { intentName, requestType } from './predicates';

/** Intents that answer without Spotify, so they work before the account is linked. */
const WITHOUT_SPOTIFY = new Set([
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.FallbackIntent',
  'DeviceHelpIntent',
  'UnlinkHelpIntent',
]);

/** Whether this request would touch Spotify (launch and every intent but the built-in ones above). */
export function needsSpotify(input: HandlerInput): boolean {
  const type = requestType(input);
  if (type === 'LaunchRequest') return true;
  if (type !== 'IntentRequest') return false;
  const name = intentName(input);
  return name === undefined || !WITHOUT_SPOTIFY.has(name);
}

/**
 * The account-linking response: what to do, a LinkAccount card in the Alexa app, session ended.
 * Used by the guard (no token) and by the error handler (Spotify answered 401).
 * https://developer.amazon.com/en-US/docs/alexa/account-linking/add-account-linking-logic-custom-skill.html
 */
export function linkAccountResponse(input: HandlerInput): Response {
  const { speech } = ctx(input);
  return input.responseBuilder
    .speak(speech.say('linkAccount'))
    .withLinkAccountCard()
    .withShouldEndSession(true)
    .getResponse();
}

/** Registered first: no linked token means no handler reaches Spotify. */
export const AccountLinkingGuard: RequestHandler = {
  canHandle(input) {
    return needsSpotify(input) && !ctx(input).accessToken;
  },
  handle(input) {
    ctx(input).log.info('guard.unlinked');
    return linkAccountResponse(input);
  },
};
