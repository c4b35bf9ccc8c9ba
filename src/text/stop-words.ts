import { eng } from 'stopword';

/**
 * The one stop-word list: English function words, as the `stopword` package lists them. Negations and question
 * words are not in it: "not charging" and "why was I charged" are searched for. Each purpose below adds a few words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(eng);

/** Contractions typed without their apostrophe ("im", "dont"; "its" for "it's"). */
const TYPED_CONTRACTIONS = ['im', 'ive', 'dont', 'its'];
/** Politeness, greetings and acknowledgements around a request. */
const POLITE_WORDS = ['please', 'thanks', 'thank', 'ok', 'okay'];
const GREETINGS = ['hi', 'hello', 'hey', 'pls'];
const ACKNOWLEDGEMENTS = ['sure', 'great', 'alright', 'right'];
/** Words that frame a request or an agent's question without naming its topic: "could you tell me", "I'd like to check". */
const REQUEST_WORDS = (
  'may tell let know give provide share confirm send check need want just help look find quick first use used using ' +
  'prefer preferred happy kindly mind moment able exactly roughly'
).split(' ');
/** Hesitations and fillers: "um", "yeah", "basically". */
const FILLERS = 'yes yeah yep yup nope uh um hmm oh ah well really actually maybe probably basically like gonna wanna gotta good fine'.split(' ');
/** Function words the package's list lacks: negations, question words, more pronouns and indefinites. */
const MORE_FUNCTION_WORDS = (
  'else so against during above below down off again further once when why few no nor not own even ever whom whose myself ' +
  'us she one something anything everything nothing someone somebody anyone'
).split(' ');
/** Words too general to name a topic: "thing", "way", "today", "name". */
const GENERIC_WORDS = (
  "thing stuff lot bit kind sort able guy today yesterday tomorrow morning afternoon evening day sir madam ma'am name " +
  'call time back go ahead etc already soon'
).split(' ');
/** Contractions as a tagger splits them ("do" "n't") or keeps them ("let's"). */
const CONTRACTION_PARTS = "n't 's 'm 're 've 'd 'll i'm y'all let's there's that's it's what's".split(' ');
/** Listed by the package, yet a tagger reads them as verbs or nouns that can be the point: "come out", "take off", "a while". */
const TAGGED_AS_CONTENT = ['come', 'get', 'make', 'take', 'while', 'being'];

/** Stop words as typed in chat: what is left is what a customer's turn is about. */
export const CHAT_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...TYPED_CONTRACTIONS]);

/** Stop words, greetings and thanks: what is left of a question is what to search for. */
export const SEARCH_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...POLITE_WORDS, ...GREETINGS]);

/** Stop words, politeness and request framing: what is left is the topic of a request or of an agent's question. */
export const TOPIC_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...POLITE_WORDS, ...ACKNOWLEDGEMENTS, ...REQUEST_WORDS]);

/** For lemmas a tagger read as nouns, verbs or adjectives: what is left can be a term of an intent ("refund", "log in"). */
export const TERM_STOP_WORDS: ReadonlySet<string> = new Set(
  [
    ...[...STOP_WORDS].filter((word) => !TAGGED_AS_CONTENT.includes(word)),
    ...POLITE_WORDS,
    ...GREETINGS,
    ...ACKNOWLEDGEMENTS,
    ...FILLERS,
    ...MORE_FUNCTION_WORDS,
    ...GENERIC_WORDS,
    ...CONTRACTION_PARTS,
  ],
);
