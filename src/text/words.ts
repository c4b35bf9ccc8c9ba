/** Apostrophes as phones and word processors type them (’ ‘ ʼ ` ´), all read as "'". */
const APOSTROPHES = /[\u2018\u2019\u02BC`´]/g;
/** A word: letters (with their marks) and digits, with any apostrophe parts ("don't", "customer's"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:'\p{L}+)*/gu;
const LETTERS_AND_DIGITS = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Every apostrophe as "'", character for character, so offsets in the result are offsets in `text`. */
export function foldApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

export interface NormalizeOptions {
  /**
   * `fold` (the default): people type a word with and without its accents, and it stays one word ("Écran", "ecran");
   * `keep`: accents tell languages apart ("está" is no English word), for a reader that must notice another language.
   */
  accents?: 'fold' | 'keep';
}

/** The one normalisation of words: compatibility forms folded ("ﬁle" -> "file"), accents folded unless kept, lower case, apostrophes as "'". */
export function normalizeWords(text: string, options: NormalizeOptions = {}): string {
  const folded = options.accents === 'keep' ? text.normalize('NFKC') : text.normalize('NFKD').replace(MARKS, '');
  return foldApostrophes(folded.toLowerCase());
}

/** The words of `text` as written, each with its offset (for scanners that point back into the text). */
export function wordMatches(text: string): IterableIterator<RegExpExecArray> {
  return text.matchAll(WORD);
}

const NEGATED_BASES: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };

/** A contraction as its words ("haven't" -> have, not; "won't" -> will, not); other apostrophe parts dropped ("customer's" -> customer). */
function expandContraction(word: string): string[] {
  if (word.endsWith("n't")) {
    const base = word.slice(0, -3);
    return base === '' ? ['not'] : [NEGATED_BASES[base] ?? base, 'not'];
  }
  const apostrophe = word.indexOf("'");
  return apostrophe > 0 ? [word.slice(0, apostrophe)] : [word];
}

export interface WordOptions extends NormalizeOptions {
  /**
   * `expand` (the default) writes contractions out and drops possessives ("won't" -> will, not; "customer's" -> customer);
   * `split` splits at apostrophes as search engines do ("won't" -> won, t), so query words meet the indexed words;
   * `keep` keeps them as written ("won't"), for readers that set such words aside.
   */
  apostrophes?: 'expand' | 'split' | 'keep';
}

/** The words of a text, normalised, in order: "Don’t charge my Café card's limit" -> do, not, charge, my, cafe, card, limit. */
export function wordsOf(text: string, options: WordOptions = {}): string[] {
  const normalized = normalizeWords(text, options);
  if (options.apostrophes === 'split') return normalized.match(LETTERS_AND_DIGITS) ?? [];
  const words = normalized.match(WORD) ?? [];
  return options.apostrophes === 'keep' ? words : words.flatMap(expandContraction);
}
