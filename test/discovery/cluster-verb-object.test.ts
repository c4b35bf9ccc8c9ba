import assert from 'node:assert/strict';
import { cleanUtterance } from '../../src/discovery/text/clean.js';
import { tagText } from '../../src/discovery/text/tagger.js';
import { extractTaskVerbs, extractVerbObjects, pairText } from '../../src/discovery/text/verb-object.js';

const pairsOf = (text: string): string[] => extractVerbObjects(tagText(text)).map((p) => pairText(p));

describe('verb-object pairs read from customer sentences', () => {
  it('reads the task, not the wish around it', () => {
    assert.deepEqual(pairsOf('I want to cancel my subscription'), ['cancel subscription']);
    assert.deepEqual(pairsOf('Can you check my balance please?'), ['check balance']);
  });

  it('takes the head of a compound object and keeps the compound', () => {
    const [pair] = extractVerbObjects(tagText('I need to file a car accident claim.'));
    assert.equal(pair?.verb, 'file');
    assert.equal(pair?.object, 'claim');
    assert.equal(pair?.compound, 'car accident claim');
  });

  it('reaches an object behind a preposition and keeps the preposition', () => {
    const [pair] = extractVerbObjects(tagText("Hi, I'd like to enroll in a health plan."));
    assert.equal(pair && pairText(pair), 'enroll in plan');
    assert.equal(pair?.compound, 'health plan');
  });

  it('lemmatizes verbs and keeps each clause’s pair', () => {
    assert.deepEqual(pairsOf("I forgot my password and can't log in to my account"), ['forget password', 'log in to account']);
  });

  it('keeps phrasal verbs whole', () => {
    assert.deepEqual(
      extractTaskVerbs(tagText('Could you sign me up?')).map((v) => v.verb),
      ['sign up'],
    );
  });

  it('finds no pair in small talk', () => {
    assert.deepEqual(pairsOf('Hello, how are you?'), []);
  });

  it('drops disfluency markers and stutters before tagging', () => {
    assert.equal(cleanUtterance('#Um, I need to-to report an ac- accident'), ', I need to report an accident');
  });
});
