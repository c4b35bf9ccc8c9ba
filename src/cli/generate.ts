import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { DEFAULT_START, generateTranscripts } from '../synthetic/generate.js';
import type { Transcript } from '../synthetic/types.js';
import { readLibraryForCli } from './read-library.js';
import type { IntentLibrary } from '../library/schema.js';
import { CliError } from './errors.js';

interface TranscriptsOptions {
  count: string;
  seed: string;
  library: string;
  out: string;
  withLabels?: boolean;
  labelsOut?: string;
  offTopicShare: string;
  multiIntentShare: string;
  start: string;
}

/** An output file, or standard output for "-". */
interface Output {
  name: string;
  stream: Writable;
}

const DEMO_LIBRARY = fileURLToPath(new URL('../../samples/library.json', import.meta.url));

function wholeNumber(option: string, text: string): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/u.test(text) || !Number.isSafeInteger(value)) throw new CliError(`${option} must be a whole number, got "${text}"`);
  return value;
}

function share(option: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new CliError(`${option} must be a number from 0 to 1, got "${text}"`);
  return value;
}

function date(option: string, text: string): Date {
  const value = new Date(text);
  if (Number.isNaN(value.getTime())) throw new CliError(`${option} must be a date such as 2025-01-06T09:00:00Z, got "${text}"`);
  return value;
}

/** One transcript as a JSONL line; the gold labels in `meta` only when asked for. */
export function transcriptLine(transcript: Transcript, withLabels: boolean): string {
  const { meta, ...rest } = transcript;
  return `${JSON.stringify(withLabels ? { ...rest, meta } : rest)}\n`;
}

/** The gold labels of one transcript as a JSONL line: `{conversationId, intents}`. */
export function labelLine(transcript: Transcript): string {
  return `${JSON.stringify({ conversationId: transcript.conversationId, intents: transcript.meta?.intents ?? [] })}\n`;
}

function openOutput(file: string): Output {
  if (file === '-') return { name: 'standard output', stream: process.stdout };
  const stream = createWriteStream(file, { encoding: 'utf8' });
  // Failures (a missing folder, a full disk) surface through `errored` and finished(); this only keeps them from crashing.
  stream.on('error', () => undefined);
  return { name: file, stream };
}

function isClosedPipe(error: Error | null | undefined): boolean {
  return (error as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE';
}

/** Writes with back-pressure; false when the reader has gone away (`generate ... | head`). */
async function write(output: Output, text: string): Promise<boolean> {
  const { stream } = output;
  if (stream.errored) {
    if (isClosedPipe(stream.errored)) return false;
    throw new CliError(`cannot write ${output.name}: ${stream.errored.message}`);
  }
  if (!stream.write(text)) {
    try {
      await once(stream, 'drain');
    } catch (error) {
      if (isClosedPipe(error as Error)) return false;
      throw new CliError(`cannot write ${output.name}: ${(error as Error).message}`);
    }
  }
  return true;
}

async function close(output: Output): Promise<void> {
  if (output.stream === process.stdout) return;
  output.stream.end();
  try {
    await finished(output.stream);
  } catch (error) {
    throw new CliError(`cannot write ${output.name}: ${(error as Error).message}`);
  }
}

async function writeTranscripts(transcripts: Iterable<Transcript>, options: TranscriptsOptions): Promise<void> {
  const out = openOutput(options.out);
  const labels = options.labelsOut ? openOutput(options.labelsOut) : undefined;
  const ignorePipeErrors = (): void => undefined;
  process.stdout.on('error', ignorePipeErrors);
  try {
    for (const transcript of transcripts) {
      if (!(await write(out, transcriptLine(transcript, options.withLabels === true)))) break;
      if (labels && !(await write(labels, labelLine(transcript)))) break;
    }
    await close(out);
    if (labels) await close(labels);
  } finally {
    process.stdout.off('error', ignorePipeErrors);
  }
}

export function registerGenerateCommand(program: Command): void {
  const generate = program.command('generate').description('generate sample data for trying out and benchmarking discovery');

  generate
    .command('transcripts')
    .description('write synthetic customer-service conversations about the intents of a library as JSONL, one transcript a line')
    .option('--count <n>', 'number of conversations', '3000')
    .option('--seed <n>', 'random seed; the same seed and options give the same output', '7')
    .addOption(new Option('--library <file>', 'intent library JSON').default(DEMO_LIBRARY, 'the demo library, samples/library.json'))
    .option('-o, --out <file>', 'output file, or - for standard output', '-')
    .option('--with-labels', 'include the gold intents of each conversation as "meta" (for benchmarks only)')
    .option('--labels-out <file>', 'also write the gold labels, {conversationId, intents} per line, to this file')
    .option('--off-topic-share <share>', 'share of conversations about nothing in the library, 0 to 1', '0.08')
    .option('--multi-intent-share <share>', 'share of in-scope conversations that raise a second intent, 0 to 1', '0.12')
    .option('--start <date>', 'time of the first conversation', DEFAULT_START.toISOString())
    .action(async (options: TranscriptsOptions) => {
      const count = wholeNumber('--count', options.count);
      if (count < 0) throw new CliError(`--count must be 0 or more, got ${count}`);
      const seed = wholeNumber('--seed', options.seed);
      const offTopicShare = share('--off-topic-share', options.offTopicShare);
      const multiIntentShare = share('--multi-intent-share', options.multiIntentShare);
      const start = date('--start', options.start);
      const library = await readLibraryForCli(options.library);
      let transcripts: Iterable<Transcript>;
      try {
        transcripts = generateTranscripts({ count, seed, library, start, offTopicShare, multiIntentShare });
      } catch (error) {
        if (error instanceof RangeError) throw new CliError(error.message);
        throw error;
      }
      await writeTranscripts(transcripts, options);
    });
}
