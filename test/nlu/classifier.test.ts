import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { trainIntentClassifier } from '../../src/nlu/classifier/train.js';
import type { WordVectors } from '../../src/nlu/classifier/word-vectors.js';
import { parseLabelledJsonl } from '../../src/nlu/evaluate/labelled-jsonl.js';
import type { Classification, LabelledUtterance } from '../../src/nlu/types.js';

const fixture = (name: string): LabelledUtterance[] => {
  const file = new URL(`../fixtures/nlu/${name}`, import.meta.url);
  return parseLabelledJsonl(readFileSync(file, 'utf8'), name);
};

const training = fixture('train.jsonl');
// Lexical features only: fast, and independent of the installed word-vector package.
const classifier = trainIntentClassifier(training, { wordVectors: null });

function assertProbabilities(classification: Classification): void {
  let sum = 0;
  classification.ranking.forEach((score, i) => {
    assert.ok(score.confidence >= 0 && score.confidence <= 1, `confidence ${score.confidence} outside [0, 1]`);
    if (i > 0) assert.ok(score.confidence <= (classification.ranking[i - 1]?.confidence ?? 1), 'ranking is not best first');
    sum += score.confidence;
  });
  assert.ok(sum <= 1 + 1e-9, `ranking sums to ${sum}`);
  assert.ok(classification.outOfScopeScore >= 0 && classification.outOfScopeScore <= 1);
}

describe('intent classifier', () => {
  it('learns the fixture intents and recognizes new wordings of them', () => {
    assert.deepEqual([...classifier.intents].sort(), ['cancel_order', 'change_address', 'order_status', 'refund', 'reset_password']);
    const inScope = fixture('test.jsonl').filter((row) => row.intent !== 'none');
    for (const row of inScope) {
      assert.equal(classifier.classify(row.text).ranking[0]?.intent, row.intent, row.text);
    }
  });

  it('ranks distinct runner-up candidates after the best intent', () => {
    const result = classifier.classify('I want to cancel my order and get a refund', 3);
    assert.equal(result.ranking.length, 3);
    assert.equal(new Set(result.ranking.map((s) => s.intent)).size, 3);
    assert.deepEqual(
      result.ranking.slice(0, 2).map((s) => s.intent).sort(),
      ['cancel_order', 'refund'],
    );
    assertProbabilities(result);
  });

  it('gives probabilities in [0, 1] that sum to at most 1 over all intents', () => {
    for (const text of ['where is my order', 'refund please', 'hello', '']) {
      const result = classifier.classify(text, classifier.intents.length);
      assert.equal(result.ranking.length, classifier.intents.length);
      assertProbabilities(result);
      const sum = result.ranking.reduce((total, s) => total + s.confidence, 0);
      assert.ok(Math.abs(sum - 1) < 1e-6, `all intents together sum to ${sum}`);
    }
  });

  it('clamps the number of candidates to the intents it knows', () => {
    assert.equal(classifier.classify('where is my order', 50).ranking.length, 5);
    assert.equal(classifier.classify('where is my order', 0).ranking.length, 1);
    assert.equal(classifier.classify('where is my order').ranking.length, 3);
  });

  it('trains the same model from the same data and seed', () => {
    const again = trainIntentClassifier(training, { wordVectors: null });
    const texts = ['where is my parcel', 'I forgot my login', 'money back for the broken thing', 'blah'];
    assert.deepEqual(
      texts.map((t) => again.classify(t, 5)),
      texts.map((t) => classifier.classify(t, 5)),
    );
    assert.equal(again.temperature, classifier.temperature);
  });

  it('scores gibberish and foreign text as out of scope, and in-scope text as not', () => {
    for (const text of ['qwxz vbnm plkj', 'Wie ist das Wetter heute in Berlin?', '我的包裹在哪里', 'Ceci nest pas une pipe']) {
      assert.ok(classifier.classify(text).outOfScopeScore >= 0.9, `${text}: ${classifier.classify(text).outOfScopeScore}`);
    }
    assert.ok(classifier.classify('I forgot my password').outOfScopeScore < 0.5);
  });

  it('never crashes on empty, very long or control-character text', () => {
    const empty = classifier.classify('');
    assert.equal(empty.outOfScopeScore, 1);
    assert.ok(empty.ranking.length >= 1);
    assertProbabilities(empty);

    const huge = classifier.classify(`where is my order ${'x'.repeat(100_000)}`);
    assert.equal(huge.ranking[0]?.intent, 'order_status');
    assertProbabilities(huge);

    const control = classifier.classify('\u0000\u0007where\u001b[31m is my\u200b order\u0085?\r\n');
    assert.equal(control.ranking[0]?.intent, 'order_status');
    assertProbabilities(control);
    assertProbabilities(classifier.classify('\ud800 lone surrogate \udfff'));
  });

  it('refuses training sets it cannot learn from, saying what is wrong', () => {
    assert.throws(() => trainIntentClassifier([], { wordVectors: null }), /no example has any words/);
    assert.throws(() => trainIntentClassifier([{ text: '  ', intent: 'a' }], { wordVectors: null }), /no example has any words/);
    assert.throws(
      () => trainIntentClassifier([{ text: 'hi', intent: 'a' }, { text: 'yo', intent: ' ' }], { wordVectors: null }),
      /training example 1: "intent" must be a non-empty string/,
    );
    const noText = [{ intent: 'a' }] as unknown as LabelledUtterance[];
    assert.throws(() => trainIntentClassifier(noText, { wordVectors: null }), /training example 0: "text" must be a string/);
    assert.throws(() => classifier.classify(42 as unknown as string), /expects the text as a string/);
  });

  it('works with a single intent', () => {
    const single = trainIntentClassifier([{ text: 'where is my order', intent: 'order_status' }], { wordVectors: null });
    const result = single.classify('my order');
    assert.equal(result.ranking[0]?.intent, 'order_status');
    assert.ok(single.classify('zzzz qqqq').outOfScopeScore > result.outOfScopeScore);
  });

  it('uses word vectors to match a synonym it never saw in training', () => {
    const table: Record<string, number[]> = {
      refund: [1, 0, 0, 0],
      reimbursement: [0.95, 0.05, 0, 0],
      money: [0.8, 0.2, 0, 0],
      order: [0, 1, 0, 0],
      parcel: [0, 0.9, 0.1, 0],
      password: [0, 0, 1, 0],
      login: [0, 0, 0.9, 0.1],
    };
    const words = Object.keys(table);
    const vectors: WordVectors = {
      dimensions: 4,
      get: (word) => (table[word] ? Float32Array.from(table[word]) : undefined),
      rank: (word) => (words.includes(word) ? words.indexOf(word) + 100 : undefined),
    };
    const examples = [
      { text: 'refund', intent: 'refund' },
      { text: 'refund please', intent: 'refund' },
      { text: 'order', intent: 'order_status' },
      { text: 'where is the order', intent: 'order_status' },
      { text: 'password', intent: 'reset_password' },
      { text: 'new password', intent: 'reset_password' },
    ];
    const withVectors = trainIntentClassifier(examples, { wordVectors: vectors });
    assert.equal(withVectors.classify('reimbursement').ranking[0]?.intent, 'refund');
    assert.equal(withVectors.classify('login').ranking[0]?.intent, 'reset_password');
  });
});
