import type { Attribute } from '../library/schema.js';
import { contentWords } from '../text/content-words.js';
import { stem } from '../text/stem.js';
import { TOPIC_STOP_WORDS } from '../text/stop-words.js';

/** The stems of what a question asks about, without its framing ("could you tell me", "what's"). */
function topicStems(text: string): Set<string> {
  return new Set(contentWords(text, TOPIC_STOP_WORDS, { apostrophes: 'split' }).map(stem));
}

function attributeWords(attribute: Attribute): Set<string> {
  const fromName = attribute.name.replace(/([a-z])([A-Z])/g, '$1 $2');
  return topicStems(`${fromName} ${attribute.question}`);
}

/**
 * Which attribute a representative's (or bot's) question asks for, if any: the attribute whose
 * name and question share the most content words with it. Only questions count.
 */
export function attributeAskedIn(text: string, attributes: readonly Attribute[]): Attribute | null {
  if (!/\?|\b(?:could|can|may) you (?:tell|give|share|confirm|provide|send)|\bplease (?:tell|give|share|confirm|provide|send)/i.test(text)) return null;
  const asked = topicStems(text);
  if (asked.size === 0) return null;
  let best: { attribute: Attribute; score: number } | null = null;
  for (const attribute of attributes) {
    const wanted = attributeWords(attribute);
    let shared = 0;
    for (const word of wanted) if (asked.has(word)) shared += 1;
    const score = shared / Math.min(wanted.size, asked.size);
    if (shared >= 1 && score >= 0.34 && (!best || score > best.score)) best = { attribute, score };
  }
  return best?.attribute ?? null;
}
