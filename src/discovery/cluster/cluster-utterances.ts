import { z } from 'zod';
import { analyzeUtterance } from '../text/analyze.js';
import { consensusClusters, type ConsensusOptions } from './consensus.js';
import { withContext } from './context-features.js';
import { withEmbeddings } from './embedding-features.js';
import { buildFeatures } from './features.js';
import { Random } from '../../text/random.js';
import { describeFirstIssue } from '../../text/issues.js';
import { assembleResult, type ClusteringResult } from './result.js';
import { nearestCentroid, sparseCentroids } from './centroids.js';

export type { ClusterGroup, ClusteringResult, DiscoveredCluster } from './result.js';

export interface Utterance {
  readonly id: string;
  readonly text: string;
}

export interface ClusterOptions {
  /** Above 1 for finer clusters, below 1 for coarser ones; 1 (default) is the automatic choice. */
  readonly granularity?: number;
  /** Exact number of clusters, instead of choosing it. */
  readonly k?: number;
  /** Same seed, same input: same clusters. Default 1. */
  readonly seed?: number;
  /** One embedding per utterance, in the same order, all of one length: clustering then reads meaning as well as words. */
  readonly embeddings?: ReadonlyArray<ArrayLike<number>>;
  /**
   * Context tokens per utterance, in the same order, each "kind:word" (the agent's questions about it as "asked:", what
   * the agent told the customer as "said:"); each kind takes its own share of the row, see `withContext`.
   */
  readonly context?: ReadonlyArray<readonly string[]>;
}

const utterancesSchema = z
  .array(z.object({ id: z.string().min(1, 'must not be empty'), text: z.string() }), 'must be an array of {id, text}')
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${row.id}"` });
      seen.add(row.id);
    });
  });

const optionsSchema = z
  .object({
    granularity: z.number().positive('must be positive').max(10, 'must be at most 10').optional(),
    k: z.number().int('must be a whole number').positive('must be positive').optional(),
    seed: z.number().int('must be a whole number').optional(),
  })
  .strict();

/** Checked by hand: a schema would copy every number of every vector. */
function checkEmbeddings(embeddings: ReadonlyArray<ArrayLike<number>>, utterances: number): void {
  if (embeddings.length !== utterances) throw new TypeError(`options.embeddings has ${embeddings.length} vectors for ${utterances} utterances`);
  const dimensions = embeddings[0]?.length ?? 0;
  embeddings.forEach((vector, i) => {
    if (vector.length !== dimensions || dimensions === 0) throw new TypeError(`options.embeddings[${i}] has ${vector.length} dimensions, expected ${dimensions || 'at least 1'}`);
    for (let j = 0; j < vector.length; j++) if (!Number.isFinite(vector[j])) throw new TypeError(`options.embeddings[${i}][${j}] is not a finite number`);
  });
}

function parse<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new TypeError(describeFirstIssue(result.error.issues, name));
}

/** Consensus clustering over at most this many utterances; the others are assigned to its clusters. */
const SAMPLE_SIZE = 2000;
/**
 * Settings tuned on the DSTC11 development set (bench/dstc11.ts): runs over-segment into 20-45
 * parts, and parts stay apart when more than 85% of runs (on average between them) split them.
 */
const RUNS = 40;
const PARTS: readonly [number, number] = [20, 45];
const THRESHOLD = 0.85;
const MIN_CLUSTER_SHARE = 0.008;

/** Consensus settings for `sample` utterances at the given granularity. */
function consensusSettings(sample: number, granularity: number, k: number | undefined): ConsensusOptions {
  const cap = Math.max(2, Math.floor(sample / 4));
  const high = Math.min(cap, k === undefined ? Math.round(PARTS[1] * granularity) : 2 * k);
  const low = Math.max(2, Math.min(high, k ?? Math.round((high * PARTS[0]) / PARTS[1])));
  return {
    sampleSize: SAMPLE_SIZE,
    runs: RUNS,
    clusters: [low, high],
    dimensions: [50, 100],
    featureShare: 0.9,
    threshold: Math.min(0.99, Math.max(0.3, 1 - (1 - THRESHOLD) * granularity)),
    minSize: Math.max(2, Math.round((MIN_CLUSTER_SHARE * sample) / granularity)),
    refinements: 3,
    ...(k === undefined ? {} : { k }),
  };
}

/**
 * Discovers intents in customer utterances without any trained model: lemmas, verb-object pairs
 * and TF-IDF (with slot values such as "life" in "life insurance" damped), joined by embeddings
 * when given (`withEmbeddings`; names and key phrases still come from the words), a consensus of
 * perturbed LSA + k-means runs on a sample, average linkage over the consensus with the number of
 * clusters set by a stability threshold, then assignment of every utterance to the nearest centroid.
 *
 * Time O(tokens + R·s·k·d·iterations + s² + nnz·k·refinements) for R runs over a sample of
 * s <= 2000 utterances; memory O(nnz + s² + k·features). Deterministic for a seed.
 */
export function clusterUtterances(utterances: readonly Utterance[], options: ClusterOptions = {}): ClusteringResult {
  return fitClusters(utterances, options).result;
}

/** What a new utterance brings to be placed among fitted clusters. */
export interface NewUtterance {
  readonly text: string;
  /** Its context tokens, as `ClusterOptions.context` gives them. */
  readonly context?: readonly string[];
  /** Its embedding, when the clusters were fitted with embeddings. */
  readonly embedding?: ArrayLike<number>;
}

export interface FittedClusters {
  readonly result: ClusteringResult;
  /**
   * The id of the cluster whose centroid is nearest to a new utterance, in the space the clusters were
   * fitted in (the same vocabulary, weights, context and embedding columns); null when it has nothing to
   * cluster on. Cost O(words + nnz · clusters).
   */
  readonly place: (utterance: NewUtterance) => string | null;
}

/** `clusterUtterances`, keeping what it takes to place further utterances among the clusters without refitting. */
export function fitClusters(utterances: readonly Utterance[], options: ClusterOptions = {}): FittedClusters {
  const rows = parse(utterancesSchema, utterances, 'utterances');
  const { embeddings, context, ...settings } = options;
  if (context && context.length !== rows.length) throw new TypeError(`options.context has ${context.length} entries for ${rows.length} utterances`);
  const { granularity = 1, k, seed = 1 } = parse(optionsSchema, settings, 'options');
  if (embeddings) checkEmbeddings(embeddings, rows.length);
  const analyses = rows.map((u) => analyzeUtterance(u.text));
  const features = buildFeatures(analyses);
  const words = context ? withContext(features.rows, features.features.length, context) : null;
  const wordSpace = words ?? { rows: features.rows, columns: features.features.length };
  // The projection draws from its own stream, so the consensus runs draw as they do without embeddings.
  const embedded = embeddings ? withEmbeddings(wordSpace.rows, wordSpace.columns, embeddings, new Random(seed + 1)) : null;
  const space = embedded ?? wordSpace;
  const sample = Math.min(SAMPLE_SIZE, space.rows.filter((r) => r.indices.length > 0).length);
  const { labels, count } = consensusClusters(space.rows, space.columns, new Random(seed), consensusSettings(sample, granularity, k));
  const result = assembleResult(rows, analyses, features, labels, count, space);
  const ranked = rankedLabels(result, rows);
  const clusterIds = result.clusters.filter((c) => !c.unclear).map((c) => c.id);
  const centroids = sparseCentroids(space.rows, ranked, clusterIds.length, space.columns);
  const place = (utterance: NewUtterance): string | null => {
    let row = features.encode(analyzeUtterance(utterance.text));
    if (words) row = words.encode(row, utterance.context ?? []);
    if (embedded) row = embedded.encode(row, utterance.embedding);
    const [label] = nearestCentroid([row], centroids);
    return label! >= 0 ? clusterIds[label!]! : null;
  };
  return { result, place };
}

/** Each utterance's cluster as its rank (c1 -> 0, c2 -> 1, ...), -1 for the unclear ones. */
function rankedLabels(result: ClusteringResult, rows: ReadonlyArray<{ id: string }>): Int32Array {
  const index = new Map(rows.map((row, i) => [row.id, i] as const));
  const labels = new Int32Array(rows.length).fill(-1);
  result.clusters.forEach((cluster, rank) => {
    if (!cluster.unclear) for (const member of cluster.members) labels[index.get(member)!] = rank;
  });
  return labels;
}
