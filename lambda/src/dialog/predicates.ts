import type { HandlerInput } from 'ask-sdk-core';

/** Request type, or undefined for a malformed envelope. */
export function requestType(input: HandlerInput): string | undefined {
  const type = (input.requestEnvelope?.request as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

/** Intent name, or undefined when the request is not an IntentRequest. */
export function intentName(input: HandlerInput): string | undefined {
  if (requestType(input) !== 'IntentRequest') return undefined;
  const name = (input.requestEnvelope.request as { intent?: { name?: unknown } }).intent?.name;
  return typeof name === 'string' ? name : undefined;
}

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  const name = intentName(input);
  return name !== undefined && names.includes(name);
}

export function isType(input: HandlerInput, ...types: string[]): boolean {
  const type = requestType(input);
  return type !== undefined && types.includes(type);
}
