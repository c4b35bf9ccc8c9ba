import assert from 'node:assert/strict';
import { extract, itemPrice, missingItems, refundAmount, values } from './fixtures.js';

const amount = (text: string, target = refundAmount): unknown => values(extract(text, [target], target.name))[target.name];

describe('number and money answers', () => {
  it('reads digits with thousands separators and decimals', () => {
    assert.equal(amount('1,299.50'), 1299.5);
    assert.equal(amount('about 12 I think'), 12);
  });

  it('reads amounts of money and keeps the written span', () => {
    const [dollars] = extract('$49.99', [refundAmount], 'refundAmount');
    assert.equal(dollars?.value, 49.99);
    assert.equal(dollars?.text, '$49.99');
    assert.equal(amount('49 dollars'), 49);
    assert.equal(amount('€20'), 20);
    assert.equal(amount('it was 15.50 EUR'), 15.5);
  });

  it('reads numbers written in words', () => {
    assert.equal(amount('three', missingItems), 3);
    assert.equal(amount('twenty five', missingItems), 25);
    assert.equal(amount('a hundred and ten', missingItems), 110);
    assert.equal(amount('one thousand two hundred dollars'), 1200);
  });

  it('prefers the amount of money for a price when a count is also mentioned', () => {
    assert.equal(amount('2 of them at $30', itemPrice), 30);
  });

  it('does not read order numbers, error codes or dates as numbers', () => {
    assert.deepEqual(extract('BL-4471220', [missingItems], 'missingItems'), []);
    assert.deepEqual(extract('it shows E42', [missingItems], 'missingItems'), []);
    assert.deepEqual(extract('it came on 3/5', [missingItems], 'missingItems'), []);
  });

  it("does not read 'the blue one' as the number one", () => {
    assert.deepEqual(extract('the blue one', [missingItems], 'missingItems'), []);
    assert.equal(amount('just one', missingItems), 1);
  });

  it('does not take a count for an amount of money unless that was the question', () => {
    assert.deepEqual(extract('I was charged 2 times', [refundAmount, itemPrice]), []);
    assert.deepEqual(values(extract('I was charged 2 times, $30 each', [itemPrice])), { itemPrice: 30 });
  });

  it('takes a number written with cents as an amount of money, unasked, but not a number with one decimal or a version', () => {
    assert.deepEqual(values(extract('I was charged twice for it, 249.99 each time', [itemPrice])), { itemPrice: 249.99 });
    assert.deepEqual(extract('my screen is 15.6 inches', [itemPrice]), []);
    assert.deepEqual(extract('after the update to v2.10 it broke', [itemPrice]), []);
  });

  it('takes a number for an attribute not asked about only next to a cue word', () => {
    assert.deepEqual(values(extract('2 items are missing from the box', [missingItems])), { missingItems: 2 });
    assert.deepEqual(extract('I have called 2 times', [missingItems]), []);
  });
});
