import { TERM_STOP_WORDS } from '../../text/stop-words.js';
import {
  DETERMINER_POS,
  MODAL_VERBS,
  OBJECT_PREPOSITIONS,
  PARTICLES,
  PERSON,
  PERSON_PRONOUNS,
} from './lexicon.js';
import type { TaggedToken } from './tagger.js';

/** A task verb as said, with its particle for phrasal verbs ("log in", "sign up"). */
export interface TaskVerb {
  readonly verb: string;
  /** Index of the verb's token. */
  readonly position: number;
}

/** A task verb with what it acts on: "cancel" + "subscription", "sign up" + "plan". */
export interface VerbObject extends TaskVerb {
  /** Head noun lemma of the object ("claim" in "a car accident claim"), or `someone` for a person pronoun. */
  readonly object: string;
  /** The object's noun compound, modifiers included ("car accident claim"); equals `object` when there is none. */
  readonly compound: string;
  /** Index of the object's head token. */
  readonly objectPosition: number;
  /** Preposition before an indirect object ("in" for "enroll in a plan"). */
  readonly preposition?: string;
}

/** Readable text of a pair: "file claim", "enroll in plan"; `compound` uses the object's compound form. */
export function pairText(pair: VerbObject, compound = false): string {
  return [pair.verb, pair.preposition, compound ? pair.compound : pair.object].filter(Boolean).join(' ');
}

const NOUNS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

function isWord(token: TaggedToken | undefined): token is TaggedToken {
  return token !== undefined && /^[a-z][a-z'-]*$/.test(token.lemma);
}

function inSentence(tokens: readonly TaggedToken[], index: number, sentence: number): TaggedToken | undefined {
  const token = tokens[index];
  return token?.sentence === sentence ? token : undefined;
}

function isParticle(token: TaggedToken | undefined): boolean {
  return token !== undefined && PARTICLES.has(token.text) && token.pos !== 'NOUN';
}

/** A person pronoun used as an object ("add her"), not as a possessive ("her plan"). */
function isPersonObject(tokens: readonly TaggedToken[], index: number, sentence: number): boolean {
  const token = inSentence(tokens, index, sentence);
  if (token?.pos !== 'PRON' || !PERSON_PRONOUNS.has(token.text)) return false;
  const next = inSentence(tokens, index + 1, sentence);
  return next === undefined || !(NOUNS.has(next.pos) || next.pos === 'ADJ');
}

function objectAt(
  tokens: readonly TaggedToken[],
  start: number,
  sentence: number,
): { object: string; compound: string; objectPosition: number } | undefined {
  let i = start;
  while (inSentence(tokens, i, sentence) && DETERMINER_POS.has(tokens[i]!.pos) && !isPersonObject(tokens, i, sentence)) i += 1;
  if (isPersonObject(tokens, i, sentence)) return { object: PERSON, compound: PERSON, objectPosition: i };
  const lemmas: string[] = [];
  let objectPosition = -1;
  for (let token = inSentence(tokens, i, sentence); token && NOUNS.has(token.pos) && isWord(token); token = inSentence(tokens, ++i, sentence)) {
    if (TERM_STOP_WORDS.has(token.lemma)) continue;
    lemmas.push(token.lemma);
    objectPosition = i;
  }
  const head = lemmas.at(-1);
  return head === undefined ? undefined : { object: head, compound: lemmas.join(' '), objectPosition };
}

interface VerbReading extends TaskVerb {
  /** Where the object may start. */
  readonly next: number;
  /** A person pronoun sat between verb and particle ("take him off"). */
  readonly person: boolean;
}

function readVerb(tokens: readonly TaggedToken[], position: number): VerbReading | undefined {
  const token = tokens[position];
  if (token?.pos !== 'VERB' || !isWord(token) || MODAL_VERBS.has(token.lemma)) return undefined;
  const after = inSentence(tokens, position + 1, token.sentence);
  const afterThat = inSentence(tokens, position + 2, token.sentence);
  if (isParticle(after)) return { verb: `${token.lemma} ${after!.text}`, position, next: position + 2, person: false };
  if (after?.pos === 'PRON' && isParticle(afterThat)) {
    return { verb: `${token.lemma} ${afterThat!.text}`, position, next: position + 3, person: PERSON_PRONOUNS.has(after.text) };
  }
  return { verb: token.lemma, position, next: position + 1, person: false };
}

/** Task verbs in tagged text: verbs other than modal or attitude verbs, with their particles. */
export function extractTaskVerbs(tokens: readonly TaggedToken[]): TaskVerb[] {
  return tokens.flatMap((_, position) => {
    const reading = readVerb(tokens, position);
    return reading ? [{ verb: reading.verb, position }] : [];
  });
}

/**
 * Verb-object pairs in tagged text, found from part-of-speech patterns (the English model has no
 * dependency parser): a task verb, an optional particle, then the head of the next noun phrase,
 * directly ("file a claim") or after a preposition ("enroll in a plan").
 */
export function extractVerbObjects(tokens: readonly TaggedToken[]): VerbObject[] {
  return tokens.flatMap((_, position) => {
    const reading = readVerb(tokens, position);
    if (!reading) return [];
    const sentence = tokens[position]!.sentence;
    const direct = objectAt(tokens, reading.next, sentence);
    if (direct) return [{ verb: reading.verb, position, ...direct }];
    const preposition = inSentence(tokens, reading.next, sentence);
    if (preposition?.pos === 'ADP' && OBJECT_PREPOSITIONS.has(preposition.text)) {
      const indirect = objectAt(tokens, reading.next + 1, sentence);
      if (indirect) return [{ verb: reading.verb, position, ...indirect, preposition: preposition.text }];
    }
    if (!reading.person) return [];
    return [{ verb: reading.verb, position, object: PERSON, compound: PERSON, objectPosition: reading.next - 2 }];
  });
}
