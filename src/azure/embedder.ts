import { azureOpenAIEmbedder, type Embedder } from './embeddings.js';
import type { AzureClients } from './clients.js';

/** The embedder on the configured embedding deployment, or null without one. */
export function azureEmbedder(clients: AzureClients): Embedder | null {
  const openai = clients.openai;
  if (!openai?.clients.embeddings || !openai.clients.embeddingDeployment) return null;
  return azureOpenAIEmbedder(openai.clients.embeddings, openai.clients.embeddingDeployment, openai.settings.embeddingDimensions);
}
