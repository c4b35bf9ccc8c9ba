import type { ChatModel } from '../../azure/chat.js';
import type { Embedder } from '../../azure/embeddings.js';

/** Azure OpenAI as discovery uses it: embeddings for clustering, a chat model for names. Each part is optional. */
export interface DiscoveryModel {
  /** Without it, requests are clustered on their words alone. */
  embeddings: { embedder: Embedder; deployment: string } | null;
  /** Without it, intents keep the names made from their key phrases. Its budget bounds each naming call. */
  chat: ChatModel | null;
  /** Longest wait for one batch of embeddings, the client's retry included. */
  timeoutMs: number;
}

/** A call to Azure OpenAI failed (after the client's retry): the run stops, saying which step and why. */
export class DiscoveryModelError extends Error {
  override name = 'DiscoveryModelError';
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
