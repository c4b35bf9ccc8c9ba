import type { TokenCredential } from '@azure/core-auth';
import { getBearerTokenProvider } from '@azure/identity';
import { AzureOpenAI } from 'openai';
import type { OpenAISettings } from './settings.js';

const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** One client per deployment: a client's deployment decides where every call goes, embeddings included. */
export interface OpenAIClients {
  chat: AzureOpenAI;
  chatDeployment: string;
  embeddings: AzureOpenAI | null;
  embeddingDeployment: string | null;
}

export function createOpenAIClients(settings: OpenAISettings, credential: () => TokenCredential): OpenAIClients {
  const client = (deployment: string): AzureOpenAI =>
    new AzureOpenAI({
      endpoint: settings.endpoint,
      apiVersion: settings.apiVersion,
      deployment,
      ...(settings.auth.kind === 'key'
        ? { apiKey: settings.auth.key }
        : { azureADTokenProvider: getBearerTokenProvider(credential(), COGNITIVE_SERVICES_SCOPE) }),
      timeout: settings.timeoutMs,
      // The caller's budget bounds retries; one retry covers a dropped connection or a short 429.
      maxRetries: 1,
    });
  return {
    chat: client(settings.chatDeployment),
    chatDeployment: settings.chatDeployment,
    embeddings: settings.embeddingDeployment ? client(settings.embeddingDeployment) : null,
    embeddingDeployment: settings.embeddingDeployment,
  };
}
