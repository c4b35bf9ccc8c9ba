import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rejectsWith, runEval } from './run-eval.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'nlu');
const fixture = (name: string) => path.join(fixtures, name);

describe('intent-skill eval', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-eval-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the metrics as one JSON object, out-of-scope rows held out of training', async () => {
    const out = await runEval('--train', fixture('train.jsonl'), '--test', fixture('test.jsonl'), '--oos-label', 'none', '--json');
    const summary = JSON.parse(out) as Record<string, unknown>;
    assert.equal(summary.rows, 10);
    assert.equal(summary.intents, 5);
    assert.equal(summary.inScopeAccuracy, 100);
    assert.equal(summary.oosRecall, 100);
    assert.equal(summary.accuracy, 100);
    assert.equal(typeof summary.macroF1, 'number');
    assert.equal(typeof summary.latencyMsP50, 'number');
    assert.deepEqual(summary.unknownLabels, []);
  });

  it('prints a readable summary and writes a self-contained HTML report', async () => {
    const report = path.join(dir, 'report.html');
    const out = await runEval('--train', fixture('train.jsonl'), '--test', fixture('test.jsonl'), '--report', report);
    assert.match(out, /^rows 10\naccuracy 80\.0%/);
    assert.match(out, /test labels the model was not trained on: none/);
    const html = await readFile(report, 'utf8');
    assert.match(html, /<table class="heatmap">/);
    assert.match(html, /qwxz vbnm plkj/);
  });

  it('trains from an intent library, leaving discarded intents out', async () => {
    const out = await runEval('--library', fixture('library.json'), '--test', fixture('test.jsonl'), '--oos-label', 'none', '--json');
    const summary = JSON.parse(out) as Record<string, unknown>;
    assert.equal(summary.intents, 3);
    assert.deepEqual(summary.unknownLabels, ['change_address', 'refund']);
  });

  it('names the file, line and problem of a malformed test file', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, '{"text":"fine","intent":"refund"}\n{"text":"no label"}\n');
    await rejectsWith(['--train', fixture('train.jsonl'), '--test', bad], /bad\.jsonl, line 2: "intent" must be a non-empty string, found nothing/);
  });

  it('names the file of a malformed training file or library', async () => {
    const bad = path.join(dir, 'bad-train.jsonl');
    await writeFile(bad, 'not json\n');
    await rejectsWith(['--train', bad, '--test', fixture('test.jsonl')], /bad-train\.jsonl, line 1: not valid JSON/);
    const library = path.join(dir, 'library.json');
    await writeFile(library, '{"schemaVersion": 1}');
    await rejectsWith(['--library', library, '--test', fixture('test.jsonl')], /library\.json is not a valid intent library/);
  });

  it('refuses a missing file, and both or neither of --train and --library', async () => {
    await rejectsWith(['--train', path.join(dir, 'nope.jsonl'), '--test', fixture('test.jsonl')], /cannot read .*nope\.jsonl: ENOENT/);
    await rejectsWith(['--test', fixture('test.jsonl')], /exactly one of --train .* or --library/);
    await rejectsWith(
      ['--train', fixture('train.jsonl'), '--library', fixture('library.json'), '--test', fixture('test.jsonl')],
      /exactly one of --train .* or --library/,
    );
  });

  it('refuses a training file whose rows are all out of scope', async () => {
    const allOut = path.join(dir, 'all-out.jsonl');
    await writeFile(allOut, '{"text":"what is the weather","intent":"none"}\n');
    await rejectsWith(['--train', allOut, '--test', fixture('test.jsonl'), '--oos-label', 'none'], /all-out\.jsonl: every row carries the out-of-scope label "none"/);
  });
});
