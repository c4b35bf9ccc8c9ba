import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runReviewCli } from './review-cli.js';
import { mergeDraft } from '../../src/library/merge.js';
import { applyReview } from '../../src/library/review.js';
import { parseLibrary, parseLibraryJson } from '../../src/library/io.js';
import type { IntentLibrary } from '../../src/library/schema.js';

const UPDATED = '2025-01-01T00:00:00.000Z';

function draftIntent(id: string, examples: string[], conversations: number, attributes: string[] = []) {
  return {
    id,
    groupId: 'orders',
    name: id.replace(/-/g, ' '),
    status: 'draft' as const,
    examples,
    attributes: attributes.map((name) => ({ name, type: 'text' as const, question: `What is the ${name}?`, weight: 0.5 })),
    stats: { conversations, share: 0.1 },
    provenance: { source: 'discovered' as const, run: 'r', sampleConversationIds: [`${id}-c1`] },
  };
}

function library(intents: ReturnType<typeof draftIntent>[]): IntentLibrary {
  return parseLibrary({ schemaVersion: 1, id: 'lib', name: 'Lib', groups: [{ id: 'orders', name: 'Orders' }, { id: 'billing', name: 'Billing' }], intents, updatedAt: UPDATED });
}

const firstRun = library([
  draftIntent('track-order', ['where is my order', 'my order has not arrived', 'track my parcel'], 40, ['orderNumber']),
  draftIntent('cancel-order', ['cancel my order', 'I want to cancel the order I placed'], 20),
  draftIntent('stop-order', ['please stop my order before it ships'], 5),
  draftIntent('weather', ['what is the weather'], 3),
]);

describe('discover: reviewing a draft and merging it into the live library', () => {
  it('approves, discards, renames, merges and moves intents by id', () => {
    const reviewed = applyReview(firstRun, [
      { kind: 'merge', into: 'cancel-order', ids: ['stop-order'] },
      { kind: 'rename', id: 'track-order', name: 'Where is my order' },
      { kind: 'move', id: 'cancel-order', groupId: 'billing' },
      { kind: 'approve', ids: ['track-order', 'cancel-order'] },
      { kind: 'discard', ids: ['weather'] },
    ]);
    assert.deepEqual(reviewed.intents.map((i) => [i.id, i.status]), [['track-order', 'approved'], ['cancel-order', 'approved'], ['weather', 'discarded']]);
    const cancel = reviewed.intents.find((i) => i.id === 'cancel-order')!;
    assert.equal(cancel.stats?.conversations, 25);
    assert.equal(cancel.groupId, 'billing');
    assert.ok(cancel.examples.includes('please stop my order before it ships'));
    assert.equal(reviewed.intents[0]!.name, 'Where is my order');
    assert.throws(() => applyReview(firstRun, [{ kind: 'approve', ids: ['nope'] }]), /approve: no intent with id "nope"/);
    assert.throws(() => applyReview(firstRun, [{ kind: 'move', id: 'weather', groupId: 'x' }]), /move: no group with id "x"/);
  });

  it('approves and discards attributes by intentId.attributeName', () => {
    const withDrafts = parseLibrary({
      ...firstRun,
      intents: firstRun.intents.map((i) =>
        i.id === 'track-order' ? { ...i, attributes: [...i.attributes, { name: 'deliveryDate', type: 'date', question: 'When was it due?', status: 'draft' }, { name: 'colour', type: 'text', question: 'Which colour?', status: 'draft' }] } : i,
      ),
    });
    const reviewed = applyReview(withDrafts, [
      { kind: 'approve-attributes', attributes: [{ intentId: 'track-order', name: 'deliveryDate' }] },
      { kind: 'discard-attributes', attributes: [{ intentId: 'track-order', name: 'colour' }] },
    ]);
    const track = reviewed.intents.find((i) => i.id === 'track-order')!;
    assert.deepEqual(track.attributes.map((a) => [a.name, a.status]), [['orderNumber', undefined], ['deliveryDate', 'approved'], ['colour', 'discarded']]);
    assert.equal(track.status, 'draft', 'reviewing an attribute leaves the intent as it was');
    assert.throws(
      () => applyReview(withDrafts, [{ kind: 'approve-attributes', attributes: [{ intentId: 'track-order', name: 'size' }] }]),
      /approve-attribute: intent "track-order" has no attribute "size" \(it has: orderNumber, deliveryDate, colour\)/,
    );
    assert.throws(() => applyReview(withDrafts, [{ kind: 'discard-attributes', attributes: [{ intentId: 'nope', name: 'x' }] }]), /discard-attribute: no intent with id "nope"/);
  });

  it('keeps approved ids across runs, never overwrites reviewed intents and adds new ones as drafts', () => {
    const live = applyReview(firstRun, [{ kind: 'rename', id: 'track-order', name: 'Order status' }, { kind: 'approve', ids: ['track-order'] }, { kind: 'discard', ids: ['weather'] }]);
    const secondRun = library([
      draftIntent('order', ['where is my order', 'has my order arrived yet', 'track my parcel please'], 30, ['orderNumber', 'deliveryDate']),
      draftIntent('refund', ['where is my refund', 'I want my money back'], 12),
      draftIntent('weather-2', ['what is the weather'], 2),
    ]);
    const { library: merged, summary } = mergeDraft(live, secondRun);
    const status = merged.intents.find((i) => i.id === 'track-order')!;
    assert.equal(status.name, 'Order status');
    assert.equal(status.status, 'approved');
    assert.equal(status.stats?.conversations, 70);
    assert.deepEqual(status.attributes.map((a) => [a.name, a.status]), [['orderNumber', undefined], ['deliveryDate', 'draft']]);
    assert.deepEqual(summary.draftAttributes, [{ intentId: 'track-order', attribute: 'deliveryDate' }]);
    assert.equal(merged.intents.find((i) => i.id === 'weather')!.status, 'discarded');
    assert.deepEqual(summary.matched.find((m) => m.draftId === 'weather-2'), { draftId: 'weather-2', liveId: 'weather', similarity: 1, liveStatus: 'discarded' });
    assert.deepEqual(summary.added, ['refund']);
    assert.equal(merged.intents.find((i) => i.id === 'refund')!.status, 'draft');
    assert.equal(merged.intents.length, live.intents.length + 1);
  });

  it('keeps lines of business, routing and instructions through a review and a merge, and takes those a new draft group brings', () => {
    const routed = parseLibrary({
      ...firstRun,
      instructions: 'Greet the customer.',
      linesOfBusiness: [{ id: 'retail', name: 'Retail orders', routing: { queue: 'retail', priority: 5 } }],
      groups: [{ id: 'orders', name: 'Orders', lineOfBusinessId: 'retail', instructions: 'Check the order first.', routing: { skills: ['orders'] } }, { id: 'billing', name: 'Billing' }],
      intents: firstRun.intents.map((i) => (i.id === 'track-order' ? { ...i, instructions: 'Give the tracking link.', routing: { priority: 2 } } : i)),
    });
    const reviewed = applyReview(routed, [{ kind: 'rename', id: 'track-order', name: 'Order status' }]);
    const secondRun = parseLibrary({
      schemaVersion: 1,
      id: 'lib',
      name: 'Lib',
      linesOfBusiness: [{ id: 'finance', name: 'Finance' }],
      groups: [{ id: 'orders', name: 'Orders' }, { id: 'refunds', name: 'Refunds', lineOfBusinessId: 'finance', routing: { queue: 'refunds' } }],
      intents: [
        draftIntent('order', ['where is my order', 'has my order arrived yet', 'track my parcel please'], 30),
        { ...draftIntent('refund', ['where is my refund', 'I want my money back'], 12), groupId: 'refunds' },
      ],
      updatedAt: UPDATED,
    });
    const { library: merged, summary } = mergeDraft(reviewed, secondRun);
    assert.deepEqual(summary.added, ['refund']);
    assert.equal(merged.instructions, 'Greet the customer.');
    assert.deepEqual(merged.linesOfBusiness, [{ id: 'retail', name: 'Retail orders', routing: { queue: 'retail', priority: 5 } }, { id: 'finance', name: 'Finance' }]);
    assert.deepEqual(merged.groups[0], routed.groups[0]);
    assert.deepEqual(merged.groups.find((g) => g.id === 'refunds'), { id: 'refunds', name: 'Refunds', description: '', lineOfBusinessId: 'finance', routing: { queue: 'refunds' } });
    const status = merged.intents.find((i) => i.id === 'track-order')!;
    assert.equal(status.name, 'order', 'a live draft takes the new run’s name');
    assert.ok(status.examples.includes('has my order arrived yet'));
    assert.deepEqual([status.instructions, status.routing], ['Give the tracking link.', { priority: 2 }], 'keeps what a person gave it');
  });

  it('runs as library review and library merge on files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'discover-review-'));
    const draft = path.join(dir, 'draft.json');
    const live = path.join(dir, 'live.json');
    writeFileSync(draft, JSON.stringify(firstRun));
    writeFileSync(live, JSON.stringify(library([draftIntent('order-status', ['where is my order', 'track my parcel'], 10)])));
    const run = (...args: string[]) => runReviewCli(args, () => Promise.reject(new Error('a merge --into a file never opens the store')), 'live');
    assert.match(await run('review', draft), /draft\s+track-order/);
    assert.match(await run('review', draft, '--discard-attribute', 'track-order.orderNumber', '--out', path.join(dir, 'attr.json')), /4 intents \(0 approved, 4 draft, 0 discarded\), 0 draft attributes/);
    assert.match(await run('review', path.join(dir, 'attr.json')), /track-order .*orderNumber \(discarded\)/);
    await assert.rejects(run('review', draft, '--approve-attribute', 'orderNumber'), /--approve-attribute takes INTENT_ID\.ATTRIBUTE\[,\.\.\.\], got "orderNumber"/);
    assert.match(await run('review', draft, '--approve', 'track-order,cancel-order', '--discard', 'weather', '--merge', 'cancel-order=stop-order'), /3 intents \(2 approved, 0 draft, 1 discarded\)/);
    await assert.rejects(run('review', draft, '--rename', 'no-equals-sign'), /--rename takes ID=NEW NAME, got "no-equals-sign"/);
    const before = readFileSync(live, 'utf8');
    assert.match(await run('merge', draft, '--into', live, '--dry-run'), /1 intents matched \(ids kept\), 1 added[^]*dry run: nothing written/);
    assert.equal(readFileSync(live, 'utf8'), before);
    assert.match(await run('merge', draft, '--into', live), /1 intents matched \(ids kept\), 1 added[^]*kept as discarded, so later runs skip them: weather/);
    const merged = parseLibraryJson(readFileSync(live, 'utf8'));
    assert.deepEqual(merged.intents.map((i) => [i.id, i.status]), [['order-status', 'approved'], ['cancel-order', 'approved'], ['weather', 'discarded']]);
    await assert.rejects(run('merge', draft, '--into', live, '--library', 'lib'), /give one of them/);
  });
});
