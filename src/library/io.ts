import { readFile, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import { parseJsonText } from './json-text.js';
import { intentLibrarySchema, type IntentLibrary } from './schema.js';

/** One problem in a library document, with the exact place: `intents[3].attributes[1].type`. */
export interface LibraryProblem {
  path: string;
  message: string;
}

export class LibraryValidationError extends Error {
  override name = 'LibraryValidationError';
  constructor(
    readonly source: string,
    readonly problems: LibraryProblem[],
  ) {
    super(`${source} is not a valid intent library:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
  }
}

/** `['intents', 3, 'attributes', 1, 'type']` -> `intents[3].attributes[1].type` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): LibraryProblem[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Validates an already-parsed JSON value; throws LibraryValidationError naming every problem. */
export function parseLibrary(value: unknown, source = 'library'): IntentLibrary {
  const result = intentLibrarySchema.safeParse(value);
  if (!result.success) throw new LibraryValidationError(source, describeIssues(result.error.issues));
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

export async function writeLibraryFile(file: string, library: IntentLibrary): Promise<void> {
  await writeFile(file, serializeLibrary(library), 'utf8');
}
