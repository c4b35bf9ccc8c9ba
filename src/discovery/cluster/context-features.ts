import type { ClusteringSpace } from './embedding-features.js';
import { l2Normalize, sparseRow, type SparseRow } from './vectors.js';

/** Share of a row's squared length given to its context (the agent's questions); the rest goes to its words. */
export const CONTEXT_SHARE = 0.3;
/** The space with context columns, and how to add them to another utterance's row of words. */
export interface ContextSpace extends ClusteringSpace {
  readonly encode: (row: SparseRow, context: readonly string[]) => SparseRow;
}

/** Context tokens seen in fewer utterances than this are left out (typos, one-off wordings). */
const MIN_COUNT = 3;

/**
 * Rows of words and context tokens side by side: what the agent asked while handling a request says
 * what it was about ("round trip" requests get asked for a return date, searches for a hotel get no
 * check-in date), so requests worded alike but handled differently fall apart. Context tokens are
 * weighted by TF-IDF, normalised and appended after the word columns with CONTEXT_SHARE of the
 * weight; a row without context stays as it is. O(tokens).
 */
export function withContext(words: readonly SparseRow[], columns: number, context: ReadonlyArray<readonly string[]>): ContextSpace {
  const counts = new Map<string, number>();
  for (const tokens of context) for (const token of new Set(tokens)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const column = new Map<string, number>();
  for (const [token, count] of counts) if (count >= MIN_COUNT) column.set(token, columns + column.size);
  if (column.size === 0) return { rows: words, columns, encode: (row) => row };
  const n = context.length;
  const idf = (token: string) => Math.log(n / counts.get(token)!);
  const wordWeight = Math.sqrt(1 - CONTEXT_SHARE);
  const contextWeight = Math.sqrt(CONTEXT_SHARE);
  const encode = (row: SparseRow, tokens: readonly string[]): SparseRow => {
    const entries = new Map<number, number>();
    for (const token of tokens) {
      const c = column.get(token);
      if (c !== undefined) entries.set(c, (entries.get(c) ?? 0) + idf(token));
    }
    if (entries.size === 0 || row.indices.length === 0) return row;
    const extra = l2Normalize(sparseRow(entries));
    return {
      indices: Int32Array.from([...row.indices, ...extra.indices]),
      values: Float64Array.from([...row.values.map((v) => v * wordWeight), ...extra.values.map((v) => v * contextWeight)]),
    };
  };
  return { rows: words.map((row, i) => encode(row, context[i] ?? [])), columns: columns + column.size, encode };
}
