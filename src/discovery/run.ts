import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { embedRequests } from './azure-openai/embed-requests.js';
import type { DiscoveryModel } from './azure-openai/model.js';
import { nameWithModel } from './azure-openai/name-intents.js';
import { renameDiscovery } from './azure-openai/rename.js';
import { surveyCorpus, type ConversationRecord, type CorpusSurvey } from './corpus.js';
import { clusteringTexts, fitIntents, requestId, type Assignment, type DiscoverOptions, type Discovery, type FittedIntents } from './discover.js';
import { IntentTally } from './intent-tally.js';
import { intentText } from './request-text.js';
import { countSkip, DiscoveryInputError, emptyTally, inputProblem, type ReadTally } from './input-check.js';
import { readConversations } from './readers.js';
import type { Conversation, SkippedRow } from './types.js';

export type DiscoveryPhase = 'embedding' | 'clustering' | 'placing' | 'naming';

/** Conversations with a request that are clustered whole; a larger input is clustered on a uniform sample of this many. */
export const CLUSTERED_CONVERSATIONS = 20_000;
/** Requests placed (and, with a model, embedded) together in the second pass over a large input. */
const PLACING_BATCH = 2_000;

export interface DiscoverFileOptions extends DiscoverOptions {
  onSkip?: (row: SkippedRow) => void;
  onBytes?: (bytes: number) => void;
  /** Called when reading is done and each later (slower) phase begins; `embedding` and `naming` only with a model, `placing` only for a file larger than what is clustered whole. */
  onPhase?: (phase: DiscoveryPhase, detail?: string) => void;
  /** Azure OpenAI for embeddings and names; without it everything runs locally. Only masked text is sent. */
  model?: DiscoveryModel;
  /** Where to write each request's intent, one `{id, intentId}` JSON object a line, in input order. */
  assignmentsFile?: string;
  /** Conversations with a request clustered whole before a sample is taken; default CLUSTERED_CONVERSATIONS. */
  clusteredConversations?: number;
}

/** What the model did in a run. */
export interface ModelUse {
  /** Distinct request texts embedded (0 without an embedding deployment); on a large input, distinct in each batch of the second pass. */
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
 *
 * Memory does not grow with the file: up to `clusteredConversations` conversations with a request are
 * clustered whole (the result is then `discoverIntents` on them all); a larger file is clustered on a uniform
 * sample of that many, then every request is placed among the intents and counted (`IntentTally`) in a second
 * pass over the masked records, which the first pass spills to a temporary folder (removed at the end, as are
 * the assignments written there before their intents get their final ids).
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
  const sampleSize = options.clusteredConversations ?? CLUSTERED_CONVERSATIONS;
  if (!(Number.isSafeInteger(sampleSize) && sampleSize > 0)) throw new RangeError(`clusteredConversations must be a positive whole number, got ${sampleSize}`);
  const spillDir = await mkdtemp(path.join(tmpdir(), 'intent-skill-discovery-'));
  try {
    return await discoverSpilling(file, counted(), tally, sampleSize, spillDir, options);
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
}

async function discoverSpilling(
  file: string,
  conversations: AsyncIterable<Conversation>,
  tally: ReadTally,
  sampleSize: number,
  spillDir: string,
  options: DiscoverFileOptions,
): Promise<FileDiscovery> {
  const spill = path.join(spillDir, 'records.jsonl');
  const spilled = createWriteStream(spill, 'utf8');
  let survey: CorpusSurvey;
  try {
    survey = await surveyCorpus(conversations, {
      sampleSize,
      seed: options.seed ?? 1,
      onRecord: async (record) => {
        if (!spilled.write(`${JSON.stringify(record)}\n`)) await once(spilled, 'drain');
      },
    });
  } finally {
    spilled.end();
    await once(spilled, 'finish');
  }
  const problem = inputProblem(file, tally);
  if (problem) throw new DiscoveryInputError(problem);
  const { conversationsRead, skipped } = tally;
  const { model } = options;
  let embeddings: Map<string, number[]> | undefined;
  if (model?.embeddings) {
    const texts = clusteringTexts(survey);
    options.onPhase?.('embedding', `${new Set(texts).size} distinct requests${survey.records.length < survey.conversations ? ' of a sample' : ''}`);
    embeddings = await embedRequests(model.embeddings, texts, model.timeoutMs);
  }
  options.onPhase?.('clustering', survey.records.length < survey.conversations ? `a sample of ${survey.records.length} of ${survey.conversations} conversations` : undefined);
  const fitted = fitIntents(survey, { ...options, ...(embeddings ? { embeddings } : {}) });
  let embeddedTexts = embeddings?.size ?? 0;
  embeddings = undefined;
  const partial = options.assignmentsFile ? path.join(spillDir, 'assignments.jsonl') : undefined;
  let discovery: Discovery;
  if (survey.records.length === survey.conversations) {
    const { assignments, ...whole } = fitted.discovery;
    discovery = whole;
    if (partial) await writeLines(partial, assignments);
  } else {
    options.onPhase?.('placing', `${survey.conversations} conversations`);
    const placed = await placeAll(spill, fitted, options, survey, partial);
    discovery = placed.discovery;
    embeddedTexts += placed.embeddedTexts;
  }
  let named = discovery;
  let use: ModelUse | undefined;
  if (model) {
    use = { embeddedTexts, namedIntents: 0, namedGroups: 0, kept: [] };
    if (model.chat) {
      options.onPhase?.('naming', `${discovery.library.groups.length} groups`);
      const names = await nameWithModel(model.chat, discovery);
      named = renameDiscovery(discovery, names);
      use = { ...use, namedIntents: names.intents.size, namedGroups: names.groups.size, kept: names.kept };
    }
  }
  if (partial && options.assignmentsFile) await renameAssignments(partial, options.assignmentsFile, discovery, named);
  return { discovery: named, conversationsRead, skipped, ...(use ? { model: use } : {}) };
}

/** The second pass over a large input, through its masked records spilled by the first: every request placed among the fitted intents and counted. */
async function placeAll(
  spill: string,
  fitted: FittedIntents,
  options: DiscoverFileOptions,
  survey: CorpusSurvey,
  partial: string | undefined,
): Promise<{ discovery: Discovery; embeddedTexts: number }> {
  const counts = new IntentTally(fitted, options);
  const out = partial ? createWriteStream(partial, 'utf8') : undefined;
  let batch: ConversationRecord[] = [];
  let requests = 0;
  let embeddedTexts = 0;
  const place = async () => {
    const texts = batch.flatMap((record) => record.requests.map((request) => intentText(request.text)));
    const vectors = options.model?.embeddings ? await embedRequests(options.model.embeddings, texts, options.model.timeoutMs) : undefined;
    embeddedTexts += vectors?.size ?? 0;
    for (const record of batch) {
      const ids = record.requests.map((request) => fitted.place(request, vectors?.get(intentText(request.text))));
      counts.add(record, ids);
      if (out) for (const [i, intentId] of ids.entries()) if (!out.write(`${JSON.stringify({ id: requestId(record, i), intentId })}\n`)) await once(out, 'drain');
    }
    batch = [];
    requests = 0;
  };
  for await (const line of createInterface({ input: createReadStream(spill, 'utf8'), crlfDelay: Infinity })) {
    const record = JSON.parse(line) as ConversationRecord;
    batch.push(record);
    requests += record.requests.length;
    if (requests >= PLACING_BATCH) await place();
  }
  await place();
  if (out) {
    out.end();
    await once(out, 'finish');
  }
  return { discovery: counts.discovery(survey), embeddedTexts };
}

async function writeLines(file: string, rows: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  const out = createWriteStream(file, 'utf8');
  for await (const row of rows) if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Copies the assignments written with the local intent ids to `file` with the ids the intents ended up with. */
async function renameAssignments(partial: string, file: string, local: Discovery, named: Discovery): Promise<void> {
  const idOf = new Map(local.intents.map((found, i) => [found.intent.id, named.intents[i]!.intent.id] as const));
  async function* renamed(): AsyncGenerator<Assignment> {
    for await (const line of createInterface({ input: createReadStream(partial, 'utf8'), crlfDelay: Infinity })) {
      const row = JSON.parse(line) as Assignment;
      yield { id: row.id, intentId: row.intentId === null ? null : (idOf.get(row.intentId) ?? null) };
    }
  }
  await writeLines(file, renamed());
}
