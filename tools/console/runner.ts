/**
 * Runs a scripted conversation against a ConsoleApp: prints every turn as the REPL would, checks every
 * expectation, and keeps going after a mismatch so one run reports all of them.
 */
import type { ConsoleApp } from './app';
import { renderTurn, type Style, type TurnView } from './render';
import { check, parseScript, type Mismatch } from './script';

export interface ScriptResult {
  turns: number;
  expectations: number;
  mismatches: Mismatch[];
  /** Commands that failed (bad usage, linking failed...): they fail the script too. */
  failedCommands: Array<{ line: number; command: string; output: string }>;
  quit: boolean;
}

export async function runScript(
  app: ConsoleApp,
  text: string,
  print: (line: string) => void,
  s: Style,
): Promise<ScriptResult> {
  const result: ScriptResult = { turns: 0, expectations: 0, mismatches: [], failedCommands: [], quit: false };
  let turn: TurnView | undefined;
  let notes: string[] = [];
  for (const step of parseScript(text)) {
    if (step.kind === 'say') {
      print(`${s.bold('U:')} ${step.text}`);
      turn = await app.utter(step.text);
      notes = [...turn.notes];
      result.turns++;
      for (const line of renderTurn(turn, s, app.showCalls)) print(line);
    } else if (step.kind === 'command') {
      print(s.dim(step.text));
      const out = await app.command(step.text);
      for (const line of out.lines) print(s.yellow(`· ${line}`));
      notes.push(...out.lines);
      if (out.error)
        result.failedCommands.push({ line: step.line, command: step.text, output: out.lines.join(' ') });
      if (out.quit) {
        result.quit = true;
        break;
      }
    } else {
      result.expectations++;
      const mismatch = check(step, turn, notes);
      if (mismatch) {
        result.mismatches.push(mismatch);
        print(s.red(`✗ line ${mismatch.line}: expected ${mismatch.key}: ${mismatch.expected}`));
        print(s.red(`  actual ${mismatch.key}: ${mismatch.actual}`));
      }
    }
  }
  return result;
}

export function summary(result: ScriptResult, s: Style): string {
  const failed = result.mismatches.length + result.failedCommands.length;
  const text =
    `${result.turns} turns, ${result.expectations} expectations, ${result.mismatches.length} mismatched` +
    (result.failedCommands.length > 0 ? `, ${result.failedCommands.length} commands failed` : '');
  return failed > 0 ? s.red(`✗ ${text}`) : s.green(`✓ ${text}`);
}
