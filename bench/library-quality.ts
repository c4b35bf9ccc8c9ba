/**
 * What the library review page's quality check costs the service (cross-validation on the library's examples):
 *   npx tsx bench/library-quality.ts [--copies 7]
 * On the demo library, and on a library of `copies` renamed copies of its intents (every copy overlaps the others,
 * so the big one is a worst case for the warnings, not for speed). Wall and CPU time of one check each, and what the
 * service's event loop sees when the check runs on its own thread (the longest pause of a 10 ms timer meanwhile).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseLibraryJson } from '../src/library/io.js';
import type { IntentLibrary } from '../src/library/schema.js';
import { libraryQuality } from '../src/nlu/library-overlap.js';
import { libraryQualityInThread } from '../src/nlu/library-quality-thread.js';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '7' } } });
const demo = parseLibraryJson(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');

function copies(library: IntentLibrary, count: number): IntentLibrary {
  return { ...library, intents: Array.from({ length: count }, (_, copy) => library.intents.map((intent) => ({ ...intent, id: `${intent.id}-${copy}` }))).flat() };
}

function measure(label: string, library: IntentLibrary): void {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const quality = libraryQuality(library);
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const pairs = quality.overlaps.slice(0, 6).map((o) => `${o.intent}->${o.confusedWith} ${Math.round(o.share * 100)}%`).join(', ');
  console.log(`${label}: ${library.intents.length} intents, ${quality.checked} examples checked, ${wall.toFixed(2)} s wall (${((used.user + used.system) / 1e6).toFixed(2)} s CPU), ${quality.overlaps.length} overlaps (${pairs}), ${quality.fewExamples.length} with few examples`);
}

async function inThread(label: string, library: IntentLibrary): Promise<void> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  await libraryQualityInThread(library);
  clearInterval(timer);
  console.log(`${label} on its own thread: ${((performance.now() - started) / 1000).toFixed(2)} s wall, longest event-loop pause ${longest.toFixed(0)} ms`);
}

console.log(`node ${process.version}, nproc ${os.availableParallelism()}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
measure('demo library', demo);
measure(`${values.copies} copies`, copies(demo, Number(values.copies)));
await inThread('demo library', demo);
await inThread(`${values.copies} copies`, copies(demo, Number(values.copies)));
