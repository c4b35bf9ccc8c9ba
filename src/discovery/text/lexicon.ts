/**
 * Word lists for intent discovery. Lemmas, lower case. Kept deliberately small: anything
 * corpus-specific is learned from the data (IDF, co-occurrence), not listed here.
 */

/** Verbs that carry the speaker's attitude, not the task ("I want to", "I'd like to", "can you"). */
export const MODAL_VERBS: ReadonlySet<string> = new Set([
  'be', 'have', 'do', 'would', 'will', 'shall', 'can', 'could', 'should', 'may', 'might', 'must',
  'want', 'need', 'like', 'love', 'wish', 'wonder', 'try', 'hope', 'think', 'guess', 'mean', 'let',
  'go', 'gonna', 'wanna', 'gotta', 'plan', 'intend', 'prefer', 'require', 'call', 'say', 'tell',
  'ask', 'speak', 'talk', 'help', 'assist', 'hear', 'sound', 'seem', 'feel', 'believe', 'suppose',
  'appreciate', 'thank', 'happen', 'realize', 'remember', 'decide', 'start', 'keep',
]);

/** Verbs too general to stand alone as a term, yet meaningful with their object ("get a quote", "make a payment"). */
export const SUPPORT_VERBS: ReadonlySet<string> = new Set([
  'get', 'make', 'take', 'give', 'put', 'set', 'see', 'know', 'look', 'send', 'use', 'work',
]);

/** Particles that form phrasal verbs ("sign up", "log in", "take off"). */
export const PARTICLES: ReadonlySet<string> = new Set(['up', 'off', 'out', 'in', 'down', 'over', 'back', 'on', 'away']);

/** Prepositions that may introduce the object of an intransitive task verb ("enroll in a plan"). */
export const OBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'into', 'for', 'to', 'on', 'about', 'with', 'from', 'of']);

/** Object pronouns that stand for a person ("add her to my plan", "take him off"). */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set([
  'him', 'her', 'them', 'someone', 'somebody', 'anyone', 'anybody', 'everyone',
]);

/** Placeholder object for a person named by a pronoun. */
export const PERSON = 'someone';

/** Possessive and other determiners skipped between a verb and its object. */
export const DETERMINER_POS: ReadonlySet<string> = new Set(['DET', 'PRON', 'ADJ', 'NUM', 'ADV']);
