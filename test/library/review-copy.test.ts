import assert from 'node:assert/strict';
import path from 'node:path';
import { packageRoot } from '../../src/config.js';
import { readLibraryFile } from '../../src/library/io.js';
import { LibraryReview, NO_REVIEW, ReviewConflictError, reviewCopyId } from '../../src/library/review-copy.js';
import { applyReview, ReviewError } from '../../src/library/review.js';
import type { IntentLibrary } from '../../src/library/schema.js';
import { updateWithRetry } from '../../src/library/update.js';
import { openSqliteStores, type SqliteStores } from '../../src/stores/sqlite/index.js';

const LIVE = 'demo';
const clock = (iso: string) => () => new Date(iso);

describe('the pending review of a live library', () => {
  let stores: SqliteStores;
  let demo: IntentLibrary;
  before(async () => {
    demo = await readLibraryFile(path.join(packageRoot, 'samples', 'library.json'));
  });
  beforeEach(async () => {
    stores = openSqliteStores(':memory:');
    await stores.libraries.put(demo, null);
  });
  afterEach(() => stores.close());

  it('starts from the live library, keeps changes out of it until published, then follows the live library again', async () => {
    const review = new LibraryReview(stores.libraries, LIVE, clock('2026-12-01T09:00:00.000Z'));
    const start = await review.state();
    assert.equal(start.etag, NO_REVIEW);
    assert.deepEqual(start.changes, []);
    const changed = await review.change(start.etag, [{ kind: 'rename', id: 'order-status', name: 'Track an order' }]);
    assert.deepEqual(changed.changes, [{ kind: 'changed', what: 'intent', id: 'order-status', name: 'Track an order', details: ['name "Order status" → "Track an order"'] }]);
    assert.equal((await stores.libraries.get(LIVE))?.value.intents[0]?.name, 'Order status');
    assert.equal((await stores.libraries.get(reviewCopyId(LIVE)))?.value.intents[0]?.name, 'Track an order');

    const published = await review.publish(changed.etag, changed.liveEtag);
    const live = (await stores.libraries.get(LIVE))!.value;
    assert.equal(live.intents[0]?.name, 'Track an order');
    assert.equal(live.id, LIVE);
    assert.equal(live.updatedAt, '2026-12-01T09:00:00.000Z');
    assert.deepEqual(published.changes, []);
    assert.equal(published.stale, false);

    // A later library merge from the command line is what the page then shows, with nothing pending.
    await updateWithRetry(stores.libraries, LIVE, (current) => applyReview(current, [{ kind: 'discard', ids: ['cancel-order'] }], new Date('2026-12-02T00:00:00.000Z')));
    const after = await review.state();
    assert.deepEqual(after.changes, []);
    assert.equal(after.draft.intents.find((i) => i.id === 'cancel-order')?.status, 'discarded');
  });

  it('publishes a review with the lines of business, routing and instructions of the live library intact', async () => {
    const review = new LibraryReview(stores.libraries, LIVE, clock('2026-12-01T09:00:00.000Z'));
    const changed = await review.change(NO_REVIEW, [{ kind: 'rename', id: 'battery-problem', name: 'Battery trouble' }]);
    await review.publish(changed.etag, changed.liveEtag);
    const live = (await stores.libraries.get(LIVE))!.value;
    assert.equal(live.intents.find((i) => i.id === 'battery-problem')?.name, 'Battery trouble');
    assert.deepEqual(live.linesOfBusiness, demo.linesOfBusiness);
    assert.deepEqual(live.groups, demo.groups);
    assert.equal(live.instructions, demo.instructions);
    assert.deepEqual(live.intents.find((i) => i.id === 'battery-problem')?.routing, { skills: ['troubleshooting', 'battery-safety'], priority: 1 });
    assert.ok(demo.linesOfBusiness?.length && demo.groups.every((g) => g.routing) && demo.instructions, 'the demo library has all three');
  });

  it('refuses to publish over a live library written after the review began, until the review starts over', async () => {
    const review = new LibraryReview(stores.libraries, LIVE, clock('2026-12-01T09:00:00.000Z'));
    const changed = await review.change(NO_REVIEW, [{ kind: 'approve', ids: ['order-status'] }, { kind: 'rename', id: 'order-status', name: 'Where is my order' }]);
    await updateWithRetry(stores.libraries, LIVE, (current) => applyReview(current, [{ kind: 'rename', id: 'cancel-order', name: 'Cancel my order' }], new Date('2026-12-01T10:00:00.000Z')));
    const now = await review.state();
    assert.equal(now.stale, true);
    await assert.rejects(review.publish(now.etag, now.liveEtag), (error: Error) => error instanceof ReviewConflictError && /changed after this review began/.test(error.message));
    assert.equal((await stores.libraries.get(LIVE))?.value.intents.find((i) => i.id === 'cancel-order')?.name, 'Cancel my order', 'the merge is kept');
    // A publish made on a live version the caller has not seen is refused too.
    await assert.rejects(review.publish(changed.etag, changed.liveEtag), ReviewConflictError);
    const fresh = await review.discardPending(now.etag);
    assert.equal(fresh.stale, false);
    assert.deepEqual(fresh.changes, []);
  });

  it('edits an attribute: clearing the values of an enum that becomes text drops their labels too', async () => {
    const review = new LibraryReview(stores.libraries, LIVE);
    const intent = demo.intents.find((i) => i.attributes.some((a) => a.type === 'enum' && a.valueLabels))!;
    const attribute = intent.attributes.find((a) => a.type === 'enum' && a.valueLabels)!;
    const state = await review.change(NO_REVIEW, [{ kind: 'edit-attribute', attribute: { intentId: intent.id, name: attribute.name }, changes: { type: 'text', values: null } }]);
    const edited = state.draft.intents.find((i) => i.id === intent.id)!.attributes.find((a) => a.name === attribute.name)!;
    assert.equal(edited.type, 'text');
    assert.equal(edited.values, undefined);
    assert.equal(edited.valueLabels, undefined);
    assert.throws(
      () => applyReview(demo, [{ kind: 'edit-attribute', attribute: { intentId: intent.id, name: 'nothing' }, changes: { required: true } }]),
      (error: Error) => error instanceof ReviewError && error.message.includes(`intent "${intent.id}" has no attribute "nothing"`),
    );
  });
});
