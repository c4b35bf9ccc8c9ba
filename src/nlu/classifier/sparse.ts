/** A sparse vector: parallel arrays of feature indices (ascending) and values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Builds a sparse vector from a feature-index -> value map, indices sorted. */
export function sparseFromMap(map: ReadonlyMap<number, number>): SparseVector {
  const indices = Int32Array.from(map.keys()).sort();
  const values = new Float32Array(indices.length);
  indices.forEach((index, i) => {
    values[i] = map.get(index) ?? 0;
  });
  return { indices, values };
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i] as number;
    const bj = b.indices[j] as number;
    if (ai === bj) {
      sum += (a.values[i] as number) * (b.values[j] as number);
      i += 1;
      j += 1;
    } else if (ai < bj) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return sum;
}
