import { Command, CommanderError } from 'commander';
import { CliError } from './errors.js';
import { registerLibraryCommand } from './library.js';

const program = new Command()
  .name('intent-skill')
  .description('Customer-intent system for contact centers: discover an intent library, serve the self-service skill, assist representatives.')
  .showHelpAfterError()
  .exitOverride();

registerLibraryCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError) {
    console.error(`intent-skill: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    throw error;
  }
}
