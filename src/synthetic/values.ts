import RandExpModule from 'randexp';
import type { Attribute } from '../library/schema.js';
import { shiftDate, spokenDate } from './dates.js';
import type { Random } from '../text/random.js';
import {
  AREA_CODES, BOOLEAN_WORDS, CITIES, ENUM_WORDS, FIRST_NAMES, LAST_NAMES, STREETS, STREET_KINDS, TEXT_VALUES, type ValueWords,
} from './words.js';

// randexp's typings declare an ES default export, but the CommonJS module exports the class itself.
const RandExp = RandExpModule as unknown as typeof RandExpModule.default;

/** A fake attribute value and the ways it shows up in a conversation. */
export interface FakeValue {
  /** Normalized value, as a gold label holds it: `BL-4471220`, `2025-03-02`, `laptop`, `true`. */
  value: string;
  /** How it reads inside a sentence: `BL-4471220`, `March 2`, `laptop`. */
  mention: string;
  /** How the customer gives it in reply to the question. */
  answer: string;
}

export interface ValueContext {
  now: Date;
  /** Values already known in the conversation, by attribute name. */
  known: ReadonlyMap<string, string>;
}

const SPOKEN_LABELS: Record<string, string> = {
  orderNumber: 'order number',
  returnAuthorization: 'RMA number',
  serialNumber: 'serial',
  errorCode: 'code',
  invoiceNumber: 'invoice number',
  email: 'email',
  phone: 'number',
};

/** `orderNumber` -> `order number`. */
export function humanize(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/gu, '$1 $2').replace(/_/gu, ' ').toLowerCase();
}

const generators = new Map<string, InstanceType<typeof RandExp>>();

function sampleIdentifier(random: Random, attribute: Attribute): string {
  if (attribute.pattern) {
    try {
      let generator = generators.get(attribute.pattern);
      if (!generator) {
        generator = new RandExp(new RegExp(attribute.pattern, 'u'));
        generator.max = 4;
        generators.set(attribute.pattern, generator);
      }
      generator.randInt = (min: number, max: number) => random.int(min, max);
      const value = generator.gen().trim();
      if (value) return value;
    } catch {
      // Patterns randexp cannot sample fall back to a generic id below.
    }
  }
  const prefix = humanize(attribute.name).split(' ').map((word) => word[0]).join('').toUpperCase();
  return `${prefix}-${random.digits(6)}`;
}

function identifierAsTyped(random: Random, value: string): string {
  const parts = /^([A-Za-z]+)-(\d+)$/u.exec(value);
  const roll = random.float();
  if (roll < 0.1) return value.toLowerCase();
  if (parts && roll < 0.2) return `${parts[1]}${parts[2]}`;
  if (parts && roll < 0.25) return `${parts[1]} ${parts[2]}`;
  return value;
}

function wrapIdentifier(random: Random, attribute: Attribute, typed: string): string {
  if (attribute.name === 'cardLast4') return random.pick([typed, `it ends in ${typed}`, `ending ${typed}`, `${typed}`]);
  const label = SPOKEN_LABELS[attribute.name] ?? humanize(attribute.name);
  return random.pick([
    typed, typed, `${typed}.`, `it's ${typed}`, `sure, ${typed}`, `${typed} I think`, `here you go: ${typed}`, `ok ${typed}`,
    `my ${label} is ${typed}`, `the ${label} is ${typed}`, `yes, ${typed}`,
  ]);
}

function wrapPhrase(random: Random, phrase: string): string {
  return random.pick([phrase, phrase, `${phrase}.`, `um ${phrase}`, `oh, ${phrase}`]);
}

function fakeEmail(random: Random): string {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const local = random.pick([
    `${first}.${last}`, `${first}${last[0]}${random.digits(2)}`, `${first[0]}${last}`, `${first}_${last}${random.int(70, 99)}`, `${first}.${last}${random.digits(1)}`,
  ]);
  return `${local}@example.com`;
}

function fakePhone(random: Random): { value: string; mention: string } {
  const area = random.pick(AREA_CODES);
  const line = `01${random.digits(2)}`;
  const mention = random.pick([`(${area}) 555-${line}`, `${area}-555-${line}`, `${area}555${line}`, `+1 ${area} 555 ${line}`, `${area}.555.${line}`]);
  return { value: `+1${area}555${line}`, mention };
}

function fakeAddress(random: Random, pickupAllowed: boolean): string {
  const street = `${random.int(2, 9800)} ${random.pick(STREETS)} ${random.pick(STREET_KINDS)}`;
  const unit = random.chance(0.3) ? `, Apt ${random.int(1, 30)}${random.pick(['', 'A', 'B'])}` : '';
  const forms = [`${street}${unit}, ${random.pick(CITIES)} ${random.digits(5)}`, `${street}${unit}`, `my office at ${street}, Suite ${random.int(100, 900)}`];
  if (pickupAllowed) forms.push(`the ${random.pick(STREETS)} ${random.pick(STREET_KINDS)} store for pickup`);
  return random.pick(forms);
}

function fakeText(random: Random, attribute: Attribute, context: ValueContext): string {
  if (/address/iu.test(attribute.name)) return fakeAddress(random, /deliver/iu.test(attribute.name));
  if (attribute.name === 'softwareVersion' || /version/iu.test(attribute.name)) {
    return random.pick([`${random.int(2, 14)}.${random.int(0, 9)}.${random.int(0, 20)}`, `v${random.int(1, 9)}.${random.int(0, 30)}`, `build ${random.int(2023, 2025)}.${random.digits(2)}`]);
  }
  if (attribute.name === 'newValue') {
    switch (context.known.get('detailToUpdate')) {
      case 'email':
        return fakeEmail(random);
      case 'phone':
        return fakePhone(random).mention;
      case 'address':
        return fakeAddress(random, false);
      case 'name': {
        const last = random.pick(LAST_NAMES);
        return `${last[0]!.toUpperCase()}${last.slice(1)}, I just got married`;
      }
      case 'password':
        return 'I just need a reset link';
      default:
        return 'no marketing emails please';
    }
  }
  const pool = TEXT_VALUES[attribute.name] ?? attribute.values;
  if (pool && pool.length > 0) return random.pick(pool);
  return random.pick(["I'm not really sure how to describe it", 'hard to say, it just does not work right', 'same as I said before']);
}

function fakeMoney(random: Random): { value: string; mention: string } {
  const dollars = random.pick([9, 19, 49, 79, 99, 119, 149, 249, 349, 499, 799, 899, 1199]) + random.pick([0, 0.99, 0.99, 0.95]);
  const value = dollars.toFixed(2);
  const mention = random.pick([`$${value}`, value, `$${Math.round(dollars)}`, `${Math.round(dollars)} dollars`, `about ${Math.round(dollars)} bucks`]);
  return { value, mention };
}

function enumWords(attribute: Attribute, value: string): ValueWords {
  const words = ENUM_WORDS[attribute.name]?.[value];
  if (words) return words;
  const mention = value.replace(/[-_]/gu, ' ');
  return { mention, answers: [mention, `${mention} I think`] };
}

/**
 * Whether values of `attribute` stand out in free text: emails, and identifiers that do not start with a digit
 * (`BL-4471220` does, the last four digits of a card could be any number). Only such values are volunteered unasked.
 */
export function standsOut(attribute: Attribute): boolean {
  if (attribute.type === 'email') return true;
  return attribute.type === 'identifier' && attribute.pattern !== undefined && !/^(\\b|\^)*(\\d|\[0-9)/u.test(attribute.pattern);
}

/** Human wording of an enum value inside a sentence ("smart-home" -> "smart speaker"). */
export function enumMention(attribute: Attribute, value: string): string {
  return enumWords(attribute, value).mention;
}

/** A fresh, realistic value for `attribute`, with the way a customer would type it. */
export function fakeValue(random: Random, attribute: Attribute, context: ValueContext): FakeValue {
  switch (attribute.type) {
    case 'identifier': {
      const value = sampleIdentifier(random, attribute);
      return { value, mention: value, answer: wrapIdentifier(random, attribute, identifierAsTyped(random, value)) };
    }
    case 'enum': {
      const value = random.pick(attribute.values ?? ['other']);
      const words = enumWords(attribute, value);
      return { value, mention: words.mention, answer: wrapPhrase(random, random.pick(words.answers)) };
    }
    case 'date': {
      const future = /preferred|next|new|due/iu.test(attribute.name);
      const past = /purchase|bought/iu.test(attribute.name) ? random.int(3, 300) : random.int(1, 20);
      const value = shiftDate(context.now, future ? random.int(1, 12) : -past);
      const mention = spokenDate(random, value, context.now);
      return { value, mention, answer: wrapPhrase(random, mention) };
    }
    case 'time': {
      const hour = random.int(8, 19);
      const minute = random.pick([0, 15, 30, 45]);
      const value = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
      const mention = `${hour % 12 === 0 ? 12 : hour % 12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`} ${hour < 12 ? 'am' : 'pm'}`;
      return { value, mention, answer: wrapPhrase(random, mention) };
    }
    case 'email': {
      const value = fakeEmail(random);
      return { value, mention: value, answer: wrapIdentifier(random, attribute, value) };
    }
    case 'phone': {
      const phone = fakePhone(random);
      return { ...phone, answer: wrapIdentifier(random, attribute, phone.mention) };
    }
    case 'boolean': {
      const yes = random.chance(0.6);
      const words = BOOLEAN_WORDS[attribute.name] ?? BOOLEAN_WORDS['*']!;
      const answer = random.pick(yes ? words.yes : words.no);
      return { value: String(yes), mention: yes ? 'yes' : 'no', answer };
    }
    case 'number': {
      if (/amount|price|cost|total|fee/iu.test(attribute.name)) {
        const money = fakeMoney(random);
        return { ...money, answer: wrapPhrase(random, money.mention) };
      }
      const value = String(random.int(1, 24));
      return { value, mention: value, answer: wrapPhrase(random, value) };
    }
    case 'text': {
      const value = fakeText(random, attribute, context);
      return { value, mention: value, answer: wrapPhrase(random, value) };
    }
  }
}
