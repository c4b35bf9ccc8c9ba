/**
 * Retrieval quality and speed of the embedded knowledge search backends on the demo KB:
 * MiniSearch (the default, src/knowledge/minisearch-index.ts) against SQLite FTS5 (kept here only,
 * for comparison), over the same heading chunks, query words and article ranking.
 * Run: npx tsx bench/kb-search.ts [kbDir] [queriesFile]
 * Queries: JSONL {query, intentId?, relevant: [articleId...], style: customer|engine}.
 */
import Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createChunkSolutionSearch, defaultFieldBoosts, type ChunkIndex, type IndexedChunk } from '../src/knowledge/chunk-search.js';
import { loadArticles } from '../src/knowledge/load-articles.js';
import { buildMiniSearchIndex } from '../src/knowledge/minisearch-index.js';
import type { SolutionSearch } from '../src/knowledge/types.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';

interface BenchQuery {
  query: string;
  intentId?: string;
  relevant: string[];
  style: 'customer' | 'engine';
}

type IntentMode = 'none' | 'right' | 'misleading';

interface Metrics {
  mrr10: number;
  recall3: number;
  ndcg10: number;
}

const K = 10;
const TIMED_REPEATS = 5;

/** An in-memory SQLite FTS5 index (BM25 with the same field weights, Porter stemming, diacritics folded). */
function buildFtsIndex(chunks: IndexedChunk[]): ChunkIndex {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE chunk_text USING fts5(
    chunk_id UNINDEXED, title, heading, tags, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`);
  const insert = db.prepare('INSERT INTO chunk_text (chunk_id, title, heading, tags, body) VALUES (@id, @title, @heading, @tags, @body)');
  db.transaction((rows: IndexedChunk[]) => rows.forEach((row) => insert.run(row)))(chunks);
  const { title, heading, tags, body } = defaultFieldBoosts;
  const select = db.prepare<[number, number, number, number, string, number], { chunkId: string; score: number }>(
    `SELECT chunk_id AS chunkId, -bm25(chunk_text, 0, ?, ?, ?, ?) AS score
     FROM chunk_text WHERE chunk_text MATCH ? ORDER BY score DESC LIMIT ?`,
  );
  return { find: (words, limit) => select.all(title, heading, tags, body, matchExpression(words), limit) };
}

/** Every word as a quoted FTS5 string joined with OR, so no query text is ever read as FTS5 syntax (AND, *, :, parentheses). */
function matchExpression(words: string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '""')}"`).join(' OR ');
}

/** Queries that must return normally (possibly nothing) from every backend. */
const hostileQueries = [
  '',
  '   ',
  '"unbalanced quote',
  'refund* AND (cancel OR "order") NOT title:tv',
  'NEAR(battery charging, 2) ^title {body}: -x',
  'the and of to',
  'mi televisor no enciende error E42',
  '電視無法開機',
  'refund '.repeat(20_000),
];

const backends: { name: string; build: (chunks: IndexedChunk[]) => ChunkIndex }[] = [
  { name: 'MiniSearch', build: (chunks) => buildMiniSearchIndex(chunks) },
  { name: 'SQLite FTS5', build: (chunks) => buildFtsIndex(chunks) },
];

function reciprocalRank(ranked: string[], relevant: Set<string>): number {
  const index = ranked.slice(0, K).findIndex((id) => relevant.has(id));
  return index < 0 ? 0 : 1 / (index + 1);
}

function recallAt(k: number, ranked: string[], relevant: Set<string>): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

function ndcgAt(k: number, ranked: string[], relevant: Set<string>): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (relevant.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

async function checkRobustness(search: SolutionSearch): Promise<string> {
  for (const text of hostileQueries) {
    try {
      await search.search({ text, intentId: 'device-error-code' });
    } catch (error) {
      return `FAILED on ${JSON.stringify(text.slice(0, 40))}: ${String(error)}`;
    }
  }
  return `ok (${hostileQueries.length} hostile queries)`;
}


/** For the misleading run: the next different intent in file order, usually a sibling in the same group. */
function misleadingIntents(queries: BenchQuery[]): (string | undefined)[] {
  const intents = [...new Set(queries.flatMap((q) => (q.intentId ? [q.intentId] : [])))];
  return queries.map((q) => (q.intentId ? intents[(intents.indexOf(q.intentId) + 1) % intents.length] : undefined));
}

async function evaluate(search: SolutionSearch, queries: BenchQuery[], mode: IntentMode): Promise<Metrics> {
  const wrong = misleadingIntents(queries);
  const totals = { mrr10: 0, recall3: 0, ndcg10: 0 };
  for (const [i, q] of queries.entries()) {
    const intentId = mode === 'right' ? q.intentId : mode === 'misleading' ? wrong[i] : undefined;
    const ranked = (await search.search({ text: q.query, top: K, ...(intentId ? { intentId } : {}) })).map((s) => s.id);
    const relevant = new Set(q.relevant);
    totals.mrr10 += reciprocalRank(ranked, relevant);
    totals.recall3 += recallAt(3, ranked, relevant);
    totals.ndcg10 += ndcgAt(K, ranked, relevant);
  }
  return { mrr10: totals.mrr10 / queries.length, recall3: totals.recall3 / queries.length, ndcg10: totals.ndcg10 / queries.length };
}

async function latencies(search: SolutionSearch, queries: BenchQuery[]): Promise<number[]> {
  const times: number[] = [];
  for (let repeat = 0; repeat <= TIMED_REPEATS; repeat++) {
    for (const q of queries) {
      const start = performance.now();
      await search.search({ text: q.query, top: K, ...(q.intentId ? { intentId: q.intentId } : {}) });
      if (repeat > 0) times.push(performance.now() - start);
    }
  }
  return times;
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map((cell) => (typeof cell === 'number' ? cell.toFixed(3) : cell)).join(' | ')} |`;
}

async function readQueries(file: string): Promise<BenchQuery[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim());
  return lines.map((line) => JSON.parse(line) as BenchQuery);
}

/** Prints the quality and latency tables; `kbDir` and `queriesFile` default to the demo KB and bench/data/kb-queries.jsonl. */
export async function runKbSearchBench(kbDir?: string, queriesFile?: string): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const kb = kbDir ?? path.join(root, 'samples', 'kb');
  const queries = await readQueries(queriesFile ?? path.join(root, 'bench', 'data', 'kb-queries.jsonl'));
  const { articles, warnings } = await loadArticles(kb);
  if (warnings.length > 0) console.warn(warnings.map((w) => w.message).join('\n'));
  const subsets: [string, BenchQuery[]][] = [
    ['all', queries],
    ['customer', queries.filter((q) => q.style === 'customer')],
    ['engine', queries.filter((q) => q.style === 'engine')],
  ];

  console.log(`${articles.length} articles, ${queries.length} queries (${subsets[1]?.[1].length} customer, ${subsets[2]?.[1].length} engine)\n`);
  console.log(row(['backend', 'queries', 'intentId', 'MRR@10', 'Recall@3', 'nDCG@10']));
  console.log(row(['---', '---', '---', '---', '---', '---']));
  const timings: string[] = [];
  // Warm up the Markdown lexer and stemmer so the first backend's build time is not inflated.
  createChunkSolutionSearch(articles, () => ({ find: () => [] }));
  for (const backend of backends) {
    const buildStart = performance.now();
    const search = createChunkSolutionSearch(articles, backend.build);
    const buildMs = performance.now() - buildStart;
    for (const [subset, subsetQueries] of subsets) {
      for (const mode of ['none', 'right', 'misleading'] as const) {
        if (subset !== 'all' && mode === 'misleading') continue;
        const m = await evaluate(search, subsetQueries, mode);
        console.log(row([backend.name, subset, mode === 'none' ? 'no' : mode === 'right' ? 'yes' : 'wrong', m.mrr10, m.recall3, m.ndcg10]));
      }
    }
    const times = await latencies(search, queries);
    const robustness = await checkRobustness(search);
    timings.push(row([backend.name, buildMs.toFixed(1), percentile(times, 0.5).toFixed(3), percentile(times, 0.95).toFixed(3), robustness]));
  }
  console.log(`\n${row(['backend', 'build ms', 'query p50 ms', 'query p95 ms', 'robustness'])}\n${row(['---', '---', '---', '---', '---'])}\n${timings.join('\n')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await runKbSearchBench(process.argv[2], process.argv[3]);
