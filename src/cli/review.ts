import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { LibraryValidationError, serializeLibrary } from '../library/io.js';
import type { IntentLibrary } from '../library/schema.js';
import { mergeDraft } from '../discovery/merge.js';
import { applyReview, ReviewError, type ReviewAction } from '../discovery/review.js';
import { CliError } from './errors.js';
import { readLibraryForCli } from './read-library.js';

interface ReviewFlags {
  approve: string[];
  discard: string[];
  rename: string[];
  merge: string[];
  move: string[];
  out?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function ids(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((id) => id.trim()).filter(Boolean);
}

/** "a=b" -> ["a", "b"], or a clear error naming the flag. */
function pair(value: string, flag: string, shape: string): [string, string] {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new CliError(`${flag} takes ${shape}, got "${value}"`);
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

function actionsOf(flags: ReviewFlags): ReviewAction[] {
  const actions: ReviewAction[] = [];
  for (const value of flags.merge) {
    const [into, from] = pair(value, '--merge', 'TARGET=ID[,ID...]');
    actions.push({ kind: 'merge', into, ids: ids([from]) });
  }
  for (const value of flags.rename) {
    const [id, name] = pair(value, '--rename', 'ID=NEW NAME');
    actions.push({ kind: 'rename', id, name });
  }
  for (const value of flags.move) {
    const [id, groupId] = pair(value, '--move', 'ID=GROUP_ID');
    actions.push({ kind: 'move', id, groupId });
  }
  if (flags.approve.length) actions.push({ kind: 'approve', ids: ids(flags.approve) });
  if (flags.discard.length) actions.push({ kind: 'discard', ids: ids(flags.discard) });
  return actions;
}

function listing(library: IntentLibrary): string {
  const groups = new Map(library.groups.map((g) => [g.id, g.name] as const));
  return library.intents
    .map((i) => `${i.status.padEnd(9)} ${i.id.padEnd(32)} ${String(i.stats?.conversations ?? '').padStart(6)}  ${i.name}  [${groups.get(i.groupId) ?? i.groupId}] ${i.attributes.map((a) => a.name).join(', ')}`)
    .join('\n');
}

/** `library review` and `library merge`: register on the `library` command. */
export function registerReviewCommands(library: Command): void {
  library
    .command('review')
    .description('review a discovered draft by id: approve, discard, rename, merge, move (without flags: list its intents)')
    .argument('<draft>', 'draft library JSON written by discover')
    .option('--approve <ids>', 'approve intents (comma-separated ids; repeatable)', collect, [])
    .option('--discard <ids>', 'discard intents (comma-separated ids; repeatable)', collect, [])
    .option('--rename <id=name>', 'rename an intent (repeatable)', collect, [])
    .option('--merge <target=ids>', 'merge intents into the target, e.g. cancel-order=cancel-purchase,stop-order (repeatable)', collect, [])
    .option('--move <id=group>', 'move an intent to another group (repeatable)', collect, [])
    .option('--out <file>', 'where to write the reviewed draft (default: in place)')
    .action(async (file: string, flags: ReviewFlags) => {
      const draft = await readLibraryForCli(file);
      const actions = actionsOf(flags);
      if (actions.length === 0) {
        console.log(listing(draft));
        return;
      }
      let reviewed: IntentLibrary;
      try {
        reviewed = applyReview(draft, actions);
      } catch (error) {
        if (error instanceof ReviewError || error instanceof LibraryValidationError) throw new CliError(error.message);
        throw error;
      }
      await writeFile(flags.out ?? file, serializeLibrary(reviewed), 'utf8');
      const count = (status: string) => reviewed.intents.filter((i) => i.status === status).length;
      console.log(`${flags.out ?? file}: ${reviewed.intents.length} intents (${count('approved')} approved, ${count('draft')} draft, ${count('discarded')} discarded)`);
    });

  library
    .command('merge')
    .description('merge a reviewed draft into the live library: matched intents keep their ids, reviewed ones are never overwritten, new ones are added')
    .argument('<draft>', 'draft library JSON')
    .requiredOption('--into <live>', 'live library JSON file to merge into')
    .option('--out <file>', 'where to write the merged library (default: the live file)')
    .action(async (file: string, flags: { into: string; out?: string }) => {
      const [draft, live] = [await readLibraryForCli(file), await readLibraryForCli(flags.into)];
      const { library, summary } = mergeDraft(live, draft);
      await writeFile(flags.out ?? flags.into, serializeLibrary(library), 'utf8');
      console.log(
        `${flags.out ?? flags.into}: ${summary.matched.length} intents matched (ids kept), ${summary.added.length} added` +
          (summary.proposedAttributes.length ? `; new attributes proposed for reviewed intents: ${summary.proposedAttributes.map((p) => `${p.intentId}.${p.attribute}`).join(', ')}` : ''),
      );
    });
}
