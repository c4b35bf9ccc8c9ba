/**
 * What resolving a hand-off's route and an intent's instructions costs: on the demo library, and on the largest library
 * the schema allows (5,000 intents in 1,000 groups nested 5 deep under 200 lines of business), to show that the cost
 * follows the depth of the groups, not the size of the library. Each figure is the mean over about `--calls` calls,
 * made in passes over every intent, after one warm-up of as many.
 *
 *   npx tsx bench/routing.ts [--calls 1000000]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config.js';
import { buildCatalog, type Catalog } from '../src/library/catalog.js';
import { instructionsFor } from '../src/library/instructions.js';
import { parseLibrary } from '../src/library/io.js';
import { resolveRoute } from '../src/library/routing.js';
import type { IntentLibraryInput } from '../src/library/schema.js';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '1000000' } } });
const calls = Number(values.calls);

function largest(): IntentLibraryInput {
  const lines = Array.from({ length: 200 }, (_, n) => ({ id: `lob-${n}`, name: `Line ${n}`, routing: { queue: `queue-${n}`, skills: [`skill-${n}`], priority: 5 } }));
  // Chains of 5: the first group of a chain names a line of business, the others its parent; only the innermost routes.
  const groups = Array.from({ length: 1000 }, (_, n) => ({
    id: `group-${n}`,
    name: `Group ${n}`,
    ...(n % 5 === 0 ? { lineOfBusinessId: `lob-${(n / 5) % 200}`, instructions: `Group ${n} first.` } : { parentId: `group-${n - 1}` }),
    ...(n % 5 === 4 ? { routing: { priority: 3 }, instructions: `Group ${n} last.` } : {}),
  }));
  const intents = Array.from({ length: 5000 }, (_, n) => ({
    id: `intent-${n}`,
    groupId: `group-${(n % 200) * 5 + 4}`,
    name: `Intent ${n}`,
    examples: [`example ${n}`],
    instructions: `Intent ${n}.`,
    ...(n % 10 === 0 ? { routing: { skills: ['override'] } } : {}),
  }));
  return { schemaVersion: 1, id: 'largest', name: 'Largest', instructions: 'Everyone.', linesOfBusiness: lines, groups, intents, updatedAt: '2026-12-01T00:00:00Z' };
}

function measure(name: string, catalog: Catalog): void {
  const ids = catalog.library.intents.map((intent) => intent.id);
  const rounds = Math.max(1, Math.round(calls / ids.length));
  const time = (run: (id: string) => unknown) => {
    for (let round = 0; round < rounds; round += 1) for (const id of ids) run(id); // warm-up
    const started = process.hrtime.bigint();
    for (let round = 0; round < rounds; round += 1) for (const id of ids) run(id);
    return Number(process.hrtime.bigint() - started) / (rounds * ids.length) / 1000;
  };
  const route = time((id) => resolveRoute(catalog, id));
  const instructions = time((id) => instructionsFor(catalog, id));
  console.log(`${name}: ${ids.length} intents, ${catalog.library.groups.length} groups; resolveRoute ${route.toFixed(2)} µs, instructionsFor ${instructions.toFixed(2)} µs a call`);
}

const demo = parseLibrary(JSON.parse(readFileSync(path.join(packageRoot, 'samples', 'library.json'), 'utf8')), 'samples/library.json');
measure('demo library', buildCatalog(demo));
measure('largest library (groups 5 deep)', buildCatalog(parseLibrary(largest(), 'largest')));
