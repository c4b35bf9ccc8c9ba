import { distance } from 'fastest-levenshtein';
import { eng } from 'stopword';
import type { Conversation } from './types.js';

const STOPWORDS: ReadonlySet<string> = new Set([...eng, 'was', 'all', 'sorry', 'its', 'been', 'ok', 'im', 'ive', 'dont']);

/** One request in a conversation: the customer turn that states it and the questions asked about it. */
export interface IntentRequest {
  text: string;
  /** Agent (or bot) questions asked while handling this request, each with the customer's answer. */
  exchanges: Exchange[];
}

export interface Exchange {
  question: string;
  answer: string;
}

/** Prompts that invite a (new) request rather than ask for a value. */
const OPEN_PROMPT =
  /\b(?:what can (?:i|we) (?:do|help)|how (?:can|may) (?:i|we) (?:help|assist)|(?:anything|something) else (?:i|we) can|\banything else\b|further assist|help you with today|rephrase|what brings you|what (?:do|would) you (?:need|like) help with|what(?:'|’)?s going on|what (?:is )?(?:it|this) (?:is )?about|tell me (?:a (?:bit|little) )?more|what seems to be the (?:problem|issue)|how can i help)/i;
/** Requests that ask for a value without a question mark: "Please send me the order number." */
const IMPERATIVE_ASK = /^(?:please|kindly)?\s*(?:could you|can you|would you|may i (?:have|get)|please (?:tell|give|share|confirm|provide|send|let me know))\b/i;
/** Questions about the conversation itself, not about a value: "Did that answer your question?", "Are you still there?" */
const SOCIAL = /\b(?:did that (?:answer|help|solve)|does that (?:help|answer)|are you still there|how(?:'|’)?s your day|how is your day|how are you|is that (?:all|everything))/i;
/** Offers and confirmations: the agent proposes, the customer agrees; no value is asked ("Would you like me to book it?"). */
const OFFER = /^(?:(?:ok(?:ay)?|great|sure|alright|perfect)[,!.]?\s+)?(?:would you like (?:me )?to|do you want (?:me )?to|shall i|should i|is (?:that|this) (?:correct|right|ok(?:ay)?)|please confirm|can you confirm (?:that|the following)|are you (?:ok|okay|happy) with)\b/i;
/** An offer to do something new ("Would you like to reserve a table?"), with the action as group 1. */
const ACTION_OFFER = /^(?:(?:ok(?:ay)?|great|sure|alright|perfect)[,!.]?\s+)?(?:would you like (?:me )?to|do you want (?:me )?to|shall i|should i)\s+(.+?)\??$/i;
const ACCEPT = /^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|please|please do|absolutely|definitely|that would be (?:great|nice|good)|sounds good|go ahead)\b/i;
const NEW_REQUEST = /\b(?:also|another (?:thing|question|issue)|one more (?:thing|question)|while i have you|and (?:can|could) you)\b/i;

/** Words that say a request is coming without saying what it is ("I have a question", "agent please"). */
const VAGUE = new Set(
  'please pls plz issue issues problem problems question questions help ask asking sure need quick representative agent human person real speak talk someone somebody live chat support wondering hoping'.split(' '),
);

const POLITE =
  /\b(?:hi+|hello|hey+|hiya|good (?:morning|afternoon|evening|day)|thanks?|thanx|thnx|thank you|thx|tnx|ty|cheers|ok(?:ay)?|alright|sure|great|perfect|awesome|cool|nice|bye+|goodbye|no|yes|yeah|yep|yup|nope|not bad|fine|good|well|haha+|lol|please|pls|appreciate(?:d)?|much|so|very|a lot|all|that(?:'|’)?s|it|everything|nothing else|have a (?:nice|good|great) (?:one|day)|all i (?:needed|need|wanted)|you too|will|try|that|this|there|anyone|is|are|i|me|you|we|the|a|an|to|do|for|just|um+|uh+|hm+|oh|ah|wow|really|then|now|k)\b/gi;

/** Greetings, thanks, acknowledgements and small talk: nothing left once the polite words are gone. */
/** Polite words as typed in a hurry ("thnaks", "tat's") still count as polite. */
const POLITE_WORDS = ['thanks', 'thank', 'that', 'thats', 'okay', 'alright', 'bye', 'goodbye', 'cheers', 'great', 'perfect', 'awesome', 'nope', 'everything', 'nothing', 'else', 'hello'];

function looksPolite(word: string): boolean {
  const squeezed = word.replace(/(.)\1+/g, '$1');
  const letters = [...squeezed].sort().join('');
  return POLITE_WORDS.some((polite) => {
    if (Math.abs(polite.length - squeezed.length) > 1) return false;
    return distance(polite, squeezed) <= 1 || (squeezed.length >= 4 && [...polite].sort().join('') === letters);
  });
}

export function isSmallTalk(text: string): boolean {
  return contentWords(text.toLowerCase().replace(POLITE, ' ')).filter((word) => !looksPolite(word)).length === 0;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 2 && !STOPWORDS.has(word));
}

/** A request that names no task: "hi, I have an issue", "representative please". */
export function isVague(text: string): boolean {
  return contentWords(text).every((word) => VAGUE.has(word));
}

/** The sentences of an agent turn that ask for something ("Sure. What is the order number?" -> the second). */
export function askedQuestions(text: string): string[] {
  if (OPEN_PROMPT.test(text) || SOCIAL.test(text)) return [];
  const sentences = text.split(/(?<=[.!?])\s+/u).map((s) => s.trim()).filter((s) => s !== '');
  return sentences.filter((s) => (s.endsWith('?') || IMPERATIVE_ASK.test(s)) && !(OFFER.test(s) && !/\bor\b/i.test(s)));
}

/**
 * The requests in a conversation. A customer turn states a request when it is not an answer to a
 * question just asked, not small talk, and either nothing was requested yet, the agent invited another
 * request ("Anything else?"), or the customer announces one ("also", "one more thing"). A vague opening
 * ("I have a question") takes the first specific turn after it; accepting an agent's offer to do something
 * else ("Would you like to reserve a table?" "Yes") starts a request for it. A conversation
 * of one customer turn (an utterance list) is taken as it is.
 */
export function findRequests(conversation: Conversation): IntentRequest[] {
  const { turns } = conversation;
  if (turns.length === 1 && turns[0]!.role === 'customer') return turns[0]!.text.trim() ? [{ text: turns[0]!.text, exchanges: [] }] : [];
  const requests: IntentRequest[] = [];
  let pendingQuestions: string[] = [];
  let offer: string | undefined;
  let invited = true;
  for (const turn of turns) {
    if (turn.role !== 'customer') {
      pendingQuestions = askedQuestions(turn.text);
      offer = turn.text.split(/(?<=[.!?])\s+/u).map((s) => ACTION_OFFER.exec(s.trim())?.[1]).find((action) => action !== undefined && !/\bor\b/i.test(action));
      if (OPEN_PROMPT.test(turn.text)) invited = true;
      continue;
    }
    const current = requests.at(-1);
    if (offer !== undefined && ACCEPT.test(turn.text.trim())) {
      requests.push({ text: offer, exchanges: [] });
      offer = undefined;
      pendingQuestions = [];
      continue;
    }
    if (current && pendingQuestions.length === 0 && current.exchanges.length === 0 && isVague(current.text) && !isSmallTalk(turn.text) && !isVague(turn.text)) {
      current.text = turn.text;
      continue;
    }
    if (pendingQuestions.length > 0) {
      for (const question of pendingQuestions) current?.exchanges.push({ question, answer: turn.text });
      pendingQuestions = [];
      continue;
    }
    if (isSmallTalk(turn.text)) continue;
    if (current === undefined || (invited && current.exchanges.length > 0) || NEW_REQUEST.test(turn.text)) {
      requests.push({ text: turn.text, exchanges: [] });
      invited = false;
    }
  }
  return requests;
}
