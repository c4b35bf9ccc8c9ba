import type { SearchClient, SearchOptions } from '@azure/search-documents';
import type { Embedder } from '../../azure/embeddings.js';
import { makeSnippet } from '../snippet.js';
import { queryWords } from '../text.js';
import type { Solution, SolutionQuery, SolutionSearch } from '../types.js';
import type { SolutionDocument } from '../../azure/search.js';
import { SEMANTIC_CONFIGURATION } from './index-schema.js';

export interface AzureSearchOptions {
  semanticRanker: boolean;
  /** The whole search, query embedding included, is abandoned after this long. */
  timeoutMs: number;
  /** Embeds the query for the vector half of a hybrid query; null searches by keywords only. */
  embedder: Embedder | null;
}

const DEFAULT_TOP = 3;
/** Chunks fetched per solution wanted: several chunks of one article collapse into one solution. */
const CHUNKS_PER_SOLUTION = 3;

type Hit = { document: SolutionDocument; score: number; caption: string | undefined };

/**
 * Solutions from Azure AI Search: a hybrid keyword and vector query (vector when embeddings are configured),
 * reranked by the semantic ranker when enabled, restricted to the articles tagged with the intent when there are any.
 */
export function azureSolutionSearch(client: SearchClient<SolutionDocument>, options: AzureSearchOptions): SolutionSearch {
  return {
    async search(query: SolutionQuery): Promise<Solution[]> {
      const words = queryWords(query.text);
      if (words.length === 0) return [];
      const top = query.top ?? DEFAULT_TOP;
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = query.signal ? AbortSignal.any([query.signal, timeout]) : timeout;
      const vector = options.embedder ? await embedQuery(options.embedder, query.text, signal) : null;
      const run = (filter: string | undefined): Promise<Hit[]> => searchChunks(client, words.join(' '), { top, filter, vector, signal, semantic: options.semanticRanker });
      let hits = query.intentId ? await run(intentFilter(query.intentId)) : [];
      if (hits.length === 0) hits = await run(undefined);
      return toSolutions(hits, words, top);
    },
  };
}

/** A failed embedding costs the vector half of the query, not the search. */
async function embedQuery(embedder: Embedder, text: string, signal: AbortSignal): Promise<number[] | null> {
  try {
    const [vector] = await embedder.embed([text], { signal });
    return vector ?? null;
  } catch {
    if (signal.aborted) throw signal.reason;
    return null;
  }
}

export function intentFilter(intentId: string): string {
  return `intentIds/any(i: i eq '${intentId.replaceAll("'", "''")}')`;
}

async function searchChunks(
  client: SearchClient<SolutionDocument>,
  text: string,
  request: { top: number; filter: string | undefined; vector: number[] | null; signal: AbortSignal; semantic: boolean },
): Promise<Hit[]> {
  const chunks = request.top * CHUNKS_PER_SOLUTION;
  const keywordAndVector: SearchOptions<SolutionDocument> = {
    top: chunks,
    select: ['id', 'articleId', 'title', 'heading', 'content', 'url', 'tags', 'intentIds'],
    searchMode: 'any',
    abortSignal: request.signal,
    ...(request.filter ? { filter: request.filter } : {}),
    ...(request.vector
      ? { vectorSearchOptions: { queries: [{ kind: 'vector' as const, vector: request.vector, fields: ['contentVector' as const], kNearestNeighborsCount: chunks }] } }
      : {}),
  };
  const searchOptions: SearchOptions<SolutionDocument> = request.semantic
    ? { ...keywordAndVector, queryType: 'semantic', semanticSearchOptions: { configurationName: SEMANTIC_CONFIGURATION, captions: { captionType: 'extractive' } } }
    : keywordAndVector;
  const response = await client.search(text, searchOptions);
  const hits: Hit[] = [];
  for await (const result of response.results) {
    hits.push({ document: result.document as SolutionDocument, score: result.rerankerScore ?? result.score, caption: result.captions?.[0]?.text });
    if (hits.length >= chunks) break;
  }
  return hits;
}

/** One solution per article, scored by its best chunk, best first. */
function toSolutions(hits: Hit[], words: string[], top: number): Solution[] {
  const best = new Map<string, Hit>();
  for (const hit of hits) {
    const known = best.get(hit.document.articleId);
    if (!known || hit.score > known.score) best.set(hit.document.articleId, hit);
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, top)
    .map(({ document, score, caption }) => ({
      id: document.articleId,
      title: document.title,
      ...(document.url ? { url: document.url } : {}),
      snippet: caption ?? makeSnippet(document.content, words),
      score,
      tags: document.tags,
    }));
}
