/**
 * The interaction model in one place: its types (Amazon's, from ask-smapi-model), where the files are and
 * how to read them, how samples are read, and the rules a model must keep. The validator, the console and
 * the tests import it from here instead of each keeping their own.
 */
export * from './types';
export * from './text';
export * from './load';
export * from './rules';
export * from './built-ins';
export * from './file-rules';
