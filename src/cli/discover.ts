import { stat, writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { DiscoveryModelPart } from '../app/parts.js';
import { loadConfig } from '../config.js';
import { serializeLibrary } from '../library/io.js';
import type { DiscoveryPhase, ModelUse } from '../discovery/run.js';
import type { SkippedRow } from '../discovery/types.js';
import { CliError } from './errors.js';

interface DiscoverFlags {
  out: string;
  misses?: boolean;
  since?: string;
  report?: string;
  assignments?: string;
  summary?: string;
  granularity: string;
  seed: string;
  run?: string;
  libraryId?: string;
  libraryName?: string;
  azureOpenai?: boolean;
  azureOpenaiTimeout: string;
}

const PHASES: Record<DiscoveryPhase, string> = {
  embedding: 'embedding requests with Azure OpenAI',
  clustering: 'clustering requests and mining attributes',
  placing: 'reading the file again to place every request among the intents',
  naming: 'naming intents with Azure OpenAI',
};

/** Skipped rows printed one by one before only the count is shown. */
const SHOWN_SKIPS = 20;

function positiveNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new CliError(`${flag} must be a positive number, got "${text}"`);
  return value;
}

/** The configured Azure OpenAI deployments, from src/app/parts.ts; a clear error when there are none. */
async function discoveryModel(timeoutMs: number): Promise<DiscoveryModelPart> {
  const { openDiscoveryModel } = await import('../app/parts.js');
  const part = await openDiscoveryModel(loadConfig(), timeoutMs);
  if (!part) {
    throw new CliError('--azure-openai needs AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_CHAT_DEPLOYMENT (and AZURE_OPENAI_EMBEDDING_DEPLOYMENT for embeddings); without the flag, discovery runs locally');
  }
  return part;
}

function modelSummary(use: ModelUse, intents: number, groups: number): string {
  return `${use.embeddedTexts > 0 ? `${use.embeddedTexts} distinct requests embedded; ` : ''}names from the model for ${use.namedIntents} of ${intents} intents and ${use.namedGroups} of ${groups} groups`;
}

/** A progress bar over the bytes read, on stderr and only on a terminal. */
function progressBar(total: number): { update: (bytes: number) => void; phase: (text: string) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, phase: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'reading {bar} {percentage}% | {value}/{total} bytes', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let stopped = false;
  const stop = () => {
    if (!stopped) bar.stop();
    stopped = true;
  };
  return {
    update: (bytes) => bar.update(Math.min(bytes, total)),
    phase: (text) => {
      stop();
      process.stderr.write(`${text}\n`);
    },
    stop,
  };
}

export function registerDiscoverCommand(program: Command): void {
  program
    .command('discover')
    .description(
      'mine a draft intent library (and an HTML report) from historical transcripts: JSONL {conversationId, turns}, CSV, or {id, text} utterances; ' +
        'or, with --misses, mine the customer turns self-service did not understand into new draft intents and new examples for live ones',
    )
    .argument('[transcripts]', 'transcripts file (.jsonl, or .csv with conversationId,role,text[,at] or id,text columns); not with --misses')
    .option(
      '--misses',
      'mine the misses instead of a file: harvest the stored conversations (out of scope, clarify, thumbs-down turns) into the misses store, ' +
        'then propose new draft intents and new examples for live intents (LIBRARY_ID) in --out, to review and merge (docs/discovery.md, "Misses")',
    )
    .option('--since <date>', 'with --misses: the misses said since this date, such as 2026-01-31 (default: MISSES_RETENTION_DAYS ago)')
    .requiredOption('--out <file>', 'where to write the draft library (JSON)')
    .option('--report <file>', 'where to write the HTML report')
    .option('--assignments <file>', 'where to write each request\'s intent, one {id, intentId} JSON object a line')
    .option('--summary <file>', 'where to write the run\'s figures as JSON: conversations, requests, intents, and the requests that are not intents (asking for a person, greetings...) by kind')
    .option('--granularity <n>', 'above 1 for finer intents, below 1 for coarser ones', '1')
    .option('--seed <n>', 'random seed (same seed and input, same result)', '1')
    .option('--run <name>', 'name of this discovery run, kept in each intent\'s provenance')
    .option('--library-id <id>', 'id of the draft library', 'discovered')
    .option('--library-name <name>', 'name of the draft library', 'Discovered intents')
    .option(
      '--azure-openai',
      'use the configured Azure OpenAI (AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_CHAT_DEPLOYMENT, optional AZURE_OPENAI_EMBEDDING_DEPLOYMENT): ' +
        'cluster on embeddings of the requests as well as their words, and have the chat model write intent and group names and descriptions; ' +
        'only masked text is sent; a failed call fails the run (see docs/discovery.md)',
    )
    .option('--azure-openai-timeout <ms>', 'with --azure-openai: longest wait for one call (a batch of embeddings or one group\'s names), retry included', '60000')
    .action(async (file: string | undefined, flags: DiscoverFlags) => {
      if (flags.misses) {
        if (file !== undefined) throw new CliError('give either a transcripts file or --misses, not both');
        const { discoverMisses } = await import('./discover-misses.js');
        return discoverMisses({ out: flags.out, seed: flags.seed, ...(flags.since ? { since: flags.since } : {}), ...(flags.run ? { run: flags.run } : {}) });
      }
      if (file === undefined) throw new CliError('give a transcripts file to discover from, or --misses');
      if (flags.since) throw new CliError('--since goes with --misses');
      // The discovery pipeline (and its language model) loads on use, so other commands start quickly.
      const [{ discoverFromFile }, { renderReport }, { DiscoveryModelError }, { DiscoveryInputError }, { runSummary, notIntentsText }] = await Promise.all([
        import('../discovery/run.js'),
        import('../discovery/report-html.js'),
        import('../discovery/azure-openai/model.js'),
        import('../discovery/input-check.js'),
        import('../discovery/run-summary.js'),
      ]);
      const size = await stat(file).then(
        (s) => s.size,
        (error: NodeJS.ErrnoException) => {
          throw new CliError(`cannot read ${file}: ${error.code ?? error.message}`);
        },
      );
      const granularity = positiveNumber(flags.granularity, '--granularity');
      const seed = Number(flags.seed);
      if (!Number.isSafeInteger(seed)) throw new CliError(`--seed must be a whole number, got "${flags.seed}"`);
      const timeoutMs = positiveNumber(flags.azureOpenaiTimeout, '--azure-openai-timeout');
      const azure = flags.azureOpenai ? await discoveryModel(timeoutMs) : null;
      if (azure) process.stderr.write(`${azure.describe}\n`);
      const now = new Date();
      const progress = progressBar(size);
      const skips: SkippedRow[] = [];
      const printSkips = (total: number) => {
        for (const row of skips) process.stderr.write(`${file}:${row.line}: skipped: ${row.reason}\n`);
        if (total > skips.length) process.stderr.write(`... and ${total - skips.length} more skipped rows\n`);
      };
      const result = await discoverFromFile(file, {
        granularity,
        seed,
        run: flags.run ?? `discover-${now.toISOString().replace(/[:.]/g, '-')}`,
        libraryId: flags.libraryId ?? 'discovered',
        libraryName: flags.libraryName ?? 'Discovered intents',
        now,
        onSkip: (row) => {
          if (skips.length < SHOWN_SKIPS) skips.push(row);
        },
        onBytes: progress.update,
        onPhase: (phase, detail) => progress.phase(`${PHASES[phase]}${detail ? ` (${detail})` : ''}...`),
        ...(azure ? { model: azure.model } : {}),
        ...(flags.assignments ? { assignmentsFile: flags.assignments } : {}),
      })
        .catch((error: unknown) => {
          if (error instanceof DiscoveryInputError) {
            printSkips(skips.length);
            throw new CliError(`${error.message}. Nothing was written.`);
          }
          if (error instanceof DiscoveryModelError) {
            throw new CliError(`${error.message.replace(/\.$/, '')}. Nothing was written; run again, or without --azure-openai to discover locally.`);
          }
          throw error;
        })
        .finally(() => {
          progress.stop();
          azure?.close();
        });
      printSkips(result.skipped);
      const { discovery } = result;
      for (const kept of result.model?.kept ?? []) process.stderr.write(`warning: model name not used, local name kept for ${kept}\n`);
      await writeFile(flags.out, serializeLibrary(discovery.library), 'utf8');
      if (flags.report) {
        await writeFile(flags.report, renderReport({ discovery, source: file, conversationsRead: result.conversationsRead, skippedRows: result.skipped, generatedAt: now }), 'utf8');
      }
      const summary = runSummary(discovery, file, result.conversationsRead, result.skipped);
      if (flags.summary) await writeFile(flags.summary, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
      const notIntents = notIntentsText(summary);
      console.log(
        `${result.conversationsRead} conversations read (${result.skipped} rows skipped), ${discovery.requests} requests: ` +
          `${discovery.library.intents.length} draft intents in ${discovery.library.groups.length} groups written to ${flags.out}` +
          (flags.report ? `; report ${flags.report}` : '') +
          (flags.assignments ? `; assignments ${flags.assignments}` : '') +
          (flags.summary ? `; summary ${flags.summary}` : '') +
          (notIntents ? `; ${notIntents}; customers asked for a person in ${summary.askedForPerson} conversations` : '') +
          (result.model ? `; ${modelSummary(result.model, discovery.library.intents.length, discovery.library.groups.length)}` : ''),
      );
    });
}
