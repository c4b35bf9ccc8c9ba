import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { serializeLibrary } from '../library/io.js';
import { libraryJsonSchema } from '../library/json-schema.js';
import { liveIntents, type IntentLibrary } from '../library/schema.js';
import { CliError } from './errors.js';
import { readLibraryForCli } from './read-library.js';
import { registerReviewCommands } from './review.js';
import { configuredStores, type WithStores } from './with-stores.js';

export function summarize(library: IntentLibrary): string {
  const all = library.intents.flatMap((intent) => intent.attributes);
  const drafts = all.filter((attribute) => attribute.status === 'draft').length;
  const byStatus = (status: string) => library.intents.filter((intent) => intent.status === status).length;
  const lines = library.linesOfBusiness?.length ? `${library.linesOfBusiness.length} lines of business, ` : '';
  return `"${library.id}" (${library.name}): ${lines}${library.groups.length} groups, ${library.intents.length} intents (${byStatus('approved')} approved, ${byStatus('draft')} draft, ${byStatus('discarded')} discarded), ${all.length} attributes${drafts ? ` (${drafts} draft)` : ''}`;
}

/**
 * Warns on stderr about a valid library that leaves the skill nothing to detect (no intent, or every one discarded):
 * it may be a start to merge discovery drafts into, but chat and serve do not start on it as the live library.
 */
function warnIfNothingToDetect(library: IntentLibrary): void {
  if (liveIntents(library).length > 0) return;
  const why = library.intents.length === 0 ? 'has no intents' : `has only discarded intents (${library.intents.length})`;
  console.error(
    `warning: library "${library.id}" ${why}: it is valid, but the skill would detect no intent, and chat and serve do not start on it ` +
      'as the live library; add intents, or library merge a discovery draft into it',
  );
}

async function output(text: string, file: string | undefined): Promise<void> {
  if (file && file !== '-') await writeFile(file, text, 'utf8');
  else process.stdout.write(text);
}

export function registerLibraryCommand(program: Command, open: WithStores = configuredStores): void {
  const library = program.command('library').description('validate, import, export, review and merge intent libraries (JSON)');
  registerReviewCommands(library, open, () => loadConfig().LIBRARY_ID);

  library
    .command('validate')
    .description(
      'check a library file against the schema; prints every problem with its exact path (exit code 1); ' +
        'a valid library with no intent to detect gets a warning on stderr (exit code 0)',
    )
    .argument('<file>', 'library JSON file')
    .action(async (file: string) => {
      const parsed = await readLibraryForCli(file);
      console.log(`${file}: valid, ${summarize(parsed)}`);
      warnIfNothingToDetect(parsed);
    });

  library
    .command('import')
    .description('validate a library file and store it as a live library (nothing is written if it is invalid; a warning if it has no intent to detect)')
    .argument('<file>', 'library JSON file')
    .option('--replace', 'overwrite a stored library with the same id')
    .action(async (file: string, options: { replace?: boolean }) => {
      const parsed = await readLibraryForCli(file);
      await open(async ({ libraries }) => {
        const existing = await libraries.get(parsed.id);
        if (existing && !options.replace) {
          throw new CliError(`library "${parsed.id}" is already stored (updated ${existing.value.updatedAt}); pass --replace to overwrite it`);
        }
        await libraries.put(parsed, existing?.etag ?? null);
      });
      console.log(`imported ${summarize(parsed)}`);
      warnIfNothingToDetect(parsed);
    });

  library
    .command('export')
    .description('write a stored library as JSON')
    .option('--id <id>', 'library id (default: LIBRARY_ID)')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .action(async (options: { id?: string; out?: string }) => {
      const id = options.id ?? loadConfig().LIBRARY_ID;
      await open(async ({ libraries }) => {
        const stored = await libraries.get(id);
        if (!stored) {
          const known = (await libraries.list()).map((entry) => entry.id);
          throw new CliError(`no library "${id}" is stored${known.length ? ` (stored: ${known.join(', ')})` : ''}`);
        }
        await output(serializeLibrary(stored.value), options.out);
      });
    });

  library
    .command('schema')
    .description('print the JSON Schema of library files (also in docs/library.schema.json)')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .action(async (options: { out?: string }) => {
      await output(`${JSON.stringify(libraryJsonSchema(), null, 2)}\n`, options.out);
    });
}
