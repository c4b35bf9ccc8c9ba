import { TERM_STOP_WORDS } from '../../text/stop-words.js';
import { cleanUtterance } from './clean.js';
import { MODAL_VERBS, SUPPORT_VERBS } from './lexicon.js';
import { tagText, type TaggedToken } from './tagger.js';
import { extractTaskVerbs, extractVerbObjects, type VerbObject } from './verb-object.js';

export interface Term {
  readonly text: string;
  /** For a modifier, the head noun it qualifies ("insurance" for "car" in "car insurance"). */
  readonly head?: string;
  /** How it was said: a verb (a task verb with its particle included), a noun or an adjective. */
  readonly pos: 'VERB' | 'NOUN' | 'ADJ';
}

/** What discovery reads from one utterance. */
export interface UtteranceAnalysis {
  /** Content lemmas in order; task verbs carry their particle ("log in"). */
  readonly terms: readonly Term[];
  readonly pairs: readonly VerbObject[];
}

const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'VERB', 'ADJ']);

function isContent(token: TaggedToken): boolean {
  if (!CONTENT_POS.has(token.pos) || TERM_STOP_WORDS.has(token.lemma) || !/^[a-z][a-z'-]+$/.test(token.lemma)) return false;
  return token.pos !== 'VERB' || !(MODAL_VERBS.has(token.lemma) || SUPPORT_VERBS.has(token.lemma));
}

/** The noun a modifier at `index` leans on: the last noun of the run that follows it. */
function headAfter(tokens: readonly TaggedToken[], index: number): string | undefined {
  const sentence = tokens[index]!.sentence;
  let head: string | undefined;
  for (let i = index + 1; tokens[i]?.sentence === sentence && tokens[i]!.pos === 'NOUN'; i++) head = tokens[i]!.lemma;
  return head;
}

/** Tags `text` and reads its content terms and verb-object pairs. */
export function analyzeUtterance(text: string): UtteranceAnalysis {
  const tokens = tagText(cleanUtterance(text));
  const pairs = extractVerbObjects(tokens);
  const phrasal = new Map(extractTaskVerbs(tokens).map((v) => [v.position, v.verb]));
  const objects = new Set(pairs.map((p) => p.objectPosition));
  const terms: Term[] = [];
  tokens.forEach((token, index) => {
    if (!isContent(token)) return;
    const text = phrasal.get(index) ?? token.lemma;
    const head = token.pos === 'VERB' || objects.has(index) ? undefined : headAfter(tokens, index);
    const pos = token.pos as Term['pos'];
    terms.push(head === undefined ? { text, pos } : { text, head, pos });
  });
  return { terms, pairs };
}
