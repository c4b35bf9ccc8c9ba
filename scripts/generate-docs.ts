/**
 * Writes the generated parts of the docs from their single sources: the action reference in docs/skill.md from
 * the action catalogue (src/actions), and docs/library.schema.json from the library's zod schema.
 * Run: npm run docs   (test/actions/skill-docs.test.ts fails while they are out of date)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { skillActions } from '../src/actions/index.js';
import { withActionsSection } from '../src/actions/markdown.js';
import { packageRoot } from '../src/config.js';
import { libraryJsonSchema } from '../src/library/json-schema.js';

const skillDoc = path.join(packageRoot, 'docs', 'skill.md');
const before = await readFile(skillDoc, 'utf8');
const after = withActionsSection(before, skillActions);
if (after !== before) await writeFile(skillDoc, after);
console.log(`docs/skill.md: ${after === before ? 'up to date' : 'action reference rewritten'}`);

const schemaFile = path.join(packageRoot, 'docs', 'library.schema.json');
const schema = `${JSON.stringify(libraryJsonSchema(), null, 2)}\n`;
const stored = await readFile(schemaFile, 'utf8');
if (stored !== schema) await writeFile(schemaFile, schema);
console.log(`docs/library.schema.json: ${stored === schema ? 'up to date' : 'rewritten'}`);
