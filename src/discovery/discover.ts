import { clusterUtterances, type DiscoveredCluster } from './cluster/index.js';
import { parseLibrary } from '../library/io.js';
import { LIBRARY_SCHEMA_VERSION, type Intent, type IntentGroup, type IntentLibrary } from '../library/schema.js';
import { countQuestions, mineAttributes, type MinedAttribute, type MiningOptions } from './attributes.js';
import type { Corpus, ConversationRecord } from './corpus.js';
import { intentText } from './request-text.js';
import { uniqueSlug } from '../library/slug.js';
import type { Exchange } from './turns.js';
import { topicStems } from '../text/topic-words.js';

export interface DiscoverOptions extends MiningOptions {
  /** Above 1 for finer intents, below 1 for coarser ones. Default 1. */
  granularity?: number;
  seed?: number;
  /** Names this discovery run in the intents' provenance. */
  run: string;
  libraryId?: string;
  libraryName?: string;
  now?: Date;
  /** Embeddings of the texts `clusteringTexts` gives, by text: clustering then reads meaning as well as words. */
  embeddings?: ReadonlyMap<string, ArrayLike<number>>;
}

export interface DiscoveredIntent {
  intent: Intent;
  attributes: MinedAttribute[];
  keyphrases: string[];
}

export interface Discovery {
  library: IntentLibrary;
  intents: DiscoveredIntent[];
  /** Each request's intent id (null when unclear): `conversationId`, then `conversationId#2`... for later requests. */
  assignments: Array<{ id: string; intentId: string | null }>;
  /** Conversations with at least one request. */
  conversations: number;
  requests: number;
  unclearRequests: number;
  /** Requests that were moves of the chat (asking for a person, greetings, thanks...), by kind: counted, not clustered. */
  nonBusiness: Corpus['nonBusiness'];
  /** Conversations in which the customer asked for a person. */
  askedForPerson: number;
  /** Sample transcripts by conversation id, for the report. */
  samples: Map<string, NonNullable<ConversationRecord['turns']>>;
}

const EXAMPLES = 20;
const SAMPLE_IDS = 10;

function requestId(record: ConversationRecord, index: number): string {
  return index === 0 ? record.conversationId : `${record.conversationId}#${index + 1}`;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

interface Member {
  record: ConversationRecord;
  request: number;
}

function buildIntent(cluster: DiscoveredCluster, members: Member[], groupId: string, id: string, total: number, options: DiscoverOptions, totals: ReturnType<typeof countQuestions>): DiscoveredIntent {
  const exchangesOf = new Map<ConversationRecord, Exchange[]>();
  for (const m of members) (exchangesOf.get(m.record) ?? exchangesOf.set(m.record, []).get(m.record)!).push(...m.record.requests[m.request]!.exchanges);
  const records = [...exchangesOf.keys()];
  const attributes = mineAttributes([...exchangesOf.values()], totals, options);
  const examples = [...new Set([...cluster.representative, ...members.map((m) => m.record.requests[m.request]!.text)].map((t) => t.trim().slice(0, 1000)).filter(Boolean))].slice(0, EXAMPLES);
  const lastSeen = records.reduce<string | undefined>((latest, r) => (r.lastAt && (!latest || r.lastAt > latest) ? r.lastAt : latest), undefined);
  const sampleIds = [...records.filter((r) => r.turns), ...records.filter((r) => !r.turns)].slice(0, SAMPLE_IDS).map((r) => r.conversationId.slice(0, 200));
  const intent: Intent = {
    id,
    groupId,
    name: cluster.label.slice(0, 200),
    description: `Discovered in ${records.length} conversations${cluster.keyphrases.length ? `; key phrases: ${cluster.keyphrases.slice(0, 5).join(', ')}` : ''}.`,
    status: 'draft',
    selfService: true,
    examples,
    attributes: attributes.map(({ conversations: _c, phrasings: _p, ...attribute }) => attribute),
    stats: { conversations: records.length, share: round(records.length / Math.max(1, total)), ...(lastSeen ? { lastSeen } : {}) },
    provenance: { source: 'discovered', run: options.run.slice(0, 200), sampleConversationIds: sampleIds },
  };
  return { intent, attributes, keyphrases: cluster.keyphrases };
}

/** The text of each request that clustering reads, in corpus order: the requests without greetings, fillers and masked data. */
export function clusteringTexts(corpus: Corpus): string[] {
  return corpus.records.flatMap((record) => record.requests.map((request) => intentText(request.text)));
}

/** What the agent asked about a request, as context for clustering it: the topic words of its questions. */
function questionContext(exchanges: readonly Exchange[]): string[] {
  return [...new Set(exchanges.flatMap((e) => [...topicStems(e.question)]))].map((stem) => `asked:${stem}`);
}

function embeddingsOf(texts: readonly string[], embeddings: ReadonlyMap<string, ArrayLike<number>>): Array<ArrayLike<number>> {
  return texts.map((text) => {
    const vector = embeddings.get(text);
    if (!vector) throw new Error(`no embedding given for the request text "${text.slice(0, 80)}"`);
    return vector;
  });
}

/**
 * A draft intent library from a corpus: its requests clustered into intents (the unclear ones left
 * out), intents grouped, each with examples, stats, provenance and attributes mined from the questions
 * asked in its conversations. Every intent is a draft for a person to review.
 */
export function discoverIntents(corpus: Corpus, options: DiscoverOptions): Discovery {
  const index: Member[] = corpus.records.flatMap((record) => record.requests.map((_, request) => ({ record, request })));
  const texts = clusteringTexts(corpus);
  const utterances = texts.map((text, i) => ({ id: String(i), text }));
  const clustering =
    utterances.length === 0
      ? { clusters: [], groups: [], assignments: new Map<string, string>() }
      : clusterUtterances(utterances, {
          granularity: options.granularity ?? 1,
          seed: options.seed ?? 1,
          context: index.map((m) => questionContext(m.record.requests[m.request]!.exchanges)),
          ...(options.embeddings ? { embeddings: embeddingsOf(texts, options.embeddings) } : {}),
        });
  const totals = countQuestions(corpus.records.map((r) => r.requests.flatMap((q) => q.exchanges)));
  const groupIds = new Set<string>();
  const groups: IntentGroup[] = [];
  const groupIdOf = new Map<string, string>();
  for (const group of clustering.groups) {
    if (group.id === 'unclear') continue;
    const id = uniqueSlug(group.label, groupIds, 'group');
    groupIdOf.set(group.id, id);
    groups.push({ id, name: group.label.slice(0, 200), description: '' });
  }
  const intentIds = new Set<string>();
  const intentOf = new Map<string, string>();
  const intents: DiscoveredIntent[] = [];
  for (const cluster of clustering.clusters) {
    if (cluster.unclear) continue;
    const id = uniqueSlug(cluster.label, intentIds);
    intentOf.set(cluster.id, id);
    const members = cluster.members.map((m) => index[Number(m)]!);
    intents.push(buildIntent(cluster, members, groupIdOf.get(cluster.groupId)!, id, corpus.records.length, options, totals));
  }
  const assignments = index.map((m, i) => ({ id: requestId(m.record, m.request), intentId: intentOf.get(clustering.assignments.get(String(i)) ?? '') ?? null }));
  const library = parseLibrary(
    {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      id: options.libraryId ?? 'discovered',
      name: options.libraryName ?? 'Discovered intents',
      locale: 'en-US',
      groups,
      intents: intents.map((i) => i.intent),
      updatedAt: (options.now ?? new Date()).toISOString(),
    },
    'discovered library',
  );
  const samples = new Map(corpus.records.filter((r) => r.turns).map((r) => [r.conversationId, r.turns!] as const));
  const wanted = new Set(library.intents.flatMap((i) => i.provenance?.sampleConversationIds ?? []));
  for (const id of samples.keys()) if (!wanted.has(id)) samples.delete(id);
  return {
    library,
    intents,
    assignments,
    conversations: corpus.records.length,
    requests: index.length,
    unclearRequests: assignments.filter((a) => a.intentId === null).length,
    nonBusiness: { ...corpus.nonBusiness },
    askedForPerson: corpus.askedForPerson,
    samples,
  };
}
