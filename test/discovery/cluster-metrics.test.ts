import assert from 'node:assert/strict';
import {
  adjustedRandIndex,
  hungarian,
  hungarianAccuracy,
  normalizedMutualInformation,
  scoreClustering,
} from '../../bench/lib/cluster-metrics.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe('clustering scores used by the DSTC11 benchmark', () => {
  it('finds the cheapest one-to-one assignment, not the greedy one', () => {
    // Greedy takes row 0 -> column 0 (cost 1) and then pays 10; the optimum pays 2 + 2.
    assert.deepEqual(hungarian([[1, 2], [10, 2.5]]), [0, 1]);
    assert.deepEqual(hungarian([[1, 2], [2, 100]]), [1, 0]);
    assert.deepEqual(hungarian([[4, 1, 3], [2, 0, 5], [3, 2, 2]]), [1, 0, 2]);
  });

  it('assigns each row of a wide matrix and leaves spare columns free', () => {
    assert.deepEqual(hungarian([[5, 1, 9]]), [1]);
  });

  it('scores a relabelled perfect clustering as 1 on every measure', () => {
    const gold = ['a', 'a', 'b', 'b', 'c'];
    const predicted = ['x', 'x', 'y', 'y', 'z'];
    const s = scoreClustering(predicted, gold);
    assert.equal(s.acc, 1);
    close(s.nmi, 1);
    close(s.ari, 1);
    assert.equal(s.clusters, 3);
    assert.equal(s.labels, 3);
  });

  it('matches clusters to labels one-to-one, so two clusters cannot both claim one label', () => {
    // Both clusters are mostly "a"; only one may map to it, the other takes "b".
    const gold = ['a', 'a', 'a', 'b', 'a', 'a', 'b', 'b'];
    const predicted = ['x', 'x', 'x', 'x', 'y', 'y', 'y', 'y'];
    // x -> a (3) + y -> b (2) = 5, or x -> b (1) + y -> a (2) = 3: best is 5/8.
    assert.equal(hungarianAccuracy(predicted, gold), 5 / 8);
  });

  it('counts extra clusters as errors when there are more clusters than labels', () => {
    assert.equal(hungarianAccuracy(['x', 'y', 'z', 'z'], ['a', 'a', 'b', 'b']), 3 / 4);
  });

  it('computes NMI and ARI as scikit-learn does on a small case', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'b'];
    const predicted = ['x', 'x', 'y', 'y', 'z', 'z'];
    // By hand: H(gold) = ln 2, H(pred) = ln 3, and only cluster y is mixed, so I = ln 2 - (1/3) ln 2;
    // NMI = I / ((ln 2 + ln 3) / 2) = 0.5158. ARI: index 2, expected 3 * 6 / 15 = 1.2, max 4.5 -> 0.8 / 3.3.
    close(normalizedMutualInformation(predicted, gold), ((2 / 3) * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2));
    close(adjustedRandIndex(predicted, gold), 0.8 / 3.3);
  });

  it('gives about zero ARI for a clustering unrelated to the labels', () => {
    close(adjustedRandIndex(['x', 'y', 'x', 'y'], ['a', 'a', 'b', 'b']), -0.5);
    close(normalizedMutualInformation(['x', 'y', 'x', 'y'], ['a', 'a', 'b', 'b']), 0);
  });

  it('refuses predictions and labels of different lengths', () => {
    assert.throws(() => scoreClustering(['x'], ['a', 'b']), /predicted has 1 items but gold has 2/);
  });
});
