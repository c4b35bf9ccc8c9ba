export type { Article, ArticleChunk } from './article.js';
export { chunkArticle, defaultChunkOptions, type ChunkOptions } from './chunk-article.js';
export { defaultChunkSearchOptions, type ChunkSearchOptions } from './chunk-search.js';
export { createArticleSolutionSearch, createLocalSolutionSearch, type LocalSolutionSearch } from './local-search.js';
export { KnowledgeBaseError, loadArticles, type LoadedArticles, type LoadWarning } from './load-articles.js';
export { ArticleError, parseArticle } from './parse-article.js';
export type { Solution, SolutionQuery, SolutionSearch } from './types.js';
