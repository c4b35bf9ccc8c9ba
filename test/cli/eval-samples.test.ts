import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseLabelledJsonl } from '../../src/nlu/evaluate/labelled-jsonl.js';
import { repoRoot, runCli } from './run-cli.js';

const read = (...parts: string[]) => readFileSync(path.join(repoRoot, ...parts), 'utf8');
const labelled = (name: string) => parseLabelledJsonl(read('samples', 'utterances', name), name);
/** Case, punctuation and spacing do not make a wording new. */
const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Every `intent-skill eval ...` command the documents show, as written. */
function evalCommands(document: string): string[][] {
  return [...document.matchAll(/intent-skill (eval [^`|#\n]+)/g)].map((match) => match[1]!.trim().split(/\s+/));
}

describe('the labelled sample utterances (samples/utterances)', () => {
  const library = JSON.parse(read('samples', 'library.json')) as { intents: Array<{ id: string; examples: string[] }> };
  const ids = library.intents.map((intent) => intent.id);
  const train = labelled('train.jsonl');
  const test = labelled('test.jsonl');

  it('label every row with a demo library intent, or out-of-scope in the test file, and cover every intent in both', () => {
    assert.deepEqual([...new Set(train.map((row) => row.intent))].sort(), [...ids].sort());
    assert.deepEqual([...new Set(test.map((row) => row.intent))].sort(), [...ids, 'out-of-scope'].sort());
  });

  it('never test on a wording the classifier was trained on: no test row repeats a training row or a library example', () => {
    const seen = new Set([...train.map((row) => row.text), ...library.intents.flatMap((intent) => intent.examples)].map(normal));
    assert.deepEqual(test.filter((row) => seen.has(normal(row.text))), []);
    const examples = new Set(library.intents.flatMap((intent) => intent.examples).map(normal));
    assert.deepEqual(train.filter((row) => examples.has(normal(row.text))), [], 'training rows are new wordings too');
  });
});

describe('the eval commands README.md and docs/understanding.md show (the real command)', function () {
  this.timeout(120_000);
  const shown = [...evalCommands(read('README.md')), ...evalCommands(read('docs', 'understanding.md'))];
  const commands = shown.filter((args) => args[1] !== 'conversations');
  const conversationCommands = shown.filter((args) => args[1] === 'conversations');
  let dir: string;

  before(async () => {
    // A folder like a checkout's root, so files the commands write (--report) land in it.
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-readme-eval-'));
    await symlink(path.join(repoRoot, 'samples'), path.join(dir, 'samples'));
    await symlink(path.join(repoRoot, 'test'), path.join(dir, 'test'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('finds the examples: both in the README and two in docs/understanding.md, and one of eval conversations in each', () => {
    assert.equal(commands.length, 4, commands.map((c) => c.join(' ')).join('\n'));
    assert.equal(conversationCommands.length, 2, conversationCommands.map((c) => c.join(' ')).join('\n'));
  });

  commands.forEach((args, index) => {
    it(`example ${index + 1} runs as written and measures all 116 test rows: ${args.join(' ')}`, async () => {
      const run = await runCli(args, { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      if (args.includes('--json')) assert.equal(JSON.parse(run.stdout).rows, 116);
      else assert.match(run.stdout, /^rows 116\naccuracy \d+\.\d%/);
      if (args.includes('--report')) assert.ok(existsSync(path.join(dir, args[args.indexOf('--report') + 1]!)), 'the report is written');
    });
  });

  conversationCommands.forEach((args, index) => {
    it(`eval conversations example ${index + 1} runs as written and replays the 20 demo conversations: ${args.join(' ')}`, async () => {
      const run = await runCli(args, { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^conversations 20 {2}customer turns 69 {2}agent turns 49 /);
      if (args.includes('--report')) assert.ok(existsSync(path.join(dir, args[args.indexOf('--report') + 1]!)), 'the report is written');
    });
  });
});
