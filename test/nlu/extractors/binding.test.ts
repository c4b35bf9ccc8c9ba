import assert from 'node:assert/strict';
import {
  deliveryDate,
  email,
  extract,
  itemPrice,
  missingItems,
  newDeliveryDate,
  orderNumber,
  purchaseDate,
  referenceNumber,
  refundAmount,
  serialNumber,
  values,
  workEmail,
} from './fixtures.js';

describe('binding values to attributes', () => {
  it('binds a bare order number to the pending question', () => {
    const found = extract("It's 4471-22", [referenceNumber, purchaseDate], 'referenceNumber');
    assert.deepEqual(values(found), { referenceNumber: '4471-22' });
    assert.equal(found[0]?.text, '4471-22');
  });

  it('takes an order number the customer gives before being asked', () => {
    const found = extract('Hi, my order BL-4471220 never arrived', [orderNumber, purchaseDate]);
    assert.deepEqual(values(found), { orderNumber: 'BL-4471220' });
  });

  it('takes values for several attributes from one turn when each signal is clear', () => {
    const found = extract('Order BL-4471220, I bought it last Tuesday and the serial is TV40118273', [orderNumber, purchaseDate, serialNumber]);
    assert.deepEqual(values(found), { orderNumber: 'BL-4471220', purchaseDate: '2025-03-11', serialNumber: 'TV40118273' });
  });

  it('does not take a date nobody asked about when no word says what it is', () => {
    assert.deepEqual(extract('I called on Monday already', [purchaseDate]), []);
  });

  it('takes a date stated alone for the one date the request has, asked or not', () => {
    assert.deepEqual(values(extract('it happened last Tuesday', [orderNumber, purchaseDate])), { purchaseDate: '2025-03-11' });
    assert.deepEqual(values(extract('on the 3rd I think', [orderNumber, purchaseDate])), { purchaseDate: '2025-03-03' });
  });

  it('takes the one date the request has from a turn that sets it or gives other values with it, not from "now"', () => {
    assert.deepEqual(values(extract('yes, pencil me in for the 4th', [orderNumber, purchaseDate])), { purchaseDate: '2025-03-04' });
    assert.deepEqual(values(extract('the purchase date was the 4th', [orderNumber, purchaseDate])), { purchaseDate: '2025-03-04' });
    assert.deepEqual(values(extract('BL-4471220, bought on the 3rd', [orderNumber, purchaseDate])), { orderNumber: 'BL-4471220', purchaseDate: '2025-03-03' });
    assert.deepEqual(extract('what now?', [orderNumber, purchaseDate]), []);
    assert.deepEqual(extract('I called them on the 3rd', [orderNumber, purchaseDate]), []);
  });

  it('takes the one amount of money a turn states for the request\'s one plain amount, not a difference of two', () => {
    const chargeAmount = { ...refundAmount, name: 'chargeAmount', label: 'Charge amount' };
    assert.deepEqual(values(extract('it was 40 bucks twice', [orderNumber, chargeAmount])), { chargeAmount: 40 });
    assert.deepEqual(extract('it is now $100 cheaper', [orderNumber, chargeAmount]), []);
    assert.deepEqual(extract('one was $500 and one was $450', [orderNumber, chargeAmount]), []);
    assert.deepEqual(extract('it was 40 bucks twice', [orderNumber, { ...chargeAmount, name: 'lowerPrice', label: 'Lower price' }]), []);
  });

  it('does not take the year of a full date as an identifier of four digits', () => {
    const cardLast4 = { ...referenceNumber, name: 'cardLast4', pattern: String.raw`\b\d{4}\b` };
    assert.deepEqual(values(extract('it happened on November 3, 2024', [cardLast4, purchaseDate])), { purchaseDate: '2024-11-03' });
    assert.deepEqual(values(extract('the card ends in 2024', [cardLast4, purchaseDate])), { cardLast4: '2024' });
  });

  it('takes a choice the list does not name as "other", with the words said, when the list has "other"', () => {
    const device = { ...referenceNumber, name: 'deviceType', type: 'enum' as const, pattern: undefined, values: ['phone', 'laptop', 'tv', 'other'] };
    const found = extract('a smartwatch', [device], 'deviceType');
    assert.deepEqual(values(found), { deviceType: 'other' });
    assert.match(found[0]?.text ?? '', /smartwatch/);
    assert.deepEqual(extract('a smartwatch', [{ ...device, values: ['phone', 'laptop', 'tv'] }], 'deviceType'), []);
  });

  it('does not guess which of two dates a date stated alone is', () => {
    assert.deepEqual(extract('it happened last Tuesday', [purchaseDate, deliveryDate]), []);
  });

  it('does not take a bare number for a question that was not asked', () => {
    assert.deepEqual(extract('3', [missingItems, itemPrice]), []);
    assert.deepEqual(values(extract('3', [missingItems, itemPrice], 'missingItems')), { missingItems: 3 });
  });

  it('does not take a number for two attributes', () => {
    const found = extract('the price was $1,299.50 and now I want a refund', [refundAmount, itemPrice]);
    assert.deepEqual(values(found), { itemPrice: 1299.5 });
  });

  it('gives a date to the pending question rather than to another date attribute', () => {
    const found = extract('friday', [deliveryDate, newDeliveryDate], 'newDeliveryDate');
    assert.deepEqual(values(found), { newDeliveryDate: '2025-03-14' });
  });

  it('uses the cue word next to each date to tell two date attributes apart', () => {
    const found = extract('I ordered it on March 3 and it was delivered on March 10', [purchaseDate, deliveryDate]);
    assert.deepEqual(values(found), { purchaseDate: '2025-03-03', deliveryDate: '2025-03-10' });
  });

  it('leaves an email unassigned when two email attributes could take it and nothing tells them apart', () => {
    assert.deepEqual(extract('jane.doe@example.com', [email, workEmail]), []);
    assert.deepEqual(values(extract('my work email is jane.doe@example.com', [email, workEmail])), { workEmail: 'jane.doe@example.com' });
  });

  it('is surer of a pattern match on the pending question than of a cued guess', () => {
    const [pending] = extract('BL-4471220', [orderNumber], 'orderNumber');
    const [cued] = extract('I think I bought it on the 3rd', [purchaseDate]);
    assert.ok(pending && cued);
    assert.ok(pending.confidence >= 0.9, `pending pattern match confidence ${pending.confidence}`);
    assert.ok(cued.confidence < pending.confidence);
  });

  it('returns at most one value per attribute', () => {
    const found = extract('BL-4471220 or maybe BL-4471221', [orderNumber], 'orderNumber');
    assert.deepEqual(values(found), { orderNumber: 'BL-4471220' });
  });

  it('lets a product identifier win over a generic reading of the same token', () => {
    const found = extract('BL-4471220', [orderNumber, referenceNumber], 'referenceNumber');
    assert.deepEqual(values(found), { orderNumber: 'BL-4471220' });
  });

  it('ignores a pending attribute that is not among the attributes', () => {
    assert.deepEqual(extract('3', [missingItems], 'colour'), []);
  });
});
