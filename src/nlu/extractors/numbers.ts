import { NUMBER_WORDS, parseNumberWords } from './number-words.js';
import { overlaps, type Span } from './scan.js';

export interface NumberMention extends Span {
  value: number;
  /** Written with a currency ("$49.99", "49 dollars", "€20"), or with cents ("249.99"): how prices are written. */
  money: boolean;
  /** Written in words ("twenty five"). */
  words: boolean;
}

const CURRENCY_SYMBOL = '[$€£¥]';
const CURRENCY_WORD = '(?:dollars?|bucks|usd|euros?|eur|pounds?|gbp|quid)\\b';
/**
 * A number standing on its own: not part of an identifier ("BL-4471220", "E42"), a date ("3/5"),
 * a time ("10:30") or a version ("v2.1").
 */
const DIGITS = new RegExp(
  `(?<![\\p{L}\\p{N}_\\-/.:,])(${CURRENCY_SYMBOL}\\s?)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(\\s?k\\b)?` +
    `(\\s?${CURRENCY_SYMBOL}|\\s*${CURRENCY_WORD})?(?![\\p{L}\\p{N}]|[\\-/.:,]\\p{N})`,
  'giu',
);
/** "the blue one", "that one": "one" as a pronoun, not a number. */
const PRONOUN_ONE_AFTER = /\b(?:the|this|that|which|no|any|every|each|some|another|other)\s+(?:\p{L}+\s+)?$/iu;
const CURRENCY_AFTER = new RegExp(`^\\s*${CURRENCY_WORD}`, 'i');

function digitMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const [whole, symbol, digits = '', thousands, suffix] = match;
    const value = Number(digits.replace(/,/g, '')) * (thousands ? 1000 : 1);
    if (!Number.isFinite(value)) continue;
    const cents = /\.\d{2}$/.test(digits) && !thousands;
    mentions.push({ start: match.index, end: match.index + whole.length, value, money: Boolean(symbol ?? suffix) || cents, words: false });
  }
  return mentions;
}

function wordMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(NUMBER_WORDS)) {
    const value = parseNumberWords(match[0]);
    if (value === null) continue;
    if (/^one$/i.test(match[0]) && PRONOUN_ONE_AFTER.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const currency = CURRENCY_AFTER.exec(text.slice(match.index + match[0].length));
    const end = match.index + match[0].length + (currency ? currency[0].length : 0);
    mentions.push({ start: match.index, end, value, money: currency !== null, words: true });
  }
  return mentions;
}

/** Numbers and amounts of money, leaving out any inside `taken` spans (dates, phone numbers, emails). */
export function findNumbers(text: string, taken: readonly Span[]): NumberMention[] {
  return [...digitMentions(text), ...wordMentions(text)]
    .filter((mention) => !taken.some((span) => overlaps(span, mention)))
    .sort((a, b) => a.start - b.start);
}
