import assert from 'node:assert/strict';
import { contentWords } from '../../src/text/content-words.js';
import { TOPIC_STOP_WORDS } from '../../src/text/stop-words.js';
import { foldApostrophes, normalizeWords, wordMatches, wordsOf } from '../../src/text/words.js';

describe('words, the one tokenizer', () => {
  it('folds case, accents, compatibility forms and typed apostrophes the one way', () => {
    assert.equal(normalizeWords('Écran ﬁle DON’T'), "ecran file don't");
    assert.deepEqual(wordsOf('Écran, ﬁle; BL-4471220!'), ['ecran', 'file', 'bl', '4471220']);
  });

  it('keeps accents for a reader that must notice another language', () => {
    assert.deepEqual(wordsOf('¿Dónde está mi tarjeta?', { accents: 'keep' }), ['dónde', 'está', 'mi', 'tarjeta']);
  });

  it('writes contractions out and drops possessives by default', () => {
    assert.deepEqual(wordsOf("I haven't got the customer's card, it won't work and I can't pay"), [
      'i', 'have', 'not', 'got', 'the', 'customer', 'card', 'it', 'will', 'not', 'work', 'and', 'i', 'can', 'not', 'pay',
    ]);
  });

  it('splits at apostrophes as search engines do, or keeps the words as written', () => {
    assert.deepEqual(wordsOf("Won't charge", { apostrophes: 'split' }), ['won', 't', 'charge']);
    assert.deepEqual(wordsOf('Won’t charge', { apostrophes: 'keep' }), ["won't", 'charge']);
  });

  it('gives words with their offsets in the text as written', () => {
    const text = foldApostrophes('Hi, I’m Ann');
    assert.equal(text.length, 'Hi, I’m Ann'.length);
    assert.deepEqual([...wordMatches(text)].map((match) => [match[0], match.index]), [['Hi', 0], ["I'm", 4], ['Ann', 8]]);
  });

  it('returns nothing for text without letters or digits', () => {
    assert.deepEqual(wordsOf(' ... !? '), []);
  });
});

describe('content words', () => {
  it('leaves out the stop words of a purpose and words shorter than asked', () => {
    assert.deepEqual(contentWords('Could you please tell me the order number?', TOPIC_STOP_WORDS), ['order', 'number']);
    assert.deepEqual(contentWords('my tv is on', undefined, { minLength: 3 }), []);
    assert.deepEqual(contentWords('my tv is on'), ['tv']);
  });
});
