import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectCorpus, surveyCorpus, type ConversationRecord } from '../../src/discovery/corpus.js';
import { discoverIntents, fitIntents, type Assignment } from '../../src/discovery/discover.js';
import { IntentTally, MINED_CONVERSATIONS } from '../../src/discovery/intent-tally.js';
import { Reservoir } from '../../src/discovery/reservoir.js';
import { discoverFromFile } from '../../src/discovery/run.js';
import { intentLibrarySchema } from '../../src/library/schema.js';
import { generateTranscripts } from '../../src/synthetic/generate.js';
import { Random } from '../../src/text/random.js';

const demo = intentLibrarySchema.parse(JSON.parse(readFileSync(new URL('../../samples/library.json', import.meta.url), 'utf8')));
const dir = mkdtempSync(path.join(tmpdir(), 'discover-at-scale-'));
const now = new Date('2026-01-01T00:00:00Z');

function transcriptsFile(name: string, count: number, seed: number): { file: string; transcripts: ReturnType<typeof generated> } {
  const transcripts = generated(count, seed);
  const file = path.join(dir, name);
  writeFileSync(file, `${transcripts.map((t) => JSON.stringify(t)).join('\n')}\n`);
  return { file, transcripts };
}

function generated(count: number, seed: number) {
  return [...generateTranscripts({ count, seed, library: demo })].map(({ meta: _meta, ...t }) => t);
}

function readAssignments(file: string): Assignment[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Assignment);
}

describe('a reservoir sample', () => {
  it('keeps every item, in order, until it is full', () => {
    const reservoir = new Reservoir<number>(5, new Random(1));
    for (let i = 0; i < 4; i++) reservoir.offer(i);
    assert.deepEqual(reservoir.items(), [0, 1, 2, 3]);
  });

  it('never holds more than its size, however many items pass, and keeps them in the order offered', () => {
    const reservoir = new Reservoir<number>(100, new Random(3));
    for (let i = 0; i < 50_000; i++) reservoir.offer(i);
    const items = reservoir.items();
    assert.equal(reservoir.offered, 50_000);
    assert.equal(items.length, 100);
    assert.deepEqual(items, [...items].sort((a, b) => a - b));
    assert.equal(new Set(items).size, 100);
  });

  it('gives every item the same chance: early and late items are kept about as often', () => {
    const kept = new Int32Array(100);
    for (let seed = 0; seed < 2000; seed++) {
      const reservoir = new Reservoir<number>(10, new Random(seed));
      for (let i = 0; i < 100; i++) reservoir.offer(i);
      for (const i of reservoir.items()) kept[i]! += 1;
    }
    // Each item is kept with probability 0.1: 200 times in 2,000 runs, give or take sampling noise.
    const first = kept.slice(0, 50).reduce((a, b) => a + b, 0);
    const last = kept.slice(50).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(first - last) < 0.1 * (first + last), `first half kept ${first} times, last half ${last}`);
    assert.ok(Math.min(...kept) > 120 && Math.max(...kept) < 290, `kept between ${Math.min(...kept)} and ${Math.max(...kept)} times`);
  });

  it('draws the same sample from the same seed', () => {
    const sample = (seed: number) => {
      const reservoir = new Reservoir<number>(7, new Random(seed));
      for (let i = 0; i < 1000; i++) reservoir.offer(i);
      return reservoir.items();
    };
    assert.deepEqual(sample(9), sample(9));
    assert.notDeepEqual(sample(9), sample(10));
  });

  it('refuses a negative size', () => {
    assert.throws(() => new Reservoir(-1, new Random(1)), /size must be at least 0, got -1/);
  });
});

describe('surveying a corpus', function () {
  this.timeout(60_000);
  const transcripts = generated(600, 5);

  it('keeps every record when the sample is large enough, as collecting the corpus does', async () => {
    const whole = await collectCorpus(transcripts);
    const survey = await surveyCorpus(transcripts, { sampleSize: 10_000 });
    assert.deepEqual(survey.records, whole.records);
    assert.equal(survey.conversations, whole.records.length);
  });

  it('keeps a sample of records but counts the whole corpus', async () => {
    const whole = await collectCorpus(transcripts);
    const survey = await surveyCorpus(transcripts, { sampleSize: 100, seed: 2 });
    assert.equal(survey.records.length, 100);
    assert.equal(survey.conversations, whole.records.length);
    assert.equal(survey.withoutRequest, whole.withoutRequest);
    assert.deepEqual(survey.nonBusiness, whole.nonBusiness);
    assert.equal(survey.askedForPerson, whole.askedForPerson);
    const order = new Map(whole.records.map((r, i) => [r.conversationId, i] as const));
    const positions = survey.records.map((r) => order.get(r.conversationId)!);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'the sample keeps the input order');
    assert.ok(positions.at(-1)! > 300, 'the sample reaches past the first records');
  });
});

describe('discovery of a file larger than what is clustered whole', function () {
  this.timeout(300_000);
  const { file, transcripts } = transcriptsFile('transcripts.jsonl', 900, 21);
  let whole: Awaited<ReturnType<typeof discoverIntents>>;

  before(async () => {
    whole = discoverIntents(await collectCorpus(transcripts), { run: 'scale', now, seed: 1 });
  });

  it('gives the in-memory result when the file is clustered whole', async () => {
    const assignmentsFile = path.join(dir, 'whole.jsonl');
    const streamed = await discoverFromFile(file, { run: 'scale', now, seed: 1, assignmentsFile, clusteredConversations: 5000 });
    const { assignments, ...expected } = whole;
    assert.deepEqual(streamed.discovery, expected);
    assert.deepEqual(readAssignments(assignmentsFile), assignments);
  });

  it('clusters a sample, then places and counts every request of the file', async () => {
    const assignmentsFile = path.join(dir, 'sampled.jsonl');
    const { discovery } = await discoverFromFile(file, { run: 'scale', now, seed: 1, assignmentsFile, clusteredConversations: 300 });
    const rows = readAssignments(assignmentsFile);
    assert.deepEqual(
      rows.map((r) => r.id),
      whole.assignments.map((r) => r.id),
      'one row a request, in input order',
    );
    assert.equal(discovery.conversations, whole.conversations);
    assert.equal(discovery.requests, whole.requests);
    assert.equal(discovery.unclearRequests, rows.filter((r) => r.intentId === null).length);
    const conversationsOf = new Map<string, Set<string>>();
    for (const row of rows) if (row.intentId) (conversationsOf.get(row.intentId) ?? conversationsOf.set(row.intentId, new Set()).get(row.intentId)!).add(row.id.replace(/#\d+$/, ''));
    for (const { intent } of discovery.intents) {
      assert.equal(intent.stats!.conversations, conversationsOf.get(intent.id)?.size, `conversations of ${intent.id}`);
      assert.ok(intent.examples.length > 0 && intent.examples.length <= 20);
      assert.ok(intent.provenance!.sampleConversationIds!.length <= 10);
    }
    assert.ok(discovery.samples.size <= 10 * discovery.intents.length);
    // The sample's intents place the requests much as clustering the whole file does.
    const agree = rows.filter((row, i) => (row.intentId === null) === (whole.assignments[i]!.intentId === null)).length;
    assert.ok(agree / rows.length > 0.9, `${agree} of ${rows.length} agree on what is unclear`);
  });

  it('gives the same result for the same seed and input, and leaves no temporary file behind', async () => {
    // A temporary folder of this test's own: other processes' runs on the machine come and go in the shared one.
    const own = mkdtempSync(path.join(tmpdir(), 'intent-skill-spills-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      const once = await discoverFromFile(file, { run: 'scale', now, seed: 4, clusteredConversations: 300 });
      const again = await discoverFromFile(file, { run: 'scale', now, seed: 4, clusteredConversations: 300 });
      assert.deepEqual(again.discovery, once.discovery);
      assert.deepEqual(readdirSync(own), []);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('refuses a sample size that is not a positive whole number', async () => {
    await assert.rejects(discoverFromFile(file, { run: 'scale', clusteredConversations: 0 }), /clusteredConversations must be a positive whole number, got 0/);
  });
});

describe('counting intents over a stream', function () {
  this.timeout(120_000);

  it('mines attributes from a bounded sample of an intent\'s conversations, with counts for all of them', async () => {
    const corpus = await collectCorpus(generated(400, 8));
    const fitted = fitIntents(corpus, { run: 'tally', now });
    const tally = new IntentTally(fitted, { run: 'tally', now });
    const [first] = fitted.discovery.intents;
    const record: ConversationRecord = corpus.records.find((r) => r.requests.length === 1 && fitted.place(r.requests[0]!) === first!.intent.id)!;
    const count = 3 * MINED_CONVERSATIONS;
    for (let i = 0; i < count; i++) tally.add({ ...record, conversationId: `c${i}` }, [first!.intent.id]);
    const discovery = tally.discovery(corpus);
    const [intent] = discovery.intents;
    assert.equal(discovery.intents.length, 1, 'intents no conversation was placed in are left out');
    assert.equal(intent!.intent.stats!.conversations, count);
    assert.equal(discovery.conversations, count);
    for (const attribute of intent!.attributes) assert.ok(attribute.conversations <= count && attribute.conversations % 3 === 0, `${attribute.name}: ${attribute.conversations}`);
    assert.deepEqual(intent!.intent.provenance!.sampleConversationIds, Array.from({ length: 10 }, (_, i) => `c${i}`));
  });

  it('refuses a conversation given the wrong number of intents', async () => {
    const corpus = await collectCorpus(generated(200, 8));
    const fitted = fitIntents(corpus, { run: 'tally', now });
    const tally = new IntentTally(fitted, { run: 'tally', now });
    assert.throws(() => tally.add(corpus.records[0]!, []), /0 intents given for \d+ requests/);
    assert.throws(() => tally.add(corpus.records[0]!, corpus.records[0]!.requests.map(() => 'no-such-intent')), /no intent "no-such-intent" was fitted/);
  });
});
