import { STOP_WORDS } from '../../text/stop-words.js';
import type { Span } from './scan.js';

export interface EmailMention extends Span {
  /** The address with its domain in lower case (the local part is the mailbox owner's to define). */
  value: string;
}

/** The local part may hold an apostrophe ("pat.o'neil@..."), but starts with a letter, digit or one of ._%+- as before. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-][\p{L}\p{N}._%+'-]{0,63}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})*\.\p{L}{2,24}(?![\p{L}\p{N}-]|\.\p{L})/gu;

/**
 * An address written as said aloud: "jo.smith at gmail.com", "jo dot smith at gmail dot com". The domain must end in
 * a top-level domain after a dot, so "I bought it at Best Buy" is not one.
 */
const SPOKEN_EMAIL =
  /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]{1,64}(?:\s+dot\s+[\p{L}\p{N}_%+-]{1,64}){0,4})\s+(?:at|\(at\)|\[at\])\s+([\p{L}\p{N}-]{1,63}(?:(?:\s*\.\s*|\s+dot\s+)[\p{L}\p{N}-]{1,63}){0,3}(?:\s*\.\s*|\s+dot\s+)(?:com|org|net|edu|gov|io|co|info|biz|me|us|uk|ca|de|fr|au|nl|es|it)\b)/giu;

function address(local: string, domain: string): string {
  return local + '@' + domain.toLowerCase();
}

export function findEmails(text: string): EmailMention[] {
  const written = [...text.matchAll(EMAIL)].map((match) => {
    const at = match[0].lastIndexOf('@');
    return { start: match.index, end: match.index + match[0].length, value: address(match[0].slice(0, at), match[0].slice(at + 1)) };
  });
  const joined = (part: string) => part.replace(/\s+dot\s+/gi, '.').replace(/\s*\.\s*/g, '.');
  const spoken = [...text.matchAll(SPOKEN_EMAIL)]
    .filter((match) => !written.some((email) => email.start < match.index + match[0].length && match.index < email.end))
    // "I was at walmart.com": a word of the sentence, not a mailbox.
    .filter((match) => !STOP_WORDS.has((match[1] ?? '').toLowerCase()))
    .map((match) => ({ start: match.index, end: match.index + match[0].length, value: address(joined(match[1] ?? ''), joined(match[2] ?? '')) }));
  return [...written, ...spoken].sort((a, b) => a.start - b.start);
}
