import { kmeans } from './kmeans.js';
import type { DistanceMatrix } from './linkage.js';
import type { Random } from '../../text/random.js';
import { l2Normalize, normalizeRows, type SparseRow } from './vectors.js';
import { truncatedSvd } from './svd.js';

export interface EnsembleOptions {
  readonly runs: number;
  /** Inclusive range the number of clusters of each run is drawn from. */
  readonly clusters: readonly [number, number];
  /** Choices for the number of LSA dimensions of each run. */
  readonly dimensions: readonly number[];
  /** Share of features each run keeps (random subspace). */
  readonly featureShare: number;
}

function keepColumns(rows: readonly SparseRow[], keep: Uint8Array): SparseRow[] {
  return rows.map((row) => {
    const indices: number[] = [];
    const values: number[] = [];
    row.indices.forEach((c, i) => {
      if (keep[c]) {
        indices.push(c);
        values.push(row.values[i]!);
      }
    });
    return l2Normalize({ indices: Int32Array.from(indices), values: Float64Array.from(values) });
  });
}

/**
 * Consensus distance between utterances: the share of perturbed clusterings that separate them.
 * Each run keeps a random subset of features, reduces them by truncated SVD and clusters with
 * k-means for a random k, so only groupings that survive the perturbations stay close.
 * Cost O(runs · (nnz · d + n · k · d · iterations) + n² · runs / k).
 */
export function coAssociationDistance(
  rows: readonly SparseRow[],
  columns: number,
  random: Random,
  options: EnsembleOptions,
): DistanceMatrix {
  const n = rows.length;
  const together = new Float64Array(n * n);
  const [low, high] = options.clusters;
  for (let run = 0; run < options.runs; run++) {
    const keep = Uint8Array.from({ length: columns }, () => (random.chance(options.featureShare) ? 1 : 0));
    const dims = random.pick(options.dimensions);
    const points = normalizeRows(truncatedSvd(keepColumns(rows, keep), columns, dims, random, 1));
    const k = random.int(low, high);
    const { labels } = kmeans(points, k, random, { restarts: 1, maxIterations: 30 });
    const members = Array.from({ length: k }, (): number[] => []);
    labels.forEach((label, i) => members[label]!.push(i));
    for (const group of members) {
      for (const i of group) for (const j of group) together[i * n + j]! += 1;
    }
  }
  const data = together.map((count) => 1 - count / options.runs);
  for (let i = 0; i < n; i++) data[i * n + i] = 0;
  return { size: n, data };
}
