import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { z } from 'zod';
import { describeFirstIssue } from '../text/issues.js';
import type { Conversation, SkippedRow } from './types.js';
import { stripBom } from '../text/bom.js';

const roleSchema = z.enum(['customer', 'agent', 'bot'], 'must be "customer", "agent" or "bot"');
const turnSchema = z.object({ role: roleSchema, text: z.string('must be a string'), at: z.string().optional() });
/** Turns whose text is blank are left out of their conversation; a conversation with none left is skipped. */
const transcriptSchema = z.object({
  conversationId: z.union([z.string().min(1, 'must not be empty'), z.number()]).transform(String),
  turns: z
    .array(turnSchema, 'must be an array of {role, text}')
    .min(1, 'must have at least one turn')
    .transform((turns) => turns.filter((turn) => turn.text.trim() !== ''))
    .refine((turns) => turns.length > 0, 'every turn\'s text is empty'),
});
const utteranceSchema = z.object({
  id: z.union([z.string().min(1, 'must not be empty'), z.number()]).transform(String),
  text: z.string('must be a string').min(1, 'must not be empty'),
});

export interface ReadOptions {
  /** Called for each row that is skipped; reading continues. */
  onSkip: (row: SkippedRow) => void;
  /** Called with the bytes read so far, for a progress bar. */
  onBytes?: (bytes: number) => void;
}

/** One JSONL row: a transcript `{conversationId, turns}` or an utterance `{id, text}` (a one-turn customer conversation). */
export function parseJsonlRow(line: string): Conversation | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { reason: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { reason: 'must be a JSON object' };
  if ('turns' in value || 'conversationId' in value) {
    const result = transcriptSchema.safeParse(value);
    return result.success ? result.data : { reason: describeFirstIssue(result.error.issues) };
  }
  if ('text' in value || 'id' in value) {
    const result = utteranceSchema.safeParse(value);
    return result.success ? { conversationId: result.data.id, turns: [{ role: 'customer', text: result.data.text }] } : { reason: describeFirstIssue(result.error.issues) };
  }
  return { reason: 'must be a transcript {conversationId, turns} or an utterance {id, text}' };
}

async function* readJsonl(file: string, options: ReadOptions): AsyncGenerator<Conversation> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    options.onBytes?.(stream.bytesRead);
    if (text.trim() === '') continue;
    const row = parseJsonlRow(stripBom(text));
    if ('reason' in row) options.onSkip({ line, reason: row.reason });
    else yield row;
  }
}

/**
 * CSV with a header: `conversationId,role,text[,at]`, one turn a row, a conversation's rows together;
 * or `id,text`, one utterance a row.
 */
async function* readCsv(file: string, options: ReadOptions): AsyncGenerator<Conversation> {
  const stream = createReadStream(file);
  const parser = stream.pipe(parseCsv({ columns: (header: string[]) => header.map((h) => h.trim()), relax_column_count: true, skip_empty_lines: true, bom: true, info: true }));
  let current: Conversation | undefined;
  for await (const record of parser as AsyncIterable<{ record: Record<string, string | undefined>; info: { lines: number } }>) {
    options.onBytes?.(stream.bytesRead);
    const row = record.record;
    const line = record.info.lines;
    const id = (row.conversationId ?? row.id ?? '').trim();
    const text = row.text ?? '';
    if (id === '') {
      options.onSkip({ line, reason: 'conversationId (or id) is empty' });
      continue;
    }
    if (text.trim() === '') {
      options.onSkip({ line, reason: 'text is empty' });
      continue;
    }
    if (row.role === undefined) {
      yield { conversationId: id, turns: [{ role: 'customer', text }] };
      continue;
    }
    const role = roleSchema.safeParse(row.role.trim());
    if (!role.success) {
      options.onSkip({ line, reason: `role "${row.role}" must be "customer", "agent" or "bot"` });
      continue;
    }
    const turn = { role: role.data, text, ...(row.at ? { at: row.at } : {}) };
    if (current && current.conversationId === id) current.turns.push(turn);
    else {
      if (current) yield current;
      current = { conversationId: id, turns: [turn] };
    }
  }
  if (current) yield current;
}

/** Streams conversations from a JSONL or CSV file (by extension); malformed rows are reported to `onSkip` and left out. */
export function readConversations(file: string, options: ReadOptions): AsyncGenerator<Conversation> {
  return extname(file).toLowerCase() === '.csv' ? readCsv(file, options) : readJsonl(file, options);
}
