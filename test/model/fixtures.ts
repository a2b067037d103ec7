/**
 * Small model files for tests that break one thing at a time (the model rules' and the validator's): the
 * wrapper and the invocation name every fixture shares, around the intents, types, dialog and prompts each
 * suite chooses for its own assertions.
 */
import type { LanguageModel } from '../../tools/model';

export function modelFile<L extends Omit<LanguageModel, 'invocationName'>, R extends object = object>(
  languageModel: L,
  rest?: R,
): { interactionModel: { languageModel: L & { invocationName: string } } & R } {
  return {
    interactionModel: {
      languageModel: { invocationName: 'connect remote', ...languageModel },
      ...(rest as R),
    },
  };
}
