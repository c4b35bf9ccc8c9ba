import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateTranscripts, type GenerateTranscriptsOptions } from '../../src/synthetic/generate.js';
import { PARAPHRASES } from '../../src/synthetic/paraphrases.js';
import { questionPhrasings } from '../../src/synthetic/questions.js';
import { SMALL_TALK_QUESTIONS } from '../../src/synthetic/script.js';
import type { Transcript, TranscriptTurn } from '../../src/synthetic/types.js';
import { intentLibrarySchema, type Intent, type IntentLibrary, type IntentLibraryInput } from '../../src/library/schema.js';

const demo = intentLibrarySchema.parse(JSON.parse(readFileSync(new URL('../../samples/library.json', import.meta.url), 'utf8')));

function generate(options: Partial<GenerateTranscriptsOptions> & { count: number }): Transcript[] {
  return [...generateTranscripts({ seed: 7, library: demo, ...options })];
}

function intentsOf(library: IntentLibrary, transcript: Transcript): Intent[] {
  return (transcript.meta?.intents ?? []).map((id) => {
    const intent = library.intents.find((candidate) => candidate.id === id);
    assert.ok(intent, `unknown intent ${id} in ${transcript.conversationId}`);
    return intent;
  });
}

/** Agent and bot lines that ask something, checked against what the conversation may ask about. */
function strayQuestions(library: IntentLibrary, transcripts: readonly Transcript[]): string[] {
  const stray: string[] = [];
  for (const transcript of transcripts) {
    const allowed = [...SMALL_TALK_QUESTIONS, ...intentsOf(library, transcript).flatMap((intent) => intent.attributes.flatMap(questionPhrasings))];
    for (const turn of transcript.turns) {
      if (turn.role !== 'customer' && turn.text.includes('?') && !allowed.some((question) => turn.text.endsWith(question))) {
        stray.push(`${transcript.conversationId}: ${turn.text}`);
      }
    }
  }
  return stray;
}

const pizza: IntentLibraryInput = {
  schemaVersion: 1,
  id: 'pizza',
  name: 'Tony Pizza customer service',
  groups: [{ id: 'orders', name: 'Orders' }],
  intents: [
    {
      id: 'late-pizza',
      groupId: 'orders',
      name: 'Late pizza',
      attributes: [
        { name: 'ticket', type: 'identifier', pattern: '\\bTP\\d{5}\\b', question: 'What is your ticket number?', weight: 0.9 },
        { name: 'toppingNotes', type: 'text', question: 'Any notes on the toppings?', weight: 0.2 },
        { name: 'contactless', type: 'boolean', question: 'Should we leave it at the door?', weight: 0.6 },
      ],
    },
  ],
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('synthetic transcript generator', () => {
  const sample = generate({ count: 400 });

  it('produces the same conversations for the same seed', () => {
    assert.deepEqual(generate({ count: 40 }), sample.slice(0, 40));
  });

  it('produces different conversations for a different seed', () => {
    const other = generate({ count: 40, seed: 8 });
    const same = other.filter((transcript, index) => JSON.stringify(transcript.turns) === JSON.stringify(sample[index]?.turns));
    assert.equal(same.length, 0);
  });

  it('streams: a huge count yields its first conversations without building the rest', () => {
    const iterator = generateTranscripts({ count: 1_000_000_000, seed: 7, library: demo });
    const first = [iterator.next().value, iterator.next().value];
    assert.deepEqual(first, sample.slice(0, 2));
  });

  it('labels each conversation with intents of the library and gives unique ids', () => {
    const ids = new Set(demo.intents.map((intent) => intent.id));
    for (const transcript of sample) for (const id of transcript.meta?.intents ?? []) assert.ok(ids.has(id), id);
    assert.equal(new Set(sample.map((t) => t.conversationId)).size, sample.length);
  });

  it('has agents ask only about the attributes of the conversation\'s intents, or make small talk', () => {
    assert.deepEqual(strayQuestions(demo, sample), []);
  });

  it('words the same attribute question in several ways', () => {
    const orderNumber = questionPhrasings(demo.intents.find((intent) => intent.id === 'order-status')!.attributes[0]!);
    const used = new Set(sample.flatMap((t) => t.turns.filter((turn) => turn.role === 'agent').flatMap((turn) => orderNumber.filter((q) => turn.text.endsWith(q)))));
    assert.ok(used.size >= 4, `only ${[...used].join(' | ')}`);
  });

  it('mixes greetings, bot hand-offs, second intents and off-topic requests', () => {
    const roles = (t: Transcript) => new Set(t.turns.map((turn) => turn.role));
    assert.ok(sample.some((t) => roles(t).has('bot') && roles(t).has('agent')), 'a bot hand-off');
    assert.ok(sample.some((t) => roles(t).has('bot') && !roles(t).has('agent') && t.meta!.intents.length > 0), 'a bot-only conversation');
    assert.ok(sample.some((t) => t.meta!.intents.length === 2), 'a second intent');
    assert.ok(sample.some((t) => t.meta!.intents.length === 0), 'an off-topic conversation');
    assert.ok(sample.some((t) => /^(hi|hello|hey)\b/iu.test(t.turns.find((turn) => turn.role === 'customer')?.text ?? '')), 'a customer greeting');
  });

  it('keeps the off-topic and second-intent shares near what was asked', () => {
    const transcripts = generate({ count: 1000, seed: 3, offTopicShare: 0.25, multiIntentShare: 0.3 });
    const offTopic = transcripts.filter((t) => t.meta!.intents.length === 0).length / transcripts.length;
    const inScope = transcripts.filter((t) => t.meta!.intents.length > 0);
    const multi = inScope.filter((t) => t.meta!.intents.length === 2).length / inScope.length;
    assert.ok(offTopic > 0.2 && offTopic < 0.3, `off-topic share ${offTopic}`);
    assert.ok(multi > 0.24 && multi < 0.36, `second-intent share ${multi}`);
    assert.equal(generate({ count: 200, offTopicShare: 0 }).filter((t) => t.meta!.intents.length === 0).length, 0);
  });

  it('uses fake values in the documented formats', () => {
    const text = sample.flatMap((t) => t.turns.map((turn) => turn.text)).join('\n');
    const orders = text.match(/\bBL[- ]?\d+\b/giu) ?? [];
    assert.ok(orders.length > 50);
    for (const order of orders) assert.match(order, /^BL[- ]?\d{7}$/iu);
    for (const email of text.match(/[\w.+-]+@[\w.-]+\.\w+/gu) ?? []) assert.match(email, /@example\.com$/u);
    for (const phone of text.match(/\b555[-. ]?\d{4}\b/gu) ?? []) assert.match(phone, /555[-. ]?01\d\d$/u);
    assert.match(text, /\bRMA-\d{6}\b/u);
    assert.match(text, /\bE\d{2,3}\b/u);
    assert.match(text, /\b[A-Z]{2}\d{8}\b/u);
  });

  it('does not simply replay the library examples as customer messages', () => {
    const examples = new Set(demo.intents.flatMap((intent) => intent.examples.map((example) => example.toLowerCase())));
    const inScope = sample.filter((t) => t.meta!.intents.length > 0);
    const verbatim = inScope.filter((t) => t.turns.some((turn) => turn.role === 'customer' && examples.has(turn.text.toLowerCase())));
    assert.ok(verbatim.length / inScope.length < 0.3, `${verbatim.length} of ${inScope.length} repeat an example verbatim`);
  });

  it('has its own customer wordings for every demo intent, none a copy of a library example', () => {
    for (const intent of demo.intents) {
      const extra = PARAPHRASES[intent.id] ?? [];
      assert.ok(extra.length >= 8, `${intent.id}: ${extra.length} paraphrases`);
      const examples = new Set(intent.examples.map((example) => example.toLowerCase()));
      for (const paraphrase of extra) assert.ok(!examples.has(paraphrase.toLowerCase()), `${intent.id}: "${paraphrase}" is a library example`);
    }
  });

  it('puts turns in time order and conversations one after another', () => {
    let previousStart = '';
    for (const transcript of sample) {
      const times = transcript.turns.map((turn) => turn.at);
      for (const at of times) assert.match(at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/u);
      assert.deepEqual(times, [...times].sort());
      assert.ok(times[0]! > previousStart, transcript.conversationId);
      previousStart = times[0]!;
    }
    assert.equal(sample[0]!.turns[0]!.at, '2025-01-06T09:00:00Z');
  });

  it('works for any library: asks each attribute as often as its weight unless already told, with identifiers from the pattern', () => {
    const library = intentLibrarySchema.parse(pizza);
    const transcripts = [...generateTranscripts({ count: 600, seed: 1, library, offTopicShare: 0, multiIntentShare: 0 })];
    assert.deepEqual(strayQuestions(library, transcripts), []);
    for (const attribute of library.intents[0]!.attributes) {
      const phrasings = questionPhrasings(attribute);
      const isQuestion = (turn: TranscriptTurn) => turn.role !== 'customer' && phrasings.some((q) => turn.text.endsWith(q));
      // A ticket number the customer volunteers up front is not asked for again.
      const toldFirst = (t: Transcript) => {
        const asked = t.turns.findIndex(isQuestion);
        const before = asked === -1 ? t.turns : t.turns.slice(0, asked);
        return attribute.name === 'ticket' && before.some((turn) => turn.role === 'customer' && /TP ?\d/iu.test(turn.text));
      };
      const candidates = transcripts.filter((t) => !toldFirst(t));
      const share = candidates.filter((t) => t.turns.some(isQuestion)).length / candidates.length;
      assert.ok(Math.abs(share - attribute.weight) < 0.08, `${attribute.name}: asked in ${share}, weight ${attribute.weight}`);
    }
    const tickets = transcripts.flatMap((t) => t.turns.flatMap((turn) => turn.text.match(/\bTP ?\d+\b/giu) ?? []));
    assert.ok(tickets.length > 300);
    for (const ticket of tickets) assert.match(ticket, /^TP ?\d{5}$/iu);
  });

  it('rejects bad options with a message naming the option', () => {
    assert.throws(() => generateTranscripts({ count: -1, seed: 7, library: demo }), /count must be a whole number of 0 or more/u);
    assert.throws(() => generateTranscripts({ count: 1, seed: 1.5, library: demo }), /seed must be a whole number/u);
    assert.throws(() => generateTranscripts({ count: 1, seed: 7, library: demo, offTopicShare: 2 }), /offTopicShare must be a number from 0 to 1/u);
    const discarded = intentLibrarySchema.parse({ ...pizza, intents: [{ ...pizza.intents[0], status: 'discarded' }] });
    assert.throws(() => generateTranscripts({ count: 1, seed: 7, library: discarded }), /no intent that is not discarded/u);
  });
});
