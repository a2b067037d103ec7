/**
 * What Alexa understands for its built-in intents without any sample in the model. Only intents that the
 * model declares are reachable, as on a real device. The lists are the common phrasings from Amazon's
 * built-in intent library, not the whole of it.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/standard-built-in-intents.html
 */
export const BUILT_IN_PHRASES: Record<string, readonly string[]> = {
  'AMAZON.HelpIntent': [
    'help',
    'help me',
    'what can i say',
    'what can you do',
    'what can i ask',
    'how does this work',
  ],
  'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'quit', 'exit', 'stop it', 'be quiet', 'goodbye', 'bye'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it', 'cancel that'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home', 'exit skill', 'go to the home screen'],
  'AMAZON.PauseIntent': ['pause', 'pause it', 'pause the music', 'pause music', 'pause playback', 'hold on'],
  'AMAZON.ResumeIntent': [
    'resume',
    'continue',
    'unpause',
    'resume the music',
    'resume music',
    'keep playing',
  ],
  'AMAZON.NextIntent': [
    'next',
    'skip',
    'next song',
    'next track',
    'skip this song',
    'skip song',
    'skip ahead',
  ],
  'AMAZON.PreviousIntent': ['previous', 'go back', 'previous song', 'previous track', 'back', 'last song'],
  'AMAZON.ShuffleOnIntent': [
    'shuffle',
    'shuffle on',
    'turn on shuffle',
    'turn shuffle on',
    'shuffle the music',
  ],
  'AMAZON.ShuffleOffIntent': ['shuffle off', 'turn off shuffle', 'turn shuffle off', 'stop shuffling'],
  'AMAZON.LoopOnIntent': ['loop', 'loop on', 'turn on loop', 'turn loop on', 'loop this'],
  'AMAZON.LoopOffIntent': ['loop off', 'turn off loop', 'turn loop off', 'stop looping'],
  'AMAZON.StartOverIntent': ['start over', 'restart', 'start from the beginning', 'play from the beginning'],
  'AMAZON.RepeatIntent': ['repeat', 'say that again', 'repeat that', 'what did you say'],
  'AMAZON.MoreIntent': ['more', 'tell me more', 'show more'],
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'sure', 'yes please', 'okay', 'ok', 'correct'],
  'AMAZON.NoIntent': ['no', 'nope', 'no thanks', 'no thank you', 'not that one'],
  'AMAZON.SelectIntent': ['select', 'choose', 'that one'],
};

/** Words that answer a confirmation question (ConfirmSlot, ConfirmIntent) with yes or no. */
export const YES_PHRASES: readonly string[] = BUILT_IN_PHRASES['AMAZON.YesIntent'];
export const NO_PHRASES: readonly string[] = BUILT_IN_PHRASES['AMAZON.NoIntent'];

/** Verbs that open a skill by its invocation name ("open connect remote"). */
export const LAUNCH_VERBS: readonly string[] = ['open', 'launch', 'start', 'begin', 'run', 'load', 'use'];
/** Verbs of the one-shot phrasing ("ask connect remote to pause"). */
export const ONE_SHOT_VERBS: readonly string[] = ['ask', 'tell'];
/** Words between the invocation name and the request that Alexa drops ("to", "for", "about"...). */
export const CONNECTORS: readonly string[] = ['to', 'for', 'about', 'if', 'whether', 'that', 'and'];
/** Words that may join the request and a trailing invocation name ("pause using connect remote"). */
export const TRAILING_CONNECTORS: readonly string[] = ['using', 'with', 'on', 'from', 'in', 'via'];
