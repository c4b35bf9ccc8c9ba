import type { Random } from '../../text/random.js';
import { l2Normalize, type SparseRow } from './vectors.js';

/** The space clustering runs in: one row per utterance over `columns` columns. */
export interface ClusteringSpace {
  readonly rows: readonly SparseRow[];
  readonly columns: number;
}

/** The space with embedding columns, and how to add them to another utterance's row (no vector or a zero one adds nothing). */
export interface EmbeddingSpace extends ClusteringSpace {
  readonly encode: (row: SparseRow, embedding: ArrayLike<number> | undefined) => SparseRow;
}

/**
 * Embeddings are projected to this many columns, which keeps cosine similarities within about 10%
 * (Johnson-Lindenstrauss) while the consensus runs stay about as fast as on words alone.
 */
export const EMBEDDING_COLUMNS = 128;
/** Share of each row's squared length given to its embedding; the rest goes to its words. */
const EMBEDDING_SHARE = 2 / 3;

/**
 * Rows of words and embeddings side by side: each embedding is centred on the corpus mean (raw
 * embeddings of one domain all point roughly the same way), projected at random to at most
 * EMBEDDING_COLUMNS, normalised, and appended after the word columns. A row without words keeps its
 * embedding alone, so a request in rare words still clusters; an all-zero embedding adds nothing.
 * Cost O(n · dimensions · EMBEDDING_COLUMNS).
 */
export function withEmbeddings(
  words: readonly SparseRow[],
  columns: number,
  embeddings: ReadonlyArray<ArrayLike<number>>,
  random: Random,
): EmbeddingSpace {
  const dimensions = embeddings[0]?.length ?? 0;
  const present = embeddings.map((vector) => Array.prototype.some.call(vector, (v: number) => v !== 0));
  const mean = new Float64Array(dimensions);
  const count = present.filter(Boolean).length;
  embeddings.forEach((vector, i) => {
    if (present[i]) for (let j = 0; j < dimensions; j++) mean[j]! += vector[j]! / count;
  });
  const width = Math.min(dimensions, EMBEDDING_COLUMNS);
  const projection = dimensions <= EMBEDDING_COLUMNS ? null : Float64Array.from({ length: dimensions * width }, () => random.gaussian());
  const wordWeight = Math.sqrt(1 - EMBEDDING_SHARE);
  const embeddingWeight = Math.sqrt(EMBEDDING_SHARE);
  const encode = (row: SparseRow, vector: ArrayLike<number> | undefined): SparseRow => {
    if (!vector || !Array.prototype.some.call(vector, (v: number) => v !== 0)) return row;
    if (vector.length !== dimensions) throw new TypeError(`an embedding has ${vector.length} dimensions, expected ${dimensions}`);
    const projected = new Float64Array(width);
    for (let j = 0; j < dimensions; j++) {
      const centred = vector[j]! - mean[j]!;
      if (!projection) {
        projected[j] = centred;
        continue;
      }
      const offset = j * width;
      for (let c = 0; c < width; c++) projected[c]! += centred * projection[offset + c]!;
    }
    const embedded = l2Normalize({ indices: Int32Array.from({ length: width }, (_, c) => columns + c), values: projected });
    const hasWords = row.indices.length > 0;
    const scale = hasWords ? embeddingWeight : 1;
    const indices = Int32Array.from([...row.indices, ...embedded.indices]);
    const values = Float64Array.from([...row.values.map((v) => v * wordWeight), ...embedded.values.map((v) => v * scale)]);
    return l2Normalize(dropZeros({ indices, values }));
  };
  return { rows: words.map((row, i) => (present[i] ? encode(row, embeddings[i]) : row)), columns: columns + width, encode };
}

function dropZeros(row: SparseRow): SparseRow {
  const keep = [...row.values.keys()].filter((i) => row.values[i] !== 0);
  return keep.length === row.values.length ? row : { indices: Int32Array.from(keep, (i) => row.indices[i]!), values: Float64Array.from(keep, (i) => row.values[i]!) };
}
