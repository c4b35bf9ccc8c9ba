/** One merge of a dendrogram; leaves are 0..n-1, the cluster made by merge s is n + s. */
export interface Merge {
  readonly left: number;
  readonly right: number;
  readonly distance: number;
  readonly size: number;
}

/** A symmetric distance matrix over `size` items, row-major. */
export interface DistanceMatrix {
  readonly size: number;
  readonly data: Float64Array;
}

/**
 * Average-linkage (UPGMA) agglomerative clustering by the nearest-neighbour chain algorithm:
 * O(n²) time and no memory beyond the matrix, which it overwrites. Merges come back in order of
 * increasing distance.
 */
export function averageLinkage(matrix: DistanceMatrix): Merge[] {
  const n = matrix.size;
  const d = matrix.data;
  const active = new Uint8Array(n).fill(1);
  const sizes = new Float64Array(n).fill(1);
  const ids = Int32Array.from({ length: n }, (_, i) => i);
  const raw: Array<{ a: number; b: number; distance: number; size: number }> = [];
  const chain: number[] = [];
  let remaining = n;
  let firstActive = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[firstActive]) firstActive += 1;
      chain.push(firstActive);
    }
    for (;;) {
      const a = chain.at(-1)!;
      const previous = chain.length >= 2 ? chain.at(-2)! : -1;
      let best = previous;
      let bestDistance = previous >= 0 ? d[a * n + previous]! : Infinity;
      for (let x = 0; x < n; x++) {
        if (!active[x] || x === a) continue;
        const distance = d[a * n + x]!;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = x;
        }
      }
      if (best === previous) break;
      chain.push(best);
    }
    const a = chain.pop()!;
    const b = chain.pop()!;
    const distance = d[a * n + b]!;
    const size = sizes[a]! + sizes[b]!;
    raw.push({ a: ids[a]!, b: ids[b]!, distance, size });
    for (let x = 0; x < n; x++) {
      if (!active[x] || x === a || x === b) continue;
      const merged = (sizes[a]! * d[a * n + x]! + sizes[b]! * d[b * n + x]!) / size;
      d[b * n + x] = merged;
      d[x * n + b] = merged;
    }
    active[a] = 0;
    sizes[b] = size;
    ids[b] = n + raw.length - 1;
    remaining -= 1;
  }
  return relabelByDistance(raw, n);
}

/** Sorts merges by distance and renumbers the clusters they create accordingly. */
function relabelByDistance(raw: ReadonlyArray<{ a: number; b: number; distance: number; size: number }>, n: number): Merge[] {
  const order = raw.map((_, i) => i).sort((x, y) => raw[x]!.distance - raw[y]!.distance || x - y);
  const renamed = new Int32Array(raw.length);
  order.forEach((original, position) => {
    renamed[original] = n + position;
  });
  const rename = (id: number): number => (id < n ? id : renamed[id - n]!);
  return order.map((i) => {
    const m = raw[i]!;
    return { left: rename(m.a), right: rename(m.b), distance: m.distance, size: m.size };
  });
}

function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[x] !== root) {
    const next = parent[x]!;
    parent[x] = root;
    x = next;
  }
  return root;
}

/** Flat clusters after applying the first `count` merges; labels are 0..k-1 in order of first item. */
export function applyMerges(merges: readonly Merge[], n: number, count: number): Int32Array {
  const parent = Int32Array.from({ length: n + merges.length }, (_, i) => i);
  merges.slice(0, count).forEach((m, s) => {
    parent[find(parent, m.left)] = n + s;
    parent[find(parent, m.right)] = n + s;
  });
  const labels = new Int32Array(n);
  const names = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    if (!names.has(root)) names.set(root, names.size);
    labels[i] = names.get(root)!;
  }
  return labels;
}

/** Flat clusters joined at distances up to `threshold`. */
export function cutAtDistance(merges: readonly Merge[], n: number, threshold: number): Int32Array {
  const count = merges.findIndex((m) => m.distance > threshold);
  return applyMerges(merges, n, count === -1 ? merges.length : count);
}
