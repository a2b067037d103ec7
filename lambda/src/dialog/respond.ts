import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { showScreen, type ScreenRequest } from '../screens/request';
import { plainText } from '../speech/ssml';
import type { Image } from '../spotify/types';

export interface Card {
  title: string;
  text: string;
  images?: Image[] | null;
}

/** Card images must be HTTPS and at most 2000 characters; Spotify lists the largest image first. */
function cardImages(images: Image[] | null | undefined): { small?: string; large?: string } {
  const ok = (images ?? []).filter((i): i is Image =>
    Boolean(i && typeof i.url === 'string' && i.url.startsWith('https://') && i.url.length <= 2000),
  );
  if (ok.length === 0) return {};
  const bySize = [...ok].sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  return { large: bySize[0].url, small: bySize[bySize.length - 1].url };
}

function withCard(input: HandlerInput, card: Card | undefined): void {
  if (!card) return;
  const { small, large } = cardImages(card.images);
  input.responseBuilder.withStandardCard(plainText(card.title, 200), plainText(card.text), small, large);
}

/**
 * Says something and ends the session. `screen`: what a device with a screen shows with it (screens/render.ts
 * adds it only there).
 */
export function tell(input: HandlerInput, ssml: string, card?: Card, screen?: ScreenRequest): Response {
  withCard(input, card);
  if (screen) showScreen(input, screen);
  return input.responseBuilder.speak(ssml).withShouldEndSession(true).getResponse();
}

/** Says something and keeps the session open for the answer. */
export function ask(
  input: HandlerInput,
  ssml: string,
  reprompt: string,
  card?: Card,
  screen?: ScreenRequest,
): Response {
  withCard(input, card);
  if (screen) showScreen(input, screen);
  return input.responseBuilder.speak(ssml).reprompt(reprompt).withShouldEndSession(false).getResponse();
}
