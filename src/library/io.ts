import { readFile } from 'node:fs/promises';
import { problemsOf, type Problem } from '../text/issues.js';
import { parseJsonText } from './json-text.js';
import { intentLibrarySchema, type IntentLibrary } from './schema.js';

export class LibraryValidationError extends Error {
  override name = 'LibraryValidationError';
  constructor(
    readonly source: string,
    readonly problems: Problem[],
  ) {
    super(`${source} is not a valid intent library:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
  }
}

/** Validates an already-parsed JSON value; throws LibraryValidationError naming every problem. */
export function parseLibrary(value: unknown, source = 'library'): IntentLibrary {
  const result = intentLibrarySchema.safeParse(value, { reportInput: true });
  if (!result.success) throw new LibraryValidationError(source, problemsOf(result.error.issues));
  return result.data;
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseLibraryJson(text: string, source = 'library'): IntentLibrary {
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (error) {
    throw new LibraryValidationError(source, [{ path: '', message: (error as Error).message }]);
  }
  return parseLibrary(value, source);
}

export async function readLibraryFile(file: string): Promise<IntentLibrary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LibraryValidationError(file, [{ path: '', message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  return parseLibraryJson(text, file);
}

/** Stable, reviewable JSON: two-space indent, trailing newline. */
export function serializeLibrary(library: IntentLibrary): string {
  return `${JSON.stringify(library, null, 2)}\n`;
}
