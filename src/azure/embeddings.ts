import type { AzureOpenAI } from 'openai';

/** Turns texts into vectors of one fixed length (the index's vector field has that many dimensions). */
export interface EmbedOptions {
  signal?: AbortSignal;
  /** Per request; by default the client's (the per-call budget of a turn). Bulk indexing gives itself longer. */
  timeoutMs?: number;
}

export interface Embedder {
  readonly dimensions: number;
  embed(texts: string[], options?: EmbedOptions): Promise<number[][]>;
}

/** Inputs per request; Azure OpenAI accepts up to 2048, smaller batches keep each request short. */
const BATCH = 64;

/** Embeddings from an Azure OpenAI embedding deployment (its own client: see src/azure/openai.ts). */
export function azureOpenAIEmbedder(client: AzureOpenAI, deployment: string, dimensions: number): Embedder {
  return {
    dimensions,
    async embed(texts, options = {}) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += BATCH) {
        const batch = texts.slice(start, start + BATCH);
        const response = await client.embeddings.create(
          { model: deployment, input: batch, dimensions },
          { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
        );
        const ordered = [...response.data].sort((a, b) => a.index - b.index);
        if (ordered.length !== batch.length) {
          throw new Error(`the embedding deployment "${deployment}" returned ${ordered.length} vectors for ${batch.length} texts`);
        }
        for (const item of ordered) {
          if (item.embedding.length !== dimensions) {
            throw new Error(
              `the embedding deployment "${deployment}" returned ${item.embedding.length} dimensions, but AZURE_OPENAI_EMBEDDING_DIMENSIONS is ${dimensions}`,
            );
          }
          vectors.push(item.embedding);
        }
      }
      return vectors;
    },
  };
}
