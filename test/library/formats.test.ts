import assert from 'node:assert/strict';
import { attributeLabel, attributeTitle, describePattern, exampleOfPattern, expectedForm, nameInWords, valueLabel } from '../../src/library/formats.js';
import { attributeSchema } from '../../src/library/schema.js';

const attribute = (fields: Record<string, unknown>) => attributeSchema.parse({ type: 'text', question: 'What is it?', ...fields });

describe('the words people read for attributes and values', () => {
  it('writes a name in words when the library gives no label', () => {
    assert.equal(nameInWords('returnAuthorization'), 'return authorization');
    assert.equal(nameInWords('card_last4'), 'card last4');
    assert.equal(attributeTitle({ name: 'returnAuthorization' }), 'Return authorization');
    assert.equal(attributeLabel({ name: 'returnAuthorization' }), 'return authorization');
  });

  it('shows the label as written on its own, and with a small first letter inside a sentence', () => {
    assert.equal(attributeTitle({ name: 'orderNumber', label: 'Order number' }), 'Order number');
    assert.equal(attributeLabel({ name: 'orderNumber', label: 'Order number' }), 'order number');
    assert.equal(attributeLabel({ name: 'cardLast4', label: 'Last 4 digits of the card' }), 'last 4 digits of the card');
  });

  it('keeps the capitals of a first word that is an abbreviation or a name', () => {
    assert.equal(attributeLabel({ name: 'tvModel', label: 'TV model' }), 'TV model');
    assert.equal(attributeLabel({ name: 'paypalEmail', label: 'PayPal email' }), 'PayPal email');
    assert.equal(attributeLabel({ name: 'rma', label: 'RMA number' }), 'RMA number');
  });

  it("reads an enum value by its label, or the value in words", () => {
    const method = attribute({ name: 'paymentMethod', type: 'enum', values: ['credit-card', 'paypal'], valueLabels: { paypal: 'PayPal' } });
    assert.equal(valueLabel(method, 'paypal'), 'PayPal');
    assert.equal(valueLabel(method, 'credit-card'), 'Credit card');
  });
});

describe('the form a value takes', () => {
  it('says the demo identifier patterns in words', () => {
    assert.equal(describePattern('\\bBL-\\d{7}\\b'), '"BL-" followed by 7 digits');
    assert.equal(describePattern('\\b[A-Z]{2}\\d{8}\\b'), '2 capital letters followed by 8 digits');
    assert.equal(describePattern('\\bE\\d{2,3}\\b'), '"E" followed by 2 to 3 digits');
    assert.equal(describePattern('(?:BL|RMA)-\\d+'), null);
  });

  it("prefers the library's example and otherwise makes one that fits the pattern", () => {
    const serial = attribute({ name: 'serialNumber', type: 'identifier', pattern: '\\b[A-Z]{2}\\d{8}\\b', example: 'TV40118273' });
    assert.deepEqual(expectedForm(serial), { description: '2 capital letters followed by 8 digits', example: 'TV40118273' });
    const generated = exampleOfPattern('\\bRMA-\\d{6}\\b');
    assert.ok(generated && /^RMA-\d{6}$/.test(generated), String(generated));
    assert.equal(exampleOfPattern('\\bRMA-\\d{6}\\b'), generated, 'the same example every time');
  });
});
