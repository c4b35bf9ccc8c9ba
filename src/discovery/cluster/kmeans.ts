import type { Random } from '../../text/random.js';
import { denseMatrix, dot, normalizeRows, rowOf, type DenseMatrix } from './vectors.js';

export interface KMeansResult {
  readonly labels: Int32Array;
  /** Unit-length mean directions. */
  readonly centroids: DenseMatrix;
  /** Sum over points of the cosine similarity to their centroid (higher is tighter). */
  readonly cohesion: number;
}

export interface KMeansOptions {
  readonly restarts?: number;
  readonly maxIterations?: number;
}

/** k-means++ seeding on cosine distance: each new seed drawn with probability proportional to its distance. */
function seedCentroids(points: DenseMatrix, k: number, random: Random): DenseMatrix {
  const centroids = denseMatrix(k, points.cols);
  const nearest = new Float64Array(points.rows).fill(Infinity);
  let pick = random.int(0, points.rows - 1);
  for (let c = 0; c < k; c++) {
    rowOf(centroids, c).set(rowOf(points, pick));
    const seed = rowOf(centroids, c);
    let total = 0;
    for (let i = 0; i < points.rows; i++) {
      const d = Math.max(0, 1 - dot(rowOf(points, i), seed));
      if (d < nearest[i]!) nearest[i] = d;
      total += nearest[i]!;
    }
    if (total === 0) {
      pick = random.int(0, points.rows - 1);
      continue;
    }
    let target = random.float() * total;
    pick = points.rows - 1;
    for (let i = 0; i < points.rows; i++) {
      target -= nearest[i]!;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
  }
  return centroids;
}

/** Assigns each point to its most similar centroid; returns the summed similarity. */
function assignToCentroids(points: DenseMatrix, centroids: DenseMatrix, labels: Int32Array): number {
  const d = points.cols;
  const p = points.data;
  const c = centroids.data;
  let cohesion = 0;
  for (let i = 0; i < points.rows; i++) {
    const offset = i * d;
    let best = -Infinity;
    let label = 0;
    for (let k = 0; k < centroids.rows; k++) {
      const base = k * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += p[offset + j]! * c[base + j]!;
      if (s > best) {
        best = s;
        label = k;
      }
    }
    labels[i] = label;
    cohesion += best;
  }
  return cohesion;
}

/** Unit mean direction of each label's points; an empty cluster takes the point worst served by its own. */
function centroidsOf(points: DenseMatrix, labels: Int32Array, k: number): DenseMatrix {
  const centroids = denseMatrix(k, points.cols);
  const sizes = new Int32Array(k);
  for (let i = 0; i < points.rows; i++) {
    const target = rowOf(centroids, labels[i]!);
    const p = rowOf(points, i);
    for (let j = 0; j < p.length; j++) target[j]! += p[j]!;
    sizes[labels[i]!]! += 1;
  }
  normalizeRows(centroids);
  for (let c = 0; c < k; c++) {
    if (sizes[c]! > 0) continue;
    let worst = 0;
    let worstSimilarity = Infinity;
    for (let i = 0; i < points.rows; i++) {
      if (sizes[labels[i]!]! < 2) continue;
      const s = dot(rowOf(points, i), rowOf(centroids, labels[i]!));
      if (s < worstSimilarity) {
        worstSimilarity = s;
        worst = i;
      }
    }
    rowOf(centroids, c).set(rowOf(points, worst));
    sizes[labels[worst]!]! -= 1;
    labels[worst] = c;
    sizes[c] = 1;
  }
  return centroids;
}

function lloyd(points: DenseMatrix, k: number, random: Random, maxIterations: number): KMeansResult {
  let centroids = seedCentroids(points, k, random);
  const labels = new Int32Array(points.rows);
  let cohesion = assignToCentroids(points, centroids, labels);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    centroids = centroidsOf(points, labels, k);
    const previous = labels.slice();
    cohesion = assignToCentroids(points, centroids, labels);
    if (labels.every((l, i) => l === previous[i])) break;
  }
  return { labels, centroids: centroidsOf(points, labels, k), cohesion };
}

/**
 * Spherical k-means (cosine similarity) on unit-length rows, k-means++ seeding, best of `restarts`.
 * Cost O(restarts · iterations · n · k · d).
 */
export function kmeans(points: DenseMatrix, k: number, random: Random, options: KMeansOptions = {}): KMeansResult {
  const clusters = Math.max(1, Math.min(k, points.rows));
  let best: KMeansResult | undefined;
  for (let r = 0; r < (options.restarts ?? 5); r++) {
    const run = lloyd(points, clusters, random, options.maxIterations ?? 50);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  return best!;
}
