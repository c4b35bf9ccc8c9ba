import { distance } from 'fastest-levenshtein';
import { contentWords } from '../text/content-words.js';
import { CHAT_STOP_WORDS } from '../text/stop-words.js';
import { readAgentTurn, sentencesOf } from './agent-acts.js';
import type { Conversation } from './types.js';

/** One request in a conversation: the customer turn that states it and the questions asked about it. */
export interface IntentRequest {
  text: string;
  /** Agent (or bot) questions asked while handling this request, each with the customer's answer. */
  exchanges: Exchange[];
  /** What the agent told the customer while handling it (statements, not questions): how it was resolved. */
  said?: string[];
}

export interface Exchange {
  question: string;
  answer: string;
}

const ACCEPT = /^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|please|please do|absolutely|definitely|that would be (?:great|nice|good)|sounds good|go ahead)\b/i;
/** A customer declining an invitation to ask more ("No, that's all", "Not right now, thanks"). */
const DECLINE = /^(?:no|nope|nah|not (?:right )?now|not at the moment|not today|not really|nothing|that(?:'s| is| was| will be) (?:it|all|everything)|i(?:'m| am) (?:good|fine|all set|done)|all set|we(?:'re| are) (?:good|done))\b/i;
/** A customer stating a new task in so many words ("Can you find me a round trip flight?", "I'd like to book it"). */
const TASK_REQUEST =
  /^(?:(?:please|now|so|then|actually|instead|also)\s+)?(?:(?:i(?:'d| would)? (?:also )?(?:like|want|wanna|need|wish)|i(?:'m| am) (?:looking|trying|hoping|planning)|(?:can|could|may) (?:i|we) (?:get|have|make|book|reserve|order|buy|rent|schedule|set up)|(?:can|could|will|would) you(?: please)?(?! (?:tell|send|give|provide|repeat|try|say|share|confirm|explain|check if|let me know)\b)|help me|let(?:'s| us))\b|(?:find|search|book|reserve|get|look|make|show|buy|cancel|change|add|set|play|transfer|send|rent|schedule|order|pay|move|switch|upgrade|update|return|refund)\b)/i;
/** Acknowledgements before a new task ("Sounds good. Can you book it?"). */
const ACKNOWLEDGEMENT = /^(?:(?:ok(?:ay)?|alright|all right|great|cool|sure|fine|perfect|got it|i see|i understand|thanks|thank you|that(?:'s| is| sounds| seems) (?:good|great|fine|nice|perfect|ok(?:ay)?)|sounds (?:good|great|fine|nice)|yes|yeah|no|not (?:that one|really)|hmm+|well|good)\b[^.!?,]*[.!?,]?\s*)+/i;
const NEW_REQUEST = /\b(?:also|another (?:thing|question|issue)|one more (?:thing|question)|while i have you|and (?:can|could) you)\b/i;

/** Words that say a request is coming without saying what it is ("sorry, I have a question", "ok, agent please"). */
const VAGUE = new Set(
  'ok sorry please pls plz issue issues problem problems question questions help ask asking sure need quick representative agent human person real speak talk someone somebody live chat support wondering hoping'.split(' '),
);

const POLITE =
  /\b(?:hi+|hello|hey+|hiya|good (?:morning|afternoon|evening|day)|thanks?|thanx|thnx|thank you|thx|tnx|ty|cheers|ok(?:ay)?|sorry|alright|sure|great|perfect|awesome|cool|nice|bye+|goodbye|no|yes|yeah|yep|yup|nope|not bad|fine|good|well|haha+|lol|please|pls|appreciate(?:d)?|much|so|very|a lot|all|that(?:'|’)?s|it|everything|nothing else|have a (?:nice|good|great) (?:one|day)|sounds?|seems?|works?|all i (?:needed|need|wanted)|you too|will|try|that|this|there|anyone|is|are|i|me|you|we|the|a|an|to|do|for|just|um+|uh+|hm+|oh|ah|wow|really|then|now|k)\b/gi;

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
  return topicOf(text.toLowerCase().replace(POLITE, ' ')).every(looksPolite);
}

/** What a customer's turn is about: words of three letters or more other than stop words. */
function topicOf(text: string): string[] {
  return contentWords(text, CHAT_STOP_WORDS, { minLength: 3, apostrophes: 'split' });
}

/** A request that names no task: "hi, I have an issue", "representative please". */
export function isVague(text: string): boolean {
  return topicOf(text).every((word) => VAGUE.has(word));
}

/** Whether a sentence of a customer turn asks for a new task, after any acknowledgement ("That's plenty. Can you transfer some?"). */
function statesTask(text: string): boolean {
  return sentencesOf(text).some((sentence) => TASK_REQUEST.test(sentence.replace(ACKNOWLEDGEMENT, '')));
}

/**
 * The requests in a conversation. A customer turn states a request when it is not an answer to a
 * question just asked, not small talk, not a "no, that's all" after an invitation to ask more, and
 * either nothing was requested yet, the agent invited another request ("Anything else?"), the customer
 * announces one ("also", "one more thing"), or asks for a new task in so many words ("Can you transfer
 * some money?") other than to correct values the agent is confirming. A vague opening ("I have a
 * question") takes the first specific turn after it; accepting a task the agent offers ("Do you want to
 * reserve it?" "Yes") starts a request for it. A conversation of one customer turn (an utterance list)
 * is taken as it is.
 */
export function findRequests(conversation: Conversation): IntentRequest[] {
  const { turns } = conversation;
  if (turns.length === 1 && turns[0]!.role === 'customer') return turns[0]!.text.trim() ? [{ text: turns[0]!.text, exchanges: [] }] : [];
  const requests: IntentRequest[] = [];
  let pendingQuestions: string[] = [];
  let offer: string | undefined;
  let invited = true;
  let confirming = false;
  for (const turn of turns) {
    if (turn.role !== 'customer') {
      const agent = readAgentTurn(turn.text);
      const handling = requests.at(-1);
      if (handling && agent.statements.length > 0) (handling.said ??= []).push(...agent.statements);
      pendingQuestions = agent.questions;
      confirming = agent.confirming;
      offer = agent.offer;
      if (agent.invites) invited = true;
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
    if (isSmallTalk(turn.text) || (invited && current !== undefined && DECLINE.test(turn.text.trim()) && !NEW_REQUEST.test(turn.text))) continue;
    if (current === undefined || (invited && current.exchanges.length > 0) || NEW_REQUEST.test(turn.text) || (!confirming && statesTask(turn.text))) {
      requests.push({ text: turn.text, exchanges: [] });
      invited = false;
    }
  }
  return requests;
}
