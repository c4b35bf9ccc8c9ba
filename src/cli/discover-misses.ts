import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { serializeLibrary } from '../library/io.js';
import { CliError } from './errors.js';

export interface MissesFlags {
  out: string;
  since?: string;
  seed: string;
  run?: string;
}

/** "2026-01-31" or an ISO time; a clear error otherwise, or for a date after `now`. */
export function sinceDate(text: string, now: Date): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) throw new CliError(`--since must be a date such as 2026-01-31 (or an ISO 8601 time), got "${text}"`);
  if (date > now) throw new CliError(`--since ${text} is in the future`);
  return date;
}

/**
 * `intent-skill discover --misses`: harvests the misses of the conversations stored since `--since` (default: the
 * retention, MISSES_RETENTION_DAYS) into the miss store, then mines the misses since then against the live library
 * (LIBRARY_ID) into a draft for `library review` and `library merge`.
 */
export async function discoverMisses(flags: MissesFlags, now = new Date()): Promise<void> {
  const config = loadConfig();
  const seed = Number(flags.seed);
  if (!Number.isSafeInteger(seed)) throw new CliError(`--seed must be a whole number, got "${flags.seed}"`);
  const since = flags.since ? sinceDate(flags.since, now) : new Date(now.getTime() - config.MISSES_RETENTION_DAYS * 86_400_000);
  const [{ withStores, CosmosSetupError }, { harvestMisses }, { mineMisses }, { liveClassifier }] = await Promise.all([
    import('../app/parts.js'),
    import('../discovery/misses-harvest.js'),
    import('../discovery/mine-misses.js'),
    import('../nlu/library-votes.js'),
  ]);
  await withStores(config, async (stores) => {
    const stored = await stores.libraries.get(config.LIBRARY_ID);
    if (!stored) throw new CliError(`no library "${config.LIBRARY_ID}" is stored (LIBRARY_ID): import one with intent-skill library import, or run serve once to seed it`);
    const live = stored.value;
    const harvested = await harvestMisses(stores.conversations, stores.misses, since, now, (message) => process.stderr.write(`${message}\n`));
    const misses = [];
    for await (const miss of stores.misses.since(since)) misses.push(miss);
    const classifier = liveClassifier(live);
    const mined = mineMisses(misses, live, { run: flags.run ?? `misses-${now.toISOString().replace(/[:.]/g, '-')}`, now, seed, ...(classifier ? { classifier } : {}) });
    await writeFile(flags.out, serializeLibrary(mined.draft), 'utf8');
    const left = mined.left;
    console.log(
      `${harvested.conversations} conversations harvested (${harvested.added} new misses); ${mined.read} misses since ${since.toISOString()}: ` +
        `${left.answers} answers to a question, ${left.vague} not saying the request yet, ${left.nonBusiness} chat moves and ${left.tooShort} too short left out; ${mined.clustered} clustered: ` +
        `${mined.newIntents.length} new draft intents, new examples for ${mined.examplesFor.length} live intents, written to ${flags.out} ` +
        `(${mined.smallClusters} clusters too small, ${mined.incoherentClusters} incoherent, ${mined.answeredClusters} answered without a question, left out). ` +
        'Review with intent-skill library review, then intent-skill library merge.',
    );
  }).catch((error: unknown) => {
    if (error instanceof CosmosSetupError) throw new CliError(error.message);
    throw error;
  });
}
