import type { LabelledUtterance } from '../types.js';
import { stripBom } from '../../text/bom.js';

/** A problem in a labelled JSONL file, with the file and the 1-based line it is on. */
export class LabelledDataError extends Error {
  override name = 'LabelledDataError';
  constructor(
    readonly source: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `${source}, line ${line}: ${problem}` : `${source}: ${problem}`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** The JSON value of every non-blank line with its 1-based number (a byte-order mark is fine); throws LabelledDataError at the first line that is not JSON. */
export function jsonLines(content: string, source: string): Array<{ line: number; value: unknown }> {
  return content.split(/\r?\n/).flatMap((text, index) => {
    const line = stripBom(text);
    if (line.trim() === '') return [];
    try {
      return [{ line: index + 1, value: JSON.parse(line) as unknown }];
    } catch (error) {
      throw new LabelledDataError(source, index + 1, `not valid JSON (${(error as Error).message})`);
    }
  });
}

/** Parses `{text, intent}` JSON lines (other fields are ignored, blank lines skipped); throws LabelledDataError on the first bad line. */
export function parseLabelledJsonl(content: string, source: string): LabelledUtterance[] {
  const rows: LabelledUtterance[] = [];
  for (const { line: lineNumber, value } of jsonLines(content, source)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new LabelledDataError(source, lineNumber, `expected an object {"text": ..., "intent": ...}, found ${describe(value)}`);
    }
    const { text, intent } = value as Record<string, unknown>;
    if (typeof text !== 'string') throw new LabelledDataError(source, lineNumber, `"text" must be a string, found ${describe(text)}`);
    if (typeof intent !== 'string' || intent.trim() === '') {
      throw new LabelledDataError(source, lineNumber, `"intent" must be a non-empty string, found ${typeof intent === 'string' ? 'an empty string' : describe(intent)}`);
    }
    rows.push({ text, intent: intent.trim() });
  }
  if (rows.length === 0) throw new LabelledDataError(source, 0, 'no labelled rows (expected one {"text", "intent"} object per line)');
  return rows;
}
