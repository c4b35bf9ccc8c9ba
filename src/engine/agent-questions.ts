import type { Attribute } from '../library/schema.js';

const STOP = new Set(
  'a an the is are was were be your you yours my me i it its of for to in on at and or do does did can could please what which when where how whats is there any this that with from have has had'.split(' '),
);

function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((word) => word.length > 1 && !STOP.has(word)).map((word) => word.replace(/(?:ies|es|s)$/, '')));
}

function attributeWords(attribute: Attribute): Set<string> {
  const fromName = attribute.name.replace(/([a-z])([A-Z])/g, '$1 $2');
  return contentWords(`${fromName} ${attribute.question}`);
}

/**
 * Which attribute a representative's (or bot's) question asks for, if any: the attribute whose
 * name and question share the most content words with it. Only questions count.
 */
export function attributeAskedIn(text: string, attributes: readonly Attribute[]): Attribute | null {
  if (!/\?|\b(?:could|can|may) you (?:tell|give|share|confirm|provide|send)|\bplease (?:tell|give|share|confirm|provide|send)/i.test(text)) return null;
  const asked = contentWords(text);
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
