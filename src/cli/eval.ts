import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { evaluateConversations, type ConversationEvaluation } from '../evaluation/evaluate-conversations.js';
import { parseLabelledConversations, referenceDateSchema, type LabelledConversation } from '../evaluation/labelled-conversations.js';
import { renderConversationReport } from '../evaluation/report-html.js';
import { ConversationReplayer } from '../evaluation/replay.js';
import { summaryJson as conversationsJson, summaryText as conversationsText } from '../evaluation/summary.js';
import { LibraryValidationError, readLibraryFile } from '../library/io.js';
import { trainIntentClassifier } from '../nlu/classifier/train.js';
import { type EvaluationResult, evaluateClassifier } from '../nlu/evaluate/evaluate.js';
import { LabelledDataError, parseLabelledJsonl } from '../nlu/evaluate/labelled-jsonl.js';
import { renderEvaluationReport } from '../nlu/evaluate/report-html.js';
import { createAttributeExtractor } from '../nlu/extractors/index.js';
import { trainFromLibrary } from '../nlu/library-training.js';
import type { IntentClassifier, LabelledUtterance } from '../nlu/types.js';
import { CliError } from './errors.js';
import { readLibraryForCli } from './read-library.js';

interface EvalOptions {
  train?: string;
  library?: string;
  test?: string;
  oosLabel?: string;
  json?: boolean;
  report?: string;
}

const SUMMARY_PAIRS = 10;

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function writeReport(file: string, html: string): Promise<void> {
  try {
    await writeFile(file, html, 'utf8');
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function readLabelled(file: string): Promise<LabelledUtterance[]> {
  const content = await readText(file);
  try {
    return parseLabelledJsonl(content, file);
  } catch (error) {
    if (error instanceof LabelledDataError) throw new CliError(error.message);
    throw error;
  }
}

async function trainModel(options: EvalOptions): Promise<{ classifier: IntentClassifier; trainedOn: string }> {
  if (options.library !== undefined) {
    try {
      return { classifier: trainFromLibrary(await readLibraryFile(options.library)), trainedOn: options.library };
    } catch (error) {
      if (error instanceof LibraryValidationError) throw new CliError(error.message);
      if (error instanceof RangeError) throw new CliError(error.message);
      throw error;
    }
  }
  const file = options.train as string;
  const rows = (await readLabelled(file)).filter((row) => row.intent !== options.oosLabel);
  if (rows.length === 0) throw new CliError(`${file}: every row carries the out-of-scope label "${options.oosLabel}", nothing to train on`);
  try {
    return { classifier: trainIntentClassifier(rows), trainedOn: file };
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function summaryJson(result: EvaluationResult, classifier: IntentClassifier, unknownLabels: readonly string[]): string {
  return JSON.stringify({
    rows: result.rows,
    intents: classifier.intents.length,
    accuracy: round(result.accuracy),
    macroF1: round(result.macroF1),
    inScopeAccuracy: round(result.inScopeAccuracy),
    oosRecall: result.oosRecall === null ? null : round(result.oosRecall),
    ece: round(result.ece),
    clarifyRate: round(result.clarifyRate),
    outOfScopeRate: round(result.outOfScopeRate),
    latencyMsP50: round(result.latencyMsP50, 3),
    latencyMsP95: round(result.latencyMsP95, 3),
    unknownLabels,
    confusions: result.confusions.slice(0, SUMMARY_PAIRS),
  });
}

function summaryText(result: EvaluationResult, unknownLabels: readonly string[]): string {
  const pct = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)}%`);
  const lines = [
    `rows ${result.rows}`,
    `accuracy ${pct(result.accuracy)}  macro-F1 ${pct(result.macroF1)}  in-scope accuracy ${pct(result.inScopeAccuracy)}  out-of-scope recall ${pct(result.oosRecall)}`,
    `calibration error (ECE) ${pct(result.ece)}  clarify ${pct(result.clarifyRate)}  decided out-of-scope ${pct(result.outOfScopeRate)}`,
    `latency per utterance p50 ${result.latencyMsP50.toFixed(3)} ms  p95 ${result.latencyMsP95.toFixed(3)} ms`,
  ];
  if (unknownLabels.length > 0) lines.push(`test labels the model was not trained on: ${unknownLabels.join(', ')}`);
  if (result.confusions.length > 0) {
    lines.push('costliest confusions (gold -> predicted):');
    for (const pair of result.confusions.slice(0, SUMMARY_PAIRS)) lines.push(`  ${pair.count}  ${pair.gold} -> ${pair.predicted}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerEvalCommand(program: Command): void {
  // `eval conversations` has options named like `eval`'s own (--library, --json, --report): each option must belong
  // to the command it follows, which commander does only when every command above is positional too.
  program.enablePositionalOptions();
  const evaluation = program
    .command('eval')
    .description('train the intent classifier and measure it on labelled utterances (JSONL rows {"text", "intent"}); `eval conversations` replays whole conversations')
    .enablePositionalOptions()
    .option('--train <file>', 'labelled JSONL to train on')
    .option('--library <file>', 'intent library JSON to train on (examples, names and descriptions of live intents; labels are intent ids)')
    .option('--test <file>', 'labelled JSONL to measure on (required)')
    .option('--oos-label <label>', 'gold label of out-of-scope rows: left out of training, and they must be decided out-of-scope')
    .option('--json', 'print one JSON object (percentages) instead of a summary')
    .option('--report <file>', 'also write a self-contained HTML report (heat map, per-intent scores, errors)')
    .action(async (options: EvalOptions) => {
      if (options.test === undefined) throw new CliError("required option '--test <file>' not specified (or run `eval conversations`)");
      if ((options.train === undefined) === (options.library === undefined)) {
        throw new CliError('give exactly one of --train <file.jsonl> or --library <library.json>');
      }
      const test = await readLabelled(options.test);
      const { classifier, trainedOn } = await trainModel(options);
      const known = new Set(classifier.intents);
      const unknownLabels = [...new Set(test.map((row) => row.intent))]
        .filter((label) => label !== options.oosLabel && !known.has(label))
        .sort();
      const result = evaluateClassifier(classifier, test, options.oosLabel === undefined ? {} : { oosLabel: options.oosLabel });
      process.stdout.write(options.json ? `${summaryJson(result, classifier, unknownLabels)}\n` : summaryText(result, unknownLabels));
      if (options.report !== undefined) {
        const html = renderEvaluationReport(result, {
          title: 'Intent classifier evaluation',
          trainedOn,
          testedOn: options.test,
          generatedAt: new Date(),
        });
        await writeReport(options.report, html);
      }
    });
  registerConversationsCommand(evaluation);
}

interface ConversationsOptions {
  library: string;
  conversations: string;
  referenceDate?: string;
  worst: string;
  json?: boolean;
  report?: string;
}

function registerConversationsCommand(evaluation: Command): void {
  evaluation
    .command('conversations')
    .description(
      'replay labelled conversations (JSONL {"conversationId", "turns": [...]}, docs/understanding.md) through the engine and measure ' +
        'intent accuracy, values taken, next questions, re-asks, hand-offs and endings',
    )
    .requiredOption('--library <file>', 'intent library JSON, trained as the service trains it (local understanding, no Azure)')
    .requiredOption('--conversations <file>', 'labelled conversations, one JSON object a line')
    .option('--reference-date <date>', "the date (2019-03-01) or date-time conversations without their own \"referenceDate\" took place; relative dates are read against it, never against today's")
    .option('--worst <n>', 'how many of the lowest-scoring conversations to list (the report shows them turn by turn)', '20')
    .option('--json', 'print one JSON object (percentages and counts) instead of a summary')
    .option('--report <file>', 'also write a self-contained HTML report: the measures, the counts, the lowest-scoring conversations turn by turn')
    .action(async (options: ConversationsOptions) => {
      const worst = Number(options.worst);
      if (!Number.isInteger(worst) || worst < 0) throw new CliError(`--worst: must be a whole number of at least 0, got "${options.worst}"`);
      if (options.referenceDate !== undefined && !referenceDateSchema.safeParse(options.referenceDate).success) {
        throw new CliError(`--reference-date: must be an ISO date (2019-03-01) or date-time with an offset, got "${options.referenceDate}"`);
      }
      const conversations = await readConversations(options.conversations, options.referenceDate === undefined);
      const result = await replayWithLibrary(options.library, conversations, options.referenceDate);
      process.stdout.write(options.json ? `${conversationsJson(result, worst)}\n` : conversationsText(result, worst));
      if (options.report !== undefined) {
        const html = renderConversationReport(result, { library: options.library, conversations: options.conversations, generatedAt: new Date(), worst });
        await writeReport(options.report, html);
      }
    });
}

async function readConversations(file: string, referenceDateRequired: boolean): Promise<LabelledConversation[]> {
  const content = await readText(file);
  try {
    return parseLabelledConversations(content, file, { referenceDateRequired });
  } catch (error) {
    if (error instanceof LabelledDataError) throw new CliError(error.message);
    throw error;
  }
}

/** The service's own wiring: the library compiled as `serve` compiles it, replayed on a private in-memory store. */
async function replayWithLibrary(file: string, conversations: readonly LabelledConversation[], referenceDate: string | undefined): Promise<ConversationEvaluation> {
  const library = await readLibraryForCli(file);
  const [{ compileLibrary }, { openStores }] = await Promise.all([import('../app/app.js'), import('../app/parts.js')]);
  let live;
  try {
    live = compileLibrary(library);
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  const stores = await openStores(loadConfig({ SQLITE_PATH: ':memory:' }));
  try {
    const replayer = new ConversationReplayer(stores.conversations, {
      catalog: live.catalog,
      ranker: live.classifier,
      extractor: createAttributeExtractor(),
      defaultRegion: loadConfig().DEFAULT_PHONE_REGION,
    });
    return await evaluateConversations(conversations, replayer, live.catalog, referenceDate);
  } finally {
    stores.close();
  }
}
