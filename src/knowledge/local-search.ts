import type { Article } from './article.js';
import { createChunkSolutionSearch, type ChunkSearchOptions } from './chunk-search.js';
import { loadArticles, type LoadWarning } from './load-articles.js';
import { buildMiniSearchIndex } from './minisearch-index.js';
import type { SolutionSearch } from './types.js';

/** The embedded knowledge search over a folder, with what loading it skipped. */
export interface LocalSolutionSearch extends SolutionSearch {
  readonly articleCount: number;
  /** Files skipped for bad front matter, each naming the file and the problem; log them at startup. */
  readonly warnings: readonly LoadWarning[];
}

/**
 * The embedded default over articles already in memory: MiniSearch over heading chunks
 * (it beat SQLite FTS5 on relevance in bench/kb-search.ts, which keeps the FTS5 variant for comparison).
 */
export function createArticleSolutionSearch(articles: Article[], options: Partial<ChunkSearchOptions> = {}): SolutionSearch {
  return createChunkSolutionSearch(articles, (chunks) => buildMiniSearchIndex(chunks), options);
}

/** Loads `kbDir` (Markdown with front matter) and indexes it; throws KnowledgeBaseError only if the folder is unreadable. */
export async function createLocalSolutionSearch(kbDir: string, options: Partial<ChunkSearchOptions> = {}): Promise<LocalSolutionSearch> {
  const { articles, warnings } = await loadArticles(kbDir);
  const search = createArticleSolutionSearch(articles, options);
  return { search: (query) => search.search(query), articleCount: articles.length, warnings };
}
