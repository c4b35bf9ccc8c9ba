import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Random } from '../../text/random.js';
import { denseMatrix, rowOf, type DenseMatrix, type SparseRow } from './vectors.js';

/** Eigenpairs of a small symmetric matrix, largest eigenvalue first. */
function symmetricEigen(gram: Matrix): { values: number[]; vectors: Matrix } {
  const evd = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
  const order = evd.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  return {
    values: order.map(([v]) => v),
    vectors: evd.eigenvectorMatrix.subMatrixColumn(order.map(([, i]) => i)),
  };
}

function gramOf(matrix: DenseMatrix): Matrix {
  const l = matrix.cols;
  const gram = new Float64Array(l * l);
  const data = matrix.data;
  for (let r = 0; r < matrix.rows; r++) {
    const offset = r * l;
    for (let i = 0; i < l; i++) {
      const ri = data[offset + i]!;
      if (ri === 0) continue;
      const target = i * l;
      for (let j = i; j < l; j++) gram[target + j]! += ri * data[offset + j]!;
    }
  }
  const rows = Array.from({ length: l }, (_, i) => Array.from({ length: l }, (_, j) => (j >= i ? gram[i * l + j]! : gram[j * l + i]!)));
  return new Matrix(rows);
}

/** `matrix` times the small `transform` (cols x k), scaling output column j by `scale[j]`. */
function multiplySmall(matrix: DenseMatrix, transform: Matrix, scale: readonly number[]): DenseMatrix {
  const k = scale.length;
  const l = matrix.cols;
  const out = denseMatrix(matrix.rows, k);
  const t = Float64Array.from(transform.to1DArray());
  const source = matrix.data;
  const target = out.data;
  for (let r = 0; r < matrix.rows; r++) {
    const from = r * l;
    const to = r * k;
    for (let i = 0; i < l; i++) {
      const v = source[from + i]!;
      if (v === 0) continue;
      const ti = i * k;
      for (let j = 0; j < k; j++) target[to + j]! += v * t[ti + j]!;
    }
    for (let j = 0; j < k; j++) target[to + j]! *= scale[j]!;
  }
  return out;
}

/** Orthonormal basis of the column space of a tall matrix, through the eigenvectors of its Gram matrix. */
function orthonormalColumns(matrix: DenseMatrix): DenseMatrix {
  const { values, vectors } = symmetricEigen(gramOf(matrix));
  const top = values[0] ?? 0;
  const keep = values.filter((v) => v > top * 1e-10).length;
  const scale = values.slice(0, keep).map((v) => 1 / Math.sqrt(v));
  return multiplySmall(matrix, vectors.subMatrixColumn(Array.from({ length: keep }, (_, i) => i)), scale);
}

/** A (n x m sparse) times B (m x k dense). */
function sparseTimesDense(rows: readonly SparseRow[], dense: DenseMatrix): DenseMatrix {
  const out = denseMatrix(rows.length, dense.cols);
  rows.forEach((row, r) => {
    const target = rowOf(out, r);
    row.indices.forEach((c, idx) => {
      const v = row.values[idx]!;
      const source = rowOf(dense, c);
      for (let j = 0; j < target.length; j++) target[j]! += v * source[j]!;
    });
  });
  return out;
}

/** A^T (m x n) times B (n x k dense). */
function sparseTransposeTimesDense(rows: readonly SparseRow[], columns: number, dense: DenseMatrix): DenseMatrix {
  const out = denseMatrix(columns, dense.cols);
  rows.forEach((row, r) => {
    const source = rowOf(dense, r);
    row.indices.forEach((c, idx) => {
      const v = row.values[idx]!;
      const target = rowOf(out, c);
      for (let j = 0; j < target.length; j++) target[j]! += v * source[j]!;
    });
  });
  return out;
}

/**
 * Rank-`dimensions` truncated SVD of a sparse matrix by randomized range finding
 * (Halko, Martinsson and Tropp 2011) with `powerIterations` subspace iterations.
 * Returns the row embeddings U·S. Cost O(nnz · (d + p) · (2q + 2) + (n + m) · (d + p)²).
 */
export function truncatedSvd(
  rows: readonly SparseRow[],
  columns: number,
  dimensions: number,
  random: Random,
  powerIterations = 3,
): DenseMatrix {
  const rank = Math.min(dimensions + 10, columns, rows.length);
  if (rank === 0) return denseMatrix(rows.length, 0);
  const omega = denseMatrix(columns, rank);
  for (let i = 0; i < omega.data.length; i++) omega.data[i] = random.gaussian();
  // A sample of columns the rows never use spans nothing: no dimensions, rather than an empty eigenproblem.
  const empty = denseMatrix(rows.length, 0);
  let range = orthonormalColumns(sparseTimesDense(rows, omega));
  if (range.cols === 0) return empty;
  for (let q = 0; q < powerIterations; q++) {
    const back = orthonormalColumns(sparseTransposeTimesDense(rows, columns, range));
    if (back.cols === 0) return empty;
    range = orthonormalColumns(sparseTimesDense(rows, back));
    if (range.cols === 0) return empty;
  }
  // B^T = A^T Q is m x l; the eigenvectors of B B^T rotate Q onto the left singular vectors.
  const projected = sparseTransposeTimesDense(rows, columns, range);
  const { values, vectors } = symmetricEigen(gramOf(projected));
  const keep = Math.min(dimensions, values.filter((v) => v > 1e-12).length);
  const singular = values.slice(0, keep).map((v) => Math.sqrt(v));
  return multiplySmall(range, vectors.subMatrixColumn(Array.from({ length: keep }, (_, i) => i)), singular);
}
