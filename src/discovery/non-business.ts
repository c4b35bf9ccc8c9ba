import { readDialogueActs, withoutPersonRequests } from '../nlu/dialogue-acts.js';
import { isSmallTalk, isVague } from './turns.js';

/**
 * Requests that are not intents of the business, whatever the business: the moves of a chat itself. They are
 * counted for the report (how often customers ask for a person is a figure a manager wants), never clustered.
 */
export const NON_BUSINESS_KINDS = {
  person: 'asking for a person',
  'chat-check': 'checking the line or who answers ("can you hear me?", "are you a bot?")',
  typing: 'trouble typing ("sorry, typing on my phone")',
  apology: 'apologies ("sorry for the wait")',
  greeting: 'greetings and small talk',
  thanks: 'thanks and goodbyes',
} as const;

export type NonBusinessKind = keyof typeof NON_BUSINESS_KINDS;

/** "Can you hear me?", "are you still there?", "hello??", "is anyone there", "are you a bot or a real person?". */
const CHAT_CHECK =
  /\b(?:can|do|could)\s+(?:you|u)\s+(?:hear|see|read)\s+(?:me|this|my\s+messages?)\b|\b(?:are|r)\s+(?:you|u)\s+(?:still\s+)?(?:there|here|online)\b|\b(?:is\s+)?(?:any\s*(?:one|body)|some\s*(?:one|body))\s+(?:there|here|online)\b|\b(?:are|r)\s+(?:you|u)\s+(?:an?\s+)?(?:real\s+(?:person|human)|human|person|bot|robot|machine|ai|computer)(?:\s+or\s+(?:an?\s+)?(?:real\s+)?(?:person|human|bot|robot|machine|ai|computer))?\b|^\s*(?:hello|hi|hey)\s*\?+\s*$|\b(?:still\s+here|i(?:'|’)?m\s+(?:still\s+)?here|i(?:'|’)?m\s+back)\b/giu;
/** Typing trouble, with the clause it sits in: "sorry, I'm typing on my phone", "excuse the typos", "autocorrect". */
const TYPING =
  /\b(?:typing|texting|writing)\s+(?:this\s+)?(?:on|from|with)\s+(?:my|a|the)\s+(?:phone|mobile|cell|tablet|ipad|small\s+screen)\b|\b(?:excuse|sorry\s+(?:for|about))\s+(?:the\s+|my\s+)?(?:typos?|spelling|autocorrect)\b|\b(?:typos?|auto-?correct|fat\s+fingers?|my\s+keyboard|can(?:'|’)?t\s+type)\b/giu;
/** Apologising for the wait, with the excuse that follows in the same sentence ("sorry for the wait, had to find my glasses"). */
const WAIT_APOLOGY = /\b(?:sorry|apologies|my\s+apologies)\s+(?:for|about)\s+(?:the\s+|my\s+)?(?:wait(?:ing)?|delay|late\s+(?:reply|answer|response)|being\s+slow)\b[^.!?]*/giu;
const SORRY = /\b(?:sorry|apologies|my\s+apologies|excuse\s+me|pardon)\b/giu;

/** Whether nothing of a business request is left in what remains of a turn once its chat moves are taken out. */
function nothingLeft(rest: string): boolean {
  return rest.replace(/[^\p{L}\p{N}]+/gu, '') === '' || isSmallTalk(rest) || isVague(rest);
}

function strip(text: string, pattern: RegExp): string {
  return text.replace(pattern, ' ');
}

/**
 * The kind of chat move a request is when it is nothing else, or null when it asks something of the business.
 * A request for a person with a reason ("my order never came, I want a manager") stays a request: the reason is the intent.
 */
export function nonBusinessKind(text: string): NonBusinessKind | null {
  const acts = readDialogueActs(text);
  if (acts.asksForPerson && nothingLeft(withoutPersonRequests(text))) return 'person';
  const kinds: Array<[NonBusinessKind, RegExp]> = [
    ['chat-check', CHAT_CHECK],
    ['typing', TYPING],
    ['apology', WAIT_APOLOGY],
  ];
  for (const [kind, pattern] of kinds) {
    pattern.lastIndex = 0;
    if (pattern.test(text) && nothingLeft(strip(strip(text, pattern), SORRY))) return kind;
  }
  if (acts.closing !== null) return 'thanks';
  if (new RegExp(SORRY.source, 'iu').test(text) && nothingLeft(strip(text, SORRY))) return 'apology';
  if (acts.smallTalk || isSmallTalk(text)) return 'greeting';
  return null;
}
