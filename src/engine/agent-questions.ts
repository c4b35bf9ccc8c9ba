import { nameInWords } from '../library/formats.js';
import type { Attribute } from '../library/schema.js';
import { topicStems } from '../text/topic-words.js';

function attributeWords(attribute: Attribute): Set<string> {
  return topicStems(`${nameInWords(attribute.name)} ${attribute.label ?? ''} ${attribute.question}`);
}

const ASKING = /\?|\b(?:could|can|may) you (?:tell|give|share|confirm|provide|send)|\bplease (?:tell|give|share|confirm|provide|send)/i;

/**
 * The sentences of a message that ask something, last first: "It's on the label. Meanwhile, when did you buy
 * them?" asks only the second. Sentences end at ".", "!" or "?" followed by a space, so "Settings > About" and
 * "brightline.example" stay whole.
 */
function askingSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => ASKING.test(sentence))
    .reverse();
}

interface Match {
  attribute: Attribute;
  score: number;
  specificity: number;
}

function better(a: Match, b: Match | null): boolean {
  return !b || a.score > b.score || (a.score === b.score && a.specificity > b.specificity);
}

function bestMatch(sentence: string, attributes: readonly Attribute[]): Match | null {
  const asked = topicStems(sentence);
  if (asked.size === 0) return null;
  let best: Match | null = null;
  for (const attribute of attributes) {
    const wanted = attributeWords(attribute);
    let shared = 0;
    for (const word of wanted) if (asked.has(word)) shared += 1;
    const score = shared / Math.min(wanted.size, asked.size);
    // On a tie, the attribute whose own words are mostly what was asked: "what is the lower price?" asks for
    // lowerPrice rather than the store "where did you see the lower price?".
    const specificity = shared / wanted.size;
    const match = { attribute, score, specificity };
    if (shared >= 1 && score >= 0.34 && better(match, best)) best = match;
  }
  return best;
}

/**
 * Which attribute a representative's (or bot's) question asks for, if any: of the sentences that ask something,
 * the attribute whose name, label and question share the most content words with one of them (on a tie, the later
 * sentence). Statements around the question do not count.
 */
export function attributeAskedIn(text: string, attributes: readonly Attribute[]): Attribute | null {
  let best: Match | null = null;
  for (const sentence of askingSentences(text)) {
    const match = bestMatch(sentence, attributes);
    if (match && better(match, best)) best = match;
  }
  return best?.attribute ?? null;
}
