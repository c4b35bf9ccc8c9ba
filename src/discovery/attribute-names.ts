import type { AttributeType } from '../library/schema.js';
import { stemOf, topicWords } from './words.js';

/** Verbs and fillers that name no value in a question ("when did you *buy* it"). */
const NOT_NAMES = new Set(['did', 'does', 'sign', 'signed', 'remember', 'read', 'still', 'seems', 'go', 'going', 'went', 'happen', 'happened', 'talking', 'kind', 'type', 'handy', 'pull', 'instead', 'ask', 'try', 'tried', 'hear', 'sorry']);
/** How a folded stem is written in a name. */
const SURFACE: ReadonlyMap<string, string> = new Map([['purchas', 'purchase']]);
const TYPE_SUFFIX: Partial<Record<AttributeType, string>> = { date: 'Date', email: 'Email', phone: 'Phone', number: 'Number' };

function camel(words: readonly string[]): string {
  return words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

/**
 * A short identifier for what a group of questions asks for: its one or two most frequent topic words,
 * in the order the most typical phrasing uses them ("What is the order number, please?" -> orderNumber),
 * with the type added when the words do not say it ("When did you buy it?" -> purchaseDate).
 */
export function nameAttribute(phrasings: ReadonlyArray<{ text: string; count: number }>, type: AttributeType): string {
  const counts = new Map<string, number>();
  for (const { text, count } of phrasings) {
    for (const stem of new Set(topicWords(text).filter((w) => !NOT_NAMES.has(w) && /^[a-z][a-z0-9]*$/.test(w)).map(stemOf))) {
      counts.set(stem, (counts.get(stem) ?? 0) + count);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked.filter(([, count], i) => i === 0 || (i === 1 && count >= 0.5 * ranked[0]![1])).map(([stem]) => stem);
  const typical = topicWords(phrasings[0]?.text ?? '');
  const words = top.map((stem) => ({ stem, word: SURFACE.get(stem) ?? typical.find((w) => stemOf(w) === stem) ?? stem, at: typical.findIndex((w) => stemOf(w) === stem) }));
  words.sort((a, b) => (a.at < 0 ? 99 : a.at) - (b.at < 0 ? 99 : b.at));
  const base = camel(words.map((w) => w.word.replace(/[^a-z0-9]/g, ''))).replace(/^[^a-z]+/, '') || 'detail';
  const suffix = TYPE_SUFFIX[type];
  const named = suffix && !base.toLowerCase().includes(suffix.toLowerCase()) ? `${base}${suffix}` : base;
  return named.slice(0, 64);
}
