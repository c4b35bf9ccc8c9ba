import { nameInWords } from '../../library/formats.js';
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
function numberCandidates(turn: ScannedTurn, attribute: Attribute, pending: boolean): Candidate[] {
  const wantsMoney = MONEY_WORDS.test(attributeWords(attribute));
  return turn.numbers().flatMap((mention) => {
    if (wantsMoney && !mention.money && !pending) return [];
    const confidence = (mention.words ? 0.75 : 0.85) + (wantsMoney && mention.money ? 0.05 : 0);
    return [{ start: mention.start, end: mention.end, value: mention.value, confidence, evident: false }];
  });
}

/**
 * What the typed extractor of the attribute's type finds. For free text: a street address for an address attribute,
 * otherwise what the customer states in words that name the attribute; a bare answer is left to the binding rules.
 */
export function typedCandidates(turn: ScannedTurn, attribute: Attribute, pending: boolean): Candidate[] {
  switch (attribute.type) {
    case 'date':
      return dateCandidates(turn, attribute);
    case 'time':
      return turn.times().map((time) => ({ start: time.start, end: time.end, value: time.value, confidence: time.explicit ? 0.9 : 0.75, evident: time.explicit }));
    case 'number':
      return numberCandidates(turn, attribute, pending);
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
      return isAddressAttribute(attribute) ? addressCandidates(turn, attribute, pending) : statedCandidates(turn, attribute);
  }
}
