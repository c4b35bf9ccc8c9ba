import assert from 'node:assert/strict';
import { Random } from '../../src/text/random.js';
import { sparseRow } from '../../src/discovery/cluster/vectors.js';
import { truncatedSvd } from '../../src/discovery/cluster/svd.js';

describe('truncated SVD behind the LSA embeddings', () => {
  it('keeps the similarities of a rank-2 term matrix exactly', () => {
    const dense = [
      [1, 1, 0, 0],
      [2, 2, 0, 0],
      [0, 0, 1, 3],
      [0, 0, 2, 6],
      [1, 1, 1, 3],
      [0, 0, 0, 0],
    ];
    const rows = dense.map((r) => sparseRow(new Map(r.map((v, c) => [c, v]))));
    const embedding = truncatedSvd(rows, 4, 2, new Random(3));
    assert.equal(embedding.cols, 2);
    for (let i = 0; i < dense.length; i++) {
      for (let j = 0; j < dense.length; j++) {
        const expected = dense[i]!.reduce((s, v, c) => s + v * dense[j]![c]!, 0);
        const actual = embedding.data[i * 2]! * embedding.data[j * 2]! + embedding.data[i * 2 + 1]! * embedding.data[j * 2 + 1]!;
        assert.ok(Math.abs(actual - expected) < 1e-8, `(${i}, ${j}): ${actual} vs ${expected}`);
      }
    }
  });
});
