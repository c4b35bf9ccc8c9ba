import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { LibraryValidationError, readLibraryFile } from '../library/io.js';
import { trainIntentClassifier } from '../nlu/classifier/train.js';
import { type EvaluationResult, evaluateClassifier } from '../nlu/evaluate/evaluate.js';
import { LabelledDataError, parseLabelledJsonl } from '../nlu/evaluate/labelled-jsonl.js';
import { renderEvaluationReport } from '../nlu/evaluate/report-html.js';
import { trainFromLibrary } from '../nlu/library-training.js';
import type { IntentClassifier, LabelledUtterance } from '../nlu/types.js';
import { CliError } from './errors.js';

interface EvalOptions {
  train?: string;
  library?: string;
  test: string;
  oosLabel?: string;
  json?: boolean;
  report?: string;
}

const SUMMARY_PAIRS = 10;

async function readLabelled(file: string): Promise<LabelledUtterance[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
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
  program
    .command('eval')
    .description('train the intent classifier and measure it on labelled utterances (JSONL rows {"text", "intent"})')
    .option('--train <file>', 'labelled JSONL to train on')
    .option('--library <file>', 'intent library JSON to train on (examples, names and descriptions of live intents; labels are intent ids)')
    .requiredOption('--test <file>', 'labelled JSONL to measure on')
    .option('--oos-label <label>', 'gold label of out-of-scope rows: left out of training, and they must be decided out-of-scope')
    .option('--json', 'print one JSON object (percentages) instead of a summary')
    .option('--report <file>', 'also write a self-contained HTML report (heat map, per-intent scores, errors)')
    .action(async (options: EvalOptions) => {
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
        try {
          await writeFile(options.report, html, 'utf8');
        } catch (error) {
          throw new CliError(`cannot write ${options.report}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
      }
    });
}
