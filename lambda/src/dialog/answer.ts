import type { HandlerInput } from 'ask-sdk-core';
import { ctx } from '../context';
import type { SkillRequestHandler } from './define';
import { intentName, isIntent } from './predicates';
import { answerText, clearQuestion, pickedOption, readQuestion, type Question } from './question';
import { tell } from './respond';
import { slotText } from './slots';

/**
 * "Neither", "nope, none of them", "actually, don't bother" in the elicited slot: an answer that picks
 * nothing, not a name to look for.
 */
function declined(input: HandlerInput, question: Question): boolean {
  const spoken = slotText(input, question.slot);
  const { lang } = ctx(input);
  return spoken !== undefined && lang.declines.test(answerText(spoken, lang));
}

/**
 * The one answer to "which one?", registered in front of the intent handlers: "the second one" (ChooseIntent),
 * or the elicited slot of the asking intent naming one of the options ("the kitchen display"). It hands the
 * picked option and what the question carried to the asker's `resume`. Built from the handlers themselves,
 * so a handler that asks a question only has to declare how it resumes.
 *
 * "Neither" (the pack's `declines`) ends the question and does nothing; so does "don't bother" after an open
 * "Which device?" (askForSlot: a question without options). A name that is none of the options
 * is not an answer: the asking intent's own handler takes it as a new request. "The fifth one" of three is handed to the asker as it is (it asks again what to play); a
 * ChooseIntent with no question in the session hears that the choices were lost.
 */
export function answerHandler(handlers: readonly SkillRequestHandler[]): SkillRequestHandler {
  const askers = new Map(
    handlers.flatMap((h) => (h.resume ? h.intents.map((intent) => [intent, h] as const) : [])),
  );
  return {
    intents: ['ChooseIntent'],
    requestTypes: [],
    needsSpotify: true,
    canHandle(input) {
      if (isIntent(input, 'ChooseIntent')) return true;
      const question = readQuestion(input);
      if (!question || intentName(input) !== question.intent || !askers.get(question.intent)) return false;
      return pickedOption(input, question) !== undefined || declined(input, question);
    },
    async handle(input) {
      const question = readQuestion(input);
      const asker = question && askers.get(question.intent);
      if (!question || !asker?.resume) return tell(input, ctx(input).speech.say('choiceLost'));
      const choice = pickedOption(input, question);
      if (choice) {
        // Answered: cleared first, since resuming may ask a question of its own ("which device?").
        clearQuestion(input);
        const resumed = await asker.resume(input, choice, question.carried);
        if (resumed) return resumed;
        if (isIntent(input, 'ChooseIntent')) return tell(input, ctx(input).speech.say('choiceLost'));
      } else if (declined(input, question)) {
        clearQuestion(input);
        // "Did you mean A or B?" → "Okay, neither then."; "Which device?" → "Okay, I'll leave it."
        return tell(input, ctx(input).speech.say(question.options.length ? 'choiceDeclined' : 'askDeclined'));
      }
      return asker.handle(input);
    },
  };
}
