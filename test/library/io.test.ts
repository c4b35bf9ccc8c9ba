import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse as parseJsonc } from 'jsonc-parser';
import { LibraryValidationError, parseLibrary, parseLibraryJson, readLibraryFile, serializeLibrary } from '../../src/library/io.js';
import { libraryJsonSchema } from '../../src/library/json-schema.js';

const fixture = new URL('../fixtures/library/minimal.json', import.meta.url);

async function minimal(): Promise<Record<string, unknown> & { intents: Array<Record<string, unknown>> }> {
  return JSON.parse(await readFile(fixture, 'utf8'));
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof LibraryValidationError, `expected LibraryValidationError, got ${String(error)}`);
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
  assert.fail('expected the library to be refused');
}

describe('intent library files', () => {
  it('reads a valid library and fills in the documented defaults', async () => {
    const library = await readLibraryFile(new URL(fixture).pathname);
    assert.equal(library.intents[0]?.status, 'approved');
    assert.equal(library.intents[0]?.selfService, true);
    assert.equal(library.intents[0]?.attributes[0]?.required, true);
    assert.equal(library.intents[0]?.attributes[1]?.required, false);
  });

  it('names the exact path of a wrong attribute type', async () => {
    const value = await minimal();
    (value.intents[0] as { attributes: Array<{ type: string }> }).attributes[1]!.type = 'colour';
    const problems = problemsOf(() => parseLibrary(value));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^intents\[0\]\.attributes\[1\]\.type: .*expected one of "text"\|"enum"/);
  });

  it('reports every problem at once, including references to unknown groups and duplicate ids', async () => {
    const value = await minimal();
    value.intents.push({ ...value.intents[0], groupId: 'billing' });
    const problems = problemsOf(() => parseLibrary(value));
    assert.deepEqual(problems.sort(), ['intents[1].groupId: unknown group id "billing"', 'intents[1].id: duplicate intent id "order-status" (first at intents[0])']);
  });

  it('reports structural and cross-reference problems together, each with its exact path', async () => {
    const value = await minimal();
    const first = value.intents[0] as { groupId: string; attributes: Array<Record<string, unknown>> };
    first.attributes[1]!.type = 'colour';
    first.groupId = 'nowhere';
    value.intents.push({
      id: 'order-status',
      groupId: 'orders',
      name: '',
      attributes: [
        { name: 'when', type: 'enum', question: 'When?', weight: 3 },
        { name: 'when', type: 'date', question: 'Which day?' },
      ],
    });
    (value.groups as Array<Record<string, unknown>>).push({ id: 'returns', name: 7, parentId: 'refunds' }, { id: 'orders', name: 'Orders again' });
    const problems = problemsOf(() => parseLibrary(value));
    assert.deepEqual(problems.sort(), [
      'groups[1].name: Invalid input: expected string, received number',
      'groups[1].parentId: unknown group id "refunds"',
      'groups[2].id: duplicate group id "orders" (first at groups[0])',
      'intents[0].attributes[1].type: Invalid option: expected one of "text"|"enum"|"date"|"time"|"number"|"email"|"phone"|"identifier"|"boolean"',
      'intents[0].groupId: unknown group id "nowhere"',
      'intents[1].attributes[0].values: an enum attribute needs at least one value',
      'intents[1].attributes[0].weight: Too big: expected number to be <=1',
      'intents[1].attributes[1].name: duplicate attribute name "when" (first at attributes[0])',
      'intents[1].id: duplicate intent id "order-status" (first at intents[0])',
      'intents[1].name: must not be empty',
    ]);
  });

  it('names what is wrong in a document of the wrong shape instead of failing on it', () => {
    assert.deepEqual(problemsOf(() => parseLibrary([])), [': Invalid input: expected object, received array']);
    const problems = problemsOf(() => parseLibrary({ schemaVersion: 1, id: 'x', name: 'X', updatedAt: '2026-11-01T00:00:00Z', groups: 'orders', intents: [3, { id: 'a', groupId: 'orders', name: 'A', attributes: [null] }] }));
    assert.deepEqual(problems, [
      'groups: Invalid input: expected array, received string',
      'intents[0]: Invalid input: expected object, received number',
      'intents[1].attributes[0]: Invalid input: expected object, received null',
    ]);
  });

  it('refuses an enum without values, an invalid pattern and unknown fields', async () => {
    const value = await minimal();
    const attributes = (value.intents[0] as { attributes: Array<Record<string, unknown>> }).attributes;
    delete attributes[1]!.values;
    attributes[0]!.pattern = '([';
    value.colour = 'blue';
    const problems = problemsOf(() => parseLibrary(value));
    assert.ok(problems.some((p) => p.startsWith('intents[0].attributes[1].values: an enum attribute needs at least one value')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('intents[0].attributes[0].pattern: is not a valid regular expression')), problems.join('\n'));
    assert.ok(problems.some((p) => /colour/.test(p)), problems.join('\n'));
  });

  it('says which required field is missing', async () => {
    const value = await minimal();
    delete value.intents[0]!.name;
    assert.deepEqual(problemsOf(() => parseLibrary(value)), ['intents[0].name: is required (string)']);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const problems = problemsOf(() => parseLibraryJson('{\n  "id": "x",\n  "name": \n}', 'lib.json'));
    assert.deepEqual(problems, [': invalid JSON at line 4, column 1: ValueExpected']);
    const afterBom = problemsOf(() => parseLibraryJson('\uFEFF{ "id": }', 'lib.json'));
    assert.deepEqual(afterBom, [': invalid JSON at line 1, column 9: ValueExpected'], 'a byte-order mark is no column of its own');
  });

  it('names an unreadable file', async () => {
    await assert.rejects(readLibraryFile('/nonexistent/library.json'), /\/nonexistent\/library\.json .*cannot read file: ENOENT/s);
  });

  it('exports what it imports, unchanged', async () => {
    const library = parseLibrary(await minimal());
    assert.deepEqual(parseLibraryJson(serializeLibrary(library)), library);
  });

  it('documents a valid library: the commented example in docs/library.md passes validation', async () => {
    const page = await readFile(new URL('../../docs/library.md', import.meta.url), 'utf8');
    const example = /```jsonc\n([\s\S]*?)```/.exec(page)?.[1];
    assert.ok(example, 'docs/library.md shows a jsonc example');
    const library = parseLibrary(parseJsonc(example), 'docs/library.md');
    assert.deepEqual(library.intents[0]?.attributes.map((a) => a.type), ['identifier', 'enum']);
  });

  it('keeps docs/library.schema.json in step with the schema (regenerate with `intent-skill library schema --out docs/library.schema.json`)', async () => {
    const documented = JSON.parse(await readFile(new URL('../../docs/library.schema.json', import.meta.url), 'utf8'));
    assert.deepEqual(documented.properties.intents.items.properties.attributes.items.properties.type.enum, [
      'text', 'enum', 'date', 'time', 'number', 'email', 'phone', 'identifier', 'boolean',
    ]);
    assert.deepEqual(documented, libraryJsonSchema());
  });
});
