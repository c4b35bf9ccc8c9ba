import { spansOf, type PersonalDataSpan } from './kinds.js';

/** Words that follow "I'm", "this is" or a greeting without being names, and words that end a name. */
const NOT_NAMES = new Set(
  (
    'about afraid after again agent all also already and annoyed at away back being brightline but calling checking confused ' +
    'contacting currently customer disappointed done english everyone folks following fine for from frustrated getting glad ' +
    'going good guys happy having here hoping i in interested is just looking madam much new not now ok okay on or over pretty ' +
    'ready really returning sad sir so sorry still support sure team the there this trying unable upset using very was ' +
    'wrong incorrect misspelled spelled different missing listed shown changed under as ' +
    'waiting with writing a an my your our their it tomorrow today tonight later asap anytime when if please before soon maybe ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december'
  ).split(' '),
);

/** "Jane", "O'Test", "McDonald", "Lorem-Ipsum". */
const CAPITALIZED = String.raw`(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:-\p{Lu}?[\p{Ll}\p{M}]+)*`;
const ANY_CASE = String.raw`\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*`;
const TITLE = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)`;

/** After "my name is" the name may be typed in any case: "my name is jane doe". */
const STATED_NAME = new RegExp(
  String.raw`\b(?:my\s+(?:full\s+|first\s+|last\s+|sur)?name\s+is|my\s+name's|name\s+on\s+the\s+(?:card|account|order)\s+is|(?:full\s+|first\s+|last\s+|sur)?name\s*:|call\s+me|you\s+can\s+call\s+me)\s+(${TITLE}?${ANY_CASE}(?:\s+${ANY_CASE}){0,2})`,
  'dgiu',
);
/** After "I'm", "this is" or a greeting, only capitalized words are names: "this is Jane", not "this is broken". */
const INTRODUCED_NAME = new RegExp(
  String.raw`(?:\b(?:[Tt]his\s+is|[Ii]'m|[Ii]’m|[Ii]\s+am|[Ss]peaking\s+with|[Yy]ou're\s+speaking\s+(?:to|with)|[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank\s+you|[Bb]ye|[Gg]oodbye|[Rr]egards|[Cc]heers),?\s+)(${TITLE}?${CAPITALIZED}(?:\s+${CAPITALIZED}){0,2})`,
  'dgu',
);
const TITLED_NAME = new RegExp(String.raw`\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+${CAPITALIZED}(?:\s+${CAPITALIZED})?`, 'gu');

/** Drops trailing words that are not part of the name ("Jane and", "Sorry") and spans left empty. */
function trimToName(text: string, span: PersonalDataSpan): PersonalDataSpan | null {
  const words = [...text.slice(span.start, span.end).matchAll(/\S+/gu)];
  let end = span.start;
  for (const word of words) {
    const bare = word[0].replace(/['’]s$/u, '').replace(/[.,'’]/g, '').toLowerCase();
    if (NOT_NAMES.has(bare)) break;
    end = span.start + word.index + word[0].length;
  }
  const name = text.slice(span.start, end);
  return name.replace(/^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s*)+/iu, '').length >= 2 ? { ...span, end } : null;
}

/** Person names after the cues people introduce themselves or others with, and after titles ("Ms. Doe"). */
export function nameSpans(text: string): PersonalDataSpan[] {
  return [...spansOf('name', STATED_NAME, text, 1), ...spansOf('name', INTRODUCED_NAME, text, 1), ...spansOf('name', TITLED_NAME, text)]
    .map((span) => trimToName(text, span))
    .filter((span): span is PersonalDataSpan => span !== null);
}
