import assert from 'node:assert/strict';
import { attribute, errorCode, extract, orderNumber, referenceNumber, rmaNumber, serialNumber, values } from './fixtures.js';

describe('identifier answers', () => {
  it('normalizes a value to upper case when the pattern is upper case', () => {
    assert.deepEqual(values(extract('tv40118273', [serialNumber], 'serialNumber')), { serialNumber: 'TV40118273' });
    assert.deepEqual(values(extract('it says e105', [errorCode], 'errorCode')), { errorCode: 'E105' });
  });

  it('reads an identifier the customer typed with spaces or dashes', () => {
    assert.deepEqual(values(extract('TV-4011-8273', [serialNumber], 'serialNumber')), { serialNumber: 'TV40118273' });
    assert.deepEqual(values(extract('BL 447 1220', [orderNumber], 'orderNumber')), { orderNumber: 'BL-4471220' });
    assert.deepEqual(values(extract('rma-123456', [rmaNumber], 'rmaNumber')), { rmaNumber: 'RMA-123456' });
  });

  it('completes an order number given without its prefix, only as the answer to its question', () => {
    assert.deepEqual(values(extract('4471220', [orderNumber], 'orderNumber')), { orderNumber: 'BL-4471220' });
    assert.deepEqual(values(extract('rma 123456', [rmaNumber], 'rmaNumber')), { rmaNumber: 'RMA-123456' });
    assert.deepEqual(extract('4471220', [orderNumber]), []);
  });

  it('finds a pattern match in running text, ignoring anchors in the pattern', () => {
    const anchored = attribute({ name: 'orderNumber', type: 'identifier', pattern: '^BL-\\d{7}$', question: 'What is your order number?' });
    assert.deepEqual(values(extract('the order (BL-4471220) came late', [anchored])), { orderNumber: 'BL-4471220' });
    assert.deepEqual(values(extract('4471220', [anchored], 'orderNumber')), { orderNumber: 'BL-4471220' });
  });

  it('does not glue an ordinary word to a number to make a serial', () => {
    assert.deepEqual(extract('my number is 12345678', [serialNumber]), []);
  });

  it('reads an identifier without a pattern only as the answer to its question', () => {
    assert.deepEqual(values(extract('ref AB-99812', [referenceNumber], 'referenceNumber')), { referenceNumber: 'AB-99812' });
    assert.deepEqual(extract('ref AB-99812', [referenceNumber]), []);
  });

  it('does not read a price as the last four digits of a card', () => {
    const cardLast4 = attribute({ name: 'cardLast4', type: 'identifier', pattern: '\\b\\d{4}\\b', question: 'What are the last four digits of the card?' });
    assert.deepEqual(extract('I was charged $49.99 and then $1299', [cardLast4]), []);
    assert.deepEqual(values(extract('the card ending 4242 was charged $49.99', [cardLast4])), { cardLast4: '4242' });
  });

  it('binds "my card ends in 4242" to the last four digits of the card, not to an amount or an order', () => {
    const cardLast4 = attribute({ name: 'cardLast4', type: 'identifier', pattern: '\\b\\d{4}\\b', label: 'Last 4 digits of the card', question: 'What are the last four digits of the card you tried?' });
    const chargeAmount = attribute({ name: 'chargeAmount', type: 'number', question: 'How much was each charge?' });
    assert.deepEqual(values(extract('my card ends in 4242 and it keeps getting declined', [orderNumber, chargeAmount, cardLast4])), { cardLast4: '4242' });
  });

  it('does not read words, small numbers or prices as an identifier', () => {
    assert.deepEqual(extract("I don't have it with me", [referenceNumber], 'referenceNumber'), []);
    assert.deepEqual(extract('3', [referenceNumber], 'referenceNumber'), []);
    assert.deepEqual(extract('it cost 49.99', [referenceNumber], 'referenceNumber'), []);
  });
});
