import type { WordVectors } from './word-vectors.js';

const CACHE_LIMIT = 50_000;

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return vector.map((x) => x / norm);
}

/**
 * Scores how well an utterance's words are covered by each intent's training words, matching words
 * by word-vector cosine ("refund" finds "reimbursement"). Per intent: the IDF-weighted mean over the
 * utterance's words of the best cosine to any word of that intent's examples, in [0, 1].
 * This carries word meaning into few-shot training, where a linear model has seen too few words.
 */
export class SoftMatcher {
  private readonly idf: ReadonlyMap<string, number>;
  private readonly unseenIdf: number;
  private readonly classesOf: ReadonlyMap<string, Int32Array>;
  private readonly table: Float32Array;
  private readonly rowClasses: readonly Int32Array[];
  private readonly cache = new Map<string, Float32Array>();

  constructor(
    documents: readonly (readonly string[])[],
    labels: Int32Array,
    readonly classes: number,
    private readonly vectors?: WordVectors,
  ) {
    const df = new Map<string, number>();
    const classSets = new Map<string, Set<number>>();
    documents.forEach((words, i) => {
      for (const word of new Set(words)) {
        df.set(word, (df.get(word) ?? 0) + 1);
        let set = classSets.get(word);
        if (!set) classSets.set(word, (set = new Set()));
        set.add(labels[i] as number);
      }
    });
    const n = documents.length;
    this.idf = new Map([...df].map(([word, count]) => [word, Math.log((1 + n) / (1 + count)) + 1]));
    this.unseenIdf = Math.log(1 + n) + 1;
    const vocabulary = [...classSets.keys()].sort();
    this.classesOf = new Map(vocabulary.map((word) => [word, Int32Array.from(classSets.get(word) ?? []).sort()]));
    const withVectors = vectors ? vocabulary.filter((word) => vectors.get(word)) : [];
    const dimensions = vectors?.dimensions ?? 0;
    this.table = new Float32Array(withVectors.length * dimensions);
    withVectors.forEach((word, row) => this.table.set(unit(vectors?.get(word) as Float32Array), row * dimensions));
    this.rowClasses = withVectors.map((word) => this.classesOf.get(word) as Int32Array);
  }

  /** Per class, the best cosine between `word` and that class's training words (exact match = 1). */
  private bestMatches(word: string): Float32Array {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const best = new Float32Array(this.classes);
    const vector = this.vectors?.get(word);
    if (vector) {
      const query = unit(vector);
      const dimensions = query.length;
      for (let row = 0; row < this.rowClasses.length; row += 1) {
        let similarity = 0;
        const base = row * dimensions;
        for (let d = 0; d < dimensions; d += 1) similarity += (query[d] as number) * (this.table[base + d] as number);
        if (similarity <= 0) continue;
        for (const c of this.rowClasses[row] as Int32Array) if (similarity > (best[c] as number)) best[c] = similarity;
      }
    }
    for (const c of this.classesOf.get(word) ?? []) best[c] = 1;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }

  scores(words: readonly string[]): Float64Array {
    const scores = new Float64Array(this.classes);
    let total = 0;
    for (const word of words) {
      const weight = this.idf.get(word) ?? this.unseenIdf;
      total += weight;
      const best = this.bestMatches(word);
      for (let c = 0; c < this.classes; c += 1) scores[c] = (scores[c] as number) + weight * (best[c] as number);
    }
    if (total > 0) for (let c = 0; c < this.classes; c += 1) scores[c] = (scores[c] as number) / total;
    return scores;
  }
}
