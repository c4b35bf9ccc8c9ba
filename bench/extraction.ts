/**
 * Attribute extraction on the demo library, scored against labelled customer turns:
 *   npx tsx bench/extraction.ts [--data bench/data/extraction.jsonl] [--errors]
 * Each row of the data is {text, intent, pending?, values, malformed?, tag, split}: the values a good agent would note
 * from the turn (for the intent's attributes, with `pending` the question just asked) and, for a value given in the
 * wrong form, the attribute it was meant for. Reports precision, recall and F1 per attribute type and per row tag,
 * and how well wrong forms are told apart (as the step asks: for the pending question when no value was taken for it,
 * and for an attribute named in the turn), for the `dev` rows, the `held-out` rows and both.
 * Relative dates are read against Wednesday 12 March 2025, 15:00 UTC; phone numbers in the US. Also prints the time
 * one extraction (and one wrong-form check) takes, over every row 20 times.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCatalog } from '../src/library/catalog.js';
import { parseLibraryJson } from '../src/library/io.js';
import type { Attribute } from '../src/library/schema.js';
import { createAttributeExtractor } from '../src/nlu/extractors/index.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';
import type { AttributeValue } from '../src/nlu/types.js';

const { values: options } = parseArgs({
  options: { data: { type: 'string', default: 'bench/data/extraction.jsonl' }, errors: { type: 'boolean', default: false } },
});

interface Row {
  text: string;
  intent: string;
  pending?: string;
  values: Record<string, AttributeValue>;
  malformed?: string;
  tag: string;
  split: 'dev' | 'held-out';
}

const NOW = new Date('2025-03-12T15:00:00Z');
const REGION = 'US';

const catalog = buildCatalog(parseLibraryJson(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json'));
const rows = readFileSync(options.data, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);
const extractor = createAttributeExtractor();

function same(expected: AttributeValue, actual: AttributeValue): boolean {
  if (typeof expected === 'number' || typeof actual === 'number') return Math.abs(Number(expected) - Number(actual)) < 1e-9;
  if (typeof expected === 'boolean' || typeof actual === 'boolean') return expected === actual;
  const fold = (text: string) => text.toLowerCase().replace(/^["'“‘\s]+|["'”’.,;:!?\s]+$/g, '').replace(/\s+/g, ' ');
  return fold(expected) === fold(actual);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const add = (table: Map<string, Counts>, key: string, field: keyof Counts): void => {
  const counts = table.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  counts[field] += 1;
  table.set(key, counts);
};

interface Score {
  byType: Map<string, Counts>;
  byTag: Map<string, Counts>;
  malformed: Counts & { checked: number };
  errors: string[];
}

/** Address attributes are free text; they are scored as their own kind too, since they are read differently. */
function kindOf(attribute: Attribute): string {
  return attribute.type === 'text' && /address/i.test(`${attribute.name} ${attribute.label ?? ''}`) ? 'text (address)' : attribute.type;
}

function score(selected: readonly Row[]): Score {
  const result: Score = { byType: new Map(), byTag: new Map(), malformed: { tp: 0, fp: 0, fn: 0, checked: 0 }, errors: [] };
  for (const row of selected) {
    const intent = catalog.intent(row.intent);
    if (!intent) throw new Error(`unknown intent ${row.intent}`);
    const attributes = intent.attributes;
    const typeOf = (name: string): string => {
      const attribute = attributes.find((a) => a.name === name);
      if (!attribute) throw new Error(`${row.intent} has no attribute ${name} ("${row.text}")`);
      return kindOf(attribute);
    };
    const found = extractor.extract(row.text, attributes, { now: NOW, defaultRegion: REGION, ...(row.pending ? { pendingAttribute: row.pending } : {}) });
    const got = new Map(found.map((extraction) => [extraction.attribute, extraction.value]));
    for (const [name, expected] of Object.entries(row.values)) {
      const actual = got.get(name);
      const right = actual !== undefined && same(expected, actual);
      add(result.byType, typeOf(name), right ? 'tp' : 'fn');
      add(result.byTag, row.tag, right ? 'tp' : 'fn');
      if (!right) result.errors.push(`missed ${name}=${JSON.stringify(expected)}${actual === undefined ? '' : ` (got ${JSON.stringify(actual)})`}: "${row.text}"`);
    }
    for (const [name, actual] of got) {
      const expected = row.values[name];
      if (expected !== undefined && same(expected, actual)) continue;
      add(result.byType, typeOf(name), 'fp');
      add(result.byTag, row.tag, 'fp');
      if (expected === undefined) result.errors.push(`extra ${name}=${JSON.stringify(actual)}: "${row.text}"`);
    }
    // As the step asks: the pending question when nothing was taken for it; an attribute the customer named otherwise.
    const asked = row.malformed ?? row.pending;
    if (!asked) continue;
    const attribute = attributes.find((a) => a.name === asked);
    if (!attribute) throw new Error(`${row.intent} has no attribute ${asked}`);
    result.malformed.checked += 1;
    const reported = got.has(asked) ? null : (extractor.malformed?.(row.text, attribute, { attributes, defaultRegion: REGION }) ?? null);
    const expected = row.malformed === asked;
    if (reported !== null && expected) result.malformed.tp += 1;
    else if (reported !== null) {
      result.malformed.fp += 1;
      result.errors.push(`false alarm: "${reported}" reported for ${asked}: "${row.text}"`);
    } else if (expected) {
      result.malformed.fn += 1;
      result.errors.push(`wrong form not reported for ${asked}: "${row.text}"`);
    }
  }
  return result;
}

const ratio = (a: number, b: number): string => (b === 0 ? '-' : (a / b).toFixed(3));
function prf({ tp, fp, fn }: Counts): [string, string, string] {
  const precision = tp + fp === 0 ? NaN : tp / (tp + fp);
  const recall = tp + fn === 0 ? NaN : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const show = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(3));
  return [show(precision), show(recall), show(f1)];
}

function total(table: Map<string, Counts>): Counts {
  return [...table.values()].reduce((sum, counts) => ({ tp: sum.tp + counts.tp, fp: sum.fp + counts.fp, fn: sum.fn + counts.fn }), { tp: 0, fp: 0, fn: 0 });
}

const splits: Array<[string, Row[]]> = [
  ['dev', rows.filter((row) => row.split === 'dev')],
  ['held-out', rows.filter((row) => row.split === 'held-out')],
  ['all', rows],
];
const scores = splits.map(([name, selected]) => [name, selected.length, score(selected)] as const);

const keys = (pick: (score: Score) => Map<string, Counts>): string[] => [...new Set(scores.flatMap(([, , s]) => [...pick(s).keys()]))].sort();
const header = `| | ${scores.map(([name, count]) => `${name} (${count} rows) P / R / F1`).join(' | ')} |`;
const rule = `|---|${scores.map(() => '---').join('|')}|`;
const line = (label: string, counts: (score: Score) => Counts | undefined): string =>
  `| ${label} | ${scores
    .map(([, , s]) => {
      const c = counts(s);
      return c ? `${prf(c).join(' / ')} (${c.tp}/${c.tp + c.fp}/${c.tp + c.fn})` : '-';
    })
    .join(' | ')} |`;

console.log('Values, per attribute type (in brackets: right / taken / expected):\n');
console.log(header);
console.log(rule);
for (const type of keys((s) => s.byType)) console.log(line(type, (s) => s.byType.get(type)));
console.log(line('**all values**', (s) => total(s.byType)));
console.log('\nValues, per kind of row:\n');
console.log(header);
console.log(rule);
for (const tag of keys((s) => s.byTag)) console.log(line(tag, (s) => s.byTag.get(tag)));
console.log('\nWrong forms reported (precision / recall of the report; checks made):\n');
console.log(`| | ${scores.map(([name]) => name).join(' | ')} |`);
console.log(`|---|${scores.map(() => '---').join('|')}|`);
console.log(
  `| wrong form reported | ${scores
    .map(([, , s]) => {
      const m = s.malformed;
      return `P ${ratio(m.tp, m.tp + m.fp)} / R ${ratio(m.tp, m.tp + m.fn)} (${m.tp} right, ${m.fp} false alarms, ${m.fn} missed; ${m.checked} checks)`;
    })
    .join(' | ')} |`,
);
if (options.errors) {
  for (const [name, , s] of scores.slice(0, 2)) {
    console.log(`\n${name} errors:`);
    for (const error of s.errors) console.log(`  ${error}`);
  }
}

const ROUNDS = 20;
const extractMs: number[] = [];
const malformedMs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const row of rows) {
    const attributes = catalog.intent(row.intent)?.attributes ?? [];
    let t0 = performance.now();
    extractor.extract(row.text, attributes, { now: NOW, defaultRegion: REGION, ...(row.pending ? { pendingAttribute: row.pending } : {}) });
    extractMs.push(performance.now() - t0);
    const asked = attributes.find((a) => a.name === (row.malformed ?? row.pending));
    if (!asked) continue;
    t0 = performance.now();
    extractor.malformed?.(row.text, asked, { attributes, defaultRegion: REGION });
    malformedMs.push(performance.now() - t0);
  }
}
const ms = (values: number[], p: number) => percentile(values, p).toFixed(3);
console.log(`\nTime per call (${ROUNDS} rounds): extract p50 ${ms(extractMs, 0.5)} ms, p95 ${ms(extractMs, 0.95)} ms; wrong-form check p50 ${ms(malformedMs, 0.5)} ms, p95 ${ms(malformedMs, 0.95)} ms`);
