/** Sparse rows (TF-IDF) and dense row-major matrices (embeddings), with the few operations clustering needs. */

/** A sparse row: parallel arrays of column indices (increasing) and values. */
export interface SparseRow {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Builds a row from a column -> value map, dropping zeros. */
export function sparseRow(entries: ReadonlyMap<number, number>): SparseRow {
  const sorted = [...entries].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  return {
    indices: Int32Array.from(sorted, ([i]) => i),
    values: Float64Array.from(sorted, ([, v]) => v),
  };
}

export function l2Normalize(row: SparseRow): SparseRow {
  let norm = 0;
  for (const v of row.values) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return row;
  return { indices: row.indices, values: row.values.map((v) => v / norm) };
}

/** A dense matrix stored row-major. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function denseMatrix(rows: number, cols: number): DenseMatrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function rowOf(matrix: DenseMatrix, row: number): Float64Array {
  return matrix.data.subarray(row * matrix.cols, (row + 1) * matrix.cols);
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Scales each row of `matrix` to unit length in place (zero rows stay zero). */
export function normalizeRows(matrix: DenseMatrix): DenseMatrix {
  for (let r = 0; r < matrix.rows; r++) {
    const row = rowOf(matrix, r);
    const norm = Math.sqrt(dot(row, row));
    if (norm > 0) for (let c = 0; c < row.length; c++) row[c]! /= norm;
  }
  return matrix;
}
