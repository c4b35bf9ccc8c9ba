import type { Span } from './scan.js';

export interface EmailMention extends Span {
  /** The address with its domain in lower case (the local part is the mailbox owner's to define). */
  value: string;
}

/** The local part may hold an apostrophe ("pat.o'neil@..."), but starts with a letter, digit or one of ._%+- as before. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-][\p{L}\p{N}._%+'-]{0,63}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})*\.\p{L}{2,24}(?![\p{L}\p{N}-]|\.\p{L})/gu;

export function findEmails(text: string): EmailMention[] {
  return [...text.matchAll(EMAIL)].map((match) => {
    const at = match[0].lastIndexOf('@');
    return {
      start: match.index,
      end: match.index + match[0].length,
      value: match[0].slice(0, at) + match[0].slice(at).toLowerCase(),
    };
  });
}
