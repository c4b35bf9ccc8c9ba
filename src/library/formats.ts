import RandExpModule from 'randexp';
import type { Attribute } from './schema.js';

const RandExp = RandExpModule as unknown as typeof RandExpModule.default;

/** Words for a count: "6 digits", "1 letter", "2 to 3 digits". */
function counted(what: string, min: number, max: number): string {
  const plural = max === 1 && min === 1 ? what : `${what}s`;
  if (max === Infinity) return min <= 1 ? `one or more ${what}s` : `${min} or more ${what}s`;
  return min === max ? `${min} ${plural}` : `${min} to ${max} ${what}s`;
}

const CLASSES: ReadonlyArray<[RegExp, string]> = [
  [/^\\d/, 'digit'],
  [/^\[0-9\]/, 'digit'],
  [/^\[A-Z\]/, 'capital letter'],
  [/^\[a-z\]/, 'lower-case letter'],
  [/^\[A-Za-z\]|^\[a-zA-Z\]/, 'letter'],
  [/^\[A-Z0-9\]|^\[0-9A-Z\]/, 'capital letter or digit'],
  [/^\\w/, 'letter or digit'],
];

/**
 * A pattern in words a customer understands, for the common forms of identifiers ("RMA- followed by 6 digits",
 * "E followed by 2 to 3 digits", "2 capital letters followed by 8 digits"); null when the pattern uses anything else
 * (alternatives, lookarounds, nested groups), so a wrong description is never shown.
 */
export function describePattern(pattern: string): string | null {
  let rest = pattern.replace(/^\^|\$$/g, '').replace(/\\b/g, '');
  const parts: string[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push(`"${literal}"`);
    literal = '';
  };
  while (rest !== '') {
    const cls = CLASSES.find(([matcher]) => matcher.test(rest));
    if (cls) {
      const [matcher, name] = cls;
      rest = rest.replace(matcher, '');
      const quantifier = /^\{(\d+)(?:,(\d*))?\}|^([+*?])/.exec(rest);
      let min = 1;
      let max = 1;
      if (quantifier) {
        rest = rest.slice(quantifier[0].length);
        if (quantifier[3] === '+') max = Infinity;
        else if (quantifier[3] === '*' || quantifier[3] === '?') return null;
        else {
          min = Number(quantifier[1]);
          max = quantifier[2] === undefined ? min : quantifier[2] === '' ? Infinity : Number(quantifier[2]);
        }
      }
      flush();
      parts.push(counted(name, min, max));
      continue;
    }
    const escaped = /^\\([-./ #:_])/.exec(rest);
    if (escaped) {
      literal += escaped[1];
      rest = rest.slice(2);
      continue;
    }
    if (/^[A-Za-z0-9 #:_/-]/.test(rest) && !/^.[{+*?]/.test(rest)) {
      literal += rest[0];
      rest = rest.slice(1);
      continue;
    }
    return null;
  }
  flush();
  if (parts.length === 0) return null;
  return parts.join(' followed by ');
}

/** A value of the pattern's form, the same every time for one pattern (a stand-in when the library gives no example). */
export function exampleOfPattern(pattern: string): string | null {
  try {
    const generator = new RandExp(new RegExp(pattern.replace(/\\b/g, '')));
    generator.max = 4;
    let seed = 7;
    generator.randInt = (from: number, to: number) => {
      seed = (seed * 48271) % 2147483647;
      return from + (seed % (to - from + 1));
    };
    return generator.gen();
  } catch {
    return null;
  }
}

/** How a value of the attribute should look, for a customer: the pattern in words and an example, or null. */
export function expectedForm(attribute: Attribute): { description: string | null; example: string | null } | null {
  if (!attribute.pattern) return attribute.example ? { description: null, example: attribute.example } : null;
  return { description: describePattern(attribute.pattern), example: attribute.example ?? exampleOfPattern(attribute.pattern) };
}

/** An attribute name in words: "returnAuthorization" -> "return authorization", "card_last4" -> "card last4". */
export function nameInWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A first word written as a name or an abbreviation keeps its capitals in a sentence ("TV", "PayPal", "iPhone"). */
function keepsCapitals(word: string): boolean {
  return /\p{Lu}/u.test(word.slice(1));
}

/**
 * An attribute as people read it on its own, in a heading or a list (the representative's page, a review): its label,
 * or its name in words with a capital ("Return authorization").
 */
export function attributeTitle(attribute: Pick<Attribute, 'name' | 'label'>): string {
  const words = attribute.label ?? nameInWords(attribute.name);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An attribute as it reads inside a sentence ("doesn't look like an order number"): its label with the first letter in
 * lower case unless the first word is a name or an abbreviation ("TV model"), or its name in words.
 */
export function attributeLabel(attribute: Pick<Attribute, 'name' | 'label'>): string {
  if (!attribute.label) return nameInWords(attribute.name);
  const first = attribute.label.split(/\s/, 1)[0] ?? '';
  return keepsCapitals(first) ? attribute.label : attribute.label.charAt(0).toLowerCase() + attribute.label.slice(1);
}

/** What people read for an enum value: its label, or the value in words ("credit-card" -> "Credit card"). */
export function valueLabel(attribute: Pick<Attribute, 'valueLabels'>, value: string): string {
  const label = attribute.valueLabels?.[value];
  if (label) return label;
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
