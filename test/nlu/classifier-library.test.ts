import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLibraryJson } from '../../src/library/io.js';
import { libraryExamples, trainFromLibrary } from '../../src/nlu/library-training.js';

const library = parseLibraryJson(readFileSync(new URL('../fixtures/nlu/library.json', import.meta.url), 'utf8'), 'library.json');

describe('training from an intent library', () => {
  it("learns every live intent from its examples, name and description, by intent id", () => {
    const examples = libraryExamples(library);
    assert.deepEqual(
      examples.filter((e) => e.intent === 'cancel_order').map((e) => e.text),
      ['I want to cancel my order', 'Please stop the order before it ships', 'Cancel order', 'The customer wants to cancel an order'],
    );
    const classifier = trainFromLibrary(library, { wordVectors: null });
    assert.deepEqual([...classifier.intents].sort(), ['cancel_order', 'order_status', 'reset_password']);
    assert.equal(classifier.classify('where is my parcel').ranking[0]?.intent, 'order_status');
    assert.equal(classifier.classify('I need a new password').ranking[0]?.intent, 'reset_password');
  });

  it('leaves discarded intents out', () => {
    assert.ok(!libraryExamples(library).some((e) => e.intent === 'close_account'));
  });

  it('learns draft intents only while nothing is approved, so a merged-in discovery run waits for review', () => {
    const statuses = (lib: typeof library) => new Set(libraryExamples(lib).map((e) => e.intent));
    const withDraft = { ...library, intents: library.intents.map((intent) => (intent.id === 'reset_password' ? { ...intent, status: 'draft' as const } : intent)) };
    assert.deepEqual([...statuses(withDraft)].sort(), ['cancel_order', 'order_status']);
    const allDraft = { ...library, intents: library.intents.map((intent) => (intent.status === 'discarded' ? intent : { ...intent, status: 'draft' as const })) };
    assert.deepEqual([...statuses(allDraft)].sort(), ['cancel_order', 'order_status', 'reset_password']);
  });

  it('refuses a library with nothing live to learn from', () => {
    const empty = { ...library, intents: library.intents.map((intent) => ({ ...intent, status: 'discarded' as const })) };
    assert.throws(() => trainFromLibrary(empty, { wordVectors: null }), /library "shop-demo" has no approved or draft intent to train on/);
  });
});
