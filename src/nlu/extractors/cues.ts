import { nameInWords } from '../../library/formats.js';
import type { Attribute } from '../../library/schema.js';
import { contentWords } from '../../text/content-words.js';
import { stem } from '../../text/stem.js';
import { TOPIC_STOP_WORDS } from '../../text/stop-words.js';
import type { Span, Token } from './scan.js';

/** A word that, near a value, says which attribute the value is for ("ordered on", "serial"). */
interface Cue {
  stem: string;
  concept: string;
  /** Words of the name and question count fully, words of the description a little less. */
  weight: number;
}

interface Word {
  stem: string;
  concept: string;
}

const IRREGULAR: Record<string, string> = {
  bought: 'buy', paid: 'pay', spent: 'spend', sent: 'send', got: 'get', gotten: 'get', came: 'come',
  began: 'begin', begun: 'begin', broke: 'break', broken: 'break', shown: 'show', showed: 'show',
};

/** Stems that name the same thing in customer talk, folded to the first of each group. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['purchas', 'buy', 'order'],
  ['deliv', 'deliveri', 'arriv', 'ship', 'receiv'],
  ['price', 'cost', 'pay', 'charg', 'amount', 'total', 'spend', 'bill'],
  ['quantiti', 'mani', 'count', 'piec'],
  ['serial', 'sn'],
  ['email', 'mail', 'e-mail'],
  ['phone', 'mobil', 'cell', 'call'],
  ['start', 'begin'],
];
const CONCEPT = new Map(SYNONYMS.flatMap((group) => group.map((stem) => [stem, group[0] as string] as const)));

function wordOf(lower: string): Word {
  const stemmed = stem(IRREGULAR[lower] ?? lower);
  return { stem: stemmed, concept: CONCEPT.get(stemmed) ?? stemmed };
}

/** 1 for the same word, less for a longer or shorter form of it, less again for a synonym. */
function likeness(cue: Cue, word: Word): number {
  if (cue.stem === word.stem) return 1;
  const [a, b] = [cue.stem, word.stem];
  if (a.length >= 5 && b.length >= 5 && (a.startsWith(b) || b.startsWith(a))) return 0.9;
  return cue.concept === word.concept ? 0.8 : 0;
}

const cueCache = new WeakMap<Attribute, readonly Cue[]>();

function cuesOf(attribute: Attribute): readonly Cue[] {
  const cached = cueCache.get(attribute);
  if (cached) return cached;
  const byStem = new Map<string, Cue>();
  const add = (text: string, weight: number): void => {
    for (const word of contentWords(text, TOPIC_STOP_WORDS).filter((word) => !/^\d+$/.test(word))) {
      const cue = { ...wordOf(word), weight };
      if ((byStem.get(cue.stem)?.weight ?? 0) < weight) byStem.set(cue.stem, cue);
    }
  };
  add(attribute.description, 0.7);
  add(`${nameInWords(attribute.name)} ${attribute.label ?? ''} ${attribute.question}`, 1);
  const cues = [...byStem.values()];
  cueCache.set(attribute, cues);
  return cues;
}

function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle] as Token).end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

const MAX_BEFORE = 6;
const MAX_AFTER = 3;

/**
 * How strongly the words around a span point at this attribute, in [0, 1]: a cue word right before
 * the value counts most, a few words before or just after less, another sentence not at all; each
 * further cue word of the attribute adds to it ("work email" beats "email" for a work email).
 */
export function cueStrength(tokens: readonly Token[], attribute: Attribute, span: Span): number {
  const first = firstTokenEndingAfter(tokens, span.start);
  if (first >= tokens.length) return 0;
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < span.end) last += 1;
  const sentence = (tokens[first] as Token).sentence;
  const cues = cuesOf(attribute);
  const best = new Array<number>(cues.length).fill(0);
  const consider = (index: number, proximity: number): void => {
    const token = tokens[index];
    if (!token || token.sentence !== sentence || TOPIC_STOP_WORDS.has(token.lower)) return;
    const word = wordOf(token.lower);
    cues.forEach((cue, k) => {
      best[k] = Math.max(best[k] ?? 0, cue.weight * likeness(cue, word) * proximity);
    });
  };
  const inside = (tokens[first] as Token).start < span.start ? first + 1 : first;
  for (let distance = 1; distance <= MAX_BEFORE; distance += 1) consider(inside - distance, 1 - (distance - 1) * 0.12);
  for (let distance = 1; distance <= MAX_AFTER; distance += 1) consider(last + distance, 0.8 - (distance - 1) * 0.2);
  return 1 - best.reduce((missing, strength) => missing * (1 - strength), 1);
}
