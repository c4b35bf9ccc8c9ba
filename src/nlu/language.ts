import * as stopwordLists from 'stopword';

/**
 * Whether a customer wrote in another language than the library's, from the function words each language uses
 * ("con", "mi" in Spanish; "ich", "meine" in German), as the `stopword` package lists them for 60 languages, or from
 * a script the library's language is not written in. Function words are what every sentence has and topic words do
 * not decide, so a few are enough; names and codes ("Los Angeles", "BL-4471220") carry too few to count.
 */

/** A text with fewer words says too little to tell its language. */
const MIN_WORDS = 3;
/** Another language's function words a text must hold, with none of the library's own. */
const MIN_FOREIGN_FUNCTION_WORDS = 2;

/** Scripts written without spaces between words, where function words cannot be counted. */
const UNSPACED_SCRIPTS: ReadonlyArray<[language: string, script: RegExp]> = [
  ['zh', /\p{Script=Han}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['th', /\p{Script=Thai}/gu],
];

let lists: ReadonlyMap<string, ReadonlySet<string>> | undefined;

/** The lists by canonical language tag ("es" for the package's "spa"); regional variants ("porBr") left out. */
function functionWords(): ReadonlyMap<string, ReadonlySet<string>> {
  if (lists) return lists;
  const byLanguage = new Map<string, ReadonlySet<string>>();
  for (const [code, words] of Object.entries(stopwordLists)) {
    if (!/^[a-z]{3}$/.test(code) || !Array.isArray(words)) continue;
    const tag = canonicalLanguage(code);
    if (tag) byLanguage.set(tag, new Set(words.map((word: unknown) => String(word).toLowerCase())));
  }
  lists = byLanguage;
  return byLanguage;
}

function canonicalLanguage(tag: string): string | null {
  try {
    return new Intl.Locale(Intl.getCanonicalLocales(tag)[0] ?? tag).language;
  } catch {
    return null;
  }
}

/**
 * The language (a BCP 47 tag such as "es") the text is written in when it is clearly not the locale's; null when it
 * is the locale's, or cannot be told (too short, no function words, a language the lists do not cover).
 */
export function otherLanguageOf(text: string, locale: string): string | null {
  const own = canonicalLanguage(locale);
  if (!own) return null;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  for (const [language, script] of UNSPACED_SCRIPTS) {
    if (language !== own && letters > 0 && (text.match(script)?.length ?? 0) / letters >= 0.5) return language;
  }
  const ownWords = functionWords().get(own);
  // One-letter words ("i", "a", "y") are function words of too many languages to tell any apart.
  const words = (text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? []).filter((word) => word.length > 1);
  if (!ownWords || words.length < MIN_WORDS || words.some((word) => ownWords.has(word))) return null;
  let best: { language: string; count: number } | null = null;
  for (const [language, list] of functionWords()) {
    if (language === own) continue;
    const count = words.filter((word) => list.has(word)).length;
    if (count > (best?.count ?? 0)) best = { language, count };
  }
  return best && best.count >= MIN_FOREIGN_FUNCTION_WORDS ? best.language : null;
}

/** The language's name in the locale's own language ("English" for "en-US"). */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(canonicalLanguage(tag) ?? tag) ?? tag;
  } catch {
    return tag;
  }
}
