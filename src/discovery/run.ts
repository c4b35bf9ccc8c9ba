import { embedRequests } from './azure-openai/embed-requests.js';
import type { DiscoveryModel } from './azure-openai/model.js';
import { nameWithModel } from './azure-openai/name-intents.js';
import { renameDiscovery } from './azure-openai/rename.js';
import { collectCorpus } from './corpus.js';
import { clusteringTexts, discoverIntents, type DiscoverOptions, type Discovery } from './discover.js';
import { countSkip, DiscoveryInputError, emptyTally, inputProblem } from './input-check.js';
import { readConversations } from './readers.js';
import type { Conversation, SkippedRow } from './types.js';

export type DiscoveryPhase = 'embedding' | 'clustering' | 'naming';

export interface DiscoverFileOptions extends DiscoverOptions {
  onSkip?: (row: SkippedRow) => void;
  onBytes?: (bytes: number) => void;
  /** Called when reading is done and each later (slower) phase begins; `embedding` and `naming` only with a model. */
  onPhase?: (phase: DiscoveryPhase, detail?: string) => void;
  /** Azure OpenAI for embeddings and names; without it everything runs locally. Only masked text is sent. */
  model?: DiscoveryModel;
}

/** What the model did in a run. */
export interface ModelUse {
  /** Distinct request texts embedded (0 without an embedding deployment). */
  embeddedTexts: number;
  namedIntents: number;
  namedGroups: number;
  /** Intents and groups that kept their local name, and why. */
  kept: string[];
}

export interface FileDiscovery {
  discovery: Discovery;
  conversationsRead: number;
  skipped: number;
  model?: ModelUse;
}

/**
 * Reads a transcripts file as a stream, masks it, and discovers its intents. With a model, the masked
 * request texts are embedded for clustering and the intents named by the chat model; a failed call
 * to the model fails the run with a DiscoveryModelError. A file that is not transcripts (no conversation read,
 * or more rows skipped than read) fails it with a DiscoveryInputError before any clustering.
 */
export async function discoverFromFile(file: string, options: DiscoverFileOptions): Promise<FileDiscovery> {
  const tally = emptyTally();
  const rows = readConversations(file, {
    onSkip: (row) => {
      countSkip(tally, row);
      options.onSkip?.(row);
    },
    ...(options.onBytes ? { onBytes: options.onBytes } : {}),
  });
  async function* counted(): AsyncGenerator<Conversation> {
    for await (const conversation of rows) {
      tally.conversationsRead += 1;
      yield conversation;
    }
  }
  const corpus = await collectCorpus(counted());
  const problem = inputProblem(file, tally);
  if (problem) throw new DiscoveryInputError(problem);
  const { conversationsRead, skipped } = tally;
  const { model } = options;
  let embeddings: Map<string, number[]> | undefined;
  if (model?.embeddings) {
    const texts = clusteringTexts(corpus);
    options.onPhase?.('embedding', `${new Set(texts).size} distinct requests`);
    embeddings = await embedRequests(model.embeddings, texts, model.timeoutMs);
  }
  options.onPhase?.('clustering');
  const discovery = discoverIntents(corpus, { ...options, ...(embeddings ? { embeddings } : {}) });
  if (!model) return { discovery, conversationsRead, skipped };
  const use: ModelUse = { embeddedTexts: embeddings?.size ?? 0, namedIntents: 0, namedGroups: 0, kept: [] };
  if (!model.chat) return { discovery, conversationsRead, skipped, model: use };
  options.onPhase?.('naming', `${discovery.library.groups.length} groups`);
  const names = await nameWithModel(model.chat, discovery);
  return {
    discovery: renameDiscovery(discovery, names),
    conversationsRead,
    skipped,
    model: { ...use, namedIntents: names.intents.size, namedGroups: names.groups.size, kept: names.kept },
  };
}
