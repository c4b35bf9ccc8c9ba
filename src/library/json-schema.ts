import { z } from 'zod';
import { intentLibrarySchema } from './schema.js';

/** The JSON Schema users validate their library files with (docs/library.schema.json is generated from this). */
export function libraryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(intentLibrarySchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/intent-skill/intent-skill/docs/library.schema.json',
    title: 'intent-skill intent library',
  };
}
