import { compilePattern } from './identifiers.js';
import type { Attribute } from '../../library/schema.js';

/** Code-like words: letters, digits and the joiners people type in them, with at least one digit. */
const CODE_LIKE = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[\p{L}\p{N}]|[-./](?=[\p{L}\p{N}])){1,31}(?![\p{L}\p{N}])/gu;
const EMAIL_LIKE = /\S+@\S*/;
const DIGIT_RUN = /(?<!\d)\+?\d[\d ()-]{3,}\d(?!\d)/;

/**
 * What in an answer looks like an attempt at a value of `attribute` that does not fit its type or pattern
 * ("RMA-1234567" for six digits after RMA-, "jane@" for an email), so the policy can say what is expected instead
 * of silently ignoring it. Null when nothing in the text looks like such an attempt.
 */
export function findMalformed(text: string, attribute: Attribute): string | null {
  switch (attribute.type) {
    case 'identifier': {
      const pattern = attribute.pattern === undefined ? null : compilePattern(attribute.pattern);
      if (!pattern) return null;
      const attempt = [...text.matchAll(CODE_LIKE)].map((match) => match[0]).find((word) => /\d/.test(word) && !pattern.full.test(word));
      return attempt ?? null;
    }
    case 'email': {
      const attempt = EMAIL_LIKE.exec(text)?.[0];
      return attempt ? attempt.replace(/[.,;:!?]+$/, '') : null;
    }
    case 'phone':
      return DIGIT_RUN.exec(text)?.[0].trim() ?? null;
    default:
      return null;
  }
}
