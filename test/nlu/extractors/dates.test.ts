import assert from 'node:assert/strict';
import { createAttributeExtractor } from '../../../src/nlu/extractors/index.js';
import { deliveryDate, extract, newDeliveryDate, purchaseDate, values } from './fixtures.js';

const when = (text: string, date = purchaseDate): unknown => values(extract(text, [date], date.name))[date.name];

describe('date answers', () => {
  // The conversation happens on Wednesday 2025-03-12.
  it("reads 'last Tuesday' relative to the conversation time", () => {
    assert.equal(when('last Tuesday'), '2025-03-11');
  });

  it('reads relative dates written out in words', () => {
    assert.equal(when('two weeks ago'), '2025-02-26');
    assert.equal(when('yesterday'), '2025-03-11');
    assert.equal(when('3 days ago'), '2025-03-09');
  });

  it('reads absolute dates as written', () => {
    assert.equal(when('12/25/2024'), '2024-12-25');
    assert.equal(when('2024-11-02'), '2024-11-02');
    assert.equal(when('I got it on January 5th, 2025'), '2025-01-05');
  });

  it("reads 'on the 3rd' as a day of this month", () => {
    assert.equal(when('on the 3rd'), '2025-03-03');
    assert.equal(when('on 3rd'), '2025-03-03');
  });

  it("reads a day of this or next month said as such, and 'day after tomorrow' without 'the'", () => {
    assert.equal(when('on 13th of this month', newDeliveryDate), '2025-03-13');
    assert.equal(when('the 2nd of next month', newDeliveryDate), '2025-04-02');
    assert.equal(when('day after tomorrow', newDeliveryDate), '2025-03-14');
    assert.equal(when('I live on the 13th floor', newDeliveryDate), undefined);
    assert.equal(when('my 13th order', newDeliveryDate), undefined);
  });

  it('reads a day still ahead this month as last month for a purchase date', () => {
    assert.equal(when('on the 20th'), '2025-02-20');
    assert.equal(when('March 20'), '2024-03-20');
  });

  it('reads a bare weekday backwards for a purchase and forwards for a new delivery', () => {
    assert.equal(when('friday', purchaseDate), '2025-03-07');
    assert.equal(when('friday', newDeliveryDate), '2025-03-14');
    assert.equal(when('tuesday', newDeliveryDate), '2025-03-18');
  });

  it('keeps a date the words fix even when it is on the unexpected side of today', () => {
    assert.equal(when('next friday', purchaseDate), '2025-03-21');
    assert.equal(when('last monday', newDeliveryDate), '2025-03-10');
  });

  it('does not take a time of day for a date', () => {
    assert.deepEqual(extract('at 5 pm', [deliveryDate], 'deliveryDate'), []);
  });

  it('counts calendar days in UTC', () => {
    const extractor = createAttributeExtractor();
    const today = (now: Date): unknown => extractor.extract('today', [purchaseDate], { now, pendingAttribute: 'purchaseDate' })[0]?.value;
    assert.equal(today(new Date('2025-03-12T23:30:00Z')), '2025-03-12');
    assert.equal(today(new Date('2025-03-13T00:30:00Z')), '2025-03-13');
  });
});
