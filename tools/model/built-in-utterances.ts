/**
 * The utterances Amazon documents for the standard built-in intents, by language. When a model uses a
 * built-in intent, Alexa maps these phrases to it; the same phrase as a sample of another intent makes the
 * two compete, and which one wins can change with Amazon's models ("keep going" as a sample of a custom
 * "more" intent while AMAZON.ResumeIntent is in the model).
 *
 * Source: "Standard Built-in Intents", column "Common Utterances" (English),
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/standard-built-in-intents.html
 * Amazon says these are a subset of what each intent understands; the check catches the documented ones.
 */
export const BUILT_IN_UTTERANCES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
    'AMAZON.HelpIntent': ['help', 'help me', 'can you help me'],
    'AMAZON.LoopOffIntent': ['loop off'],
    'AMAZON.LoopOnIntent': ['loop', 'loop on', 'keep playing this'],
    'AMAZON.MoreIntent': ['more'],
    'AMAZON.NavigateSettingsIntent': ['settings'],
    'AMAZON.NextIntent': ['next', 'skip', 'skip forward'],
    'AMAZON.NoIntent': ['no', 'no thanks'],
    'AMAZON.PageDownIntent': ['page down'],
    'AMAZON.PageUpIntent': ['page up'],
    'AMAZON.PauseIntent': ['pause', 'pause that'],
    'AMAZON.PreviousIntent': ['go back', 'skip back', 'back up'],
    'AMAZON.RepeatIntent': ['repeat', 'say that again', 'repeat that'],
    'AMAZON.ResumeIntent': ['resume', 'continue', 'keep going'],
    'AMAZON.ScrollDownIntent': ['scroll down'],
    'AMAZON.ScrollLeftIntent': ['scroll left'],
    'AMAZON.ScrollRightIntent': ['scroll right'],
    'AMAZON.ScrollUpIntent': ['scroll up'],
    'AMAZON.ShuffleOffIntent': ['stop shuffling', 'shuffle off', 'turn off shuffle'],
    'AMAZON.ShuffleOnIntent': ['shuffle', 'shuffle on', 'shuffle the music', 'shuffle mode'],
    'AMAZON.StartOverIntent': ['start over', 'restart', 'start again'],
    'AMAZON.StopIntent': ['stop', 'off', 'shut up'],
    'AMAZON.YesIntent': ['yes', 'yeah', 'sure'],
  },
};

/** The documented utterances for a locale ("en-US" → the English list), or none. */
export function builtInUtterances(locale: string): Readonly<Record<string, readonly string[]>> {
  return BUILT_IN_UTTERANCES[locale.split('-')[0]] ?? {};
}
