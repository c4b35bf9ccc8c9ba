import { stem } from '../../text/stem.js';
import { wordsOf } from '../../text/words.js';
import { type SparseVector, sparseFromMap } from './sparse.js';
import type { WordVectors } from './word-vectors.js';

/**
 * Only the start of a very long text is read: customer utterances are short, and reading
 * 100 KB of pasted logs would cost latency without telling the intent apart any better.
 */
const MAX_TEXT_CHARS = 2000;
const DIGITS = /^\p{N}+$/u;

/**
 * The words the classifier reads: the start of the text, contractions written out, numbers folded to "#", accents
 * kept (unknown words such as "está" are what tells another language out of scope).
 */
function classifierWords(text: string): string[] {
  return wordsOf(text.slice(0, MAX_TEXT_CHARS), { accents: 'keep' }).map((word) => (DIGITS.test(word) ? '#' : word));
}

export interface FeatureOptions {
  /** Longest word n-gram (of stems). */
  maxWordNgram: number;
  /** Shortest and longest character n-gram, taken inside each word padded with spaces. */
  minCharNgram: number;
  maxCharNgram: number;
  /** Relative weights of the blocks; each block is L2-normalized before weighting. */
  wordWeight: number;
  charWeight: number;
  /** Weight of the sentence embedding (SIF-weighted mean of word vectors); 0 or no word vectors: none. */
  embeddingWeight: number;
}

/**
 * Chosen by validation on BANKING77 train splits (see bench/banking77.ts): character 3-5 grams match 2-5 grams
 * with fewer features; other n-gram ranges and block weights moved accuracy by less than half a point.
 */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  maxWordNgram: 2,
  minCharNgram: 3,
  maxCharNgram: 5,
  wordWeight: 1,
  charWeight: 1,
  embeddingWeight: 1.5,
};

/** The terms of one utterance, before weighting. */
export interface Terms {
  /** Surface words (lower case) in order. */
  readonly surface: readonly string[];
  /** Stems, then stem n-grams. */
  readonly word: readonly string[];
  readonly char: readonly string[];
}

export function extractTerms(text: string, options: FeatureOptions): Terms {
  const surface = classifierWords(text);
  const stems = surface.map(stem);
  const word: string[] = [...stems];
  for (let n = 2; n <= options.maxWordNgram; n += 1) {
    for (let i = 0; i + n <= stems.length; i += 1) word.push(stems.slice(i, i + n).join(' '));
  }
  const char: string[] = [];
  for (const token of surface) {
    const padded = ` ${token} `;
    for (let n = options.minCharNgram; n <= options.maxCharNgram; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) char.push(padded.slice(i, i + n));
    }
  }
  return { surface, word, char };
}

interface Block {
  readonly index: ReadonlyMap<string, number>;
  readonly idf: Float32Array;
}

function buildBlock(documents: readonly (readonly string[])[]): Block {
  const df = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const sorted = [...df.keys()].sort();
  const index = new Map(sorted.map((term, i) => [term, i]));
  const idf = new Float32Array(sorted.length);
  const n = documents.length;
  sorted.forEach((term, i) => {
    idf[i] = Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
  });
  return { index, idf };
}

/** Sublinear TF-IDF of one block, L2-normalized and scaled, written into `out` at `offset`. */
function addBlock(terms: readonly string[], block: Block, offset: number, weight: number, out: Map<number, number>): void {
  if (weight === 0) return;
  const counts = new Map<number, number>();
  for (const term of terms) {
    const i = block.index.get(term);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  let norm = 0;
  for (const [i, count] of counts) {
    const value = (1 + Math.log(count)) * (block.idf[i] as number);
    counts.set(i, value);
    norm += value * value;
  }
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (const [i, value] of counts) out.set(offset + i, value * scale);
}

/**
 * Smooth inverse frequency weight a / (a + p(w)) (Arora et al. 2017), with p(w) from the word's
 * frequency rank by Zipf's law: frequent words like "the" count little in the sentence embedding.
 */
function sifWeight(rank: number): number {
  const probability = 0.1 / (rank + 10);
  return 1e-3 / (1e-3 + probability);
}

/** Turns terms into a fixed-width sparse feature vector learned from the training texts. */
export class Vectorizer {
  readonly dimensions: number;
  private readonly word: Block;
  private readonly char: Block;
  private readonly charOffset: number;
  private readonly embeddingOffset: number;
  private readonly wordVectors: WordVectors | undefined;

  constructor(
    trainingTerms: readonly Terms[],
    readonly options: FeatureOptions,
    wordVectors?: WordVectors,
  ) {
    this.word = buildBlock(trainingTerms.map((t) => t.word));
    this.char = buildBlock(trainingTerms.map((t) => t.char));
    this.charOffset = this.word.idf.length;
    this.embeddingOffset = this.charOffset + this.char.idf.length;
    this.wordVectors = options.embeddingWeight > 0 ? wordVectors : undefined;
    this.dimensions = this.embeddingOffset + (this.wordVectors?.dimensions ?? 0);
  }

  /** Share of the utterance's words whose stem was seen in training, in [0, 1]. */
  knownWordShare(terms: Terms): number {
    if (terms.surface.length === 0) return 0;
    let known = 0;
    for (const token of terms.surface) if (this.word.index.has(stem(token))) known += 1;
    return known / terms.surface.length;
  }

  vectorize(terms: Terms): SparseVector {
    const out = new Map<number, number>();
    addBlock(terms.word, this.word, 0, this.options.wordWeight, out);
    addBlock(terms.char, this.char, this.charOffset, this.options.charWeight, out);
    this.addEmbedding(terms, out);
    return sparseFromMap(out);
  }

  private addEmbedding(terms: Terms, out: Map<number, number>): void {
    const vectors = this.wordVectors;
    if (!vectors) return;
    const sum = new Float64Array(vectors.dimensions);
    for (const token of terms.surface) {
      const vector = vectors.get(token);
      if (!vector) continue;
      const weight = sifWeight(vectors.rank(token) ?? 0);
      for (let d = 0; d < sum.length; d += 1) sum[d] = (sum[d] as number) + weight * (vector[d] as number);
    }
    let norm = 0;
    for (const value of sum) norm += value * value;
    if (norm === 0) return;
    const scale = this.options.embeddingWeight / Math.sqrt(norm);
    for (let d = 0; d < sum.length; d += 1) out.set(this.embeddingOffset + d, (sum[d] as number) * scale);
  }
}
