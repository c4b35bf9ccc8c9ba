import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileLibrary, engineDeps } from '../../src/app/app.js';
import { harvestMisses } from '../../src/discovery/misses-harvest.js';
import { foldTypos, mineMisses } from '../../src/discovery/mine-misses.js';
import { ConversationService } from '../../src/engine/conversations.js';
import type { Miss } from '../../src/engine/misses.js';
import { parseLibraryJson, serializeLibrary } from '../../src/library/io.js';
import { mergeDraft } from '../../src/library/merge.js';
import { liveClassifier } from '../../src/nlu/library-votes.js';
import { createAttributeExtractor } from '../../src/nlu/extractors/index.js';
import { openSqliteStores } from '../../src/stores/sqlite/index.js';
import { stemOf } from '../../src/text/topic-words.js';
import { runCli } from '../cli/run-cli.js';

const demo = parseLibraryJson(readFileSync(new URL('../../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');
const NOW = new Date('2026-03-02T12:00:00.000Z');

function miss(id: number, text: string, more: Partial<Miss> = {}): Miss {
  return {
    id: `c${id}#1`,
    conversationId: `c${id}`,
    channel: 'webchat',
    at: new Date(NOW.getTime() - id * 60_000).toISOString(),
    text,
    reason: 'out-of-scope',
    intentId: null,
    afterQuestion: false,
    followedBy: 'question',
    followUp: 'Which store are you picking it up from?',
    ...more,
  };
}

describe('misses: kept from stored conversations, mined back into the library', function () {
  this.timeout(120_000);
  const live = compileLibrary(demo);

  async function converse(service: ConversationService, id: string, turns: Array<['customer' | 'agent', string]>): Promise<void> {
    for (const [role, text] of turns) await service.turn(id, { role, text }, { channel: 'webchat', phase: 'assisted' });
  }

  it('harvests out-of-scope turns and the turns of a thumbs-down conversation, masked, once, with what the agent did next', async () => {
    const stores = openSqliteStores(':memory:');
    const deps = engineDeps({ catalog: live.catalog, ranker: live.classifier, extractor: createAttributeExtractor(), search: null, now: () => NOW });
    const service = new ConversationService(stores.conversations, () => deps);
    await converse(service, 'tires', [
      ['customer', 'do you sell car tires? mail me at ana@example.com'],
      ['agent', 'Which size are they?'],
      ['customer', '205/55 R16'],
    ]);
    await converse(service, 'understood', [['customer', "my order hasn't arrived yet"]]);
    await converse(service, 'rated', [['customer', "my order hasn't arrived yet"]]);
    await service.apply('rated', { kind: 'feedback', rating: 'down' }, { channel: 'webchat' });
    const logged: string[] = [];
    const first = await harvestMisses(stores.conversations, stores.misses, new Date(0), NOW, (message) => logged.push(message));
    const kept: Miss[] = [];
    for await (const m of stores.misses.since(new Date(0))) kept.push(m);
    const byId = new Map(kept.map((m) => [m.id, m]));
    assert.equal(byId.get('tires#1')?.reason, 'out-of-scope');
    assert.equal(byId.get('tires#1')?.followedBy, 'question');
    assert.equal(byId.get('tires#1')?.followUp, 'Which size are they?');
    assert.doesNotMatch(byId.get('tires#1')?.text ?? '', /ana@example\.com/);
    assert.equal(byId.get('tires#3')?.afterQuestion, true, 'the answer to the agent is marked as one');
    assert.equal(byId.get('rated#1')?.reason, 'thumbs-down');
    assert.equal(byId.get('rated#1')?.intentId, 'order-status');
    assert.ok(!kept.some((m) => m.conversationId === 'understood'), 'an understood turn is no miss');
    assert.equal(first.added, kept.length);
    const again = await harvestMisses(stores.conversations, stores.misses, new Date(0), NOW, (message) => logged.push(message));
    assert.equal(again.added, 0);
    assert.equal(await stores.misses.count(), kept.length);
    assert.deepEqual(logged, []);
    stores.close();
  });

  it('drops the oldest misses first when the store is full, and says how many in the log', async () => {
    const stores = openSqliteStores(':memory:', { max: 2, retentionDays: 90 });
    const deps = engineDeps({ catalog: live.catalog, ranker: live.classifier, extractor: createAttributeExtractor(), search: null, now: () => NOW });
    const service = new ConversationService(stores.conversations, () => deps);
    for (const [i, text] of ['do you sell car tires?', 'what is the weather tomorrow', 'are you hiring at the downtown store'].entries()) {
      await converse(service, `off-${i}`, [['customer', text]]);
    }
    const logged: string[] = [];
    const result = await harvestMisses(stores.conversations, stores.misses, new Date(0), NOW, (message) => logged.push(message));
    assert.equal(result.droppedForBound, 1);
    assert.equal(await stores.misses.count(), 2);
    assert.deepEqual(logged, ['the misses store is full: dropped the 1 oldest misses to keep within MISSES_MAX']);
    stores.close();
  });

  it('proposes a new draft intent for a coherent cluster agents worked on, new examples for one the live library knows, and leaves chat moves and answers out', () => {
    const wrapping = ['can you gift wrap my order', 'do you offer gift wrapping', 'I want gift wrapping on the headphones', 'is gift wrapping available for this order', 'please add gift wrapping', 'gift wrap the tablet please', 'could you gift wrap it for my sister', 'I need this gift wrapped before friday'];
    const orders = ["my order hasn't arrived yet", 'where is my order, it is late', 'my parcel never arrived at the house', 'tracking has not moved for my order in days', 'when will my order get here', 'order still not delivered'];
    const misses = [
      ...wrapping.map((text, i) => miss(i, text)),
      ...orders.map((text, i) => miss(100 + i, text, { followUp: "What's the order number?" })),
      miss(200, 'thanks, bye'),
      miss(201, 'can I speak to a real person'),
      miss(202, '205/55 R16 please', { afterQuestion: true }),
      miss(203, 'I have a question', { followedBy: 'prompt', followUp: null }),
    ];
    const classifier = liveClassifier(demo)!;
    const mined = mineMisses(misses, demo, { run: 'test', now: NOW, classifier });
    const proposed = mined.draft.intents.filter((i) => !i.provenance?.examplesFor);
    assert.equal(proposed.length, 1, `one new draft, got ${proposed.map((i) => i.name).join('; ')}`);
    assert.match(proposed[0]!.name, /gift|wrap/i);
    assert.equal(proposed[0]!.status, 'draft');
    assert.equal(proposed[0]!.provenance?.source, 'misses');
    assert.deepEqual(mined.examplesFor.map((e) => e.intentId), ['order-status']);
    assert.equal(mined.left.answers, 1);
    assert.equal(mined.clustered, wrapping.length + orders.length, 'the chat moves, the answer and the opener that says nothing yet are left out');
  });

  it('does not propose a cluster agents answered in one reply ("we don\'t sell those")', () => {
    const tires = Array.from({ length: 12 }, (_, i) => `do you sell car tires${'?'.repeat(i % 3)}${i % 2 ? ' for my van' : ''}`);
    const answered = mineMisses(tires.map((text, i) => miss(i, text, { followedBy: 'reply', followUp: null })), demo, { run: 'test', now: NOW });
    assert.equal(answered.newIntents.length, 0);
    assert.ok(answered.answeredClusters >= 1, 'the cluster is left out as answered');
    const workedOn = mineMisses(tires.map((text, i) => miss(i, text)), demo, { run: 'test', now: NOW });
    assert.equal(workedOn.newIntents.length, 1, 'the same requests with follow-up questions are proposed');
  });

  it('library merge adds approved example proposals to their live intent and keeps unreviewed ones as drafts for /library', () => {
    const draft = {
      ...demo,
      id: 'proposals',
      groups: demo.groups.filter((g) => g.id === 'orders'),
      intents: [
        { ...demo.intents[0]!, id: 'order-status', name: 'New examples for Order status', status: 'approved' as const, examples: ['my parcel is lost in the post', 'where is my order?'], attributes: [], provenance: { source: 'misses' as const, sampleConversationIds: [], examplesFor: 'order-status' } },
        { ...demo.intents[0]!, id: 'order-status-2', name: 'New examples for Order status', status: 'draft' as const, examples: ['parcel gone missing'], attributes: [], provenance: { source: 'misses' as const, sampleConversationIds: [], examplesFor: 'order-status' } },
      ],
    };
    const { library, summary } = mergeDraft(demo, draft, { now: NOW });
    const before = demo.intents.find((i) => i.id === 'order-status')!;
    const after = library.intents.find((i) => i.id === 'order-status')!;
    assert.deepEqual(summary.examplesAdded, [{ intentId: 'order-status', examples: 1 }]);
    assert.deepEqual(after.examples, [...before.examples, 'my parcel is lost in the post']);
    const pending = library.intents.find((i) => i.provenance?.examplesFor === 'order-status');
    assert.equal(pending?.status, 'draft');
    assert.equal(pending?.groupId, 'orders');
    assert.deepEqual(pending?.examples, ['parcel gone missing']);
    assert.ok(summary.added.includes(pending!.id));
  });

  it('intent-skill discover --misses harvests the stored conversations and writes the proposals; a bad --since is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'misses-cli-'));
    const env = { DATA_DIR: dir, LIBRARY_SEED_FILE: path.join(dir, 'none.json') };
    const file = path.join(dir, 'library.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, serializeLibrary(demo), 'utf8'));
    const imported = await runCli(['library', 'import', file], { env });
    assert.equal(imported.code, 0, imported.stderr);
    const stores = openSqliteStores(path.join(dir, 'intent-skill.db'));
    const deps = engineDeps({ catalog: live.catalog, ranker: live.classifier, extractor: createAttributeExtractor(), search: null, now: () => new Date() });
    const service = new ConversationService(stores.conversations, () => deps);
    await converse(service, 'tires', [['customer', 'do you sell car tires?']]);
    stores.close();
    const out = path.join(dir, 'draft.json');
    const run = await runCli(['discover', '--misses', '--out', out], { env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /1 conversations harvested \(1 new misses\)/);
    assert.equal(parseLibraryJson(readFileSync(out, 'utf8'), out).intents.length, 0, 'one miss is no intent');
    const bad = await runCli(['discover', '--misses', '--since', 'last tuesday', '--out', out], { env });
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--since must be a date such as 2026-01-31/);
  });
});

describe('names of misses proposals: misspellings counted as the word', () => {
  const counts = (entries: Array<[string, number]>) => {
    const map = new Map<string, Map<string, number>>();
    for (const [word, count] of entries) map.set(stemOf(word), new Map([[word, count]]));
    return map;
  };
  const said = (forms: Map<string, number>) => [...forms.values()].reduce((a, b) => a + b, 0);

  it('folds "batery" into "battery", and keeps "charge" and "change" apart, both being words', () => {
    const words = counts([
      ['battery', 5],
      ['batery', 3],
      ['change', 6],
      ['charge', 4],
    ]);
    foldTypos(words, said);
    assert.deepEqual(Object.fromEntries(words.get(stemOf('battery')) ?? []), { battery: 5, batery: 3 });
    assert.equal(words.has(stemOf('batery')), false);
    assert.equal(said(words.get(stemOf('charge'))!), 4);
    assert.equal(said(words.get(stemOf('change'))!), 6);
  });
});
