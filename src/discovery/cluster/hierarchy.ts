import type { Centroids } from './centroids.js';
import { applyMerges, averageLinkage } from './linkage.js';

/**
 * Groups clusters into `count` families by average linkage over the cosine distance of their
 * centroids (clusters that share vocabulary: "Pay bill", "Check balance", "Report billing issue").
 * Returns each cluster's group in 0..count-1. Cost O(k² · columns).
 */
export function groupClusters(centroids: Centroids, count: number): Int32Array {
  const k = centroids.count;
  if (k === 0) return new Int32Array(0);
  const m = centroids.columns;
  const data = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let dot = 0;
      for (let j = 0; j < m; j++) dot += centroids.data[a * m + j]! * centroids.data[b * m + j]!;
      data[a * k + b] = data[b * k + a] = 1 - dot;
    }
  }
  const merges = averageLinkage({ size: k, data });
  return applyMerges(merges, k, k - Math.max(1, Math.min(count, k)));
}
