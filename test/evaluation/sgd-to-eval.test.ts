import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  dialogueFiles,
  inferToday,
  parseFileRange,
  parseSgdJson,
  runSgdToEval,
  SgdInputError,
  sgdConversations,
  sgdDialoguesSchema,
  sgdLibrary,
  sgdSchemaSchema,
  slotType,
} from '../../bench/sgd-to-eval.js';
import { parseLabelledConversations } from '../../src/evaluation/labelled-conversations.js';
import { parseLibraryJson } from '../../src/library/io.js';
import type { Intent } from '../../src/library/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = path.join(root, 'test', 'fixtures', 'conversations', 'sgd');
const read = async <T>(name: string, schema: Parameters<typeof parseSgdJson<T>>[2]) => parseSgdJson(await readFile(path.join(fixture, name), 'utf8'), name, schema);

describe('bench/sgd-to-eval.ts: Schema-Guided Dialogue to a library and labelled conversations', () => {
  it('types a free slot for a time of day as a time, and one that only has "time" in its name by its description', () => {
    const slot = (name: string, description: string) => ({ name, description, is_categorical: false, possible_values: [] });
    assert.equal(slotType(slot('time', 'Tentative time of restaurant reservation')), 'time');
    assert.equal(slotType(slot('pickup_time', 'Time of rental car pickup')), 'time');
    assert.equal(slotType(slot('transfer_time', 'Number of days for the transfer to go through')), 'text');
    assert.equal(slotType(slot('pickup_date', 'Date of rental car pickup')), 'date');
  });

  it('builds a valid library: a group per service, unique intent ids, slots as typed attributes', async () => {
    const services = await read('schema.json', sgdSchemaSchema);
    const dialogues = await read('dialogues_001.json', sgdDialoguesSchema);
    const { library, stats } = sgdLibrary(services, dialogues, { id: 'sgd', name: 'SGD', examplesPerIntent: 10, now: new Date('2026-01-01T00:00:00Z') });
    assert.deepEqual(library.groups.map((g) => [g.id, g.name, g.description]), [
      ['restaurants_1', 'Restaurants 1', 'Find and book restaurant tables'],
      ['banks_1', 'Banks 1', 'Manage your bank accounts'],
    ]);
    assert.deepEqual(library.intents.map((i) => [i.id, i.groupId, i.name]), [
      ['restaurants_1.find-restaurants', 'restaurants_1', 'Find restaurants'],
      ['restaurants_1.reserve-restaurant', 'restaurants_1', 'Reserve restaurant'],
      ['banks_1.check-balance', 'banks_1', 'Check balance'],
    ]);
    const [find, reserve, balance] = library.intents;
    assert.deepEqual(find?.attributes.map((a) => [a.name, a.type, a.required, a.values ?? null]), [
      ['city', 'text', true, null],
      ['cuisine', 'enum', true, ['Italian', 'Thai', 'Mexican']],
      ['has_live_music', 'enum', false, ['True', 'False']],
    ]);
    assert.deepEqual(reserve?.attributes.map((a) => [a.name, a.type]), [['restaurant_name', 'text'], ['city', 'text'], ['party_size', 'number'], ['date', 'date']]);
    assert.equal(library.updatedAt, '2026-01-01T00:00:00.000Z');
    assert.deepEqual(stats, { questionsFromDialogues: 4, questionsFromDescriptions: 4 });

    // Questions: the system's most common REQUEST for the slot alone; one naming a value is no question for the library.
    const question = (intent: Intent | undefined, name: string) => intent?.attributes.find((a) => a.name === name)?.question;
    assert.equal(question(find, 'city'), 'Which city should I look in?');
    assert.equal(question(find, 'cuisine'), 'What kind of food?');
    assert.equal(question(reserve, 'party_size'), 'How many people?');
    assert.equal(question(find, 'has_live_music'), 'Does it matter whether the restaurant has live music?', '"Should Thai places in Oakland have live music?" names values');
    assert.equal(question(reserve, 'restaurant_name'), 'What is the name of the restaurant?');
    assert.equal(question(balance, 'account_type'), "What is the user's account type: checking or savings?");

    // Examples: user turns that state the intent, not a bare yes to the system's offer.
    assert.deepEqual(find?.examples, ["I'd like to find a place to eat.", 'Find me a restaurant in Oakland for today']);
    assert.deepEqual(reserve?.examples, []);
    // Weights: the share of the intent's dialogues in which the system asked for the slot; unseen intents keep the default.
    assert.deepEqual(find?.attributes.map((a) => a.weight), [0.5, 1, 0.5]);
    assert.equal(balance?.attributes[0]?.weight, 0.5);
  });

  it('labels the eval dialogues: active intents, stated values, asked slots and the closing thanks', async () => {
    const services = await read('schema.json', sgdSchemaSchema);
    const dialogues = await read('dialogues_002.json', sgdDialoguesSchema);
    const [conversation] = sgdConversations(services, dialogues, '2019-03-01');
    assert.equal(conversation?.conversationId, '2_00000');
    assert.equal(conversation?.referenceDate, '2019-03-01');
    const turns = conversation?.turns ?? [];
    assert.deepEqual(turns.map((t) => (t.role === 'customer' ? t.intent : t.asks ?? [])), [
      'banks_1.check-balance',
      ['account_type'],
      'banks_1.check-balance',
      [],
      'restaurants_1.find-restaurants',
      ['city', 'cuisine'],
      'restaurants_1.find-restaurants',
      ['city'],
      'none',
    ]);
    const values = turns.map((t) => (t.role === 'customer' ? t.values ?? {} : null)).filter((v) => v !== null);
    assert.deepEqual(values, [{}, { account_type: 'savings' }, { party_size: 2, date: '2019-03-02' }, {}, {}], '"dontcare" is no value');
    assert.deepEqual(turns.map((t) => t.role === 'customer' && t.end === true), [false, false, false, false, false, false, false, false, true]);
  });

  it('finds the day "today" stands for, and refuses bad file ranges and missing files', async () => {
    assert.equal(inferToday(await read('dialogues_001.json', sgdDialoguesSchema)), '2019-03-01');
    assert.equal(inferToday(await read('dialogues_002.json', sgdDialoguesSchema)), null);
    assert.deepEqual(parseFileRange('1-3,5', '--library-files'), [1, 2, 3, 5]);
    assert.throws(() => parseFileRange('3-1', '--eval-files'), /--eval-files: "3-1" is not a range/);
    assert.deepEqual(dialogueFiles(fixture, [2], '--eval-files'), [path.join(fixture, 'dialogues_002.json')]);
    assert.throws(() => dialogueFiles(fixture, [7], '--eval-files'), /--eval-files: .* has no dialogues file number 7 \(dialogues_007\.json/);
    assert.throws(() => parseSgdJson('[{"dialogue_id": "x", "turns": [{"speaker": "BOT"}]}]', 'd.json', sgdDialoguesSchema), (error: unknown) => {
      assert.ok(error instanceof SgdInputError);
      assert.match(error.message, /^d\.json: \[0\]\.turns\[0\]\.speaker: .*; \[0\]\.turns\[0\]\.utterance: is required/);
      return true;
    });
  });

  it("writes a library and conversations the product's parsers accept, as a command", async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'sgd-to-eval-'));
    try {
      const files = ['--out-library', path.join(out, 'library.json'), '--out-conversations', path.join(out, 'conversations.jsonl')];
      const printed = runSgdToEval([fixture, '--library-files', '1', '--eval-files', '2', ...files]);
      assert.match(printed, /^library: 2 services, 3 intents, 2 examples from 2 dialogues, 8 attributes/);
      assert.match(printed, /\nconversations: 1, 5 user and 4 system turns, 3 values stated, 4 slots asked for, reference date 2019-03-01\n/);
      const library = parseLibraryJson(await readFile(path.join(out, 'library.json'), 'utf8'));
      assert.equal(library.intents.length, 3);
      const conversations = parseLabelledConversations(await readFile(path.join(out, 'conversations.jsonl'), 'utf8'), 'conversations.jsonl', { referenceDateRequired: true });
      assert.equal(conversations.length, 1);
      assert.throws(() => runSgdToEval([fixture, '--library-files', '2']), /^SgdInputError: usage: .*\(missing --eval-files, --out-library, --out-conversations\)$/);
      assert.throws(() => runSgdToEval([fixture, '--library-files', '1-2', '--eval-files', '2', ...files]), /--library-files and --eval-files share file 2/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
