import assert from 'node:assert/strict';
import { Command } from 'commander';
import sinon from 'sinon';
import { CliError } from '../../src/cli/errors.js';
import { registerEvalCommand } from '../../src/cli/eval.js';

/** Runs `intent-skill eval ...args` in-process and returns what it printed. */
export async function runEval(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerEvalCommand(program);
  const printed: string[] = [];
  const write = sinon.stub(process.stdout, 'write').callsFake((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['eval', ...args], { from: 'user' });
  } finally {
    write.restore();
  }
  return printed.join('');
}

/** `intent-skill eval ...args` fails with a CliError whose message matches. */
export async function rejectsWith(args: string[], message: RegExp): Promise<void> {
  await assert.rejects(runEval(...args), (error: unknown) => {
    assert.ok(error instanceof CliError, `expected a CliError, got ${String(error)}`);
    assert.match(error.message, message);
    return true;
  });
}
