import { fitClusters, type DiscoveredCluster } from './cluster/index.js';
import { parseLibrary } from '../library/io.js';
import { LIBRARY_SCHEMA_VERSION, type Intent, type IntentGroup, type IntentLibrary } from '../library/schema.js';
import { countQuestions, mineAttributes, type MinedAttribute, type MiningOptions, type QuestionTotals } from './attributes.js';
import type { Corpus, ConversationRecord } from './corpus.js';
import { intentText } from './request-text.js';
import { uniqueSlug } from '../library/slug.js';
import type { Exchange, IntentRequest } from './turns.js';
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
/** Conversations an intent names as its samples. */
export const SAMPLE_IDS = 10;

export function requestId(record: ConversationRecord, index: number): string {
  return index === 0 ? record.conversationId : `${record.conversationId}#${index + 1}`;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

interface Member {
  record: ConversationRecord;
  request: number;
}

/** What an intent is made of, however its conversations were gathered. */
export interface IntentParts {
  label: string;
  keyphrases: string[];
  examples: string[];
  /** Conversations of the intent. */
  conversations: number;
  /** The exchanges of each of its conversations that attributes are mined from: all of them, or a uniform sample. */
  exchanges: ReadonlyArray<readonly Exchange[]>;
  lastSeen?: string;
  sampleConversationIds: string[];
}

export function buildIntent(parts: IntentParts, groupId: string, id: string, total: number, options: DiscoverOptions, totals: QuestionTotals): DiscoveredIntent {
  const { conversations } = parts;
  const scale = conversations / Math.max(1, parts.exchanges.length);
  const mined = mineAttributes(parts.exchanges, totals, options);
  // Mined on a sample, counts of conversations stand for the intent's: scaled up, the shares unchanged.
  const attributes = scale === 1 ? mined : mined.map((a) => ({ ...a, conversations: Math.round(a.conversations * scale), phrasings: a.phrasings.map((p) => ({ ...p, count: Math.round(p.count * scale) })) }));
  const intent: Intent = {
    id,
    groupId,
    name: parts.label.slice(0, 200),
    description: `Discovered in ${conversations} conversations${parts.keyphrases.length ? `; key phrases: ${parts.keyphrases.slice(0, 5).join(', ')}` : ''}.`,
    status: 'draft',
    selfService: true,
    examples: parts.examples,
    attributes: attributes.map(({ conversations: _c, phrasings: _p, ...attribute }) => attribute),
    stats: { conversations, share: round(conversations / Math.max(1, total)), ...(parts.lastSeen ? { lastSeen: parts.lastSeen } : {}) },
    provenance: { source: 'discovered', run: options.run.slice(0, 200), sampleConversationIds: parts.sampleConversationIds.map((sample) => sample.slice(0, 200)) },
  };
  return { intent, attributes, keyphrases: parts.keyphrases };
}

/** The first EXAMPLES distinct texts, trimmed and cut to 1,000 characters. */
export function distinctExamples(texts: Iterable<string>): string[] {
  const examples = new Set<string>();
  for (const text of texts) {
    const example = text.trim().slice(0, 1000);
    if (example) examples.add(example);
    if (examples.size === EXAMPLES) break;
  }
  return [...examples];
}

function partsOf(cluster: DiscoveredCluster, members: Member[]): IntentParts {
  const exchangesOf = new Map<ConversationRecord, Exchange[]>();
  for (const m of members) (exchangesOf.get(m.record) ?? exchangesOf.set(m.record, []).get(m.record)!).push(...m.record.requests[m.request]!.exchanges);
  const records = [...exchangesOf.keys()];
  return {
    label: cluster.label,
    keyphrases: cluster.keyphrases,
    examples: distinctExamples([...cluster.representative, ...members.map((m) => m.record.requests[m.request]!.text)]),
    conversations: records.length,
    exchanges: [...exchangesOf.values()],
    ...latest(records),
    sampleConversationIds: [...records.filter((r) => r.turns), ...records.filter((r) => !r.turns)].slice(0, SAMPLE_IDS).map((r) => r.conversationId),
  };
}

function latest(records: Iterable<{ lastAt?: string }>): { lastSeen?: string } {
  let lastSeen: string | undefined;
  for (const r of records) if (r.lastAt && (!lastSeen || r.lastAt > lastSeen)) lastSeen = r.lastAt;
  return lastSeen ? { lastSeen } : {};
}

/** The text of each request that clustering reads, in corpus order: the requests without greetings, fillers and masked data. */
export function clusteringTexts(corpus: Corpus): string[] {
  return corpus.records.flatMap((record) => record.requests.map((request) => intentText(request.text)));
}

/**
 * What the agent asked about a request and what it told the customer while handling it (how it resolved it), as
 * context for clustering it: the topic words of its questions ("asked:") and of its statements ("said:").
 */
export function requestContext(request: Pick<IntentRequest, 'exchanges' | 'said'>): string[] {
  const asked = [...new Set(request.exchanges.flatMap((e) => [...topicStems(e.question)]))].map((stem) => `asked:${stem}`);
  const said = [...new Set((request.said ?? []).flatMap((s) => [...topicStems(s)]))].map((stem) => `said:${stem}`);
  return [...asked, ...said];
}

function embeddingsOf(texts: readonly string[], embeddings: ReadonlyMap<string, ArrayLike<number>>): Array<ArrayLike<number>> {
  return texts.map((text) => {
    const vector = embeddings.get(text);
    if (!vector) throw new Error(`no embedding given for the request text "${text.slice(0, 80)}"`);
    return vector;
  });
}

/** Which intent one request was put in: `conversationId`, then `conversationId#2`... for later requests; null when unclear. */
export interface Assignment {
  id: string;
  intentId: string | null;
}

export interface CorpusDiscovery extends Discovery {
  /** Each request's intent, in corpus order. */
  assignments: Assignment[];
}

/**
 * A draft intent library from a corpus: its requests clustered into intents (the unclear ones left
 * out), intents grouped, each with examples, stats, provenance and attributes mined from the questions
 * asked in its conversations. Every intent is a draft for a person to review.
 */
export function discoverIntents(corpus: Corpus, options: DiscoverOptions): CorpusDiscovery {
  return fitIntents(corpus, options).discovery;
}

export interface FittedIntents {
  discovery: CorpusDiscovery;
  /** Questions asked across the corpus, as attribute mining weighs them. */
  totals: QuestionTotals;
  /**
   * The intent id of a request from outside the corpus (null when unclear), placed by the nearest intent in the
   * space the corpus was clustered in; `embedding` is its text's when the corpus was clustered with embeddings.
   */
  place: (request: IntentRequest, embedding?: ArrayLike<number>) => string | null;
}

/** `discoverIntents`, keeping what it takes to place further requests among the intents found. */
export function fitIntents(corpus: Corpus, options: DiscoverOptions): FittedIntents {
  const index: Member[] = corpus.records.flatMap((record) => record.requests.map((_, request) => ({ record, request })));
  const texts = clusteringTexts(corpus);
  const utterances = texts.map((text, i) => ({ id: String(i), text }));
  const fitted =
    utterances.length === 0
      ? { result: { clusters: [], groups: [], assignments: new Map<string, string>() }, place: () => null }
      : fitClusters(utterances, {
          granularity: options.granularity ?? 1,
          seed: options.seed ?? 1,
          context: index.map((m) => requestContext(m.record.requests[m.request]!)),
          ...(options.embeddings ? { embeddings: embeddingsOf(texts, options.embeddings) } : {}),
        });
  const clustering = fitted.result;
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
    intents.push(buildIntent(partsOf(cluster, members), groupIdOf.get(cluster.groupId)!, id, corpus.records.length, options, totals));
  }
  const assignments = index.map((m, i) => ({ id: requestId(m.record, m.request), intentId: intentOf.get(clustering.assignments.get(String(i)) ?? '') ?? null }));
  const library = draftLibrary(groups, intents, options);
  const samples = new Map(corpus.records.filter((r) => r.turns).map((r) => [r.conversationId, r.turns!] as const));
  const wanted = new Set(library.intents.flatMap((i) => i.provenance?.sampleConversationIds ?? []));
  for (const id of samples.keys()) if (!wanted.has(id)) samples.delete(id);
  const discovery: CorpusDiscovery = {
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
  const place = (request: IntentRequest, embedding?: ArrayLike<number>): string | null => {
    const cluster = fitted.place({ text: intentText(request.text), context: requestContext(request), ...(embedding ? { embedding } : {}) });
    return cluster === null ? null : (intentOf.get(cluster) ?? null);
  };
  return { discovery, totals, place };
}

/** The library of a discovery run, checked against the schema. */
export function draftLibrary(groups: IntentGroup[], intents: readonly DiscoveredIntent[], options: DiscoverOptions): IntentLibrary {
  return parseLibrary(
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
}
