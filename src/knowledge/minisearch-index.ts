import MiniSearch from 'minisearch';
import { defaultFieldBoosts, type ChunkIndex, type FieldBoosts, type IndexedChunk } from './chunk-search.js';
import { indexTerm, searchWordsOf } from './text.js';

export interface MiniSearchIndexOptions {
  boosts: FieldBoosts;
  /** Words at least this long also match longer indexed terms they start ("recharg" finds "rechargeable"). */
  prefixMinLength: number;
  /** Words at least this long match terms within 20% edits, to forgive typos ("refnud"). */
  fuzzyMinLength: number;
}

export const defaultMiniSearchIndexOptions: MiniSearchIndexOptions = {
  boosts: defaultFieldBoosts,
  prefixMinLength: 5,
  fuzzyMinLength: 5,
};

/** An in-memory MiniSearch (BM25+) index with stemming, stop words, prefix and typo tolerance. */
export function buildMiniSearchIndex(chunks: IndexedChunk[], options: Partial<MiniSearchIndexOptions> = {}): ChunkIndex {
  const settings = { ...defaultMiniSearchIndexOptions, ...options };
  const index = new MiniSearch<IndexedChunk>({
    fields: ['title', 'heading', 'tags', 'body'],
    tokenize: searchWordsOf,
    processTerm: (term) => indexTerm(term),
    searchOptions: {
      boost: { ...settings.boosts },
      prefix: (term) => term.length >= settings.prefixMinLength,
      fuzzy: (term) => (term.length >= settings.fuzzyMinLength ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(chunks);
  return {
    find(words, limit) {
      return index
        .search(words.join(' '))
        .slice(0, limit)
        .map((result) => ({ chunkId: String(result.id), score: result.score }));
    },
  };
}
