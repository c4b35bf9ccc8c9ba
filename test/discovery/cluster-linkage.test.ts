import assert from 'node:assert/strict';
import { applyMerges, averageLinkage, cutAtDistance } from '../../src/discovery/cluster/linkage.js';

function matrix(rows: number[][]): { size: number; data: Float64Array } {
  return { size: rows.length, data: Float64Array.from(rows.flat()) };
}

describe('average-linkage dendrogram under the consensus', () => {
  // Points on a line at 0, 1, 5, 6, 20.
  const positions = [0, 1, 5, 6, 20];
  const distances = () => matrix(positions.map((a) => positions.map((b) => Math.abs(a - b))));

  it('merges the closest groups first, at their average distance', () => {
    const merges = averageLinkage(distances());
    assert.deepEqual(
      merges.map((m) => m.distance),
      // {0,1} and {5,6} at 1; the two pairs at mean(5,6,4,5) = 5; 20 at mean(20,19,15,14) = 17.
      [1, 1, 5, 17],
    );
    assert.deepEqual(merges.map((m) => m.size), [2, 2, 4, 5]);
  });

  it('cuts the dendrogram at a distance into flat clusters', () => {
    assert.deepEqual([...cutAtDistance(averageLinkage(distances()), 5, 2)], [0, 0, 1, 1, 2]);
    assert.deepEqual([...cutAtDistance(averageLinkage(distances()), 5, 10)], [0, 0, 0, 0, 1]);
    assert.deepEqual([...applyMerges(averageLinkage(distances()), 5, 0)], [0, 1, 2, 3, 4]);
  });
});
