import { nearestCentroid, refineLabels, sparseCentroids } from './centroids.js';
import { coAssociationDistance, type EnsembleOptions } from './ensemble.js';
import { applyMerges, averageLinkage, cutAtDistance, type Merge } from './linkage.js';
import type { Random } from '../../text/random.js';
import type { SparseRow } from './vectors.js';

export interface ConsensusOptions extends EnsembleOptions {
  /** Most utterances the consensus is computed on; the rest are assigned to its centroids. */
  readonly sampleSize: number;
  /** Consensus distance (share of runs that split a pair, averaged between groups) at which groups stop merging. */
  readonly threshold: number;
  /** Groups of the sample smaller than this are not clusters; their members join the nearest cluster. */
  readonly minSize: number;
  /** Exact number of clusters wanted, instead of the threshold. */
  readonly k?: number;
  /** Spherical k-means iterations over all utterances after the consensus. */
  readonly refinements: number;
}

/** Labels 0..count-1 for groups with at least `minSize` members, -1 for the rest. */
function keepLarge(groups: Int32Array, minSize: number): { labels: Int32Array; count: number } {
  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const names = new Map<number, number>();
  const labels = groups.map((g) => {
    if (sizes.get(g)! < minSize) return -1;
    if (!names.has(g)) names.set(g, names.size);
    return names.get(g)!;
  });
  return { labels, count: names.size };
}

/** Flat groups from the dendrogram such that `k` of them have at least `minSize` members (as near as possible). */
function cutToCount(merges: readonly Merge[], n: number, k: number, minSize: number): Int32Array {
  let best = applyMerges(merges, n, merges.length);
  let bestGap = Infinity;
  for (let count = merges.length; count >= 0; count--) {
    const groups = applyMerges(merges, n, count);
    const gap = Math.abs(keepLarge(groups, minSize).count - k);
    if (gap < bestGap) {
      bestGap = gap;
      best = groups;
    }
    if (gap === 0 || keepLarge(groups, minSize).count > k) break;
  }
  return best;
}

/**
 * Clusters sparse rows by consensus: perturbed k-means runs on a sample give a co-association
 * distance, average linkage over it gives the groups (their number follows from the threshold),
 * and all rows are then assigned to the groups' centroids and refined by spherical k-means.
 * Returns a label per row (0..count-1), -1 for rows without features.
 */
export function consensusClusters(
  rows: readonly SparseRow[],
  columns: number,
  random: Random,
  options: ConsensusOptions,
): { labels: Int32Array; count: number } {
  const withFeatures = rows.map((r, i) => (r.indices.length > 0 ? i : -1)).filter((i) => i >= 0);
  if (withFeatures.length === 0) return { labels: new Int32Array(rows.length).fill(-1), count: 0 };
  const sample = random.sampleIndices(withFeatures.length, options.sampleSize).map((i) => withFeatures[i]!);
  const sampleRows = sample.map((i) => rows[i]!);
  let groups: Int32Array;
  if (sample.length === 1) {
    groups = new Int32Array(1);
  } else {
    const merges = averageLinkage(coAssociationDistance(sampleRows, columns, random, options));
    groups =
      options.k === undefined
        ? cutAtDistance(merges, sample.length, options.threshold)
        : cutToCount(merges, sample.length, options.k, options.minSize);
  }
  let kept = keepLarge(groups, Math.min(options.minSize, sample.length));
  if (kept.count === 0) kept = { labels: new Int32Array(sample.length), count: 1 };
  const centroids = sparseCentroids(sampleRows, kept.labels, kept.count, columns);
  const labels = nearestCentroid(rows, centroids);
  return { labels: refineLabels(rows, labels, kept.count, columns, options.refinements), count: kept.count };
}
