import { Command } from 'commander';
import { registerKbCommand } from '../../src/cli/kb.js';
import { CliError } from '../../src/cli/errors.js';

// Runs `kb index` as the CLI would, in a process of its own so NODE_EXTRA_CA_CERTS applies.
const program = new Command().exitOverride();
registerKbCommand(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(`intent-skill: ${error.message}`);
  process.exitCode = error.exitCode;
}
