import assert from 'node:assert/strict';
import { mergeDraft } from '../../src/library/merge.js';
import { parseLibrary } from '../../src/library/io.js';
import type { IntentLibrary } from '../../src/library/schema.js';
import { liveClassifier } from '../../src/nlu/library-votes.js';

const UPDATED = '2025-01-01T00:00:00.000Z';

type Attr = { name: string; label?: string; type: 'text' | 'identifier' | 'date' | 'enum' | 'number'; question: string; values?: string[] };

function intent(id: string, groupId: string, name: string, examples: string[], attributes: Attr[] = [], status: 'approved' | 'draft' = 'approved') {
  return { id, groupId, name, status, examples, attributes: attributes.map((a) => ({ ...a, weight: 0.5 })) };
}

function lib(id: string, groups: Array<{ id: string; name: string }>, intents: Array<ReturnType<typeof intent>>): IntentLibrary {
  return parseLibrary({ schemaVersion: 1, id, name: id, groups, intents, updatedAt: UPDATED });
}

const live = lib('live', [{ id: 'returns', name: 'Returns' }, { id: 'orders', name: 'Orders' }], [
    intent('damaged-on-arrival', 'returns', 'Damaged on arrival', ['my package arrived damaged', 'the screen was cracked when I opened the box', 'it came broken'], [
      { name: 'damageDescription', label: 'Damage description', type: 'text', question: 'Can you describe the damage?' },
    ]),
    intent('missing-item', 'orders', 'Missing item', ['an item is missing from my order', 'the box did not have the charger', 'only part of my order came']),
    intent('refund-status', 'returns', 'Refund status', ['where is my refund', 'I returned it and have not been refunded', 'when will I get my money back'], [
      { name: 'returnAuthorization', label: 'Return authorization', type: 'identifier', question: 'What is your return authorization number?' },
    ]),
    intent('order-status', 'orders', 'Order status', ['where is my order', 'my order has not arrived', 'track my parcel']),
]);

const draft = lib('draft', [{ id: 'return-refund', name: 'Return / Refund' }, { id: 'box-crack', name: 'Box / Crack' }], [
    // Named for one word of its requests, and sharing "box" and "order" with missing-item: the classifier still knows it.
    intent('crack', 'box-crack', 'Crack', ['the phone screen was cracked when it arrived', 'my order arrived damaged', 'it came broken in the box', 'cracked screen on delivery'], [
      { name: 'describeDamage', type: 'text', question: 'Could you describe the damage for me?' },
    ], 'draft'),
    intent('refund', 'return-refund', 'Refund', ['I have not been refunded yet', 'where is my refund for the return', 'when do I get my money back'], [
      { name: 'returnNumber', type: 'identifier', question: 'What is the return authorization number?' },
      { name: 'refundDate', type: 'date', question: 'When did you send the return back?' },
    ], 'draft'),
    intent('gift-wrap', 'return-refund', 'Gift wrap', ['do you do gift wrapping', 'can you wrap it as a present'], [], 'draft'),
]);

describe('library merge: matching what exists by what the live classifier says', () => {
  it('matches a draft intent to the live intent its sample requests are classified as, not by the words of its name', () => {
    const classifier = liveClassifier(live)!;
    const { summary } = mergeDraft(live, draft, { classifier });
    assert.deepEqual(
      summary.matched.map((m) => [m.draftId, m.liveId]),
      [['crack', 'damaged-on-arrival'], ['refund', 'refund-status']],
    );
    assert.equal(summary.added.length, 1);
  });

  it('adds only the draft attributes that ask what no live attribute asks', () => {
    const { library, summary } = mergeDraft(live, draft, { classifier: liveClassifier(live)! });
    assert.deepEqual(summary.draftAttributes, [{ intentId: 'refund-status', attribute: 'refundDate' }]);
    assert.deepEqual(library.intents.find((i) => i.id === 'damaged-on-arrival')!.attributes.map((a) => a.name), ['damageDescription']);
  });

  it('knows an attribute asked in other words by what it asks, not by the kind of value both name', () => {
    const asked = (attributes: Attr[], status: 'approved' | 'draft') =>
      intent('price-match', 'orders', 'Price match', ['do you price match', 'it is cheaper at another store', 'can you match the lower price'], attributes, status);
    const shop = lib('live', [{ id: 'orders', name: 'Orders' }], [
      asked([
        { name: 'orderNumber', label: 'Order number', type: 'identifier', question: 'What is your order number?' },
        { name: 'deliveryDate', label: 'Delivery date', type: 'date', question: 'When did it arrive?' },
        { name: 'lowerPrice', label: 'Lower price', type: 'number', question: 'What is the lower price?' },
        { name: 'deviceType', label: 'Device type', type: 'enum', question: 'What kind of item is it?', values: ['phone', 'laptop'] },
        { name: 'newValue', label: 'New value', type: 'text', question: 'What should we change it to?' },
      ], 'approved'),
    ]);
    const found = lib('draft', [{ id: 'orders', name: 'Orders' }], [
      asked([
        { name: 'arriveDate', type: 'date', question: 'What day did it arrive?' },
        { name: 'chargeAmount', type: 'number', question: 'How much is it there?' },
        { name: 'deviceItem', label: 'Device item', type: 'text', question: 'What kind of device are we talking about?' },
        { name: 'trackingNumber', label: 'Tracking number', type: 'identifier', question: 'What is the tracking number?' },
        { name: 'newOne', label: 'New one', type: 'text', question: 'What would you like the new one to be?' },
      ], 'draft'),
    ]);
    const { summary } = mergeDraft(shop, found);
    assert.deepEqual(summary.draftAttributes, [{ intentId: 'price-match', attribute: 'trackingNumber' }]);
  });

  it('puts a new draft intent in the live group its draft group matched, instead of a new group beside it', () => {
    const { library } = mergeDraft(live, draft, { classifier: liveClassifier(live)! });
    assert.equal(library.intents.find((i) => i.id === 'gift-wrap')!.groupId, 'returns');
    assert.deepEqual(library.groups.map((g) => g.id), ['returns', 'orders']);
  });

  it('takes two drafts that split one live intent into it, adding up their volumes', () => {
    const split = parseLibrary({
      ...draft,
      intents: [
        { ...intent('where-order', 'return-refund', 'Where order', ['where is my order', 'track my parcel please'], [], 'draft'), stats: { conversations: 10, share: 0.1 } },
        { ...intent('not-arrived', 'return-refund', 'Not arrived', ['my order has not arrived', 'my parcel has not arrived yet'], [], 'draft'), stats: { conversations: 5, share: 0.05 } },
      ],
    });
    const { library, summary } = mergeDraft(live, split, { classifier: liveClassifier(live)! });
    assert.deepEqual(summary.matched.map((m) => m.liveId), ['order-status', 'order-status']);
    assert.equal(library.intents.find((i) => i.id === 'order-status')!.stats?.conversations, 15);
    assert.equal(library.intents.length, live.intents.length);
  });
});
