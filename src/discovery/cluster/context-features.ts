import type { ClusteringSpace } from './embedding-features.js';
import { l2Normalize, sparseRow, type SparseRow } from './vectors.js';

/**
 * Share of a row's squared length given to each kind of context it has (the kind is what comes before the first
 * ":" of a token); the words keep the rest. Each kind is normalised on its own, so a long answer does not drown the
 * questions. The agent's questions ("asked:") ask for the values an intent needs; what it told the customer
 * ("said:") is mostly how the request was resolved, but also search results and chat that intents of one domain
 * share ("I found 3 buses"), so it weighs half as much. On SGD a share of 0.2 for it too merged such intents
 * (balance with transfer) and cost attribute precision (docs/benchmarks.md).
 */
export const CONTEXT_SHARES: Readonly<Record<string, number>> = { asked: 0.2, said: 0.1 };
/** Share of a kind of context not in CONTEXT_SHARES. */
export const OTHER_CONTEXT_SHARE = 0.2;
/** Most of a row's squared length that all its kinds of context take together, however many kinds a caller gives. */
const MAX_CONTEXT_SHARE = 0.5;

/** The share of the row a kind of context takes. */
export function contextShare(kind: string): number {
  return Object.hasOwn(CONTEXT_SHARES, kind) ? CONTEXT_SHARES[kind]! : OTHER_CONTEXT_SHARE;
}
/** The space with context columns, and how to add them to another utterance's row of words. */
export interface ContextSpace extends ClusteringSpace {
  readonly encode: (row: SparseRow, context: readonly string[]) => SparseRow;
}

/** Context tokens seen in fewer utterances than this are left out (typos, one-off wordings). */
const MIN_COUNT = 3;

/** The kind of a context token: what comes before its first ":" ("asked:order" -> "asked"), "" without one. */
export function contextKind(token: string): string {
  const colon = token.indexOf(':');
  return colon < 0 ? '' : token.slice(0, colon);
}

/**
 * Rows of words and context tokens side by side: what the agent asked while handling a request, and what it
 * told the customer (how it resolved it), say what the request was about ("round trip" requests get asked for a
 * return date; "where is my order" and "has it shipped yet" both get told where the parcel is), so requests worded
 * alike but handled differently fall apart and requests worded apart but handled alike come together. Context
 * tokens are weighted by TF-IDF; each kind of them is normalised and appended after the word columns with its
 * share of the row's weight (`contextShare`); a row without context stays as it is. O(tokens).
 */
export function withContext(words: readonly SparseRow[], columns: number, context: ReadonlyArray<readonly string[]>): ContextSpace {
  const counts = new Map<string, number>();
  for (const tokens of context) for (const token of new Set(tokens)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const column = new Map<string, number>();
  for (const [token, count] of counts) if (count >= MIN_COUNT) column.set(token, columns + column.size);
  if (column.size === 0) return { rows: words, columns, encode: (row) => row };
  const n = context.length;
  const idf = (token: string) => Math.log(n / counts.get(token)!);
  const encode = (row: SparseRow, tokens: readonly string[]): SparseRow => {
    if (row.indices.length === 0) return row;
    const kinds = new Map<string, Map<number, number>>();
    for (const token of tokens) {
      const c = column.get(token);
      if (c === undefined) continue;
      const kind = contextKind(token);
      const entries = kinds.get(kind) ?? kinds.set(kind, new Map()).get(kind)!;
      entries.set(c, (entries.get(c) ?? 0) + idf(token));
    }
    // A token in every utterance has no weight: a kind made only of such tokens adds nothing.
    const blocks = [...kinds].map(([kind, entries]) => ({ share: contextShare(kind), row: l2Normalize(sparseRow(entries)) })).filter((block) => block.row.indices.length > 0);
    if (blocks.length === 0) return row;
    const total = blocks.reduce((sum, block) => sum + block.share, 0);
    const scale = total > MAX_CONTEXT_SHARE ? MAX_CONTEXT_SHARE / total : 1;
    const entries = new Map<number, number>();
    const wordWeight = Math.sqrt(1 - total * scale);
    row.indices.forEach((c, i) => entries.set(c, row.values[i]! * wordWeight));
    for (const block of blocks) {
      const weight = Math.sqrt(block.share * scale);
      block.row.indices.forEach((c, i) => entries.set(c, block.row.values[i]! * weight));
    }
    return sparseRow(entries);
  };
  return { rows: words.map((row, i) => encode(row, context[i] ?? [])), columns: columns + column.size, encode };
}
