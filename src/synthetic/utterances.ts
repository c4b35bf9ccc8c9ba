import type { Attribute, Intent } from '../library/schema.js';
import { escapeRegExp, rewordSynonyms } from './noise.js';
import { PARAPHRASES } from './paraphrases.js';
import type { Random } from '../text/random.js';
import { enumMention, fakeValue, humanize, standsOut, type FakeValue, type ValueContext } from './values.js';
import { ENUM_CUES } from './words.js';

/** A customer's statement of an intent and the attribute values it mentions. */
export interface Utterance {
  text: string;
  known: Map<string, FakeValue>;
}

export interface UtteranceContext extends ValueContext {
  /** Attributes of the whole library by name, for placeholders that name an attribute of another intent. */
  attributes: ReadonlyMap<string, Attribute>;
}

const PREFIXES = [
  'Hi, ', 'Hello. ', 'hey ', 'Good morning, ', 'Hi there! ', 'Quick question: ', 'So basically ', 'Um, ', 'Hello, I hope you can help. ',
  'Hi, I need some help. ', 'ok so ', 'Hey, ', 'Hi again. ',
];
const SUFFIXES = [
  ' Thanks.', ' thx', ' Can you help?', ' Please help!', ' Any ideas?', ' This is really frustrating.', ' Thanks in advance', '!!',
  ' asap please', ' What can I do?', ' I need this sorted today.',
];

/** Whether `text` should keep its capital after a prefix: "I", "I'm", acronyms such as "TV". */
function keepsCapital(text: string): boolean {
  return /^(I\b|I'|[A-Z]{2,}|[A-Z][a-z]+[A-Z])/u.test(text);
}

function withPrefix(prefix: string, text: string): string {
  if (/[.!?:]\s$/u.test(prefix) || keepsCapital(text)) return prefix + text;
  return prefix + text.charAt(0).toLowerCase() + text.slice(1);
}

function withSuffix(text: string, suffix: string): string {
  const joined = /[.!?]$/u.test(text) || !/^ [A-Z]/u.test(suffix) ? text : `${text}.`;
  return joined + suffix;
}

function attributeFor(intent: Intent, name: string, context: UtteranceContext): Attribute | undefined {
  return intent.attributes.find((attribute) => attribute.name === name) ?? context.attributes.get(name);
}

function fillPlaceholders(random: Random, template: string, intent: Intent, context: UtteranceContext, known: Map<string, FakeValue>): string {
  return template.replace(/\{(\w+)\}/gu, (placeholder, name: string) => {
    const attribute = attributeFor(intent, name, context);
    if (!attribute) return placeholder;
    const value = known.get(name) ?? fakeValue(random, attribute, context);
    known.set(name, value);
    return value.mention;
  });
}

/** Library examples carry realistic identifiers; each use gets fresh ones so no two conversations share an order number. */
function refreshIdentifiers(random: Random, example: string, intent: Intent, context: UtteranceContext, known: Map<string, FakeValue>): string {
  let text = example;
  for (const attribute of intent.attributes) {
    if (!attribute.pattern || !standsOut(attribute)) continue;
    const pattern = new RegExp(attribute.pattern, 'gu');
    text = text.replace(pattern, () => {
      const value = fakeValue(random, attribute, context);
      known.set(attribute.name, value);
      return value.mention;
    });
  }
  return text;
}

function appendDetail(random: Random, text: string, intent: Intent, context: UtteranceContext, known: Map<string, FakeValue>): string {
  const candidates = intent.attributes.filter((a) => !known.has(a.name) && standsOut(a));
  if (candidates.length === 0) return text;
  const attribute = random.pick(candidates);
  const value = fakeValue(random, attribute, context);
  known.set(attribute.name, value);
  const label = humanize(attribute.name);
  const detail = random.pick([` My ${label} is ${value.mention}.`, ` ${label.charAt(0).toUpperCase()}${label.slice(1)}: ${value.mention}`, ` (${value.mention})`]);
  return withSuffix(text.replace(/[.!]$/u, ''), detail);
}

/** Enum values the customer names in passing, when exactly one value of the attribute is named. */
function noticeEnumValues(text: string, intent: Intent, known: Map<string, FakeValue>): void {
  for (const attribute of intent.attributes) {
    if (attribute.type !== 'enum' || known.has(attribute.name)) continue;
    const named = (attribute.values ?? []).filter((value) => {
      const cue = ENUM_CUES[attribute.name]?.[value] ?? new RegExp(`\\b${escapeRegExp(enumMention(attribute, value))}\\b`, 'iu');
      return cue.test(text);
    });
    if (named.length === 1) {
      const value = named[0]!;
      const mention = enumMention(attribute, value);
      known.set(attribute.name, { value, mention, answer: mention });
    }
  }
}

/**
 * How a customer states `intent`: a varied library example or one of the extra paraphrases, with fresh details.
 * Only the first message of a conversation may open with a greeting or another lead-in.
 */
export function intentUtterance(random: Random, intent: Intent, context: UtteranceContext, firstMessage: boolean): Utterance {
  const known = new Map<string, FakeValue>();
  const paraphrases = PARAPHRASES[intent.id] ?? [];
  let text: string;
  if (paraphrases.length > 0 && (intent.examples.length === 0 || random.chance(0.55))) {
    text = fillPlaceholders(random, random.pick(paraphrases), intent, context, known);
  } else if (intent.examples.length > 0) {
    text = refreshIdentifiers(random, random.pick(intent.examples), intent, context, known);
  } else {
    text = random.pick([`I need help with ${intent.name.toLowerCase()}`, `${intent.name}, please`, `It's about ${intent.name.toLowerCase()}`]);
  }
  text = rewordSynonyms(random, text, 0.25);
  if (random.chance(0.2)) text = appendDetail(random, text, intent, context, known);
  if (firstMessage && !/^(hi|hello|hey|good (morning|afternoon|evening))\b/iu.test(text) && random.chance(0.3)) {
    text = withPrefix(random.pick(PREFIXES), text);
  }
  if (random.chance(0.25)) text = withSuffix(text, random.pick(SUFFIXES));
  noticeEnumValues(text, intent, known);
  return { text, known };
}

/** Joins a lead-in such as "Also, " to an utterance, fixing the capital letter. */
export function leadInto(lead: string, text: string): string {
  return withPrefix(lead, text);
}
