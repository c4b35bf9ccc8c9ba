import { nameInWords } from '../../library/formats.js';
import type { Attribute } from '../../library/schema.js';
import { STOP_WORDS } from '../../text/stop-words.js';
import { wordsOf } from '../../text/words.js';
import type { Candidate, ScannedTurn } from './turn.js';

/**
 * Free text the customer states with words that name the attribute, before or without being asked: "the model is
 * X500", "the error message says card declined", "model number BL-LP14X", "I'm missing the power adapter", "exchange it
 * for the 65 inch version", "... because I'm moving abroad". What names an attribute comes from its name and label
 * alone, so any library gets it.
 */

/** Words too general to name an attribute on their own ("the number is ...", "the item is ..."). */
const GENERIC = new Set(
  'name number no id code description detail details info information value values type kind item items thing things product text new old current other preferred date time amount where what which how when who'.split(' '),
);
const PREPOSITIONS = new Set(['with', 'of', 'for', 'to', 'from', 'on', 'in', 'at', 'by', 'into', 'about']);
/** Other verbs customers use for the verb of a name such as exchangeFor or upgradeTo. */
const VERB_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  exchange: ['swap', 'trade', 'switch', 'replace', 'change'],
  swap: ['exchange', 'switch'],
  upgrade: ['switch', 'move', 'change'],
  downgrade: ['switch', 'move', 'change'],
  switch: ['change', 'move'],
  change: ['switch'],
};
/** Heads of names for what something says: a quoted text after "it says" is theirs. */
const SAID_THINGS = new Set(['message', 'error', 'text', 'warning', 'notice', 'prompt', 'wording']);

function isWord(word: string | undefined): word is string {
  return word !== undefined && /^[a-z]{3,}$/.test(word);
}

/** "missing", "damaged": a word that says the state of the thing rather than naming it. */
function isParticiple(word: string): boolean {
  return word.length >= 6 && /(?:[^e]ed|[^aeiou]ing)$/.test(word);
}

/** The last word of a name that is not generic, then the word before a generic one ("issueDescription" -> issue). */
function nameHead(words: readonly string[]): string | null {
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const word = words[i];
    if (!isWord(word) || PREPOSITIONS.has(word) || isParticiple(word)) continue;
    if (!GENERIC.has(word)) return word;
  }
  return null;
}

/** The head of a label that starts with a noun phrase: the last word before the first preposition ("Store with the lower price" -> store). */
function labelHead(label: string | undefined): string | null {
  if (!label) return null;
  const words = wordsOf(label);
  if (words.length === 0 || /^(?:where|what|which|how|when|who|whether|why)$/.test(words[0] ?? '')) return null;
  const end = words.findIndex((word) => PREPOSITIONS.has(word));
  return nameHead(end < 0 ? words : words.slice(0, end));
}

const alternatives = (words: readonly string[]): string => words.map((word) => `${word}(?:s|es)?`).join('|');

/** A code-like token: X500, BL-LP14X, Q7, 3.8 (letters and digits, with at least one digit). */
const CODE = String.raw`(?=[\p{L}\p{N}.\-/]*\p{N})[\p{L}\p{N}]+(?:[-./][\p{L}\p{N}]+)*`;
const LINK = String.raw`(?:is|was|are|were|'s|says|said|reads|read|shows|showed|displays|:|=|-)`;
/** Where a stated value ends: the end of a sentence, or a new clause ("and it shows ...", "but I have money", "when I pay"). */
const VALUE_END =
  /[.!?;](?=\s|$)|\n|,\s*(?=(?:and|but|so|then|because|which|when|though|i|i'm|it|it's|we|they|he|she|you|there|this|that|my)\b)|\s+(?:and|so|then|which)\s+(?=(?:i|i'm|it|it's|we|they|my|the|this|that|there|now|also|still|nothing)\b)|\s+(?:but|when|because|though|although|while|if)\b/iu;
const LEAD = /^\s*(?:that\s+)?["'“‘`]*/iu;
const TAIL = /(?:[\s,.;:!"'”’`-]+|\s+(?:please|thanks|thank you|thx))$/iu;
const MAX_WORDS = 25;
const ASKING_BEFORE = /\b(?:which|what|where|how|whose)\s+(?:\S+\s+){0,2}$/i;

/** The value that starts at `start`: to the end of its clause, without quotes, trailing punctuation or "thanks". */
function valueAt(text: string, start: number): { start: number; end: number; value: string } | null {
  let end = start + (VALUE_END.exec(text.slice(start))?.index ?? text.length - start);
  const from = start + (LEAD.exec(text.slice(start, end))?.[0].length ?? 0);
  for (let tail = TAIL.exec(text.slice(from, end)); tail && tail[0].length > 0 && end > from; tail = TAIL.exec(text.slice(from, end))) end -= tail[0].length;
  const value = text.slice(from, end);
  const words = wordsOf(value);
  if (words.length === 0 || words.length > MAX_WORDS || /\?/.test(value)) return null;
  if (!/\p{N}/u.test(value) && words.every((word) => STOP_WORDS.has(word))) return null;
  if (/^(?:not|no|nothing|none)\b/i.test(value)) return null;
  return { start: from, end, value };
}

/**
 * One way of stating a value: `rest`, the value runs from the end of the match to the end of its clause ("the model is
 * ..."); `group`, the value is the match's first group ("model number BL-LP14X").
 */
interface Reader {
  pattern: RegExp;
  value: 'rest' | 'group';
  confidence: number;
}

const HEAD_IS = (head: string) => new RegExp(String.raw`\b(?:${head})\b(?:\s+[\p{L}]+){0,2}?\s*${LINK}\s+`, 'giu');
const HEAD_CODE = (head: string) => new RegExp(String.raw`\b(?:${head})\b(?:\s+(?:number|no\.?|name|#))?\s*:?\s+(${CODE})`, 'dgiu');
const CODE_HEAD = (head: string) => new RegExp(String.raw`\b(?:a|an|the|my|this|that)\s+(${CODE})\s+(?:${head})\b`, 'dgiu');
const SAYS_QUOTED = /\b(?:says|said|reads|shows|showed|displays|saying)\s+["“‘'`]([^"”’'`]{2,200})["”’'`]/dgiu;
/** "since" and "as" are left out: they more often tell a time ("since Monday") or a comparison. */
const BECAUSE = /\b(?:because|cause|cuz|coz|due\s+to)\s+(?=\S)/giu;
const STATE_BEFORE = (state: string) => new RegExp(String.raw`\b${state}\s+(?=(?:the|a|an|my|our|one|two|both|some|its|their)\b)`, 'giu');
const STATE_AFTER = (state: string) =>
  new RegExp(String.raw`\b((?:the|my|our|a|an|one|both|its)\s+(?:[\p{L}\p{N}-]+\s+){0,3}?[\p{L}\p{N}-]+)\s+(?:is|are|was|were)\s+(?:still\s+)?${state}\b`, 'dgiu');
const VERB_PREPOSITION = (verbs: readonly string[], preposition: string) =>
  new RegExp(String.raw`\b(?:${verbs.join('|')})\w*\s+(?:(?:it|them|this|that|mine|the\s+\w+)\s+)?${preposition}\s+(?=\S)`, 'giu');

const readerCache = new WeakMap<Attribute, readonly Reader[]>();

/**
 * How a customer states a value of this attribute, from its name and label: its head nouns ("model" of deviceModel),
 * a state it starts with ("missing" of missingItem), a verb and preposition it is made of (exchangeFor), a reason.
 */
function readersOf(attribute: Attribute): readonly Reader[] {
  const cached = readerCache.get(attribute);
  if (cached) return cached;
  const words = nameInWords(attribute.name).split(' ');
  const heads = [...new Set([nameHead(words), labelHead(attribute.label)].filter((head): head is string => head !== null))];
  const readers: Reader[] = [];
  if (heads.length > 0) {
    const head = alternatives(heads);
    readers.push({ pattern: HEAD_IS(head), value: 'rest', confidence: 0.8 });
    readers.push({ pattern: HEAD_CODE(head), value: 'group', confidence: 0.8 });
    readers.push({ pattern: CODE_HEAD(head), value: 'group', confidence: 0.75 });
    if (heads.some((word) => SAID_THINGS.has(word))) readers.push({ pattern: SAYS_QUOTED, value: 'group', confidence: 0.75 });
    if (heads.includes('reason')) readers.push({ pattern: BECAUSE, value: 'rest', confidence: 0.7 });
  }
  const first = words[0];
  if (isWord(first) && isParticiple(first) && words.length > 1) {
    readers.push({ pattern: STATE_BEFORE(first), value: 'rest', confidence: 0.75 });
    readers.push({ pattern: STATE_AFTER(first), value: 'group', confidence: 0.75 });
  }
  const [verb, preposition] = words.slice(-2);
  if (words.length >= 2 && isWord(verb) && preposition !== undefined && PREPOSITIONS.has(preposition)) {
    readers.push({ pattern: VERB_PREPOSITION([verb, ...(VERB_SYNONYMS[verb] ?? [])], preposition), value: 'rest', confidence: 0.75 });
  }
  readerCache.set(attribute, readers);
  return readers;
}

/**
 * Values the customer states for a free-text attribute in words that name it; several readings of one stretch may
 * come back, and the binding rules keep one.
 */
export function statedCandidates(turn: ScannedTurn, attribute: Attribute): Candidate[] {
  const { text } = turn;
  const results: Candidate[] = [];
  for (const reader of readersOf(attribute)) {
    for (const match of text.matchAll(reader.pattern)) {
      if (ASKING_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
      if (reader.value === 'group') {
        const [start, end] = match.indices?.[1] ?? [0, 0];
        if (end > start) results.push({ start, end, value: text.slice(start, end), confidence: reader.confidence, evident: true });
        continue;
      }
      const value = valueAt(text, match.index + match[0].length);
      if (value) results.push({ ...value, confidence: reader.confidence, evident: true });
    }
  }
  return results;
}
