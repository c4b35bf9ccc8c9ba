import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { stripBom } from '../text/bom.js';

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Strict JSON parsing whose error names the line and column of the first problem; a leading byte-order mark is allowed. */
export function parseJsonText(raw: string): unknown {
  const text = stripBom(raw);
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    throw new JsonSyntaxError(`invalid JSON at line ${line}, column ${column}: ${printParseErrorCode(first.error)}`, line, column);
  }
  return value;
}
