/** One finding of the validator: where it is and which check found it. */
export interface Problem {
  /** Path relative to the project root. */
  file: string;
  /** Where in the file: a JSON path such as `interactionModel.languageModel.intents[3].samples[0]`, or `line 12`. */
  path: string;
  message: string;
  /** A stable identifier of the check, for tests and for allowlisting. */
  rule: string;
}

/** Gathers the problems found in one file. */
export class Collector {
  readonly problems: Problem[] = [];
  constructor(private readonly file: string) {}
  add(jsonPath: string, rule: string, message: string): void {
    this.problems.push({ file: this.file, path: jsonPath || '(root)', rule, message });
  }
}
