import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { transcriptLine } from '../src/cli/generate.js';
import { generateTranscripts } from '../src/synthetic/generate.js';
import { intentLibrarySchema, type IntentLibrary } from '../src/library/schema.js';
import { createAttributeExtractor } from '../src/nlu/extractors/index.js';

const DOMAIN: Record<string, string[]> = {
  orders: ['order-status', 'change-delivery', 'missing-item', 'cancel-order'],
  returns: ['start-return', 'refund-status', 'exchange-item', 'damaged-on-arrival'],
  'tech-support': ['device-error-code', 'device-wont-power-on', 'device-setup', 'software-update-problem', 'battery-problem'],
  warranty: ['warranty-claim', 'warranty-coverage-check', 'buy-protection-plan'],
  billing: ['payment-declined', 'duplicate-charge', 'update-payment-method', 'request-invoice', 'price-match'],
  account: ['account-locked', 'update-account-details', 'close-account'],
  subscriptions: ['cancel-subscription', 'subscription-renewal-charge', 'change-subscription-plan'],
};

/** Identifier formats of the demo domain: a value that must match, and look-alikes that must not. */
const IDENTIFIER_FORMATS: Record<string, { valid: string[]; invalid: string[] }> = {
  orderNumber: { valid: ['BL-4471220', 'my order is BL-0000001.'], invalid: ['BL-447122', 'BL-44712201', 'RMA-447122'] },
  returnAuthorization: { valid: ['RMA-203318'], invalid: ['RMA-20331', 'BL-4471220'] },
  serialNumber: { valid: ['TV40118273', 'SN: PH20931177'], invalid: ['TV4011827', 'T40118273', 'TV401182733'] },
  errorCode: { valid: ['E42', 'error E105 again'], invalid: ['E4', 'E1055', 'BE42'] },
  invoiceNumber: { valid: ['INV-20314478'], invalid: ['INV-2031447', 'BL-4471220'] },
  cardLast4: { valid: ['ending 4421'], invalid: ['442', '44211'] },
};

function loadLibrary(): IntentLibrary {
  const text = readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8');
  return intentLibrarySchema.parse(JSON.parse(text));
}

describe('samples/library.json, the demo intent library', () => {
  const library = loadLibrary();

  it('is a valid intent library named for Brightline', () => {
    assert.equal(library.schemaVersion, 1);
    assert.equal(library.id, 'demo');
    assert.equal(library.name, 'Brightline Electronics support');
    assert.equal(library.locale, 'en-US');
  });

  it('has exactly the groups and intent ids of the demo domain', () => {
    assert.deepEqual(library.groups.map((group) => group.id).sort(), Object.keys(DOMAIN).sort());
    const actual = Object.fromEntries(
      Object.keys(DOMAIN).map((groupId) => [groupId, library.intents.filter((intent) => intent.groupId === groupId).map((intent) => intent.id)]),
    );
    assert.deepEqual(actual, DOMAIN);
  });

  it('gives every intent 25-40 distinct customer examples, a description and representative instructions', () => {
    for (const intent of library.intents) {
      assert.ok(intent.examples.length >= 25 && intent.examples.length <= 40, `${intent.id}: ${intent.examples.length} examples`);
      assert.equal(new Set(intent.examples.map((e) => e.toLowerCase())).size, intent.examples.length, `${intent.id}: duplicate example`);
      assert.equal(intent.status, 'approved', intent.id);
      assert.ok(intent.description.length > 20, `${intent.id}: description`);
      assert.ok(intent.instructions && intent.instructions.length > 20, `${intent.id}: instructions`);
    }
  });

  it('never uses the same example for two intents', () => {
    const owner = new Map<string, string>();
    for (const intent of library.intents) {
      for (const example of intent.examples) {
        const key = example.toLowerCase();
        assert.equal(owner.get(key), undefined, `"${example}" is in ${owner.get(key)} and ${intent.id}`);
        owner.set(key, intent.id);
      }
    }
  });

  it('keeps close-account out of self-service and most intents in it', () => {
    const byId = new Map(library.intents.map((intent) => [intent.id, intent]));
    assert.equal(byId.get('close-account')?.selfService, false);
    assert.ok(library.intents.filter((intent) => intent.selfService).length >= 20);
  });

  it('gives every intent 1-5 attributes with a question and a plausible weight', () => {
    for (const intent of library.intents) {
      assert.ok(intent.attributes.length >= 1 && intent.attributes.length <= 5, intent.id);
      for (const attribute of intent.attributes) {
        assert.ok(attribute.weight >= 0.2 && attribute.weight <= 0.95, `${intent.id}.${attribute.name}: weight ${attribute.weight}`);
        assert.match(attribute.question, /\?/, `${intent.id}.${attribute.name}: question`);
      }
    }
  });

  it('uses the same type for an attribute name across intents', () => {
    const types = new Map<string, string>();
    for (const intent of library.intents) {
      for (const attribute of intent.attributes) {
        const known = types.get(attribute.name);
        assert.ok(known === undefined || known === attribute.type, `${intent.id}.${attribute.name} is ${attribute.type}, elsewhere ${known}`);
        types.set(attribute.name, attribute.type);
      }
    }
  });

  it('gives identifier attributes a pattern that accepts their format and rejects look-alikes', () => {
    const identifiers = library.intents.flatMap((intent) => intent.attributes.filter((a) => a.type === 'identifier'));
    assert.ok(identifiers.length > 0);
    for (const attribute of identifiers) {
      const format = IDENTIFIER_FORMATS[attribute.name];
      assert.ok(format, `no known format for identifier ${attribute.name}`);
      assert.ok(attribute.pattern, `${attribute.name} has no pattern`);
      const pattern = new RegExp(attribute.pattern, 'u');
      for (const value of format.valid) assert.match(value, pattern, `${attribute.name} should accept "${value}"`);
      for (const value of format.invalid) assert.doesNotMatch(value, pattern, `${attribute.name} should reject "${value}"`);
    }
  });

  it('mentions the order numbers in examples only in the BL- format', () => {
    const orderLike = /\bBL-?\d+/gu;
    for (const intent of library.intents) {
      for (const example of intent.examples) {
        for (const match of example.matchAll(orderLike)) assert.match(match[0], /^BL-\d{7}$/u, `${intent.id}: "${example}"`);
      }
    }
  });

  it('only puts placeholders in a solution query that name an attribute of the intent', () => {
    for (const intent of library.intents) {
      assert.ok(intent.solutionQuery, `${intent.id}: solutionQuery`);
      const names = new Set(intent.attributes.map((attribute) => attribute.name));
      for (const [, name] of intent.solutionQuery.matchAll(/\{(\w+)\}/gu)) {
        assert.ok(names.has(name ?? ''), `${intent.id}: solutionQuery uses unknown {${name}}`);
      }
    }
  });

  it('gives every intent a phrase the skill can say back ("I can help you ...")', () => {
    for (const intent of library.intents) {
      assert.ok(intent.phrase, `${intent.id}: phrase`);
      assert.match(intent.phrase, /^[a-z]/, `${intent.id}: a verb phrase in lower case, to follow "I can help you"`);
      assert.doesNotMatch(intent.phrase, /[.!?]$/, `${intent.id}: no sentence end`);
      assert.doesNotMatch(intent.phrase, /\b(?:the customer|their|they)\b/i, `${intent.id}: speaks to the customer`);
    }
  });

  it('gives every attribute a label in sentence case, one label per attribute name', () => {
    const labels = new Map<string, string>();
    for (const intent of library.intents) {
      for (const attribute of intent.attributes) {
        assert.ok(attribute.label, `${intent.id}.${attribute.name}: label`);
        assert.match(attribute.label, /^\p{Lu}[^A-Z]*$|^\p{Lu}/u, `${intent.id}.${attribute.name}: label "${attribute.label}"`);
        assert.notEqual(attribute.label, attribute.name, `${intent.id}.${attribute.name}: a label in words`);
        const known = labels.get(attribute.name);
        assert.ok(known === undefined || known === attribute.label, `${intent.id}.${attribute.name}: "${attribute.label}", elsewhere "${known}"`);
        labels.set(attribute.name, attribute.label);
      }
    }
  });

  it('labels every enum value and gives every patterned attribute an example of its form', () => {
    for (const intent of library.intents) {
      for (const attribute of intent.attributes) {
        if (attribute.type === 'enum') assert.deepEqual(Object.keys(attribute.valueLabels ?? {}).sort(), [...(attribute.values ?? [])].sort(), `${intent.id}.${attribute.name}`);
        if (attribute.pattern) {
          assert.ok(attribute.example, `${intent.id}.${attribute.name}: example`);
          assert.match(attribute.example, new RegExp(attribute.pattern, 'u'), `${intent.id}.${attribute.name}: example "${attribute.example}"`);
        }
      }
    }
  });

  it('reads every value label, tapped as a quick reply, as its value', () => {
    const extractor = createAttributeExtractor();
    for (const intent of library.intents) {
      for (const attribute of intent.attributes.filter((a) => a.type === 'enum')) {
        for (const [value, label] of Object.entries(attribute.valueLabels ?? {})) {
          const found = extractor.extract(label, intent.attributes, { now: new Date('2025-03-12T15:00:00Z'), pendingAttribute: attribute.name });
          assert.equal(found.find((extraction) => extraction.attribute === attribute.name)?.value, value, `${intent.id}.${attribute.name}: "${label}"`);
        }
      }
    }
  });

  it('asks for each date in the words of its event', () => {
    const event: Record<string, RegExp> = {
      purchaseDate: /\b(?:buy|bought|purchase[ds]?)\b/i,
      deliveryDate: /\b(?:arrive|delivered|receive)\b/i,
      preferredDeliveryDate: /\bdeliver(?:y|ed)?\b/i,
      returnShippedDate: /\b(?:send|sent|ship|drop)\b/i,
      chargeDate: /\bcharge[ds]?\b/i,
    };
    for (const intent of library.intents) {
      for (const attribute of intent.attributes.filter((a) => a.type === 'date')) {
        const words = event[attribute.name];
        assert.ok(words, `no known event for ${attribute.name}`);
        assert.match(attribute.question, words, `${intent.id}.${attribute.name}: "${attribute.question}"`);
      }
    }
  });

  it('asks for values with open questions, keeping yes/no questions for yes/no attributes', () => {
    for (const intent of library.intents) {
      for (const attribute of intent.attributes.filter((a) => a.type !== 'boolean')) {
        const asked = attribute.question.split(/(?<=[?.])\s+/).find((sentence) => sentence.endsWith('?')) ?? attribute.question;
        const yesNo = /^(?:do|does|did|have|has|is|are|was|were)\b/i.test(asked) && !/\bor\b/.test(asked);
        assert.ok(!yesNo, `${intent.id}.${attribute.name} asks a yes/no question: "${attribute.question}"`);
      }
    }
  });

  it('gives enum attributes values and other attributes none', () => {
    for (const intent of library.intents) {
      for (const attribute of intent.attributes) {
        if (attribute.type === 'enum') assert.ok((attribute.values ?? []).length >= 2, `${intent.id}.${attribute.name}`);
        else assert.equal(attribute.values, undefined, `${intent.id}.${attribute.name}`);
      }
    }
  });
});

describe('samples/transcripts.jsonl, the shipped synthetic transcripts', () => {
  const transcriptsFile = new URL('../samples/transcripts.jsonl', import.meta.url);
  const lines = readFileSync(transcriptsFile, 'utf8').trimEnd().split('\n');
  const labels = readFileSync(new URL('../samples/transcripts.labels.jsonl', import.meta.url), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { conversationId: string; intents: string[] });

  it('holds 3,000 conversations without gold labels, in under 6 MB', () => {
    assert.equal(lines.length, 3000);
    assert.ok(statSync(transcriptsFile).size < 6_000_000);
    for (const line of lines) {
      const transcript = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(transcript), ['conversationId', 'turns']);
    }
  });

  it('is what `generate transcripts --count 3000 --seed 7` writes', () => {
    const library = loadLibrary();
    const expected = [...generateTranscripts({ count: 100, seed: 7, library })].map((transcript) => transcriptLine(transcript, false).trimEnd());
    assert.deepEqual(lines.slice(0, 100), expected);
  });

  it('has one label line per conversation, naming demo intents', () => {
    const ids = new Set(loadLibrary().intents.map((intent) => intent.id));
    assert.deepEqual(
      labels.map((label) => label.conversationId),
      lines.map((line) => (JSON.parse(line) as { conversationId: string }).conversationId),
    );
    for (const label of labels) for (const intent of label.intents) assert.ok(ids.has(intent), intent);
    const offTopic = labels.filter((label) => label.intents.length === 0).length / labels.length;
    assert.ok(offTopic > 0.05 && offTopic < 0.11, `off-topic share ${offTopic}`);
  });
});
