import { withDeadline } from '../../text/deadline.js';
import { mapConcurrently, MODEL_CONCURRENCY } from './concurrently.js';
import { DiscoveryModelError, reasonOf, type DiscoveryModel } from './model.js';

/** Texts per embeddings request: a short request each, and a failure names a small batch. */
const EMBEDDING_BATCH = 64;
/** Longer requests are cut for embedding (the models read about 8,000 tokens); the start says what the request is about. */
const EMBEDDED_CHARS = 2000;

/**
 * Embeddings of the distinct texts, each embedded once, in batches of EMBEDDING_BATCH with a few in flight.
 * A blank text gets no call and a zero vector (clustering then reads its words alone). Any batch that fails
 * after the client's retry, or runs past `timeoutMs` (retry included), fails the whole run with a DiscoveryModelError.
 */
export async function embedRequests(
  { embedder, deployment }: NonNullable<DiscoveryModel['embeddings']>,
  texts: readonly string[],
  timeoutMs: number,
): Promise<Map<string, number[]>> {
  const distinct = [...new Set(texts)];
  const vectors = new Map<string, number[]>();
  const blank = new Array<number>(embedder.dimensions).fill(0);
  for (const text of distinct) if (text.trim() === '') vectors.set(text, blank);
  const pending = distinct.filter((text) => text.trim() !== '');
  const batches = Array.from({ length: Math.ceil(pending.length / EMBEDDING_BATCH) }, (_, b) => pending.slice(b * EMBEDDING_BATCH, (b + 1) * EMBEDDING_BATCH));
  await mapConcurrently(batches, MODEL_CONCURRENCY, async (batch, b) => {
    let embedded: number[][];
    try {
      embedded = await withDeadline(timeoutMs, (signal) => embedder.embed(batch.map((text) => text.slice(0, EMBEDDED_CHARS)), { signal, timeoutMs }));
    } catch (error) {
      throw new DiscoveryModelError(`Azure OpenAI embeddings failed on deployment "${deployment}" (batch ${b + 1} of ${batches.length}, ${batch.length} texts): ${reasonOf(error)}`, { cause: error });
    }
    batch.forEach((text, i) => vectors.set(text, embedded[i]!));
  });
  return vectors;
}
