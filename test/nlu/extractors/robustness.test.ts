import assert from 'node:assert/strict';
import type { Attribute } from '../../../src/library/schema.js';
import { createAttributeExtractor } from '../../../src/nlu/extractors/index.js';
import { Random } from '../../../src/text/random.js';
import {
  attribute,
  color,
  email,
  errorCode,
  extract,
  issueDescription,
  missingItems,
  NOW,
  orderNumber,
  phone,
  purchaseDate,
  referenceNumber,
  triedRestart,
  values,
} from './fixtures.js';

const everyType: readonly Attribute[] = [orderNumber, referenceNumber, errorCode, purchaseDate, missingItems, email, phone, color, triedRestart, issueDescription];


describe('extraction on awkward input', () => {
  it('returns nothing for empty or blank text', () => {
    for (const pending of [undefined, ...everyType.map((a) => a.name)]) {
      assert.deepEqual(extract('', everyType, pending), []);
      assert.deepEqual(extract(' \n\t ', everyType, pending), []);
    }
  });

  it('reads a 100 KB message, finding values near its start and at most one per attribute', () => {
    const text = `My order BL-4471220 shows E42. ${'The device keeps restarting and I am tired of it. '.repeat(2100)}`;
    assert.ok(text.length > 100_000);
    const found = extract(text, everyType);
    assert.deepEqual(values(found), { orderNumber: 'BL-4471220', errorCode: 'E42' });
    const withPending = extract(text, everyType, 'issueDescription');
    assert.equal(new Set(withPending.map((e) => e.attribute)).size, withPending.length);
    const description = withPending.find((e) => e.attribute === 'issueDescription');
    assert.ok(description && String(description.value).length <= 1000);
  });

  it('reads through control characters', () => {
    assert.deepEqual(values(extract('\u0000order\u0007 BL-4471220\u001b', everyType)), { orderNumber: 'BL-4471220' });
  });

  it('reads identifiers in non-English text and does not trip over other scripts', () => {
    assert.deepEqual(values(extract('Mi pedido es BL-4471220, gracias', everyType)), { orderNumber: 'BL-4471220' });
    assert.deepEqual(values(extract('注文番号は BL-4471220 です', everyType)), { orderNumber: 'BL-4471220' });
    assert.doesNotThrow(() => extract('Привет 😀 ¿qué tal? ٣٤٥', everyType, 'purchaseDate'));
  });

  it('does not read masking placeholders in stored turns as the customer\'s words', () => {
    const detail = attribute({ name: 'detailToUpdate', type: 'enum', values: ['email', 'phone', 'address'], question: 'What do you want to update?' });
    assert.deepEqual(extract('it is [PHONE]', [detail], 'detailToUpdate'), []);
    assert.deepEqual(extract('call me at [PHONE]', [detail]), []);
  });

  it('skips dates rather than failing when the reference time is invalid', () => {
    const found = createAttributeExtractor().extract('yesterday, order BL-4471220', everyType, { now: new Date(Number.NaN), pendingAttribute: 'purchaseDate' });
    assert.deepEqual(values(found), { orderNumber: 'BL-4471220' });
  });

  it('never throws on random input', () => {
    const random = new Random(20250312);
    const alphabet = 'aeBL-0123456789 ./,:;!?@#$€()\u0000\n\u200b日本é😀E42yes no tuesday the 3rd ';
    const extractor = createAttributeExtractor();
    for (let i = 0; i < 300; i += 1) {
      const length = random.int(0, 119);
      let text = '';
      for (let k = 0; k < length; k += 1) text += alphabet[random.int(0, alphabet.length - 1)];
      const pending = random.pick(everyType).name;
      const found = extractor.extract(text, everyType, { now: NOW, pendingAttribute: pending, defaultRegion: 'US' });
      assert.equal(new Set(found.map((e) => e.attribute)).size, found.length, JSON.stringify(text));
      for (const extraction of found) assert.ok(extraction.confidence > 0 && extraction.confidence < 1);
    }
  });
});
