import { LibraryValidationError, readLibraryFile } from '../library/io.js';
import type { IntentLibrary } from '../library/schema.js';
import { CliError } from './errors.js';

/** Reads and validates a library file for a command: every problem, with its path, goes to the terminal. */
export async function readLibraryForCli(file: string): Promise<IntentLibrary> {
  try {
    return await readLibraryFile(file);
  } catch (error) {
    if (error instanceof LibraryValidationError) throw new CliError(error.message);
    throw error;
  }
}
