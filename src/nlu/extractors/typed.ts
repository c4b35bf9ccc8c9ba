import { nameInWords } from '../../library/formats.js';
import { contentWords } from '../../text/content-words.js';
import type { Attribute } from '../../library/schema.js';
import { addressCandidates, isAddressAttribute } from './addresses.js';
import { booleanCandidates } from './booleans.js';
import { dateLean, resolveDate } from './dates.js';
import { enumCandidates } from './enums.js';
import { genericIdCandidates, patternCandidates } from './identifiers.js';
import { statedCandidates } from './stated.js';
import type { Candidate, ScannedTurn } from './turn.js';

function attributeWords(attribute: Attribute): string {
  return `${nameInWords(attribute.name)} ${attribute.label ?? ''} ${attribute.description} ${attribute.question}`;
}

function dateCandidates(turn: ScannedTurn, attribute: Attribute): Candidate[] {
  if (Number.isNaN(turn.now.getTime())) return [];
  const lean = dateLean(attributeWords(attribute));
  return turn.dates().map((mention) => ({
    start: mention.start,
    end: mention.end,
    value: resolveDate(mention, turn.now, lean),
    confidence: mention.confidence,
    evident: false,
  }));
}

const MONEY_WORDS = /\b(?:price|cost|amount|charge[ds]?|paid|pay|payment|refund|total|fee|spent|spend|bill(?:ed)?)\b/i;

/**
 * Any number; for an amount of money ("refund amount", "price paid") written amounts come first, and a
 * plain count ("charged two times") is taken only as the answer to its question.
 */
function numberCandidates(turn: ScannedTurn, attribute: Attribute, pending: boolean, alone: boolean): Candidate[] {
  const wantsMoney = asksForMoney(attribute);
  const numbers = turn.numbers();
  // The one amount of money in a turn, for the request's one amount to know ("it was 40 bucks"), needs no cue word.
  const oneAmount = wantsMoney && alone && plainAmount(attribute) && numbers.filter((mention) => mention.money).length === 1;
  return numbers.flatMap((mention) => {
    if (wantsMoney && !mention.money && !pending) return [];
    const confidence = (mention.words ? 0.75 : 0.85) + (wantsMoney && mention.money ? 0.05 : 0);
    const difference = COMPARED.test(turn.text.slice(mention.end, mention.end + 24));
    return [{ start: mention.start, end: mention.end, value: mention.value, confidence, evident: oneAmount && mention.money && !difference }];
  });
}

/** Words after an amount that make it a difference between two ("$100 cheaper", "20 dollars more"), not the amount itself. */
const COMPARED = /^\s*(?:\p{L}+\s+)?(?:cheaper|less|more|lower|higher|off|extra|over|under|too\s+much|difference)\b/iu;

/**
 * An amount named by money words alone ("Charge amount", "refund total"), that any amount the customer states is: not
 * one of several a customer may state ("lower price" beside the price paid).
 */
function plainAmount(attribute: Attribute): boolean {
  const words = ownWords(attribute);
  return words.length > 0 && words.every((word) => MONEY_WORDS.test(word));
}

/** The content words of an attribute's name and label: what the customer calls it ("charge", "date"). */
export function ownWords(attribute: Attribute): string[] {
  return contentWords(`${nameInWords(attribute.name)} ${attribute.label ?? ''}`);
}

/** A number attribute that is an amount of money: a price, a charge, a refund. */
export function asksForMoney(attribute: Attribute): boolean {
  return attribute.type === 'number' && MONEY_WORDS.test(attributeWords(attribute));
}

/**
 * What the typed extractor of the attribute's type finds (`alone`: the attribute is the request's one of its kind, its
 * one amount of money or its one address, so a value of that kind stated plainly is its value). For free text: a street address for an address attribute,
 * otherwise what the customer states in words that name the attribute; a bare answer is left to the binding rules.
 */
export function typedCandidates(turn: ScannedTurn, attribute: Attribute, pending: boolean, alone = false): Candidate[] {
  switch (attribute.type) {
    case 'date':
      return dateCandidates(turn, attribute);
    case 'time':
      return turn.times().map((time) => ({ start: time.start, end: time.end, value: time.value, confidence: time.explicit ? 0.9 : 0.75, evident: time.explicit }));
    case 'number':
      return numberCandidates(turn, attribute, pending, alone);
    case 'email':
      return turn.emails().map((email) => ({ ...email, confidence: 0.95, evident: true }));
    case 'phone':
      return turn.phones().map((phone) => ({ ...phone, confidence: phone.formatted ? 0.9 : 0.8, evident: phone.formatted }));
    case 'identifier':
      return attribute.pattern === undefined ? genericIdCandidates(turn, pending) : patternCandidates(turn, attribute, pending);
    case 'enum':
      return enumCandidates(turn, attribute, pending);
    case 'boolean':
      return booleanCandidates(turn, pending);
    case 'text':
      return isAddressAttribute(attribute) ? addressCandidates(turn, attribute, pending, alone) : statedCandidates(turn, attribute);
  }
}
