/**
 * The console reads the interaction model through the shared module (tools/model: the same types, files and
 * checks as the validator and the tests); this is the console's local name for its loading functions.
 */
export { availableLocales, InvalidModelError, loadModel, modelFile, parseModel } from '../model/load';
export type { ParsedModel } from '../model/types';
