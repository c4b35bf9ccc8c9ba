/** Counts of terms (word stems): the bag-of-words vectors discovery compares clusters by. */
export type TermVector = Map<string, number>;

/** Adds `by` to a term's count. */
export function addTerm(vector: TermVector, term: string, by = 1): void {
  vector.set(term, (vector.get(term) ?? 0) + by);
}

/** The cosine of two term vectors; 0 when either is empty. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [key, value] of a) {
    na += value * value;
    dot += value * (b.get(key) ?? 0);
  }
  for (const value of b.values()) nb += value * value;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
