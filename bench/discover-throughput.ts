/**
 * Discovery throughput: generates N demo conversations, then times `discover` on them as a file.
 *   npx tsx bench/discover-throughput.ts [--count 100000] [--seed 1] [--clustered 20000]
 * Prints, on stderr as it goes, when the file is generated and when each phase starts; then conversations per second,
 * the CPU time of the process (the fairer figure on a shared machine), the time of each phase, the peak resident
 * memory of the process (measured before scoring) and the load average; then scores the intent of every request
 * against the generator's labels (the i-th request found taken as the i-th labelled intent when the counts agree):
 * ACC, NMI, ARI.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CLUSTERED_CONVERSATIONS, discoverFromFile, type DiscoveryPhase } from '../src/discovery/run.js';
import { generateTranscripts } from '../src/synthetic/generate.js';
import { intentLibrarySchema } from '../src/library/schema.js';
import { scoreClustering } from './lib/cluster-metrics.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, clustered: { type: 'string', default: String(CLUSTERED_CONVERSATIONS) } },
});
const count = Number(values.count);
const library = intentLibrarySchema.parse(JSON.parse(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8')));
const dir = mkdtempSync(path.join(tmpdir(), 'discover-throughput-'));
const file = path.join(dir, 'transcripts.jsonl');
const labelsFile = path.join(dir, 'labels.jsonl');
const assignmentsFile = path.join(dir, 'assignments.jsonl');

async function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}
const generating = performance.now();
const out = createWriteStream(file, 'utf8');
const labels = createWriteStream(labelsFile, 'utf8');
for (const { meta, ...transcript } of generateTranscripts({ count, seed: Number(values.seed), library })) {
  await write(out, `${JSON.stringify(transcript)}\n`);
  await write(labels, `${JSON.stringify(meta?.intents ?? [])}\n`);
}
for (const stream of [out, labels]) {
  stream.end();
  await once(stream, 'finish');
}

const residentMb = () => (process.memoryUsage.rss() / 2 ** 20).toFixed(0);
// Progress on stderr as it happens, so that a run stopped early still says how far it got.
console.error(`generated ${count} conversations in ${((performance.now() - generating) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(1)})`);
const loadBefore = loadavg()[0]!;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const phases: Array<[DiscoveryPhase | 'read', number]> = [['read', started]];
const result = await discoverFromFile(file, { run: 'throughput', assignmentsFile, clusteredConversations: Number(values.clustered), onPhase: (phase) => {
    phases.push([phase, performance.now()]);
    console.error(`${((performance.now() - started) / 1000).toFixed(1)} s: ${phase} (RSS now ${residentMb()} MB, load average ${loadavg()[0]!.toFixed(1)})`);
  },
});
const ended = performance.now();
const peak = process.resourceUsage().maxRSS / 1024;
const cpu = process.cpuUsage(cpuBefore);
const loadAfter = loadavg()[0]!;

const seconds = (ended - started) / 1000;
const spans = phases.map(([phase, at], i) => `${phase} ${(((phases[i + 1]?.[1] ?? ended) - at) / 1000).toFixed(1)} s`);
console.log(`${count} conversations: ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} conversations/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s): ${spans.join(', ')}`);
console.log(
  `${result.discovery.requests} requests, ${result.discovery.library.intents.length} intents; peak RSS ${peak.toFixed(0)} MB; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (nproc 2, Node ${process.version})`,
);

/** Lines of a file as they come. */
function lines(name: string): AsyncIterableIterator<string> {
  return createInterface({ input: createReadStream(name, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
}
const predicted: string[] = [];
const gold: string[] = [];
const golds = lines(labelsFile);
const conversationOf = (id: string) => id.replace(/#\d+$/, '');
let pending: Array<{ id: string; intentId: string | null }> = [];
let labelled = { conversationId: '', intents: [] as string[] };
// Conversations come in the same order in both files; those without a request have no assignment.
const transcripts = lines(file);
async function nextLabelled(conversationId: string): Promise<string[]> {
  while (labelled.conversationId !== conversationId) {
    const [transcript, intents] = await Promise.all([transcripts.next(), golds.next()]);
    if (transcript.done || intents.done) throw new Error(`conversation ${conversationId} is not in the generated file`);
    labelled = { conversationId: (JSON.parse(transcript.value) as { conversationId: string }).conversationId, intents: JSON.parse(intents.value) as string[] };
  }
  return labelled.intents;
}
async function flush(): Promise<void> {
  if (pending.length === 0) return;
  const intents = await nextLabelled(conversationOf(pending[0]!.id));
  if (intents.length === pending.length) {
    pending.forEach((row, i) => {
      predicted.push(row.intentId ?? 'unclear');
      gold.push(intents[i]!);
    });
  }
  pending = [];
}
for await (const line of lines(assignmentsFile)) {
  const row = JSON.parse(line) as { id: string; intentId: string | null };
  if (pending.length > 0 && conversationOf(row.id) !== conversationOf(pending[0]!.id)) await flush();
  pending.push(row);
}
await flush();
rmSync(dir, { recursive: true, force: true });
const scores = scoreClustering(predicted, gold);
console.log(`intents of the ${gold.length} labelled requests: ACC ${scores.acc.toFixed(3)}, NMI ${scores.nmi.toFixed(3)}, ARI ${scores.ari.toFixed(3)}, ${scores.clusters} intents for ${scores.labels} labels`);
