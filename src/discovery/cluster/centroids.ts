import type { SparseRow } from './vectors.js';

/** Unit-length mean directions in feature space, one row of `columns` values per cluster. */
export interface Centroids {
  readonly count: number;
  readonly columns: number;
  readonly data: Float64Array;
}

/** Centroids of the rows carrying each label in [0, count); labels outside the range are ignored. */
export function sparseCentroids(rows: readonly SparseRow[], labels: ArrayLike<number>, count: number, columns: number): Centroids {
  const data = new Float64Array(count * columns);
  rows.forEach((row, i) => {
    const label = labels[i]!;
    if (label < 0 || label >= count) return;
    const offset = label * columns;
    row.indices.forEach((c, k) => {
      data[offset + c]! += row.values[k]!;
    });
  });
  for (let c = 0; c < count; c++) {
    const centroid = data.subarray(c * columns, (c + 1) * columns);
    let norm = 0;
    for (const v of centroid) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < columns; j++) centroid[j]! /= norm;
  }
  return { count, columns, data };
}

export function similarity(row: SparseRow, centroids: Centroids, cluster: number): number {
  const offset = cluster * centroids.columns;
  let sum = 0;
  row.indices.forEach((c, k) => {
    sum += row.values[k]! * centroids.data[offset + c]!;
  });
  return sum;
}

/** Most similar centroid of each row, or -1 for a row with no features. Cost O(nnz · k). */
export function nearestCentroid(rows: readonly SparseRow[], centroids: Centroids): Int32Array {
  const labels = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, i) => {
    if (row.indices.length === 0) return;
    let best = -Infinity;
    for (let c = 0; c < centroids.count; c++) {
      const s = similarity(row, centroids, c);
      if (s > best) {
        best = s;
        labels[i] = c;
      }
    }
  });
  return labels;
}

/** Spherical k-means iterations in the sparse feature space, starting from `labels`. */
export function refineLabels(
  rows: readonly SparseRow[],
  labels: Int32Array,
  count: number,
  columns: number,
  iterations: number,
): Int32Array {
  let current = labels;
  for (let i = 0; i < iterations; i++) {
    const next = nearestCentroid(rows, sparseCentroids(rows, current, count, columns));
    if (next.every((l, j) => l === current[j])) break;
    current = next;
  }
  return current;
}
