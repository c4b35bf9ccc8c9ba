import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { CliError } from '../../src/cli/errors.js';
import { registerGenerateCommand } from '../../src/cli/generate.js';

async function run(...args: string[]): Promise<void> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
  registerGenerateCommand(program);
  await program.parseAsync(['generate', 'transcripts', ...args], { from: 'user' });
}

async function jsonLines(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8');
  assert.ok(text.endsWith('\n'));
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
}

describe('intent-skill generate transcripts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'generate-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one parseable transcript a line, without the gold labels by default', async () => {
    const out = join(dir, 'transcripts.jsonl');
    await run('--count', '25', '--seed', '3', '--out', out);
    const lines = (await jsonLines(out)) as Array<Record<string, unknown>>;
    assert.equal(lines.length, 25);
    for (const line of lines) {
      assert.deepEqual(Object.keys(line), ['conversationId', 'turns']);
      assert.ok(Array.isArray(line.turns) && line.turns.length > 1);
    }
  });

  it('writes the same file for the same seed and a different one for another seed', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(dir, `${name}.jsonl`)) as [string, string, string];
    await run('--count', '20', '--seed', '5', '--out', a);
    await run('--count', '20', '--seed', '5', '--out', b);
    await run('--count', '20', '--seed', '6', '--out', c);
    assert.equal(await readFile(a, 'utf8'), await readFile(b, 'utf8'));
    assert.notEqual(await readFile(a, 'utf8'), await readFile(c, 'utf8'));
  });

  it('adds the gold labels with --with-labels, and writes them apart with --labels-out', async () => {
    const labelled = join(dir, 'labelled.jsonl');
    const plain = join(dir, 'plain.jsonl');
    const labels = join(dir, 'labels.jsonl');
    await run('--count', '30', '--out', labelled, '--with-labels');
    await run('--count', '30', '--out', plain, '--labels-out', labels);
    const withMeta = (await jsonLines(labelled)) as Array<{ conversationId: string; meta: { intents: string[] } }>;
    const separate = (await jsonLines(labels)) as Array<{ conversationId: string; intents: string[] }>;
    assert.deepEqual(
      separate,
      withMeta.map((line) => ({ conversationId: line.conversationId, intents: line.meta.intents })),
    );
    assert.ok(separate.some((line) => line.intents.length > 0));
  });

  it('rejects a bad count, share or start with a message naming the option', async () => {
    await assert.rejects(run('--count', 'many'), (error) => error instanceof CliError && /--count must be a whole number, got "many"/u.test(error.message));
    await assert.rejects(run('--count', '-5'), (error) => error instanceof CliError && /--count must be 0 or more/u.test(error.message));
    await assert.rejects(run('--off-topic-share', '1.5'), (error) => error instanceof CliError && /--off-topic-share must be a number from 0 to 1/u.test(error.message));
    await assert.rejects(run('--start', 'someday'), (error) => error instanceof CliError && /--start must be a date/u.test(error.message));
  });

  it('names the library file it cannot read or that is invalid', async () => {
    const missing = join(dir, 'missing.json');
    await assert.rejects(run('--library', missing), (error) => error instanceof CliError && error.message.includes(missing));
    const invalid = join(dir, 'invalid.json');
    await writeFile(invalid, '{"schemaVersion": 1, "id": "x", "name": "X", "intents": "none", "updatedAt": "2025-01-01T00:00:00Z"}');
    await assert.rejects(run('--library', invalid), (error) => error instanceof CliError && /invalid\.json is not a valid intent library[\s\S]*intents/u.test(error.message));
  });

  it('reports an output file it cannot create', async () => {
    const out = join(dir, 'no-such-folder', 'out.jsonl');
    await assert.rejects(run('--count', '2', '--out', out), (error) => error instanceof CliError && error.message.includes(out));
  });
});
