/** Clustering scores against gold labels, as DSTC11 Track 2 reports them. */

export interface ClusterScores {
  /** Accuracy under the best one-to-one matching of clusters to gold labels (Hungarian), in [0, 1]. */
  readonly acc: number;
  /** Normalized mutual information, arithmetic-mean normalization (scikit-learn's default), in [0, 1]. */
  readonly nmi: number;
  /** Adjusted Rand index, at most 1, about 0 for chance. */
  readonly ari: number;
  readonly clusters: number;
  readonly labels: number;
}

interface Contingency {
  readonly table: number[][];
  readonly rowSums: number[];
  readonly colSums: number[];
  readonly total: number;
}

function contingency(predicted: readonly string[], gold: readonly string[]): Contingency {
  if (predicted.length !== gold.length) {
    throw new Error(`predicted has ${predicted.length} items but gold has ${gold.length}`);
  }
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const p of predicted) if (!rows.has(p)) rows.set(p, rows.size);
  for (const g of gold) if (!cols.has(g)) cols.set(g, cols.size);
  const table = Array.from({ length: rows.size }, () => new Array<number>(cols.size).fill(0));
  predicted.forEach((p, i) => {
    table[rows.get(p)!]![cols.get(gold[i]!)!]! += 1;
  });
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: cols.size }, (_, j) => table.reduce((a, row) => a + row[j]!, 0));
  return { table, rowSums, colSums, total: predicted.length };
}

/**
 * Minimum-cost assignment of rows to columns (Hungarian algorithm with potentials, O(n^2 m)).
 * Needs rows <= columns; returns the column given to each row.
 */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const m = cost[0]?.length ?? 0;
  if (n > m) throw new Error(`hungarian needs rows <= columns, got ${n} x ${m}`);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const owner = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = owner[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[owner[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0]!;
      owner[j0] = owner[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (owner[j]! > 0) assignment[owner[j]! - 1] = j - 1;
  return assignment;
}

function transpose(table: readonly (readonly number[])[]): number[][] {
  const cols = table[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => table.map((row) => row[j]!));
}

/** Share of items whose cluster is matched one-to-one to their gold label, maximizing matched items. */
export function hungarianAccuracy(predicted: readonly string[], gold: readonly string[]): number {
  const { table, total } = contingency(predicted, gold);
  if (total === 0) return 0;
  const wide = table.length <= (table[0]?.length ?? 0) ? table : transpose(table);
  const assignment = hungarian(wide.map((row) => row.map((count) => -count)));
  const matched = assignment.reduce((sum, j, i) => sum + (j >= 0 ? wide[i]![j]! : 0), 0);
  return matched / total;
}

function entropy(counts: readonly number[], total: number): number {
  return counts.reduce((h, c) => (c > 0 ? h - (c / total) * Math.log(c / total) : h), 0);
}

export function normalizedMutualInformation(predicted: readonly string[], gold: readonly string[]): number {
  const { table, rowSums, colSums, total } = contingency(predicted, gold);
  if (total === 0) return 0;
  let mutual = 0;
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      if (count > 0) mutual += (count / total) * Math.log((count * total) / (rowSums[i]! * colSums[j]!));
    }),
  );
  const hp = entropy(rowSums, total);
  const hg = entropy(colSums, total);
  if (hp === 0 && hg === 0) return 1;
  const mean = (hp + hg) / 2;
  return mean === 0 ? 0 : Math.max(0, mutual / mean);
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

export function adjustedRandIndex(predicted: readonly string[], gold: readonly string[]): number {
  const { table, rowSums, colSums, total } = contingency(predicted, gold);
  const index = table.reduce((sum, row) => sum + row.reduce((s, c) => s + pairs(c), 0), 0);
  const rowPairs = rowSums.reduce((s, c) => s + pairs(c), 0);
  const colPairs = colSums.reduce((s, c) => s + pairs(c), 0);
  const expected = total < 2 ? 0 : (rowPairs * colPairs) / pairs(total);
  const max = (rowPairs + colPairs) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

export function scoreClustering(predicted: readonly string[], gold: readonly string[]): ClusterScores {
  return {
    acc: hungarianAccuracy(predicted, gold),
    nmi: normalizedMutualInformation(predicted, gold),
    ari: adjustedRandIndex(predicted, gold),
    clusters: new Set(predicted).size,
    labels: new Set(gold).size,
  };
}
