import type { HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { chooseData, devicesData, linkData, nowPlayingData, playlistsData } from './data';
import { DOCUMENTS, type DocumentName } from './documents';
import { requestedScreen, type ScreenRequest } from './request';
import { aplOf, lookFor, type Look } from './viewport';
import { en } from '../lang/en';
import type { ScreenWords } from './words';

let englishRules: Intl.PluralRules | undefined;
const englishPlural = (count: number) => (englishRules ??= new Intl.PluralRules(en.locale)).select(count);

/** The token of every document the skill sends; a UserEvent from another token is not ours (handlers/touch.ts). */
export const TOKEN_PREFIX = 'connectRemote.';

/** Reading the player for the screen is skipped when less than this is left of the request's budget. */
const MIN_BUDGET_FOR_READ_MS = 1500;

export interface RenderDocument {
  type: 'Alexa.Presentation.APL.RenderDocument';
  token: string;
  document: Record<string, unknown>;
  datasources: { payload: unknown };
}

/**
 * The directive for `screen` on a screen fitted by `look`, in the words of a language pack (English unless
 * told) and its plural rule. Pure: tests and the validator call it directly.
 */
export function renderDocument(
  screen: ScreenRequest,
  look: Look,
  words: ScreenWords = en.screens,
  plural: (count: number) => Intl.LDMLPluralRule = englishPlural,
): RenderDocument {
  const [name, payload]: [DocumentName, unknown] =
    screen.kind === 'nowPlaying'
      ? ['nowPlaying', nowPlayingData(words, look, screen.state)]
      : screen.kind === 'playlists'
        ? ['list', playlistsData(words, look, screen.playlists, plural)]
        : screen.kind === 'devices'
          ? ['list', devicesData(words, look, screen.devices)]
          : screen.kind === 'choose'
            ? ['list', chooseData(words, look, screen.options)]
            : ['message', linkData(words, look)];
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: `${TOKEN_PREFIX}${screen.kind}`,
    document: DOCUMENTS[name],
    datasources: { payload },
  };
}

/** The now-playing screen reads the player after the handler acted (one GET), so it shows the result. */
async function withState(input: HandlerInput, screen: ScreenRequest): Promise<ScreenRequest | undefined> {
  if (screen.kind !== 'nowPlaying' || screen.state !== undefined) return screen;
  const { accessToken, deadline, spotify, log } = ctx(input);
  if (!accessToken || deadline.remainingMs() < MIN_BUDGET_FOR_READ_MS) return undefined;
  try {
    return { kind: 'nowPlaying', state: await spotify().player.getPlaybackState() };
  } catch (error) {
    // The answer is already decided; a screen that cannot be read is left out, never an error.
    log.warn('screen.skipped', { error });
    return undefined;
  }
}

/**
 * Adds the screen a handler asked for, only when the device lists `Alexa.Presentation.APL`: every other device
 * gets exactly the response the handler built. With a document on screen the session stays open without the
 * microphone (shouldEndSession left out), so a touch reaches the skill; the linking prompt still ends it.
 * https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-render-document-skill-directive.html
 */
export const screenInterceptor: ResponseInterceptor = {
  async process(input: HandlerInput, response?: Response): Promise<void> {
    if (!response) return;
    const apl = aplOf(input);
    const asked = apl && requestedScreen(input);
    if (!apl || !asked) return;
    const screen = await withState(input, asked);
    if (!screen) return;
    const { speech } = ctx(input);
    const directive = renderDocument(screen, lookFor(apl.viewport), speech.pack.screens, (n) =>
      speech.pluralCategory(n),
    );
    response.directives = [...(response.directives ?? []), directive as never];
    if (response.shouldEndSession === true && screen.kind !== 'link') delete response.shouldEndSession;
  },
};
