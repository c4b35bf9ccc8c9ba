import assert from 'node:assert/strict';
import { attribute, color, deliveryOption, deviceType, extract, values } from './fixtures.js';

const choice = (text: string, target = deviceType, pending = true): unknown => values(extract(text, [target], pending ? target.name : undefined))[target.name];

describe('enum answers', () => {
  it("binds 'the blue one' to the canonical value", () => {
    const [found] = extract('the blue one', [color], 'color');
    assert.equal(found?.value, 'Blue');
    assert.equal(found?.text, 'blue');
  });

  it('tolerates case, plurals and typos', () => {
    assert.equal(choice('LAPTOP'), 'Laptop');
    assert.equal(choice('my headphnes'), 'Headphones');
    assert.equal(choice('it is one of the phones'), 'Phone');
    assert.equal(choice('blu', color), 'Blue');
  });

  it('reads a distinctive word of a longer value and common synonyms', () => {
    assert.equal(choice('express please', deliveryOption), 'Express delivery');
    assert.equal(choice("I'll pick up in store", deliveryOption), 'Store pickup');
    assert.equal(choice('the television', deviceType), 'TV');
    assert.equal(choice('a smart home thing'), 'Smart home device');
  });

  it('takes a one-word value named by its synonym before the question is asked', () => {
    assert.equal(choice('is my television still covered', deviceType, false), 'TV');
    assert.equal(choice('I want the express one', deliveryOption, false), undefined, 'a synonym of part of a longer value still needs the question');
  });

  it('reads the beginning of a word as the value only as the answer to its question', () => {
    assert.equal(choice('head', deviceType), 'Headphones');
    assert.equal(choice('head', deviceType, false), undefined);
  });

  it('takes a value named plainly even before the question is asked', () => {
    assert.equal(choice('my laptop will not charge', deviceType, false), 'Laptop');
  });

  it('reads a value label, as the customer tapped or typed it, as its value', () => {
    const reason = attribute({
      name: 'cancelReason',
      type: 'enum',
      values: ['changed-mind', 'found-cheaper', 'other'],
      valueLabels: { 'changed-mind': 'Changed my mind', 'found-cheaper': 'Found it cheaper elsewhere', other: 'Something else' },
      question: 'Why do you want to cancel?',
    });
    assert.equal(choice('Changed my mind', reason), 'changed-mind');
    assert.equal(choice('i changed my mind', reason), 'changed-mind');
    assert.equal(choice('Something else', reason), 'other');
    assert.equal(choice('Found it cheaper elsewhere', reason), 'found-cheaper');
  });

  it('takes a catch-all value such as "other" only as the answer to its question', () => {
    const reason = attribute({ name: 'cancelReason', type: 'enum', values: ['changed-mind', 'found-cheaper', 'other'], question: 'Why do you want to cancel?' });
    assert.equal(choice('I have another question and the other order is fine', reason, false), undefined);
    assert.equal(choice('other', reason), 'other');
    assert.equal(choice('found it cheaper elsewhere', reason), 'found-cheaper');
  });

  it("takes a value of several words named in the customer's own order with a word or two between, also unasked", () => {
    const reason = attribute({ name: 'cancelReason', type: 'enum', values: ['found-cheaper', 'ordered-by-mistake', 'delivery-too-slow'], question: 'Why do you want to cancel?' });
    assert.equal(choice('please cancel it, I found it cheaper somewhere else', reason, false), 'found-cheaper');
    assert.equal(choice('I ordered it by mistake', reason, false), 'ordered-by-mistake');
    assert.equal(choice('the delivery is too slow', reason, false), 'delivery-too-slow');
    assert.equal(choice('I never found anything cheaper', reason, false), undefined, 'negated');
    assert.equal(choice('I found the box under the stairs. Is it cheaper to return it?', reason, false), undefined, 'words too far apart or in another sentence');
  });

  it('does not guess at a short typo when the question was not asked', () => {
    assert.equal(choice('blu', color, false), undefined);
  });

  it('skips a value the customer says it is not', () => {
    assert.equal(choice('not the blue one, the black one', color), 'Black');
  });

  it('gives nothing when two values are named equally', () => {
    assert.equal(choice('blue or black, I am not sure', color), undefined);
  });
});
