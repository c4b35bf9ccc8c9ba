import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp } from '../../src/app/app.js';
import type { WithStores } from '../../src/cli/with-stores.js';
import { runReviewCli } from './review-cli.js';
import { loadConfig } from '../../src/config.js';
import { applyReview } from '../../src/library/review.js';
import { parseLibrary } from '../../src/library/io.js';
import type { IntentLibrary, IntentLibraryInput } from '../../src/library/schema.js';
import { openSqliteStores } from '../../src/stores/sqlite/index.js';
import type { LibraryStore } from '../../src/library/store.js';
import { runCli } from '../cli/run-cli.js';

type IntentInput = IntentLibraryInput['intents'][number];

const orderNumber = { name: 'orderNumber', type: 'identifier', pattern: '^BL-\\d{7}$', question: 'What is your order number? It starts with BL-.', required: true, weight: 0.9 } as const;
const trackingNumber = { name: 'trackingNumber', type: 'identifier', pattern: '^TRK\\d{6}$', question: 'What is the tracking number?', weight: 0.4 } as const;

function intent(id: string, examples: string[], conversations: number, lastSeen: string, attributes: IntentInput['attributes'] = []): IntentInput {
  return {
    id,
    groupId: 'orders',
    name: id.replace(/-/g, ' '),
    status: 'draft',
    examples,
    attributes,
    stats: { conversations, share: 0.2, lastSeen },
    provenance: { source: 'discovered', run: lastSeen.slice(0, 10), sampleConversationIds: [`${id}-c1`] },
  };
}

function run(intents: IntentInput[]): IntentLibrary {
  return parseLibrary({ schemaVersion: 1, id: 'retail', name: 'Retail', groups: [{ id: 'orders', name: 'Orders' }], intents, updatedAt: '2025-01-01T00:00:00.000Z' });
}

const ORDER_EXAMPLES = ['where is my order', 'my order has not arrived yet', 'track my order please', 'when will my order be delivered', 'my parcel is late'];
const CANCEL_EXAMPLES = ['cancel my order', 'I want to cancel the order I placed yesterday', 'please cancel my purchase'];

const firstRun = run([
  intent('order-status', ORDER_EXAMPLES, 40, '2025-01-31T00:00:00Z', [orderNumber]),
  intent('cancel-order', CANCEL_EXAMPLES, 20, '2025-01-30T00:00:00Z'),
  intent('weather', ['what is the weather today', 'will it rain tomorrow'], 3, '2025-01-15T00:00:00Z'),
]);

const secondRun = run([
  intent('order', ['where is my order', 'my order has still not arrived', 'track my order', 'where is my parcel'], 30, '2025-02-28T00:00:00Z', [
    { ...orderNumber, question: 'Order number?', weight: 0.7 },
    trackingNumber,
  ]),
  intent('refund', ['where is my refund', 'I want my money back', 'refund for my return'], 12, '2025-02-20T00:00:00Z'),
  intent('rain', ['will it rain tomorrow', 'what is the weather like'], 2, '2025-02-10T00:00:00Z'),
]);

describe('library merge into the live store: incremental discovery runs', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  const open: WithStores = async (use) => {
    const stores = openSqliteStores(file);
    try {
      return await use(stores);
    } finally {
      stores.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'intent-skill-merge-'));
    file = path.join(dir, 'store.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[], withStores: WithStores = open) => runReviewCli(args, withStores, 'retail');

  function draftFile(name: string, library: IntentLibrary): string {
    const out = path.join(dir, name);
    writeFileSync(out, JSON.stringify(library));
    return out;
  }

  const stored = () => open(async ({ libraries }) => (await libraries.get('retail'))!);
  const byId = (library: IntentLibrary, id: string) => library.intents.find((i) => i.id === id)!;

  /** First run reviewed (order-status approved and renamed, weather discarded) and merged into an empty store. */
  async function liveAfterFirstRun(): Promise<void> {
    const draft = draftFile('run1.json', firstRun);
    await cli(['review', draft, '--approve', 'order-status', '--discard', 'weather', '--rename', 'order-status=Where is my order']);
    assert.match(await cli(['merge', draft]), /library "retail": nothing was stored under this id; stored the draft as the live library: 3 intents \(1 approved, 1 draft, 1 discarded\)/);
  }

  it('adds a second run as drafts: new intents and new attributes of approved intents; reviewed fields, ids and discards stay', async () => {
    await liveAfterFirstRun();
    const output = await cli(['merge', draftFile('run2.json', secondRun)]);
    assert.match(output, /library "retail": 2 intents matched \(ids kept\), 1 added, 1 draft attributes added/);
    assert.match(output, /order -> order-status \(approved\), rain -> weather \(discarded\)/);
    assert.match(output, /order-status\.trackingNumber/);

    const live = (await stored()).value;
    assert.deepEqual(live.intents.map((i) => [i.id, i.status]), [['order-status', 'approved'], ['cancel-order', 'draft'], ['weather', 'discarded'], ['refund', 'draft']]);
    const order = byId(live, 'order-status');
    assert.equal(order.name, 'Where is my order');
    assert.deepEqual(order.examples, ORDER_EXAMPLES, 'an approved intent keeps its examples');
    assert.deepEqual(order.attributes.map((a) => [a.name, a.status, a.question]), [
      ['orderNumber', undefined, orderNumber.question],
      ['trackingNumber', 'draft', trackingNumber.question],
    ]);
    assert.deepEqual(order.stats, { conversations: 70, share: 0.2, lastSeen: '2025-02-28T00:00:00Z' });
    assert.equal(byId(live, 'weather').stats?.conversations, 5);

    // A third run finding the same things again correlates with what is live: nothing is added twice.
    const third = await cli(['merge', draftFile('run3.json', secondRun)]);
    assert.match(third, /3 intents matched \(ids kept\), 0 added, 0 draft attributes added/);
    const after = (await stored()).value;
    assert.deepEqual(after.intents.map((i) => i.id), ['order-status', 'cancel-order', 'weather', 'refund']);
    assert.deepEqual(byId(after, 'order-status').attributes.map((a) => [a.name, a.status]), [['orderNumber', undefined], ['trackingNumber', 'draft']]);
    assert.equal(byId(after, 'order-status').stats?.conversations, 100);
    assert.equal(byId(after, 'weather').status, 'discarded');
  });

  it('does not propose again an attribute a person discarded', async () => {
    await liveAfterFirstRun();
    await cli(['merge', draftFile('run2.json', secondRun)]);
    await open(async ({ libraries }) => {
      const current = (await libraries.get('retail'))!;
      await libraries.put(applyReview(current.value, [{ kind: 'discard-attributes', attributes: [{ intentId: 'order-status', name: 'trackingNumber' }] }]), current.etag);
    });
    assert.match(await cli(['merge', draftFile('run3.json', secondRun)]), /0 draft attributes added/);
    assert.deepEqual(byId((await stored()).value, 'order-status').attributes.map((a) => [a.name, a.status]), [['orderNumber', undefined], ['trackingNumber', 'discarded']]);
  });

  it('reviews the stored library in place: lists it, approves a merged-in draft attribute, refuses bad input', async () => {
    await liveAfterFirstRun();
    await cli(['merge', draftFile('run2.json', secondRun)]);
    assert.match(await cli(['review', '--library', 'retail']), /order-status .*trackingNumber \(draft\)/);
    assert.match(await cli(['review', '--library', 'retail', '--approve-attribute', 'order-status.trackingNumber', '--approve', 'refund']), /library "retail": 4 intents \(2 approved, 1 draft, 1 discarded\), 0 draft attributes/);
    const live = (await stored()).value;
    assert.deepEqual(byId(live, 'order-status').attributes.map((a) => [a.name, a.status]), [['orderNumber', undefined], ['trackingNumber', 'approved']]);
    assert.equal(byId(live, 'refund').status, 'approved');
    const before = JSON.stringify(live);
    await assert.rejects(cli(['review', '--library', 'nowhere']), /no library "nowhere" is stored/);
    await assert.rejects(cli(['review', '--library', 'retail', '--approve', 'no-such-intent']), /no-such-intent/);
    await assert.rejects(cli(['review', '--library', 'retail', '--approve', 'refund', '--out', path.join(dir, 'x.json')]), /--out goes with a draft file/);
    await assert.rejects(cli(['review']), /give a draft file to review, or --library ID/);
    assert.equal(JSON.stringify((await stored()).value), before, 'nothing stored changed');
  });

  it('with --dry-run prints what would change and writes nothing', async () => {
    const draft = draftFile('run1.json', firstRun);
    assert.match(await cli(['merge', draft, '--dry-run']), /nothing is stored under this id; the draft would become the live library[^]*dry run: nothing written/);
    assert.equal(await open(({ libraries }) => libraries.get('retail')), null);
    await liveAfterFirstRun();
    const before = await stored();
    assert.match(await cli(['merge', draftFile('run2.json', secondRun), '--dry-run']), /2 intents matched \(ids kept\), 1 added, 1 draft attributes added[^]*dry run: nothing written/);
    assert.deepEqual(await stored(), before);
  });

  it('merges into the library named by --library, and refuses bad input without touching what is stored', async () => {
    await liveAfterFirstRun();
    const before = await stored();
    const otherId = draftFile('other.json', { ...secondRun, id: 'run-2025-02' });
    assert.match(await cli(['merge', otherId, '--library', 'retail']), /library "retail": 2 intents matched/);
    const merged = await stored();
    assert.notEqual(merged.etag, before.etag);

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...secondRun, intents: [{ ...secondRun.intents[0], groupId: 'nowhere' }] }));
    await assert.rejects(cli(['merge', broken]), /intents\[0\]\.groupId: unknown group id "nowhere"/);
    await assert.rejects(cli(['merge', otherId, '--library', 'bad id!']), /--library is not a valid intent library:\n\s+id: must be 1-128 letters/);
    await assert.rejects(cli(['merge', otherId, '--out', path.join(dir, 'x.json')]), /--out goes with --into/);
    assert.deepEqual(await stored(), merged);
  });

  it('redoes the merge on a version someone else wrote meanwhile, losing neither change', async () => {
    await liveAfterFirstRun();
    let raced = false;
    const racing: WithStores = (use) =>
      open((stores) => {
        const libraries: LibraryStore = {
          get: (id) => stores.libraries.get(id),
          list: () => stores.libraries.list(),
          async put(library, etag) {
            if (!raced) {
              raced = true;
              const current = (await stores.libraries.get(library.id))!;
              await stores.libraries.put(applyReview(current.value, [{ kind: 'approve', ids: ['cancel-order'] }]), current.etag);
            }
            return stores.libraries.put(library, etag);
          },
        };
        return use({ libraries });
      });
    assert.match(await cli(['merge', draftFile('run2.json', secondRun)], racing), /1 added/);
    assert.ok(raced);
    const live = (await stored()).value;
    assert.equal(byId(live, 'cancel-order').status, 'approved', 'the change made meanwhile is kept');
    assert.equal(byId(live, 'refund').status, 'draft', 'the merge is applied on top of it');
  });

  it('never asks for or extracts a draft attribute at runtime, until it is approved', async () => {
    await liveAfterFirstRun();
    await cli(['merge', draftFile('run2.json', secondRun)]);
    const app = await openApp(loadConfig({ SQLITE_PATH: file, LIBRARY_ID: 'retail' }));
    try {
      const asked = async (conversationId: string) => {
        const { insight } = await app.conversations.turn(conversationId, { role: 'customer', text: 'where is my order? the tracking number is TRK123456' }, { channel: 'test' });
        assert.equal(insight.intent?.id, 'order-status');
        return { questions: insight.nextQuestions.map((q) => q.attribute), answered: insight.answered.map((a) => a.name) };
      };
      assert.deepEqual(await asked('draft-attribute'), { questions: ['orderNumber'], answered: [] });
      assert.equal(app.live().catalog.attribute('order-status', 'trackingNumber'), undefined);

      const current = await app.libraries.get('retail');
      await app.libraries.put(applyReview(current!.value, [{ kind: 'approve-attributes', attributes: [{ intentId: 'order-status', name: 'trackingNumber' }] }]), current!.etag);
      await app.reload();
      assert.deepEqual(await asked('approved-attribute'), { questions: ['orderNumber'], answered: ['trackingNumber'] });
    } finally {
      await app.close();
    }
  });

  it('runs as the real command against the configured store', async () => {
    const env = { DATA_DIR: dir, LIBRARY_ID: 'retail' };
    const first = await runCli(['library', 'merge', draftFile('run1.json', firstRun)], { env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /stored the draft as the live library/);
    const second = await runCli(['library', 'merge', draftFile('run2.json', secondRun)], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /library "retail": 2 intents matched \(ids kept\), 1 added/);
    file = path.join(dir, 'intent-skill.db');
    assert.deepEqual((await stored()).value.intents.map((i) => i.id), ['order-status', 'cancel-order', 'weather', 'refund']);
  });
});
