/**
 * What an agent's sentence does: ask the customer for a value, propose one, confirm one, offer a new
 * task, or invite a new request. Only value requests become attributes; a task offer the customer
 * accepts starts a new request. English dialogue patterns, no model.
 */

/** Discourse openers that change nothing about what follows ("Okay, and what city?"). */
const OPENER = /^(?:(?:and|so|ok(?:ay)?|sure|great|alright|all right|perfect|certainly|also|then|now|well|got it|no problem|of course|fine|cool|yes|no)\b[,!.:]?\s+)+/i;

/** Prompts that invite a (new) request rather than ask for a value. */
export const OPEN_PROMPT = new RegExp(
  [
    String.raw`what can (?:i|we) (?:do|help)`,
    String.raw`how (?:can|may|else can|else may) (?:i|we) (?:help|assist)`,
    String.raw`(?<!\bor (?:perhaps |maybe )?)\b(?:anything|something) (?:else|more)\b`,
    String.raw`\b(?:i|we) (?:can|could|may) (?:help|assist)(?: you)?(?: with)?\??$`,
    String.raw`\b(?:will|would|is) (?:that|this) be all\b`,
    String.raw`\b(?:any )?(?:other|more|further) (?:requests?|information|questions?|things?|help|assistance)\b`,
    String.raw`\bhelp (?:you )?further\b`,
    String.raw`\bwhat else\b`,
    String.raw`\bany(?: other)? (?:other )?(?:help|assistance|kinds? of help)\b`,
    String.raw`\bneed (?:any )?(?:help|assistance)\b`,
    String.raw`\bstill need me\b`,
    String.raw`further assist`,
    String.raw`help you with today`,
    String.raw`rephrase`,
    String.raw`what brings you`,
    String.raw`what (?:do|would) you (?:need|like) help with`,
    String.raw`what(?:'|’)?s going on`,
    String.raw`what (?:is )?(?:it|this) (?:is )?about`,
    String.raw`tell me (?:a (?:bit|little) )?more`,
    String.raw`what seems to be the (?:problem|issue)`,
    String.raw`how can i help`,
  ].join('|'),
  'i',
);

/** Questions about the conversation itself, not about a value: "Did that answer your question?", "Are you still there?" */
const SOCIAL =
  /\b(?:did that (?:answer|help|solve)|does that (?:help|answer)|was (?:this|that) (?:information )?(?:useful|helpful)|are you still there|how(?:'|’)?s your day|how is your day|how are you|is that (?:all|everything)|have a (?:nice|good|great|lovely) (?:day|one|evening|weekend))/i;

/** Proposals of a value the agent found, in any question: "How about Delta Airlines?", "Would that work for you?" */
const PROPOSAL = new RegExp(
  [
    String.raw`^(?:how|what) about\b`,
    String.raw`\bhow (?:does|do|would) .{1,80}\bsound\b`,
    String.raw`\b(?:does|do) .{1,80}\bsound (?:good|ok(?:ay)?|fine|great|right|alright)\b`,
    String.raw`^do you like\b`,
    String.raw`\bwhat do you think (?:about|of)\b`,
    String.raw`\bhow (?:would|do) you (?:consider|feel)\b`,
    String.raw`\b(?:does|do|would|will) (?:that|this|it|these|those|they) (?:sound|seem|look)\b`,
    String.raw`\b(?:would|will|does|can) (?:that|this|it|these|those) (?:work|be ok(?:ay)?|be fine|suit|do)\b`,
    String.raw`\b(?:is|are) (?:that|this|it|these|those) (?:ok(?:ay)?|alright|all right|fine|correct|right|good|acceptable|convenient)\b`,
    String.raw`\bcan i suggest\b`,
    String.raw`\b(?:would|does|will) (?:that|this|it) interest you\b`,
    String.raw`^how(?:'|’)?s (?:that|this)\??$`,
    String.raw`^how is (?:that|this)\??$`,
    String.raw`\bif you (?:want|like|can make it|can make that|are interested)\b`,
    String.raw`[,;]\s*(?:right|correct|yes|ok(?:ay)?|yeah)\?$`,
  ].join('|'),
  'i',
);

/** Proposals that only yes/no questions make: "Do you prefer it?", "Are you interested?" ("Where do you want it?" asks). */
const YES_NO_PROPOSAL =
  /\bfor (?:this|that) \w+\??$|\b(?:prefer|like|want|choose|take|try) (?:it|this|that|them|this one|that one)\??$|^(?:are|would) you (?:be )?interested\b|^(?:would|will) you be (?:ok(?:ay)?|fine|happy|alright)\b|^are you (?:ok(?:ay)?|fine|happy) (?:with|to)\b/i;

/** Confirmations of what the agent is about to do: "You want a table for 2 at 6 pm?", "Please confirm: ..." */
const CONFIRMATION =
  /^(?:(?:just )?to confirm[,:]?\s+|let me confirm[,:]?\s+)?(?:you(?:'d| would)? (?:like|want|need|wish|are looking)|you(?:'re| are) (?:looking|wanting)|(?:please|kindly|can you|could you) (?:please )?confirm (?:that|the following|once again|if|whether|these|this|your (?:booking|reservation|order|request|details))|(?:please|kindly) confirm(?! (?:your|the|my)\b)|confirming\b|i(?:'ll| will| am going to|'m going to) (?:book|make|reserve|set|schedule|add|create|buy|purchase|transfer|send|play|order|get)\b)/i;

/** An offer to do something new ("Would you like to reserve a table?"), the action as group 1. */
const TASK_OFFER =
  /^(?:(?:(?:do|would|did) you|you|do) (?:want|like|wish|need|care|require)(?: me)? to|(?:want|wanna|need)(?: me)? to|are you ready to|may i offer you to|is it ok(?:ay)? (?:if|for) (?:i|me)(?: to)?|(?:shall|should|can|may|could) (?:i|we)(?! (?:have|get|know|ask|see|take|confirm|check|verify)\b))\s+(?!go ahead|proceed|continue)(.+?)\??$/i;

/** Questions that ask the customer for a value without a question mark: "Let me know the date of your trip." */
const IMPERATIVE_ASK =
  /^(?:please|kindly)?\s*(?:could you|can you|would you|may i (?:have|get)|please (?:tell|give|share|confirm|provide|send|let me (?:know|have)|indicate|specify|enter))\b|\b(?:let me know|tell me|i (?:just |will |would )?need (?:to know|your|the))\b(?! if\b)|\bplease[.!]?$/i;

/** A question that starts with a question word and an auxiliary: "Where is your destination." asks even without "?". */
const WH_QUESTION =
  /^(?:what|which|where|when|who|whom|whose|how(?: many| much| long| far| old| soon| often)?|(?:at|on|in|for|from|to|by|until) (?:what|which|when|where|whom|how (?:many|much|long)))\b(?:\s+\S+){0,2}?\s+(?:is|are|was|were|am|do|does|did|will|would|should|shall|can|could|may|might|have|has)\b/i;

const YES_NO_START = /^(?:do|does|did|is|are|was|were|will|would|can|could|shall|should|may|might|have|has|had)\b/i;

/** A concrete value named in the sentence: a number, a masked value, or a capitalized name past its first word. */
const CONCRETE = /\d|\[[A-Z_]+\]|\s(?!I\b|I'|I’)[A-Z][a-z]+/;

export type AgentAct = 'request' | 'proposal' | 'confirmation' | 'task-offer' | 'open-prompt' | 'social' | 'statement';

function stripOpener(sentence: string): string {
  return sentence.replace(OPENER, '').trim();
}

/** What one sentence of an agent turn does. */
export function sentenceAct(sentence: string): AgentAct {
  const text = stripOpener(sentence.trim());
  if (OPEN_PROMPT.test(text)) return 'open-prompt';
  if (SOCIAL.test(text)) return 'social';
  const asks = text.endsWith('?') || IMPERATIVE_ASK.test(text) || WH_QUESTION.test(text);
  if (!asks || /^or\b/i.test(text)) return 'statement';
  const choice = /\bor\b/i.test(text) && !/\bor (?:not|something|anything|someone|somewhere|another|other)\b/i.test(text);
  const wh = WH_QUESTION.test(text) || /^(?:what|which|where|when|who|whom|whose|how|why)\b/i.test(text);
  const yesNo = !wh && YES_NO_START.test(text);
  // "Do you want to buy tickets for this bus?" offers a task; "You want a table for 2 at 7 pm?" confirms values.
  if (!wh && !choice && TASK_OFFER.test(text) && !CONCRETE.test(text)) return 'task-offer';
  if (PROPOSAL.test(text) || (!choice && yesNo && YES_NO_PROPOSAL.test(text))) return 'proposal';
  // A choice among named things ("Breakthrough, JT LeRoy or Searching?") offers them; among kinds ("checking or savings?") it asks.
  if (choice && CONCRETE.test(text)) return 'proposal';
  if (CONFIRMATION.test(text)) return 'confirmation';
  if (choice) return 'request';
  if (!wh && TASK_OFFER.test(text)) return 'task-offer';
  // A question that names concrete values and is neither a wh- nor a yes/no question ("So a table for 2 at 7 pm?") checks them.
  if (!wh && CONCRETE.test(text)) return yesNo ? 'proposal' : 'confirmation';
  return 'request';
}

/** The sentences of an agent turn, split after end punctuation. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|,\s+(?=(?:What|Which|Where|When|Who|How|Are|Is|Do|Does|Can|Could|Would|Will|Shall|Should)\b)/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** What one agent turn does, read once per turn. */
export interface AgentTurn {
  /** Its sentences that ask for a value; none when the turn invites a new request or makes small talk. */
  questions: string[];
  /** It checks values the agent is about to act on ("So a table for 2 at 7 pm?"): the reply corrects, it asks nothing new. */
  confirming: boolean;
  /** The new task it offers ("Would you like me to book it?" -> "book it"), if any. */
  offer?: string;
  /** It invites a new request ("Anything else I can help with?"). */
  invites: boolean;
  /** Its sentences that ask nothing: what the agent tells or does ("Your refund was issued on May 2."). */
  statements: string[];
}

/** Reads an agent turn: each sentence's act is worked out once. */
export function readAgentTurn(text: string): AgentTurn {
  const sentences = sentencesOf(text);
  const acts = sentences.map(sentenceAct);
  const chatty = acts.includes('open-prompt') || acts.includes('social');
  const offer = sentences.map((sentence, i) => (acts[i] === 'task-offer' ? TASK_OFFER.exec(stripOpener(sentence))?.[1] : undefined)).find((action) => action);
  return {
    questions: chatty ? [] : sentences.filter((_, i) => acts[i] === 'request'),
    confirming: acts.includes('confirmation'),
    ...(offer ? { offer } : {}),
    invites: OPEN_PROMPT.test(text),
    // "Sure." or "Okay!" alone opens a turn and says nothing.
    statements: sentences.filter((sentence, i) => acts[i] === 'statement' && stripOpener(`${sentence} `) !== ''),
  };
}

/** The sentences of an agent turn that ask for a value ("Sure. What is the order number?" -> the second). */
export function askedQuestions(text: string): string[] {
  return readAgentTurn(text).questions;
}

/** The new task an agent turn offers ("Would you like me to book it?" -> "book it"), if any. */
export function offeredTask(text: string): string | undefined {
  return readAgentTurn(text).offer;
}
