import type { HandlerInput } from 'ask-sdk-core';

/**
 * Conversation state kept in the Alexa session (the pending "which one?" question, the list offset). A
 * request without a session is one-shot: it reads as empty and keeps nothing, where ask-sdk would throw.
 */
export function inSession(input: HandlerInput): boolean {
  return Boolean(input.requestEnvelope.session);
}

export function readSession(input: HandlerInput, key: string): unknown {
  return inSession(input) ? input.attributesManager.getSessionAttributes()[key] : undefined;
}

/**
 * Keeps `value` under `key` for the next turn (undefined deletes it). Returns whether it was kept: false for a
 * one-shot request, which has no session to keep it in.
 */
export function writeSession(input: HandlerInput, key: string, value: unknown): boolean {
  if (!inSession(input)) return false;
  const attributes = input.attributesManager.getSessionAttributes();
  if (value === undefined) delete attributes[key];
  else attributes[key] = value;
  input.attributesManager.setSessionAttributes(attributes);
  return true;
}
