/**
 * Discovery throughput: generates N demo conversations, then times `discover` on them as a file.
 *   npx tsx bench/discover-throughput.ts [--count 100000] [--seed 1]
 * Prints conversations per second, the time of each phase and the peak resident memory.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverFromFile } from '../src/discovery/run.js';
import { generateTranscripts } from '../src/synthetic/generate.js';
import { intentLibrarySchema } from '../src/library/schema.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.count);
const library = intentLibrarySchema.parse(JSON.parse(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8')));
const dir = mkdtempSync(path.join(tmpdir(), 'discover-throughput-'));
const file = path.join(dir, 'transcripts.jsonl');

const out = createWriteStream(file, 'utf8');
for (const { meta: _meta, ...transcript } of generateTranscripts({ count, seed: Number(values.seed), library })) {
  if (!out.write(`${JSON.stringify(transcript)}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

const started = performance.now();
let readDone = started;
const result = await discoverFromFile(file, { run: 'throughput', onPhase: () => (readDone = performance.now()) });
const ended = performance.now();
rmSync(dir, { recursive: true, force: true });

const seconds = (ended - started) / 1000;
console.log(`${count} conversations: ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} conversations/s); read+mask+turns ${((readDone - started) / 1000).toFixed(1)} s, cluster+mine ${((ended - readDone) / 1000).toFixed(1)} s`);
console.log(`${result.discovery.requests} requests, ${result.discovery.library.intents.length} intents; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
