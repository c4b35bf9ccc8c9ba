import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { CliError } from './errors.js';

interface PackageOptions {
  output: string;
  appVersion?: string;
}

export function registerTeamsCommand(program: Command): void {
  const teams = program.command('teams').description('the Microsoft Teams app package');
  teams
    .command('package')
    .description('zip manifests/teams with the ids from config (MicrosoftAppId, TEAMS_APP_ID, PUBLIC_URL), validated against the Teams schema')
    .option('-o, --output <file>', 'where to write the package', 'intent-skill-teams.zip')
    .option('--app-version <x.y.z>', "the app version (default: the template's)")
    .action(async (options: PackageOptions) => {
      const config = loadConfig();
      // Loaded on use, so other commands start without the manifest validator.
      const { buildTeamsPackage, TeamsPackageError } = await import('../bot/teams-package.js');
      if (!config.MicrosoftAppId) {
        throw new CliError("the Teams package needs the bot's app id: set MicrosoftAppId (and TEAMS_APP_ID if the Teams app id differs)", 2);
      }
      if (options.appVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(options.appVersion)) {
        throw new CliError(`--app-version: "${options.appVersion}" is not a version like 1.2.3`, 2);
      }
      try {
        const { zip, manifest } = await buildTeamsPackage({
          appId: config.TEAMS_APP_ID ?? config.MicrosoftAppId,
          botId: config.MicrosoftAppId,
          ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
          ...(options.appVersion ? { version: options.appVersion } : {}),
        });
        await writeFile(options.output, zip);
        process.stdout.write(`wrote ${options.output}: Teams app ${manifest.id} v${manifest.version}, bot ${config.MicrosoftAppId}\n`);
        if (!config.PUBLIC_URL) process.stdout.write('note: PUBLIC_URL is not set, so the package lists no valid domain and keeps placeholder developer links\n');
      } catch (error) {
        if (error instanceof TeamsPackageError) throw new CliError(error.message);
        throw error;
      }
    });
}
