import type { AttributeType } from '../library/schema.js';
import type { AskKind } from './question-clusters.js';
import { stemOf, topicWords } from '../text/topic-words.js';
import { tagText } from './text/tagger.js';

/** Verbs and fillers that name no value in a question ("when did you *buy* it", "what area should I *search*"). */
const NOT_NAMES = new Set(
  'did does sign signed remember read still seems go going went happen happened talking kind type handy pull instead ask try tried hear sorry when where long many much search searching looking look particular specific interested planning wish head headed heading will set why'.split(' '),
);
/** Words that say the kind of value, which the kind adds once at the end ("what date" -> ...Date). */
const KIND_WORDS: Partial<Record<AskKind, ReadonlySet<string>>> = {
  date: new Set(['date', 'dates', 'day', 'days']),
  when: new Set(['date', 'dates', 'day', 'time']),
  time: new Set(['time', 'times', 'hour', 'date', 'day']),
  duration: new Set(['duration', 'days', 'nights', 'stay']),
  amount: new Set(['amount', 'much', 'money', 'price', 'cost']),
  origin: new Set(['from', 'origin', 'depart', 'departing', 'departure', 'leave', 'leaving', 'city', 'place', 'location']),
  destination: new Set(['destination', 'to', 'city', 'place', 'location']),
};
/** How a name ends for a kind of value, when its words do not say it already. */
const KIND_NAME: Partial<Record<AskKind, string>> = { time: 'Time', duration: 'Duration', amount: 'Amount' };
/** Two-word verbs written as one word in a name ("pick up" -> pickup). */
const PHRASAL = /\b(pick|drop|check|sign|log|set|look)[\s-](up|off|in|out)\b/gi;
/** How a folded stem is written in a name. */
const SURFACE: ReadonlyMap<string, string> = new Map([['purchas', 'purchase']]);
const TYPE_SUFFIX: Partial<Record<AttributeType, string>> = { date: 'Date', email: 'Email', phone: 'Phone', number: 'Number' };

/** How agents most often write a stem ("citi" -> "city"), over every phrasing. */
function surfaceOf(stem: string, phrasings: ReadonlyArray<{ text: string; count: number }>): string {
  const counts = new Map<string, number>();
  for (const { text, count } of phrasings) for (const word of topicWords(text)) if (stemOf(word) === stem) counts.set(word, (counts.get(word) ?? 0) + count);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0]?.[0] ?? stem;
}

function camel(words: readonly string[]): string {
  return words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

/**
 * Nouns in the order English compounds them: "the number on your order" -> order, number; "last digits of the card"
 * -> card, digits. A noun followed by a preposition and another noun is that noun's head, so it goes last.
 */
function compoundOrder(text: string, stems: readonly string[]): string[] {
  const tokens = tagText(text);
  const at = (stem: string) => tokens.findIndex((t) => stemOf(t.text) === stem);
  const ordered = [...stems].sort((a, b) => (at(a) < 0 ? 99 : at(a)) - (at(b) < 0 ? 99 : at(b)));
  if (ordered.length !== 2) return ordered;
  const [first, second] = ordered as [string, string];
  const between = tokens.slice(at(first) + 1, at(second));
  const headFirst = at(first) >= 0 && between.length > 0 && between[0]!.pos === 'ADP' && between.slice(1).every((t) => t.pos === 'DET' || t.pos === 'PRON' || t.pos === 'ADJ' || t.pos === 'NUM');
  return headFirst ? [second, first] : ordered;
}

/** Questions that ask why ("Why do you want to cancel?", "What's the reason for the return?"): the value is a reason. */
const WHY = /^\s*why\b|\breason\b/i;

/**
 * A short identifier for what a group of questions asks for: its one or two most frequent topic words,
 * in the order the most typical phrasing uses them ("What is the order number, please?" -> orderNumber),
 * with the kind or type of value added when the words do not say it ("When did you buy it?" -> purchaseDate,
 * "What time should I pick you up?" -> pickupTime, "Where are you flying from?" -> flyingOrigin).
 */
export function nameAttribute(asked: ReadonlyArray<{ text: string; count: number }>, type: AttributeType, kind: AskKind = 'other'): string {
  const phrasings = asked.map((p) => ({ ...p, text: p.text.replace(PHRASAL, '$1$2') }));
  const kindWords = KIND_WORDS[kind] ?? new Set<string>();
  const total = phrasings.reduce((sum, p) => sum + p.count, 0);
  const why = phrasings.filter((p) => WHY.test(p.text)).reduce((sum, p) => sum + p.count, 0) >= 0.5 * total;
  const counts = new Map<string, number>();
  for (const { text, count } of phrasings) {
    const words = new Set(topicWords(text).filter((w) => !NOT_NAMES.has(w) && !kindWords.has(w) && /^[a-z][a-z0-9]*$/.test(w)).map(stemOf));
    for (const stem of words) if (!(why && stem === 'reason')) counts.set(stem, (counts.get(stem) ?? 0) + count);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked.filter(([, count], i) => i === 0 || (i === 1 && count >= 0.5 * ranked[0]![1])).map(([stem]) => stem);
  const words = compoundOrder(phrasings[0]?.text ?? '', top).map((stem) => ({ stem, word: SURFACE.get(stem) ?? surfaceOf(stem, phrasings) }));
  // "pick" next to "pickup" says nothing more.
  const distinct = words.filter((w) => !words.some((other) => other !== w && other.word.length > w.word.length && other.word.startsWith(w.word)));
  const kindName = KIND_NAME[kind];
  if (kind === 'origin' || kind === 'destination') {
    const city = phrasings.filter((p) => /\b(?:city|town)\b/i.test(p.text)).reduce((sum, p) => sum + p.count, 0) >= 0.3 * phrasings.reduce((sum, p) => sum + p.count, 0);
    return `${kind}${city ? 'City' : ''}`;
  }
  const fallback = why ? 'reason' : kindName ? kindName.toLowerCase() : 'detail';
  const suffix = why ? 'Reason' : (kindName ?? TYPE_SUFFIX[type]);
  // Two words at most: one topic word and the kind when the kind says something.
  const shown = suffix ? distinct.slice(0, 1) : distinct;
  const base = camel(shown.map((w) => w.word.replace(/[^a-z0-9]/g, ''))).replace(/^[^a-z]+/, '') || fallback;
  const named = suffix && base !== fallback && !base.toLowerCase().includes(suffix.toLowerCase()) ? `${base}${suffix}` : base;
  return named.slice(0, 64);
}
