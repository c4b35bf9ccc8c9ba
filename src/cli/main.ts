import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { AppStartError } from '../app/errors.js';
import { ConfigError } from '../config.js';
import { packageVersion } from '../server/package-version.js';
import { CliError } from './errors.js';
import { registerChatCommand } from './chat.js';
import { registerDiscoverCommand } from './discover.js';
import { registerEvalCommand } from './eval.js';
import { registerGenerateCommand } from './generate.js';
import { registerInsightsCommand } from './insights.js';
import { registerKbCommand } from './kb.js';
import { registerLibraryCommand } from './library.js';
import { registerServeCommand } from './serve.js';
import { registerTeamsCommand } from './teams.js';

// Settings in ./.env apply unless the environment already sets them.
if (existsSync('.env')) process.loadEnvFile('.env');

const program = new Command()
  .name('intent-skill')
  .description('Customer-intent system for contact centers: discover an intent library, serve the self-service skill, assist representatives.')
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerChatCommand(program);
registerLibraryCommand(program);
registerDiscoverCommand(program);
registerEvalCommand(program);
registerGenerateCommand(program);
registerKbCommand(program);
registerInsightsCommand(program);
registerTeamsCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError) {
    console.error(`intent-skill: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof AppStartError) {
    console.error(`intent-skill: ${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof ConfigError) {
    console.error(`intent-skill: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
