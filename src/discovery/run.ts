import { collectCorpus } from './corpus.js';
import { discoverIntents, type DiscoverOptions, type Discovery } from './discover.js';
import { readConversations } from './readers.js';
import type { Conversation, SkippedRow } from './types.js';

export interface DiscoverFileOptions extends DiscoverOptions {
  onSkip?: (row: SkippedRow) => void;
  onBytes?: (bytes: number) => void;
  /** Called when reading is done and the (slower) clustering begins. */
  onPhase?: (phase: 'clustering') => void;
}

export interface FileDiscovery {
  discovery: Discovery;
  conversationsRead: number;
  skipped: number;
}

/** Reads a transcripts file as a stream, masks it, and discovers its intents. */
export async function discoverFromFile(file: string, options: DiscoverFileOptions): Promise<FileDiscovery> {
  let skipped = 0;
  let conversationsRead = 0;
  const rows = readConversations(file, {
    onSkip: (row) => {
      skipped += 1;
      options.onSkip?.(row);
    },
    ...(options.onBytes ? { onBytes: options.onBytes } : {}),
  });
  async function* counted(): AsyncGenerator<Conversation> {
    for await (const conversation of rows) {
      conversationsRead += 1;
      yield conversation;
    }
  }
  const corpus = await collectCorpus(counted());
  options.onPhase?.('clustering');
  return { discovery: discoverIntents(corpus, options), conversationsRead, skipped };
}
