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

export const STOPWORDS: ReadonlySet<string> = new Set([
  // function words
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'else', 'so', 'because', 'as', 'of', 'at', 'by', 'for', 'with',
  'about', 'against', 'between', 'into', 'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from',
  'up', 'down', 'in', 'out', 'on', 'off', 'over', 'under', 'again', 'further', 'once', 'here', 'there', 'when',
  'where', 'why', 'how', 'all', 'any', 'both', 'each', 'few', 'more', 'most', 'other', 'some', 'such', 'no', 'nor',
  'not', 'only', 'own', 'same', 'than', 'too', 'very', 'just', 'also', 'now', 'still', 'even', 'ever', 'never',
  'this', 'that', 'these', 'those', 'what', 'which', 'who', 'whom', 'whose', 'i', 'me', 'my', 'myself', 'we', 'us',
  'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them', 'their', 'one', 'something',
  'anything', 'everything', 'nothing', 'someone', 'somebody', 'anyone', 'thing', 'stuff', 'way', 'lot', 'bit', 'kind',
  'sort', 'able', 'sure', 'okay', 'ok', 'yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'hi', 'hello', 'hey', 'please',
  'thanks', 'thank', 'uh', 'um', 'hmm', 'oh', 'ah', 'well', 'right', 'alright', 'really', 'actually', 'maybe',
  'probably', 'basically', 'like', 'guy', 'gonna', 'wanna', 'gotta', 'today', 'yesterday', 'tomorrow', 'now',
  'good', 'great', 'fine', 'morning', 'afternoon', 'evening', 'day', 'sir', 'madam', 'ma\'am', 'name', 'call',
  'much', 'many', 'lot', 'time', 'n\'t', 'not', '\'s', '\'m', '\'re', '\'ve', '\'d', '\'ll', 'i\'m', 'y\'all', 'let\'s',
  'there\'s', 'that\'s', 'it\'s', 'what\'s', 'etc', 'else', 'already', 'soon', 'back', 'go', 'ahead', 'could',
]);

/** Possessive and other determiners skipped between a verb and its object. */
export const DETERMINER_POS: ReadonlySet<string> = new Set(['DET', 'PRON', 'ADJ', 'NUM', 'ADV']);
