import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rejectsWith, runEval } from '../cli/run-eval.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const library = path.join(root, 'samples', 'library.json');
const demo = path.join(root, 'test', 'fixtures', 'conversations', 'demo.jsonl');

type Summary = Record<string, unknown> & { worst: Array<{ conversationId: string; score: number }> };

describe('intent-skill eval conversations', function () {
  this.timeout(120_000);
  let dir: string;
  const jsonl = async (name: string, ...conversations: unknown[]) => {
    const file = path.join(dir, name);
    await writeFile(file, conversations.map((c) => JSON.stringify(c)).join('\n'));
    return file;
  };
  const evaluate = async (file: string, ...more: string[]) => JSON.parse(await runEval('conversations', '--library', library, '--conversations', file, '--json', ...more)) as Summary;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-eval-conversations-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replays the demo conversations and reports every measure and count, with labels all known to the library', async () => {
    const summary = await evaluate(demo, '--worst', '5');
    assert.equal(summary.conversations, 20);
    assert.deepEqual(
      [summary.customerTurns, summary.agentTurns, summary.intentTurns, summary.goldValues, summary.askedAttributes, summary.handoffTurns, summary.endTurns],
      [69, 49, 69, 51, 32, 3, 10],
    );
    assert.deepEqual(summary.unknownIntents, []);
    assert.deepEqual(summary.unknownAttributes, []);
    for (const name of ['intentAccuracy', 'valuePrecision', 'valueRecall', 'valueF1', 'nextQuestionF1', 'reaskRate', 'handoffRecall', 'endRecall']) {
      const rate = summary[name];
      assert.ok(typeof rate === 'number' && rate >= 0 && rate <= 100, `${name}: ${String(rate)}`);
    }
    assert.equal(summary.worst.length, 5);
    assert.deepEqual(
      summary.worst.map((w) => w.score),
      [...summary.worst.map((w) => w.score)].sort((a, b) => a - b),
    );
  });

  it("feeds agent turns as the representative's messages, so a bare answer binds to what was asked", async () => {
    // A bare "yes" says nothing on its own: only the question it answers makes it a value.
    const opening = { role: 'customer', text: 'my TV arrived with a cracked screen, order BL-2210458', intent: 'damaged-on-arrival', values: { orderNumber: 'BL-2210458' } };
    const answer = { role: 'customer', text: 'yes', intent: 'damaged-on-arrival', values: { photosAvailable: true } };
    const asked = await jsonl('asked.jsonl', {
      conversationId: 'asked',
      turns: [opening, { role: 'agent', text: 'Do you have photos of the damage?', asks: ['photosAvailable'] }, answer],
    });
    const unasked = await jsonl('unasked.jsonl', { conversationId: 'unasked', turns: [opening, answer] });
    const withQuestion = await evaluate(asked, '--reference-date', '2026-03-02');
    assert.deepEqual([withQuestion.goldValues, withQuestion.matchedValues, withQuestion.askedAttributes], [2, 2, 1]);
    const withoutQuestion = await evaluate(unasked, '--reference-date', '2026-03-02');
    assert.equal(withoutQuestion.matchedValues, 1, 'without the question the yes is not taken');
  });

  it("reads relative dates against the conversation's reference date, or the one given, never today", async () => {
    const turns = [{ role: 'customer', text: 'my package came yesterday but the charging cable is missing', intent: 'missing-item', values: { deliveryDate: '2026-03-01' } }];
    const own = await evaluate(await jsonl('own.jsonl', { conversationId: 'own', referenceDate: '2026-03-02', turns }));
    assert.equal(own.matchedValues, 1);
    const given = await evaluate(await jsonl('given.jsonl', { conversationId: 'given', turns }), '--reference-date', '2026-03-02T09:00:00+00:00');
    assert.equal(given.matchedValues, 1);
    const otherDay = await evaluate(await jsonl('other-day.jsonl', { conversationId: 'other-day', turns }), '--reference-date', '2026-04-10');
    assert.equal(otherDay.matchedValues, 0);
  });

  it('prints a short summary and writes a self-contained report of the lowest-scoring conversations, escaped', async () => {
    const file = await jsonl('report.jsonl', {
      conversationId: 'odd <id>',
      referenceDate: '2026-03-02',
      turns: [
        { role: 'customer', text: 'hello <b>there</b>', intent: 'none' },
        { role: 'agent', text: 'Which order? It starts with BL-.', asks: ['orderNumber'] },
      ],
    });
    const report = path.join(dir, 'report.html');
    const out = await runEval('conversations', '--library', library, '--conversations', file, '--report', report);
    assert.match(out, /^conversations 1 {2}customer turns 1 {2}agent turns 1 /);
    assert.match(out, /\nintent accuracy 100\.0% \(1 of 1 labelled turns\)\n/);
    assert.match(out, /\nlowest scores: odd <id> \(/);
    const html = await readFile(report, 'utf8');
    assert.match(html, /<h3>odd &lt;id&gt; /);
    assert.match(html, /hello &lt;b&gt;there&lt;\/b&gt;/);
    assert.doesNotMatch(html, /<script|https?:\/\//);
  });

  it('names the file, line and problem of a broken conversations file, and refuses bad options', async () => {
    const broken = path.join(dir, 'broken.jsonl');
    await writeFile(broken, `${JSON.stringify({ conversationId: 'a', referenceDate: '2026-03-02', turns: [{ role: 'customer', text: 'hi' }] })}\n{"conversationId": "b", "turns": [{"role": "agent"}]}\n`);
    await rejectsWith(['conversations', '--library', library, '--conversations', broken], /broken\.jsonl, line 2: turns\[0\]\.text: is required/);
    const undated = await jsonl('undated.jsonl', { conversationId: 'u', turns: [{ role: 'customer', text: 'hi' }] });
    await rejectsWith(['conversations', '--library', library, '--conversations', undated], /undated\.jsonl, line 1: referenceDate: is required/);
    await rejectsWith(['conversations', '--library', library, '--conversations', undated, '--reference-date', 'yesterday'], /--reference-date: must be an ISO date/);
    await rejectsWith(['conversations', '--library', library, '--conversations', undated, '--reference-date', '2026-03-02', '--worst', 'many'], /--worst: must be a whole number/);
    await rejectsWith(['conversations', '--library', library, '--conversations', path.join(dir, 'nope.jsonl')], /cannot read .*nope\.jsonl: ENOENT/);
    const badLibrary = path.join(dir, 'library.json');
    await writeFile(badLibrary, '{"schemaVersion": 1}');
    await rejectsWith(['conversations', '--library', badLibrary, '--conversations', undated, '--reference-date', '2026-03-02'], /library\.json is not a valid intent library/);
  });

  it('leaves `eval` on labelled utterances as it was, --test still required there', async () => {
    await rejectsWith(['--library', library], /required option '--test <file>' not specified/);
  });
});
