/**
 * The interaction model's types: one set for the validator, the tests and the console. They are Amazon's
 * own (ask-smapi-model's `v1.skill.interactionModel`, the schema `ask deploy` uploads against), narrowed
 * where the skill's files are stricter than the schema or where Amazon's samples are looser than it:
 * every slot here has a type, slot-type values may omit `synonyms` (the schema marks them required, Amazon's
 * samples omit them), and a dialog slot may omit `prompts`.
 * https://developer.amazon.com/en-US/docs/alexa/smapi/interaction-model-schema.html
 */
import type { v1 } from 'ask-smapi-model';

/** Amazon's interaction-model types, by the names used below. */
interface Smapi {
  slot: v1.skill.interactionModel.SlotDefinition;
  intent: v1.skill.interactionModel.Intent;
  typeValue: v1.skill.interactionModel.TypeValue;
  typeValueObject: v1.skill.interactionModel.TypeValueObject;
  slotType: v1.skill.interactionModel.SlotType;
  dialogSlot: v1.skill.interactionModel.DialogSlotItems;
  dialogIntent: v1.skill.interactionModel.DialogIntents;
  dialog: v1.skill.interactionModel.Dialog;
  prompt: v1.skill.interactionModel.Prompt;
  promptItem: v1.skill.interactionModel.PromptItems;
  languageModel: v1.skill.interactionModel.LanguageModel;
  schema: v1.skill.interactionModel.InteractionModelSchema;
}

export type DelegationStrategy = v1.skill.interactionModel.DelegationStrategyType;

/** A slot of an intent: `{playlist}` in "play my {playlist}". */
export interface ModelSlot extends Omit<Smapi['slot'], 'type'> {
  type: string;
}

export interface ModelIntent extends Omit<Smapi['intent'], 'slots'> {
  slots?: ModelSlot[];
}

export interface SlotTypeValue extends Omit<Smapi['typeValue'], 'name'> {
  name: Omit<Smapi['typeValueObject'], 'synonyms'> & { synonyms?: string[] };
}

export interface SlotType extends Omit<Smapi['slotType'], 'values'> {
  values: SlotTypeValue[];
}

export interface DialogSlot extends Omit<Smapi['dialogSlot'], 'prompts'> {
  prompts?: Smapi['dialogSlot']['prompts'];
}

export interface DialogIntent extends Omit<Smapi['dialogIntent'], 'slots'> {
  slots?: DialogSlot[];
}

export interface Dialog extends Omit<Smapi['dialog'], 'intents'> {
  intents: DialogIntent[];
}

export type PromptVariation = Smapi['promptItem'];
export type Prompt = Smapi['prompt'];

export interface LanguageModel extends Omit<Smapi['languageModel'], 'intents' | 'types'> {
  intents: ModelIntent[];
  types?: SlotType[];
}

/** A model file as it is committed: skill-package/interactionModels/custom/<locale>.json. */
export interface InteractionModel {
  interactionModel: Omit<Smapi['schema'], 'languageModel' | 'dialog'> & {
    languageModel: LanguageModel;
    dialog?: Dialog;
  };
}

/**
 * The parts of a model the console resolves utterances against, after `parseModel` checked them: the
 * language model's invocation name, intents and types, with the dialog and prompts beside them.
 */
export interface ParsedModel {
  invocationName: string;
  intents: ModelIntent[];
  types: SlotType[];
  dialog?: { delegationStrategy?: DelegationStrategy; intents?: DialogIntent[] };
  prompts: Prompt[];
}
