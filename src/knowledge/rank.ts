import type { Article, ArticleChunk } from './article.js';
import { makeSnippet } from './snippet.js';
import type { Solution } from './types.js';

/** A chunk a backend found, with its relevance (higher is better). */
export interface ChunkHit {
  chunkId: string;
  score: number;
}

export interface RankOptions {
  words: string[];
  top: number;
  intentId?: string;
  /** Multiplies the score of articles tagged with `intentId`. */
  intentBoost: number;
}

/**
 * Turns chunk hits into article solutions: an article scores as its best chunk (times the intent
 * boost when tagged with the intent) and shows a snippet of that chunk.
 */
export function rankArticles(
  hits: ChunkHit[],
  chunks: ReadonlyMap<string, ArticleChunk>,
  articles: ReadonlyMap<string, Article>,
  options: RankOptions,
): Solution[] {
  const best = new Map<string, { chunk: ArticleChunk; score: number }>();
  for (const hit of hits) {
    const chunk = chunks.get(hit.chunkId);
    if (!chunk) continue;
    const current = best.get(chunk.articleId);
    if (!current || hit.score > current.score) best.set(chunk.articleId, { chunk, score: hit.score });
  }

  const ranked = [...best.values()].flatMap(({ chunk, score }) => {
    const article = articles.get(chunk.articleId);
    if (!article) return [];
    const boosted = options.intentId !== undefined && article.tags.includes(options.intentId) ? score * options.intentBoost : score;
    return [{ article, chunk, score: boosted }];
  });
  ranked.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));

  return ranked.slice(0, options.top).map(({ article, chunk, score }) => ({
    id: article.id,
    title: article.title,
    ...(article.url === undefined ? {} : { url: article.url }),
    snippet: makeSnippet(chunk.text, options.words),
    score,
    tags: article.tags,
  }));
}
