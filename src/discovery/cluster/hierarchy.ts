import type { Centroids } from './centroids.js';
import { applyMerges, averageLinkage } from './linkage.js';

/** Groups for n sizeable clusters: 2√n (9 for 20 intents, 20 for 100), so a group holds a handful of related intents. */
const GROUPS_PER_ROOT = 2;
/** Clusters below this share of the placed utterances do not shape the groups; they join the closest one. */
const SHAPING_SHARE = 0.015;

function similarityMatrix(centroids: Centroids): Float64Array {
  const k = centroids.count;
  const m = centroids.columns;
  const data = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let dot = 0;
      for (let j = 0; j < m; j++) dot += centroids.data[a * m + j]! * centroids.data[b * m + j]!;
      data[a * k + b] = data[b * k + a] = dot;
    }
  }
  return data;
}

/**
 * Groups clusters into about 2√(number of sizeable clusters) families by average linkage over the cosine
 * distance of their centroids (clusters that share vocabulary: "Pay bill", "Check balance", "Report
 * billing issue"). Only clusters of at least SHAPING_SHARE of the utterances shape the groups, so a few
 * small off-topic clusters do not each take a group and leave the rest lumped together; each small one
 * then joins the group it is closest to on average. Returns each cluster's group in 0..groups-1.
 * Cost O(k² · columns).
 */
export function groupClusters(centroids: Centroids, sizes: readonly number[]): Int32Array {
  const k = centroids.count;
  if (k === 0) return new Int32Array(0);
  const similarity = similarityMatrix(centroids);
  const total = sizes.reduce((sum, n) => sum + n, 0);
  let shaping = Array.from({ length: k }, (_, i) => i).filter((i) => sizes[i]! >= SHAPING_SHARE * total);
  if (shaping.length < 2) shaping = Array.from({ length: k }, (_, i) => i);
  const n = shaping.length;
  const distance = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) distance[a * n + b] = 1 - similarity[shaping[a]! * k + shaping[b]!]!;
  const count = Math.max(1, Math.min(n, Math.round(GROUPS_PER_ROOT * Math.sqrt(n))));
  const shaped = applyMerges(averageLinkage({ size: n, data: distance }), n, n - count);
  const groupOf = new Int32Array(k).fill(-1);
  shaping.forEach((cluster, i) => (groupOf[cluster] = shaped[i]!));
  for (let c = 0; c < k; c++) {
    if (groupOf[c]! >= 0) continue;
    const mean = new Float64Array(count);
    const members = new Float64Array(count);
    shaping.forEach((other, i) => {
      mean[shaped[i]!]! += similarity[c * k + other]!;
      members[shaped[i]!]! += 1;
    });
    let best = 0;
    for (let g = 1; g < count; g++) if (mean[g]! / members[g]! > mean[best]! / members[best]!) best = g;
    groupOf[c] = best;
  }
  return groupOf;
}
