import { distance } from 'fastest-levenshtein';
import type { Attribute } from '../../library/schema.js';
import { STOP_WORDS } from '../../text/stop-words.js';
import { foldText, type Token } from './scan.js';
import type { Candidate, ScannedTurn } from './turn.js';

/** One way a customer may name an enum value. */
interface Form {
  value: string;
  words: readonly string[];
  key: string;
  /** How plainly this form names the value, in [0, 1]. */
  score: number;
  /** The whole value (any case, plural, joined): plain enough to take without the question asked. */
  whole: boolean;
}

interface Match {
  value: string;
  start: number;
  end: number;
  score: number;
  /** Strong enough to take without the question having been asked. */
  evident: boolean;
}

/** Everyday names for common value words; derived forms (plurals, joined compounds) come from the value text. */
const SYNONYMS: Record<string, readonly string[]> = {
  tv: ['television', 'telly'],
  television: ['tv'],
  phone: ['smartphone', 'mobile', 'cellphone', 'cell phone'],
  smartphone: ['phone', 'mobile'],
  laptop: ['notebook'],
  headphones: ['earbuds', 'earphones', 'headset'],
  refund: ['money back'],
  exchange: ['swap', 'replacement'],
  replacement: ['replace', 'new one'],
  standard: ['regular', 'normal'],
  express: ['expedited', 'fastest', 'rush'],
  pickup: ['pick up', 'collect', 'collection'],
  annual: ['yearly'],
  yearly: ['annual'],
  monthly: ['every month'],
  card: ['credit card', 'debit card'],
  email: ['e mail'],
};

/** Catch-all values: "other" in passing is no answer to a question not asked. */
const CATCH_ALL = new Set(['other', 'others', 'none', 'unknown', 'misc', 'miscellaneous', 'n a', 'na', 'not sure', 'something else']);
const NEGATIONS = new Set(['not', 'no', "isn't", "wasn't", "don't", "doesn't", "didn't", 'never', 'without', 'nor']);

function inflections(word: string): string[] {
  if (word.length < 3 || /\d$/.test(word)) return [];
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`];
  if (word.endsWith('es')) return [word.slice(0, -2), word.slice(0, -1)];
  if (word.endsWith('s')) return [word.slice(0, -1)];
  if (word.endsWith('y')) return [`${word.slice(0, -1)}ies`, `${word}s`];
  return [/(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`];
}

function formsOf(values: readonly string[], labels: Readonly<Record<string, string>>): Form[] {
  const folded = values.map((value) => ({ value, words: foldText(value).split(' ').filter(Boolean) }));
  const forms: Form[] = [];
  const add = (value: string, words: readonly string[], score: number, whole = false): void => {
    if (words.length > 0) forms.push({ value, words, key: words.join(' '), score, whole: whole && !CATCH_ALL.has(words.join(' ')) });
  };
  // The label is what the customer read and tapped ("Changed my mind" for changed-mind): it names the value whole.
  for (const value of values) {
    const label = labels[value];
    if (label !== undefined) add(value, foldText(label).split(' ').filter(Boolean), 1, true);
  }
  for (const { value, words } of folded) {
    const last = words.length - 1;
    add(value, words, 1, true);
    if (words.length > 1) add(value, [words.join('')], 1, true);
    for (const inflected of inflections(words[last] ?? '')) add(value, [...words.slice(0, last), inflected], 0.95, true);
    for (const word of words) {
      // A synonym of a one-word value names it whole ("television" for TV); in a longer value it names a part.
      for (const synonym of SYNONYMS[word] ?? []) add(value, words.flatMap((w) => (w === word ? synonym.split(' ') : [w])), 0.85, words.length === 1);
      const distinctive =
        words.length > 1 && word.length >= 3 && !STOP_WORDS.has(word) && !folded.some((other) => other.value !== value && other.words.includes(word));
      if (!distinctive) continue;
      add(value, [word], 0.85);
      for (const inflected of inflections(word)) add(value, [inflected], 0.8);
      for (const synonym of SYNONYMS[word] ?? []) add(value, synonym.split(' '), 0.8);
    }
  }
  return forms;
}

interface FormIndex {
  byKey: ReadonlyMap<string, readonly Form[]>;
  byWordCount: ReadonlyMap<number, readonly Form[]>;
  longest: number;
  /** The values of several content words, with those words, for matching them a word or two apart. */
  spread: ReadonlyArray<{ value: string; words: readonly string[] }>;
}

function indexForms(forms: readonly Form[]): Omit<FormIndex, 'spread'> {
  const byKey = new Map<string, Form[]>();
  const byWordCount = new Map<number, Form[]>();
  for (const form of forms) {
    byKey.set(form.key, [...(byKey.get(form.key) ?? []), form]);
    byWordCount.set(form.words.length, [...(byWordCount.get(form.words.length) ?? []), form]);
  }
  return { byKey, byWordCount, longest: Math.max(0, ...byWordCount.keys()) };
}

const indexCache = new Map<string, FormIndex>();

function formIndex(values: readonly string[], labels: Readonly<Record<string, string>>): FormIndex {
  const key = [...values, ...values.map((value) => labels[value] ?? '')].join('\u0000');
  let index = indexCache.get(key);
  if (!index) {
    const spread = values
      .map((value) => ({ value, words: foldText(value).split(' ').filter((word) => word.length >= 3 && !STOP_WORDS.has(word)) }))
      .filter((form) => form.words.length >= 2);
    index = { ...indexForms(formsOf(values, labels)), spread };
    if (indexCache.size < 500) indexCache.set(key, index);
  }
  return index;
}

function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

function negated(tokens: readonly Token[], index: number): boolean {
  const sentence = tokens[index]?.sentence;
  for (let back = 1; back <= 3; back += 1) {
    const token = tokens[index - back];
    if (!token || token.sentence !== sentence) return false;
    if (NEGATIONS.has(token.lower)) return true;
  }
  return false;
}

/** `words`: the tokens folded as values are. */
function findMatches(tokens: readonly Token[], words: readonly string[], { byKey, byWordCount, longest }: FormIndex, pending: boolean): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (negated(tokens, i)) continue;
    for (let n = Math.min(longest, tokens.length - i); n >= 1; n -= 1) {
      const window = words.slice(i, i + n).join(' ');
      const start = (tokens[i] as Token).start;
      const end = (tokens[i + n - 1] as Token).end;
      for (const form of byKey.get(window) ?? []) matches.push({ value: form.value, start, end, score: form.score, evident: form.whole });
      const typos = allowedTypos(window.length);
      if (typos === 0 || (!pending && window.length < 6)) continue;
      for (const form of byWordCount.get(n) ?? []) {
        if (form.key === window || Math.abs(form.key.length - window.length) > typos) continue;
        if (form.key[0] !== window[0] && window.length < 6) continue;
        if (distance(form.key, window) <= typos) {
          matches.push({ value: form.value, start, end, score: form.score * 0.75, evident: form.whole && window.length >= 6 });
        }
      }
    }
    const word = words[i] ?? '';
    // A word cut short ("lap" for laptop), never a function word ("not" is no "notebook").
    if (pending && word.length >= 3 && !STOP_WORDS.has(word) && !NEGATIONS.has(word)) {
      for (const form of byWordCount.get(1) ?? []) {
        if (form.key.length >= word.length + 2 && form.key.startsWith(word)) {
          matches.push({ value: form.value, start: (tokens[i] as Token).start, end: (tokens[i] as Token).end, score: form.score * 0.6, evident: false });
        }
      }
    }
  }
  return matches;
}

/** At most this many other words between the content words of a value named in the customer's own order. */
const SPREAD_SLACK = 2;

/**
 * Values of several content words named in order with a word or two between ("I found it cheaper somewhere else" for
 * found-cheaper, "I ordered it by mistake" for ordered-by-mistake): plain enough to take without the question.
 */
function spreadMatches(tokens: readonly Token[], words: readonly string[], spread: FormIndex['spread']): Match[] {
  const matches: Match[] = [];
  for (const { value, words: content } of spread) {
    for (let i = 0; i < words.length; i += 1) {
      if (words[i] !== content[0] || negated(tokens, i)) continue;
      let at = i;
      for (const word of content.slice(1)) {
        const next = words.indexOf(word, at + 1);
        at = next !== -1 && next - at - 1 <= SPREAD_SLACK && (tokens[next] as Token).sentence === (tokens[i] as Token).sentence ? next : -1;
        if (at === -1) break;
      }
      if (at !== -1) matches.push({ value, start: (tokens[i] as Token).start, end: (tokens[at] as Token).end, score: 0.9, evident: true });
    }
  }
  return matches;
}

/** The best match of each value, leaving out matches inside a longer match of another value. */
function bestPerValue(matches: readonly Match[]): Match[] {
  const kept = matches.filter(
    (match) =>
      !matches.some(
        (other) => other.value !== match.value && other.start <= match.start && other.end >= match.end && other.end - other.start > match.end - match.start,
      ),
  );
  const best = new Map<string, Match>();
  for (const match of kept) {
    const known = best.get(match.value);
    if (!known || match.score > known.score) best.set(match.value, match);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.start - b.start);
}

/**
 * The one enum value the customer names ("the blue one", "expres", "headphone"), as its canonical
 * spelling in `values`; nothing when two values are named equally plainly or the value is negated.
 */
export function enumCandidates(turn: ScannedTurn, attribute: Attribute, pending: boolean): Candidate[] {
  const values = attribute.values ?? [];
  if (values.length === 0 || turn.tokens.length === 0) return [];
  const index = formIndex(values, attribute.valueLabels ?? {});
  const words = turn.tokens.map((token) => foldText(token.text));
  const matches = [...findMatches(turn.tokens, words, index, pending), ...spreadMatches(turn.tokens, words, index.spread)];
  const [best, runnerUp] = bestPerValue(matches);
  if (!best || (runnerUp && runnerUp.score >= best.score - 0.01)) return [];
  return [{ start: best.start, end: best.end, value: best.value, confidence: 0.5 + 0.45 * best.score, evident: best.evident }];
}
