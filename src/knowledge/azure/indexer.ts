import type { SearchClient, SearchIndexClient } from '@azure/search-documents';
import type { Embedder } from '../../azure/embeddings.js';
import type { ArticleChunk } from '../article.js';
import { chunkArticle } from '../chunk-article.js';
import { loadArticles, type LoadWarning } from '../load-articles.js';
import type { SolutionDocument } from '../../azure/search.js';
import { searchKey, solutionIndex } from './index-schema.js';

export interface IndexTarget {
  indexes: SearchIndexClient;
  documents: SearchClient<SolutionDocument>;
  indexName: string;
  /** Chunks are embedded for the vector field when given; otherwise the index is keyword only. */
  embedder: Embedder | null;
  /** The vector field's dimensions, used when there is no embedder. */
  dimensions: number;
}

export interface IndexReport {
  articles: number;
  chunks: number;
  embedded: boolean;
  /** Chunks of articles that changed or disappeared since the last run, removed from the index. */
  removed: number;
  warnings: LoadWarning[];
}

/** A batch of embeddings for indexing may take far longer than a turn's budget. */
const BULK_TIMEOUT_MS = 60_000;
/** Documents per upload request; the service accepts up to 1000. */
const UPLOAD_BATCH = 500;

/** A document the service refused; the message carries the service's own reason. */
export class IndexingError extends Error {
  override name = 'IndexingError';
}

/**
 * Pushes the Markdown knowledge base of `folder` to the solutions index: creates or updates the index
 * definition, uploads every chunk (with its embedding when configured), then removes chunks no longer in the folder.
 */
export async function indexKnowledgeBase(folder: string, target: IndexTarget): Promise<IndexReport> {
  const { articles, warnings } = await loadArticles(folder);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const chunks = articles.flatMap((article) => chunkArticle(article));
  const texts = chunks.map((chunk) => embeddingText(chunk, byId.get(chunk.articleId)?.title ?? ''));
  const vectors = target.embedder ? await target.embedder.embed(texts, { timeoutMs: BULK_TIMEOUT_MS }) : null;

  await target.indexes.createOrUpdateIndex(solutionIndex(target.indexName, target.embedder?.dimensions ?? target.dimensions));

  const documents = chunks.map((chunk, index): SolutionDocument => {
    const article = byId.get(chunk.articleId);
    if (!article) throw new Error(`chunk ${chunk.id} has no article`);
    const vector = vectors?.[index];
    return {
      id: searchKey(chunk.id),
      articleId: article.id,
      title: article.title,
      heading: chunk.heading,
      content: chunk.text,
      url: article.url ?? null,
      tags: article.tags,
      intentIds: article.tags,
      ...(vector ? { contentVector: vector } : {}),
    };
  });
  for (let start = 0; start < documents.length; start += UPLOAD_BATCH) {
    const result = await target.documents.mergeOrUploadDocuments(documents.slice(start, start + UPLOAD_BATCH));
    const failed = result.results.filter((item) => !item.succeeded);
    if (failed.length > 0) {
      throw new IndexingError(`Azure AI Search refused ${failed.length} chunks, e.g. ${failed[0]?.key}: ${failed[0]?.errorMessage ?? 'no reason given'}`);
    }
  }

  const current = new Set(documents.map((document) => document.id));
  const stale = (await storedKeys(target.documents)).filter((key) => !current.has(key));
  for (let start = 0; start < stale.length; start += UPLOAD_BATCH) {
    await target.documents.deleteDocuments('id', stale.slice(start, start + UPLOAD_BATCH));
  }
  return { articles: articles.length, chunks: chunks.length, embedded: vectors !== null, removed: stale.length, warnings };
}

function embeddingText(chunk: ArticleChunk, title: string): string {
  return [title, chunk.heading, chunk.text].filter(Boolean).join('\n');
}

async function storedKeys(documents: SearchClient<SolutionDocument>): Promise<string[]> {
  const response = await documents.search('*', { select: ['id'], top: 100_000 });
  const keys: string[] = [];
  for await (const result of response.results) keys.push(result.document.id);
  return keys;
}
