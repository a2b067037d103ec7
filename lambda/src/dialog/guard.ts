import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { showScreen } from '../screens/request';
import type { SkillRequestHandler } from './define';
import { intentName, requestType } from './predicates';

/**
 * Whether a request would touch Spotify, from the handlers' own `needsSpotify` flags: an intent needs it
 * unless the handler that answers it says otherwise (an intent no handler declares is guarded too), a request
 * type only when its handler says so (LaunchRequest).
 */
export function spotifyNeeds(handlers: readonly SkillRequestHandler[]): (input: HandlerInput) => boolean {
  const intentsWithout = new Set(handlers.filter((h) => !h.needsSpotify).flatMap((h) => h.intents));
  const typesWith = new Set(handlers.filter((h) => h.needsSpotify).flatMap((h) => h.requestTypes));
  return (input) => {
    const type = requestType(input);
    if (type !== 'IntentRequest') return type !== undefined && typesWith.has(type);
    const name = intentName(input);
    return name === undefined || !intentsWithout.has(name);
  };
}

/**
 * The account-linking response: what to do, a LinkAccount card in the Alexa app, session ended.
 * Used by the guard (no token) and by the error handler (Spotify answered 401).
 * https://developer.amazon.com/en-US/docs/alexa/account-linking/add-account-linking-logic-custom-skill.html
 */
export function linkAccountResponse(input: HandlerInput): Response {
  const { speech } = ctx(input);
  showScreen(input, { kind: 'link' });
  return input.responseBuilder
    .speak(speech.say('linkAccount'))
    .withLinkAccountCard()
    .withShouldEndSession(true)
    .getResponse();
}

/** Registered first, in front of `handlers`: no linked token means no handler reaches Spotify. */
export function accountLinkingGuard(handlers: readonly SkillRequestHandler[]): RequestHandler {
  const needsSpotify = spotifyNeeds(handlers);
  return {
    canHandle(input) {
      return needsSpotify(input) && !ctx(input).accessToken;
    },
    handle(input) {
      ctx(input).log.info('guard.unlinked');
      return linkAccountResponse(input);
    },
  };
}
