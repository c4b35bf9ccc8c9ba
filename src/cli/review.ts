import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { LibraryValidationError, parseLibrary, serializeLibrary } from '../library/io.js';
import { attributeStatus, type IntentLibrary } from '../library/schema.js';
import { mergeDraft, type MergeOptions, type MergeSummary } from '../library/merge.js';
import { liveClassifier } from '../nlu/library-votes.js';
import { applyReview, ReviewError, type AttributeRef, type ReviewAction } from '../library/review.js';
import { ConcurrencyError, type LibraryStore } from '../library/store.js';
import { updateWithRetry } from '../library/update.js';
import { CliError } from './errors.js';
import { readLibraryForCli } from './read-library.js';
import type { WithStores } from './with-stores.js';

interface ReviewFlags {
  approve: string[];
  discard: string[];
  approveAttribute: string[];
  discardAttribute: string[];
  rename: string[];
  merge: string[];
  move: string[];
  out?: string;
  library?: string;
}

interface MergeFlags {
  into?: string;
  library?: string;
  out?: string;
  dryRun?: boolean;
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

/** "track-order.orderNumber" -> the intent and attribute; attribute names have no ".", intent ids may. */
function attributeRefs(values: readonly string[], flag: string): AttributeRef[] {
  return ids(values).map((value) => {
    const at = value.lastIndexOf('.');
    if (at <= 0 || at === value.length - 1) throw new CliError(`${flag} takes INTENT_ID.ATTRIBUTE[,...], got "${value}"`);
    return { intentId: value.slice(0, at), name: value.slice(at + 1) };
  });
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
  if (flags.approveAttribute.length) actions.push({ kind: 'approve-attributes', attributes: attributeRefs(flags.approveAttribute, '--approve-attribute') });
  if (flags.discardAttribute.length) actions.push({ kind: 'discard-attributes', attributes: attributeRefs(flags.discardAttribute, '--discard-attribute') });
  return actions;
}

function listing(library: IntentLibrary): string {
  const groups = new Map(library.groups.map((g) => [g.id, g.name] as const));
  return library.intents
    .map((i) => {
      const attributes = i.attributes.map((a) => (attributeStatus(a) === 'approved' ? a.name : `${a.name} (${attributeStatus(a)})`)).join(', ');
      return `${i.status.padEnd(9)} ${i.id.padEnd(32)} ${String(i.stats?.conversations ?? '').padStart(6)}  ${i.name}  [${groups.get(i.groupId) ?? i.groupId}] ${attributes}`;
    })
    .join('\n');
}

function statusCounts(library: IntentLibrary): string {
  const count = (status: string) => library.intents.filter((i) => i.status === status).length;
  const draftAttributes = library.intents.flatMap((i) => i.attributes).filter((a) => attributeStatus(a) === 'draft').length;
  return `${library.intents.length} intents (${count('approved')} approved, ${count('draft')} draft, ${count('discarded')} discarded), ${draftAttributes} draft attributes`;
}

function describeMerge(target: string, summary: MergeSummary): string {
  const lines = [`${target}: ${summary.matched.length} intents matched (ids kept), ${summary.added.length} added, ${summary.draftAttributes.length} draft attributes added`];
  if (summary.matched.length) lines.push(`  matched: ${summary.matched.map((m) => `${m.draftId} -> ${m.liveId} (${m.liveStatus})`).join(', ')}`);
  if (summary.added.length) lines.push(`  added: ${summary.added.join(', ')}`);
  if (summary.discarded.length) lines.push(`  kept as discarded, so later runs skip them: ${summary.discarded.join(', ')}`);
  if (summary.examplesAdded.length) {
    lines.push(`  approved examples added: ${summary.examplesAdded.map((e) => `${e.examples} to ${e.intentId}`).join(', ')}`);
  }
  if (summary.draftAttributes.length) {
    lines.push(`  draft attributes of reviewed intents (never asked until approved with library review --approve-attribute): ${summary.draftAttributes.map((a) => `${a.intentId}.${a.attribute}`).join(', ')}`);
  }
  return lines.join('\n');
}

/** Library problems and review steps that cannot apply are the user's to fix: printed without a stack. */
function forTheUser<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ReviewError || error instanceof LibraryValidationError) throw new CliError(error.message);
    throw error;
  }
}

/** Drafts are matched by what the live library's classifier says of their sample requests (see mergeDraft). */
function matchingOf(live: IntentLibrary): MergeOptions {
  const classifier = liveClassifier(live);
  return classifier ? { classifier } : {};
}

async function mergeIntoFile(draft: IntentLibrary, flags: MergeFlags & { into: string }): Promise<void> {
  const live = await readLibraryForCli(flags.into);
  const { library, summary } = forTheUser(() => mergeDraft(live, draft, matchingOf(live)));
  const target = flags.out ?? flags.into;
  if (!flags.dryRun) await writeFile(target, serializeLibrary(library), 'utf8');
  console.log(describeMerge(target, summary) + (flags.dryRun ? '\n(dry run: nothing written)' : ''));
}

/** Lists a stored library, or applies review steps to it as a read-modify-write that is redone if someone wrote meanwhile. */
async function reviewStored(id: string, actions: ReviewAction[], open: WithStores): Promise<void> {
  await open(async ({ libraries }) => {
    const stored = await libraries.get(id);
    if (!stored) throw new CliError(`no library "${id}" is stored (library merge or library import stores one)`);
    if (actions.length === 0) {
      console.log(listing(stored.value));
      return;
    }
    const reviewed = await updateWithRetry(libraries, id, (current) => forTheUser(() => applyReview(current, actions)));
    console.log(`library "${id}": ${statusCounts(reviewed.value)}`);
  });
}

/** Stores a library under a new id; false when someone stored one under it meanwhile. */
async function storeNew(libraries: LibraryStore, library: IntentLibrary): Promise<boolean> {
  try {
    await libraries.put(library, null);
    return true;
  } catch (error) {
    if (error instanceof ConcurrencyError) return false;
    throw error;
  }
}

/**
 * Merges into the stored library under optimistic concurrency: a merge that meets a newer version written
 * meanwhile is redone on it. With nothing stored under the id yet, the draft becomes the live library.
 */
async function mergeIntoStore(draft: IntentLibrary, flags: MergeFlags, open: WithStores, liveId: string): Promise<void> {
  const id = flags.library ?? liveId;
  const fresh = forTheUser(() => parseLibrary({ ...draft, id, updatedAt: new Date().toISOString() }, '--library'));
  const target = `library "${id}"`;
  await open(async ({ libraries }) => {
    const stored = await libraries.get(id);
    if (flags.dryRun) {
      const change = stored
        ? describeMerge(target, forTheUser(() => mergeDraft(stored.value, draft, matchingOf(stored.value))).summary)
        : `${target}: nothing is stored under this id; the draft would become the live library: ${statusCounts(fresh)}`;
      console.log(`${change}\n(dry run: nothing written)`);
      return;
    }
    if (!stored && (await storeNew(libraries, fresh))) {
      console.log(`${target}: nothing was stored under this id; stored the draft as the live library: ${statusCounts(fresh)}`);
      return;
    }
    let summary: MergeSummary | undefined;
    await updateWithRetry(libraries, id, (current) => {
      const merged = forTheUser(() => mergeDraft(current, draft, matchingOf(current)));
      summary = merged.summary;
      return merged.library;
    });
    console.log(describeMerge(target, summary!));
  });
}

/**
 * `library review` and `library merge`: register on the `library` command. `liveLibraryId` names the library
 * the service serves (LIBRARY_ID), which `merge` updates unless `--library` says otherwise.
 */
export function registerReviewCommands(library: Command, open: WithStores, liveLibraryId: () => string): void {
  library
    .command('review')
    .description('review a discovered draft by id: approve, discard, rename, merge, move intents, approve or discard attributes (without flags: list its intents)')
    .argument('[draft]', 'draft library JSON written by discover (or a live library written by library export)')
    .option('--library <id>', 'review the stored live library with this id instead of a file (written back under optimistic concurrency)')
    .option('--approve <ids>', 'approve intents (comma-separated ids; repeatable)', collect, [])
    .option('--discard <ids>', 'discard intents (comma-separated ids; repeatable)', collect, [])
    .option('--approve-attribute <refs>', 'approve attributes, e.g. order-status.orderNumber (comma-separated; repeatable)', collect, [])
    .option('--discard-attribute <refs>', 'discard attributes: never asked, and not proposed again by later merges (comma-separated; repeatable)', collect, [])
    .option('--rename <id=name>', 'rename an intent (repeatable)', collect, [])
    .option('--merge <target=ids>', 'merge intents into the target, e.g. cancel-order=cancel-purchase,stop-order (repeatable)', collect, [])
    .option('--move <id=group>', 'move an intent to another group (repeatable)', collect, [])
    .option('--out <file>', 'where to write the reviewed draft (default: in place)')
    .action(async (file: string | undefined, flags: ReviewFlags) => {
      if (file !== undefined && flags.library !== undefined) throw new CliError('give a draft file or --library ID, not both');
      if (file === undefined && flags.library === undefined) throw new CliError('give a draft file to review, or --library ID to review a stored library');
      const actions = actionsOf(flags);
      if (flags.library !== undefined) {
        if (flags.out !== undefined) throw new CliError('--out goes with a draft file (a stored library is written back to the store)');
        await reviewStored(flags.library, actions, open);
        return;
      }
      const draft = await readLibraryForCli(file!);
      if (actions.length === 0) {
        console.log(listing(draft));
        return;
      }
      const reviewed = forTheUser(() => applyReview(draft, actions));
      await writeFile(flags.out ?? file!, serializeLibrary(reviewed), 'utf8');
      console.log(`${flags.out ?? file}: ${statusCounts(reviewed)}`);
    });

  library
    .command('merge')
    .description(
      'merge a reviewed draft into the live library (the stored one, or a file with --into): matched intents keep their ids and reviewed ones are never overwritten; ' +
        'volumes add up; new intents keep their review status (a discovery run\'s are drafts until approved); new attributes of approved intents are added as drafts; ' +
        'discarded intents stay discarded',
    )
    .argument('<draft>', 'draft library JSON')
    .option('--library <id>', 'stored library to merge into (default: LIBRARY_ID, the one the service serves); stored as the draft when there is none yet')
    .option('--into <live>', 'merge into a live library JSON file instead of the store')
    .option('--out <file>', 'with --into: where to write the merged library (default: the live file)')
    .option('--dry-run', 'print what would change, write nothing')
    .action(async (file: string, flags: MergeFlags) => {
      if (flags.into !== undefined && flags.library !== undefined) throw new CliError('--library names a stored library and --into a file: give one of them');
      if (flags.into === undefined && flags.out !== undefined) throw new CliError('--out goes with --into (a merge into the store writes to the store)');
      const draft = await readLibraryForCli(file);
      if (flags.into !== undefined) await mergeIntoFile(draft, { ...flags, into: flags.into });
      else await mergeIntoStore(draft, flags, open, liveLibraryId());
    });
}
