import type { Attribute, AttributeType } from '../library/schema.js';
import { PLACEHOLDERS } from '../nlu/redact.js';
import { extractAttributes } from '../nlu/extractors/index.js';
import { topicWords } from '../text/topic-words.js';

export interface InferredType {
  type: AttributeType;
  values?: string[];
  pattern?: string;
}

/** Share of answers a type must explain to be chosen. */
const MIN_SHARE = 0.6;
const PROBE = 'value';
/** Checked in this order: the first type that explains enough answers wins. */
const TYPED: readonly AttributeType[] = ['email', 'phone', 'date', 'identifier', 'number', 'boolean'];
const REFERENCE_TIME = new Date('2025-01-01T12:00:00Z');

function probe(type: AttributeType, question: string): Attribute {
  return { name: PROBE, description: '', type, question, required: false, weight: 1 };
}

function share(answers: readonly string[], test: (answer: string, index: number) => boolean): number {
  return answers.filter(test).length / answers.length;
}

/** "BL-7032768" -> "BL-\d{7}" with its literal letters, or "[A-Z]{2}-\d{7}" with letter classes. */
function shapeOf(value: string, literalLetters: boolean): string {
  const parts: Array<{ unit: string; count: number }> = [];
  for (const char of value.toUpperCase()) {
    const unit = /\d/.test(char) ? '\\d' : /\p{L}/u.test(char) ? (literalLetters ? char : '[A-Z]') : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const last = parts.at(-1);
    if (last && last.unit === unit && unit.length > 1) last.count += 1;
    else parts.push({ unit, count: 1 });
  }
  return parts.map((p) => (p.count > 1 ? `${p.unit}{${p.count}}` : p.unit)).join('');
}

function commonShape(values: readonly string[], literalLetters: boolean): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(shapeOf(value, literalLetters), (counts.get(shapeOf(value, literalLetters)) ?? 0) + 1);
  const [shape, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return count / values.length >= MIN_SHARE ? shape : undefined;
}

function identifierPattern(values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : (commonShape(values, true) ?? commonShape(values, false));
}

/** A number answer is the number, not a model name that contains one ("Voltbook 16 Pro"). */
function mostlyValue(answer: string, value: string): boolean {
  const rest = topicWords(answer.replace(value, ' ')).filter((word) => !/^(?:oh|um+|uh+|ah|about|around|roughly|approximately|maybe|like|think|bucks?|dollars?|euros?|pounds?|times?|usd)$/.test(word));
  return rest.length === 0;
}

const ENUM_MAX_VALUES = 8;

/** An answer's gist for counting enum values: its topic words ("um the TV" -> "tv"). */
function gist(answer: string): string {
  return topicWords(answer).slice(-2).join(' ');
}

function enumValues(answers: readonly string[]): string[] | undefined {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    const key = gist(answer);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, ENUM_MAX_VALUES).filter(([, count]) => count >= 2);
  const covered = top.reduce((sum, [, count]) => sum + count, 0);
  return top.length >= 2 && covered / answers.length >= MIN_SHARE ? top.map(([value]) => value) : undefined;
}

/**
 * The value type of an attribute from the customers' answers to its question: placeholders left by
 * masking (email, phone), then the typed extractors (date, identifier with its pattern, number, yes/no),
 * then a small set of recurring answers (enum), else free text.
 */
export function inferValueType(answers: readonly string[], question: string): InferredType {
  if (answers.length === 0) return { type: 'text' };
  if (share(answers, (a) => a.includes(PLACEHOLDERS.email)) >= MIN_SHARE) return { type: 'email' };
  if (share(answers, (a) => a.includes(PLACEHOLDERS.phone)) >= MIN_SHARE) return { type: 'phone' };
  for (const type of TYPED) {
    const attribute = probe(type, question);
    const found = answers.map((answer) => extractAttributes(answer, [attribute], { now: REFERENCE_TIME, pendingAttribute: PROBE, defaultRegion: 'US' })[0]);
    const explains = (answer: string, i: number) => found[i] !== undefined && (type !== 'number' || mostlyValue(answer, found[i]!.text));
    if (share(answers, explains) < MIN_SHARE) continue;
    if (type !== 'identifier') return { type };
    const pattern = identifierPattern(found.flatMap((f) => (f ? [f.text] : [])));
    return pattern === undefined ? { type } : { type, pattern };
  }
  const values = enumValues(answers);
  return values ? { type: 'enum', values } : { type: 'text' };
}
