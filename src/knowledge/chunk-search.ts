import type { Article, ArticleChunk } from './article.js';
import { chunkArticle, defaultChunkOptions, type ChunkOptions } from './chunk-article.js';
import { rankArticles, type ChunkHit } from './rank.js';
import { queryWords } from './text.js';
import type { Solution, SolutionQuery, SolutionSearch } from './types.js';

/** A full-text index over article chunks; `words` are normalized, stop-word-free query words. */
export interface ChunkIndex {
  find(words: string[], limit: number): ChunkHit[];
}

/** What the chunk text is indexed as; the field names are the ones the boosts refer to. */
export interface IndexedChunk {
  id: string;
  title: string;
  heading: string;
  tags: string;
  body: string;
}

/** Relative weights of the indexed fields: title > tags > heading > body. */
export interface FieldBoosts {
  title: number;
  tags: number;
  heading: number;
  body: number;
}

export const defaultFieldBoosts: FieldBoosts = { title: 3, tags: 2, heading: 1.5, body: 1 };

export interface ChunkSearchOptions {
  chunking: ChunkOptions;
  /** Score multiplier for articles tagged with the query's intent: a preference, not a filter. */
  intentBoost: number;
  defaultTop: number;
  maxTop: number;
  /** How many chunks to take from the index before grouping them by article. */
  candidateChunks: number;
}

export const defaultChunkSearchOptions: ChunkSearchOptions = {
  chunking: defaultChunkOptions,
  intentBoost: 2,
  defaultTop: 5,
  maxTop: 50,
  candidateChunks: 1000,
};

/** Chunks the articles, indexes them with `buildIndex` and answers queries with whole articles. Article ids must be unique. */
export function createChunkSolutionSearch(
  articles: Article[],
  buildIndex: (chunks: IndexedChunk[]) => ChunkIndex,
  options: Partial<ChunkSearchOptions> = {},
): SolutionSearch {
  const settings = { ...defaultChunkSearchOptions, ...options };
  const articleById = new Map<string, Article>();
  for (const article of articles) {
    if (articleById.has(article.id)) throw new Error(`duplicate knowledge-base article id "${article.id}"`);
    articleById.set(article.id, article);
  }
  const chunkById = new Map<string, ArticleChunk>();
  const indexed = articles.flatMap((article) =>
    chunkArticle(article, settings.chunking).map((chunk): IndexedChunk => {
      chunkById.set(chunk.id, chunk);
      return { id: chunk.id, title: article.title, heading: chunk.heading, tags: article.tags.join(' '), body: chunk.text };
    }),
  );
  const index = buildIndex(indexed);

  return {
    async search(query: SolutionQuery): Promise<Solution[]> {
      // Callers outside TypeScript can send anything; a malformed query finds nothing rather than throwing.
      const top = clampTop(query?.top, settings);
      const words = queryWords(typeof query?.text === 'string' ? query.text : '');
      if (top === 0 || words.length === 0) return [];
      return rankArticles(index.find(words, settings.candidateChunks), chunkById, articleById, {
        words,
        top,
        intentBoost: settings.intentBoost,
        ...(typeof query.intentId === 'string' && query.intentId ? { intentId: query.intentId } : {}),
      });
    },
  };
}

function clampTop(top: number | undefined, settings: ChunkSearchOptions): number {
  if (typeof top !== 'number' || !Number.isFinite(top)) return settings.defaultTop;
  return Math.max(0, Math.min(settings.maxTop, Math.floor(top)));
}
