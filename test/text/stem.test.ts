import assert from 'node:assert/strict';
import { stem } from '../../src/text/stem.js';
import { stemOf, topicStems, topicWords } from '../../src/text/topic-words.js';

describe('stems', () => {
  it('gives the Porter stem, the same for every form of a word and on every call', () => {
    assert.equal(stem('purchased'), 'purchas');
    assert.equal(stem('purchasing'), stem('purchased'));
    assert.equal(stem('deliveries'), stem('delivery'));
    assert.equal(stem('purchased'), 'purchas');
  });

  it('folds synonyms agents use for one thing into one topic stem', () => {
    assert.equal(stemOf('bought'), 'purchas');
    assert.equal(stemOf('buy'), 'purchas');
    assert.equal(stemOf('mail'), 'email');
  });

  it('reads the topic of an agent question, not its framing', () => {
    assert.deepEqual(topicWords("Could you please tell me the order number you got, it's on the receipt? 123"), ['order', 'number', 'receipt']);
    assert.deepEqual([...topicStems('Which date did you buy it on? And the purchase price?')], ['date', 'purchas', 'price']);
  });
});
