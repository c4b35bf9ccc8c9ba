import assert from 'node:assert/strict';
import { contextKind, contextShare, withContext } from '../../src/discovery/cluster/context-features.js';
import { sparseRow, type SparseRow } from '../../src/discovery/cluster/vectors.js';
import { requestContext } from '../../src/discovery/discover.js';

/** Squared length of a row's values in the columns `keep` accepts. */
function weight(row: SparseRow, keep: (column: number) => boolean): number {
  let sum = 0;
  row.indices.forEach((c, i) => {
    if (keep(c)) sum += row.values[i]! ** 2;
  });
  return sum;
}

describe('discover: context columns, one block per kind of context', () => {
  const words = [0, 1, 2, 3].map((c) => sparseRow(new Map([[c, 1]])));
  const context = [['asked:order'], ['asked:order', 'said:carrier', 'said:track', 'said:deliveri'], ['asked:order', 'said:carrier', 'said:track', 'said:deliveri'], ['said:carrier', 'said:track', 'said:deliveri']];
  const space = withContext(words, 4, context);
  const isWord = (c: number) => c < 4;

  it('reads a token\'s kind from what comes before its first colon', () => {
    assert.deepEqual(['asked:order', 'said:sent:label', 'plain'].map(contextKind), ['asked', 'said', '']);
  });

  it('gives each kind of context its own share of the row, however many tokens it has, and the words the rest', () => {
    const [asked, said] = [contextShare('asked'), contextShare('said')];
    assert.ok(asked > said && said > 0 && asked + said < 1);
    const askedColumn = space.rows[0]!.indices.find((c) => !isWord(c))!;
    const both = space.rows[1]!;
    assert.ok(Math.abs(weight(both, isWord) - (1 - asked - said)) < 1e-9);
    // One question word and three statement words: each kind keeps its share whatever its number of words.
    assert.ok(Math.abs(weight(both, (c) => c === askedColumn) - asked) < 1e-9);
    assert.ok(Math.abs(weight(both, (c) => !isWord(c) && c !== askedColumn) - said) < 1e-9);
    assert.ok(Math.abs(weight(space.rows[0]!, isWord) - (1 - asked)) < 1e-9);
    assert.ok(Math.abs(weight(space.rows[3]!, isWord) - (1 - said)) < 1e-9);
  });

  it('caps the context of many kinds at half the row, shared in proportion', () => {
    const kinds = ['a', 'b', 'c', 'd'];
    const many = withContext(words, 4, [0, 1, 2, 3].map((i) => kinds.map((kind) => `${kind}:${i === 3 ? 'y' : 'x'}`)));
    assert.ok(Math.abs(weight(many.rows[0]!, isWord) - 0.5) < 1e-9);
  });

  it('places a new utterance with the same weights, and leaves a row without context or words as it is', () => {
    assert.deepEqual(space.encode(words[1]!, context[1]!), space.rows[1]);
    assert.deepEqual(space.encode(words[1]!, ['said:never-seen']), words[1]);
    const empty = sparseRow(new Map());
    assert.deepEqual(space.encode(empty, context[1]!), empty);
  });
});

describe('discover: the context of a request', () => {
  it('is the topic words of what the agent asked and, apart, of what it told, each word once', () => {
    const context = requestContext({ exchanges: [{ question: 'What is the order number?', answer: 'BL-1' }], said: ["I've sent a replacement.", 'The replacement ships today.'] });
    assert.deepEqual(context, ['asked:order', 'asked:number', 'said:sent', 'said:replac', 'said:ship', 'said:todai']);
    assert.deepEqual(requestContext({ exchanges: [] }), []);
  });
});
