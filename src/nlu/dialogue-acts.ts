/**
 * What a customer turn does besides naming a request: the closed-class conversational moves of English that a good
 * agent hears whatever the business (asking for a person, thanks and goodbye, never mind, yes and no, "I don't have
 * it", "sorry, I meant", "I want X instead"). Understanding proposes them; the engine's policy decides what to do.
 * Pure and cheap: a handful of patterns over the (already neutralised) text.
 */
export interface DialogueActs {
  /** The customer wants a person: "can I talk to a human?", "agent please", "representative". */
  asksForPerson: boolean;
  /** Thanks or goodbye with nothing else asked: "thanks, bye", "that's all, thank you". */
  closing: 'thanks' | 'goodbye' | null;
  /** The customer drops the current request: "never mind", "changed my mind", "forget it". */
  cancel: boolean;
  affirm: boolean;
  deny: boolean;
  /**
   * The customer cannot answer the question put to them: `unknown` ("I don't know", "I don't have it", "lost it"),
   * or `unclear` when they do not know what is asked ("what is an RA number?", "I don't know what that is").
   */
  cannotAnswer: 'unknown' | 'unclear' | null;
  /** The turn corrects something said before: "sorry, I meant ...", "no, it's ...", "actually it's ...". */
  correction: boolean;
  /** The new request after an explicit change of mind ("no, I don't want to track it, I want a refund" -> "I want a refund"). */
  switchTo: string | null;
  /** Only a greeting or small talk: "hi", "hello there", "how are you?". */
  smallTalk: boolean;
  /** The customer says what they were given does not help: "this is useless", "that didn't help", "I already tried that". */
  unhelped: boolean;
  /** The customer offers something else than what was asked: "can I give you my email instead?", "would my phone number do instead?". */
  offersInstead: boolean;
  /** The customer asks why a question is asked: "why do you need that?", "what do you need my email for?". */
  asksWhy: boolean;
  /** The customer asks for a moment before answering: "hold on, let me find it", "one sec". */
  holdOn: boolean;
  /** The customer says their request was taken for something else: "that's not what I meant", "you misunderstood". */
  misunderstood: boolean;
  /** The customer only asks whether they talk to a machine or a person: "are you a bot?", "is this a real person?". */
  asksIfBot: boolean;
}

/** Reads the dialogue acts of a customer turn: the local patterns, or a model's reading checked against them. */
export interface DialogueActReader {
  read(text: string): DialogueActs;
}

export const localDialogueActs: DialogueActReader = { read: (text) => readDialogueActs(text) };

/**
 * A model's reading of the acts added to the local one: a move either noticed counts (the model hears "can I speaak
 * to someone real" where the patterns do not), except that the new request after a change of mind must be words the
 * customer actually wrote, or it is ignored (a model must not put words in the customer's mouth).
 */
export function withModelActs(text: string, local: DialogueActs, model: DialogueActs): DialogueActs {
  const written = model.switchTo !== null && model.switchTo.trim() !== '' && text.toLowerCase().includes(model.switchTo.trim().toLowerCase());
  return {
    asksForPerson: local.asksForPerson || model.asksForPerson,
    closing: local.closing ?? model.closing,
    cancel: local.cancel || (model.cancel && local.switchTo === null),
    affirm: local.affirm || model.affirm,
    deny: local.deny || model.deny,
    cannotAnswer: local.cannotAnswer ?? model.cannotAnswer,
    correction: local.correction || model.correction,
    switchTo: local.switchTo ?? (written ? model.switchTo : null),
    smallTalk: local.smallTalk || model.smallTalk,
    unhelped: local.unhelped || model.unhelped,
    offersInstead: local.offersInstead || model.offersInstead,
    asksWhy: local.asksWhy || model.asksWhy,
    holdOn: local.holdOn || model.holdOn,
    misunderstood: local.misunderstood || model.misunderstood,
    asksIfBot: local.asksIfBot || model.asksIfBot,
  };
}

const PEOPLE =
  String.raw`(?:(?:a|an|the|some|your|one of your|real|live|actual|human|another|other)\s+)*` +
  String.raw`(?:person|human(?:\s+being)?|agent|representative|rep|operator|someone|somebody|anyone|anybody|advisor|adviser|supervisor|manager|staff(?:\s+member)?|colleague|associate|customer\s+(?:service|support|care)(?:\s+(?:rep(?:resentative)?|agent|team))?|people)\b`;
const NEGATED = /\b(?:don'?t|do not|dont|no need to|not|never)\s+(?:want|need|wish)?\s*(?:to\s+)?(?:speak|talk|chat)\b/i;
const PERSON_REQUESTS = [
  new RegExp(String.raw`\b(?:speak|talk|chat)\s+(?:to|with)\s+${PEOPLE}`, 'i'),
  new RegExp(String.raw`\b(?:connect|transfer|put|pass|send)\s+me\s+(?:through\s+|over\s+|on\s+)?(?:to|with)\s+${PEOPLE}`, 'i'),
  new RegExp(String.raw`\b(?:want|need|get|give me|like)\s+(?:to\s+have\s+)?${PEOPLE}`, 'i'),
  new RegExp(String.raw`\b(?:is there|are there|can i get|could i get|may i have)\s+${PEOPLE}`, 'i'),
  /\bescalate\b/i,
  // A call back is a person: "can you call me back?", "have someone ring me", "I'd like a callback".
  /\b(?:can|could|would|will|please|have|get)\s+(?:you\s+|someone\s+|somebody\s+|anyone\s+|one\s+of\s+you\s+)?(?:please\s+)?(?:call|ring|phone)\s+me\b|\b(?:call|ring|phone)\s+me\s+back\b|\bgive\s+me\s+a\s+(?:call|ring)\b|\b(?:a|request(?:ing)?\s+a)\s+call\s*-?\s*back\b/i,
  new RegExp(String.raw`^\s*(?:(?:i\s+want|i\s+need|get\s+me|give\s+me)\s+)?${PEOPLE}(?:\s+(?:please|pls|plz|now|asap))*\s*[.!?]*\s*$`, 'i'),
];

const POLITE = /\b(?:ok(?:ay)?|alright|all right|great|perfect|awesome|cool|nice|good|fine|well|so|very|much|really|a lot|lots|again|for (?:your|the|all (?:your|the)) help|for helping|for that|for everything|for your time|you|u|ya|guys|team|folks|then|and|that(?:'|’)?s|that is|it|everything|all|i(?:'|’)?m|i am|we(?:'|’)?re|we are|no|nope|nothing|else|yes|yeah|for now|today|not (?:right )?now|not today|not at the moment|oh|ah|wow|please|sounds?|that one|this one|it is|looks?|works?|i need(?:ed)?)\b/gi;
const THANKS = /\b(?:thanks?|thank\s+you|thank\s+u|thx|tnx|ty|thanx|cheers|appreciate(?:d| it)?|much appreciated)\b/i;
const GOODBYE = /\b(?:bye+|goodbye|good\s+bye|see\s+(?:you|ya)|take\s+care|have\s+a\s+(?:nice|good|great|lovely)\s+(?:day|one|evening|weekend)|that(?:'|’)?s\s+(?:all|it|everything)|that\s+is\s+(?:all|it)|that(?:'|’)?ll\s+be\s+(?:all|it)|that\s+(?:will|would)\s+be\s+(?:all|it)|all\s+i\s+(?:need(?:ed)?|want(?:ed)?)|nothing\s+else|all\s+(?:set|good|done)|i(?:'|’)?m\s+(?:done|good|all\s+set|sorted)|we(?:'|’)?re\s+(?:done|good)|that\s+(?:helps|helped|solved it|fixed it|worked|did it)|(?:problem|issue)\s+(?:solved|fixed)|(?:i\s+)?(?:don(?:'|’)?t|do\s+not)\s+(?:need|require|want)\s+(?:any(?:thing)?\s+)?(?:else|further|more)|nothing\s+(?:else\s+)?for\s+now|i(?:'|’)?ll\s+(?:check|try|call|come|look|ask|write|get\s+back)(?:\s+(?:it|again|back|in))?\s+(?:later|tomorrow|another\s+time|some\s+other\s+time|next\s+week))\b/i;

const CANCEL =
  /\b(?:never\s*mind|nevermind|nvm|forget\s+(?:it|that|about\s+it|about\s+that)|changed\s+my\s+mind|change\s+of\s+plans?|don'?t\s+bother|no\s+longer\s+need\s+(?:it|that|help)|scratch\s+that|cancel\s+that|not\s+anymore|i(?:'|’)?ll\s+(?:do|figure|sort|handle|deal\s+with)\s+it\s+(?:out\s+)?(?:myself|later)|doesn(?:'|’)?t\s+matter)\b/i;

const AFFIRM = /^\s*(?:yes|yeah|yea|yep|yup|sure|ok(?:ay)?|correct|right|exactly|absolutely|definitely|of course|please do|go ahead|that(?:'|’)?s\s+(?:right|correct|it)|sounds good|y)\b/i;
const DENY = /^\s*(?:no|nope|nah|not really|negative|wrong|incorrect|that(?:'|’)?s\s+(?:wrong|not\s+(?:right|it|correct)|incorrect)|n)\b/i;

const UNCLEAR = [
  /\b(?:don'?t|do\s+not|dont|not\s+sure)\s+(?:know|understand|get)\s+what\s+(?:an?\s+|the\s+|my\s+|that\s+|this\s+)?(?:.{0,40}?)\s*(?:is|are|means?)\b/i,
  /\bwhat(?:'|’)?s\s+(?:an?|the|that|this)\b.{0,40}\?/i,
  /\bwhat\s+(?:is|are)\s+(?:an?|the|that|this)\b.{0,40}\?/i,
  /\bwhat\s+do\s+you\s+mean\b/i,
  // Asking for the question again: "sorry, what?", "pardon?", "can you repeat that?"
  /^\s*(?:(?:sorry|excuse\s+me|huh|um+|uh+)[\s,]*)*(?:what|pardon|come\s+again|say\s+(?:that\s+)?again)\s*\?+\s*$|^\s*(?:sorry|huh|pardon)\s*\?+\s*$/i,
  /\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:repeat|rephrase|say)\s+(?:that|it|the\s+question|again)\b/i,
  // Asking for the choices: "what are my options?", "which ones can I pick?"
  /\bwhat\s+(?:are|were)\s+(?:the|my|your)\s+(?:options|choices)\b|\bwhich\s+(?:ones?|options?|choices?)\s+(?:are\s+there|do\s+you\s+have|can\s+i)\b|\bwhat\s+(?:can|do|should)\s+i\s+(?:choose|pick|select)(?:\s+from)?\b/i,
  /\bwhere\s+(?:do|can|would|should)\s+i\s+find\b/i,
  // "No idea where that is", "not sure where to find it": they would give it if they knew where to look.
  /\b(?:no\s+idea|not\s+sure|(?:i\s+)?(?:don'?t|do\s+not)\s+know)\s+where\s+(?:that|it|this|they|to\s+(?:find|look)|i\s+(?:can|would|could)\s+find)\b/i,
  /\bwhere\s+(?:is|would|could|might)\s+(?:that|it|this)(?:\s+be)?\s*\?/i,
  /\bwhat\s+(?:number|code)\s+(?:is\s+that|do\s+you\s+mean)\b/i,
];
const UNKNOWN = [
  /\b(?:i\s+)?(?:don'?t|do\s+not|dont|didn'?t|did\s+not|never|haven'?t|have\s+not)\s+(?:have|know|remember|recall|got|get|keep|kept|receive[d]?|see|saw|find|found)\b(?!\s+(?:where|when|why|how|if|whether|what\s+(?:happened|to\s+do)))/i,
  /\b(?:no\s+idea|not\s+sure|no\s+clue|unsure|can'?t\s+(?:find|remember|recall|locate|see|get|access)|cannot\s+(?:find|remember|recall|locate|see|get|access)|unable\s+to\s+(?:find|locate))\b/i,
  /\b(?:lost|threw\s+(?:it\s+)?away|thrown\s+away|deleted|misplaced)\b/i,
  // "It doesn't show a code", "there's no number on it": what is asked for does not exist.
  /\b(?:doesn'?t|does\s+not|didn'?t|did\s+not|isn'?t|is\s+not|wasn'?t|was\s+not)\s+(?:show|display|give|have|come\s+with|say|list)\s+(?:me\s+)?(?:a|an|any)\b/i,
  /\bthere(?:'s|\s+is|\s+was|\s+isn'?t|\s+wasn'?t)\s+(?:no|a|an|any)\s+(?:\p{L}+\s+)?\p{L}+(?:\s+(?:on|in)\s+(?:it|there|the\s+\p{L}+))?\s*[.!]*\s*$/iu,
  /\bi\s+told\s+you\b/i,
];

const CORRECTION =
  /\b(?:actually|sorry|oops|whoops|i\s+meant|i\s+mean|correction|my\s+(?:mistake|bad)|wrong\s+(?:one|number|date|code)|typo|let\s+me\s+correct|i\s+(?:gave|typed|said|sent)\s+(?:you\s+)?(?:the\s+)?wrong|(?:was|is)\s+(?:wrong|incorrect|not\s+right|a\s+(?:mistake|typo)))\b|^\s*no\s*,?\s+(?:it(?:'|’)?s|it\s+is|that(?:'|’)?s|the)\b|\bnot\s+\S+\s*,\s*(?:it(?:'|’)?s|but)\b/i;

/** What a correction says besides that something was wrong: "sorry, I meant BL-4471221" gives "BL-4471221"; "oops, that was wrong" nothing. */
export function correctionRest(text: string): string {
  return text
    .replace(new RegExp(CORRECTION.source, 'gi'), ' ')
    .replace(/\b(?:no|nope|wrong|incorrect|mistake|error|not\s+right|(?:that|it|this)(?:\s+(?:was|is))?|that(?:'|’)?s|it(?:'|’)?s)\b/gi, ' ')
    .replace(/[^\p{L}\p{N}@.+-]+/gu, ' ')
    .trim();
}

/** The clause that states what the customer wants now, after an explicit change of mind. */
const WANT = /\b(?:i\s+(?:just\s+|really\s+|actually\s+)?(?:want|need|would\s+(?:like|rather)|'d\s+like|wanna)|i(?:'|’)?d\s+(?:rather|like)|can\s+you|could\s+you|please)\b/gi;
const SWITCH_MARKER =
  /\b(?:instead|rather|actually|on\s+second\s+thought|changed\s+my\s+mind|forget\s+(?:it|that|about\s+(?:it|that))|never\s*mind|scratch\s+that)\b|\b(?:don'?t|do\s+not|dont)\s+(?:want|need)\b|^\s*no\s*[,.!]/i;

/** What a customer says when the help given did not help, or out of frustration with it. */
const UNHELPED = [
  /\b(?:useless|pointless|unhelpful|not\s+(?:very\s+|at\s+all\s+|really\s+)?help(?:ful|ing)|no\s+help|(?:a\s+)?waste\s+of\s+(?:my\s+)?time|ridiculous|frustrat(?:ing|ed))\b/i,
  /\b(?:doesn(?:'|’)?t|does\s+not|didn(?:'|’)?t|did\s+not|won(?:'|’)?t|isn(?:'|’)?t|is\s+not|wasn(?:'|’)?t|not)\s+(?:really\s+|at\s+all\s+)?(?:help(?:ing|ed|ful)?|answer(?:ing)?\s+my\s+question)\b/i,
  /\b(?:(?:i(?:'|’)?ve|i\s+have|i)\s+(?:already\s+)?(?:tried|done|read|seen)\s+(?:that|those|this|these|them|all\s+(?:of\s+)?(?:that|those|this|these|them))(?:\s+already)?|you(?:'|’)?re\s+not\s+(?:helping|listening|understanding)|you\s+(?:don(?:'|’)?t|do\s+not)\s+(?:understand|get\s+it))\b/i,
  /^\s*(?:ugh+|argh+|seriously|come\s+on|are\s+you\s+(?:kidding|serious)(?:\s+me)?)\s*[?!.]*\s*$/i,
  // "I still don't know where my order is", "still not working": after an answer, no better off.
  /\bstill\s+(?:(?:don(?:'|’)?t|do\s+not|can(?:'|’)?t|cannot)\s+(?:know|understand|get\s+it|see\s+(?:it|how|why|where|what))|(?:doesn(?:'|’)?t|does\s+not|isn(?:'|’)?t|is\s+not|not|won(?:'|’)?t)\s+(?:work(?:ing)?|fixed|solved|resolved|help(?:ing|ful)?))\b/i,
];

/** "Can I give you my email instead?", "I could send my phone number instead", "would my email do instead?" */
const OFFERS_INSTEAD =
  /\b(?:(?:can|could|may|shall)\s+i\s+(?:just\s+)?(?:give|send|tell|use|provide|try)|i\s+(?:can|could)\s+(?:give|send|tell|provide)|(?:would|will|does|could)\s+(?:my|the|an?)\s+[\p{L}\p{N}\s]{1,40}?\s+(?:do|work|help))\b[^.?!]{0,60}?\binstead\b/iu;

const ASKS_WHY =
  /\bwhy\s+(?:do|would|should|does)\s+(?:you|it|that)\s+(?:need|want|ask|matter)|\bwhat\s+do\s+you\s+(?:need|want)\s+(?:it|that|this|them|my\s+[\p{L}\s]{1,30}?)\s+for\b|\bwhy\s+(?:is\s+)?(?:that|this|it)\s+(?:needed|necessary|required|relevant|important)\b|^\s*(?:what\s+for|why(?:\s+do\s+you\s+ask)?)\s*\?+\s*$/iu;

/** A moment asked for, and nothing else: at most this many words. */
const HOLD_ON_WORDS = 8;
const HOLD_ON =
  /^\s*(?:(?:ok(?:ay)?|sure|yes|yeah|right|um+|uh+)[\s,.!]*)?(?:hold\s+on|hang\s+on|one\s+(?:sec(?:ond)?|moment|min(?:ute)?)|just\s+a\s+(?:sec(?:ond)?|moment|min(?:ute)?)|(?:give\s+me|wait)\s+a\s+(?:sec(?:ond)?|moment|min(?:ute)?|bit)|let\s+me\s+(?:check|look|find|see|get|grab|dig)|i(?:'|’)?ll\s+(?:check|look|find|get|grab)|brb|1\s+sec)\b[^?\p{N}]*$/iu;

const MISUNDERSTOOD =
  /\b(?:(?:that|this|it)(?:'|’)?s|(?:that|this|it)\s+is|you(?:'|’)?re|you\s+are)?\s*not\s+what\s+i\s+(?:meant|mean|asked(?:\s+(?:for|about))?|said|wanted|want|need(?:ed)?|was\s+(?:asking|talking)\s+about)\b|\b(?:(?:that|this|it)(?:'|’)?s|(?:that|this|it)\s+is)\s+not\s+(?:my\s+(?:question|problem|issue|request)|(?:about\s+)?(?:that|it))\s*(?:[.,!]|$)|\byou\s+(?:misunderstood|misunderstand|misread|got\s+(?:it|that|me)\s+wrong|(?:have|'ve)\s+got\s+(?:it|that|me)\s+wrong)\b|\bwrong\s+(?:topic|subject|thing|problem|issue)\b/i;

/** "Are you a bot?", "am I talking to a real person?", "is this an automated chat?" */
const BOT_QUESTION =
  /\b(?:are\s+you|is\s+(?:this|that|it)|am\s+i\s+(?:talking|speaking|chatting)\s+(?:to|with))\s+(?:just\s+|really\s+|even\s+)?(?:an?\s+)?(?:(?:real|live|actual)\s+)?(?:bot|chat\s*bot|robot|machine|computer|program|ai|a\.i\.|human(?:\s+being)?|person|automated(?:\s+\p{L}+)?|virtual\s+(?:assistant|agent)|real)\b/iu;
/** At most this many words besides the question: "hi, are you a bot?", "wait, is this a real person?". */
const BOT_QUESTION_ASIDE_WORDS = 3;

function asksIfBot(text: string): boolean {
  const match = BOT_QUESTION.exec(text);
  if (!match) return false;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.match(/[\p{L}\p{N}]+/gu) ?? [];
  return rest.length <= BOT_QUESTION_ASIDE_WORDS;
}

const GREETING =
  /^\s*(?:(?:hi+|hello+|hey+|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening|day)|yo)(?:\s+(?:there|team|all|everyone|folks))?[\s,.!]*)+(?:how\s+are\s+(?:you|u|things)(?:\s+(?:doing|today))?[\s?!.]*)?$|^\s*how\s+are\s+(?:you|u)(?:\s+(?:doing|today))?[\s?!.]*$/i;

/** "I have a problem", "can you help me?", "I've got a question": help asked for, without saying with what. */
const HELP_ONLY =
  /^\s*(?:(?:hi|hello|hey|ok(?:ay)?|so|um+|yes|yeah)[\s,.!]*)*(?:(?:i\s+(?:have|had|got|'ve\s+got|need|'d\s+like|would\s+like)|i(?:'|’)ve\s+got|there(?:'s|\s+is))\s+(?:a\s+|an\s+|some\s+|one\s+)?(?:small\s+|quick\s+|big\s+|little\s+)?(?:problem|issue|question|help|trouble|query|request)|(?:can|could|would)\s+you\s+(?:please\s+)?help(?:\s+me)?(?:\s+(?:out|with\s+something))?|(?:please\s+)?help(?:\s+me)?|i\s+need\s+(?:some\s+)?(?:help|assistance)|i\s+need\s+to\s+ask\s+(?:you\s+)?something)(?:\s+(?:please|pls|here|today|now))*\s*[.!?]*\s*$/i;

/** Whether the message asks for help without saying with what. */
export function asksForHelpOnly(text: string): boolean {
  return HELP_ONLY.test(text);
}

/** The text without its requests for a person ("can I speak to a real person" -> "can I"): what else the turn says. */
export function withoutPersonRequests(text: string): string {
  return PERSON_REQUESTS.reduce((rest, pattern) => rest.replace(new RegExp(pattern.source, 'gi'), ' '), text);
}

/** Whether the customer asks for a person (and does not say they do not want one). */
export function asksForPerson(text: string): boolean {
  return PERSON_REQUESTS.some((pattern) => pattern.test(text)) && !NEGATED.test(text);
}

/** At most this many words besides a goodbye, with no question and no number, and the turn still says goodbye. */
const GOODBYE_ASIDE_WORDS = 4;

/**
 * Thanks or goodbye when, once those and the politeness around them are gone, nothing is left; a goodbye also with a
 * short aside that asks and gives nothing ("That sounds awesome. Thanks a lot. That would be all.").
 */
function closing(text: string): DialogueActs['closing'] {
  const thanks = THANKS.test(text);
  const goodbye = GOODBYE.test(text);
  if (!thanks && !goodbye) return null;
  const rest = text
    .replace(new RegExp(THANKS.source, 'gi'), ' ')
    .replace(new RegExp(GOODBYE.source, 'gi'), ' ')
    .replace(POLITE, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (rest === '') return goodbye ? 'goodbye' : 'thanks';
  const aside = goodbye && !text.includes('?') && !/\p{N}/u.test(rest) && rest.split(/\s+/).length <= GOODBYE_ASIDE_WORDS;
  return aside ? 'goodbye' : null;
}

function cannotAnswer(text: string): DialogueActs['cannotAnswer'] {
  if (UNCLEAR.some((pattern) => pattern.test(text))) return 'unclear';
  if (UNKNOWN.some((pattern) => pattern.test(text))) return 'unknown';
  return null;
}

/** After an explicit change of mind, the last "I want ..." clause; null when the turn does not change its mind. */
function switchClause(text: string): string | null {
  if (!SWITCH_MARKER.test(text)) return null;
  const wants = [...text.matchAll(WANT)].filter((match) => !/\b(?:don'?t|do\s+not|dont|not)\s*$/i.test(text.slice(0, match.index)));
  const last = wants.at(-1);
  if (!last || last.index === undefined) return null;
  const clause = text
    .slice(last.index)
    .replace(/\b(?:instead|rather|then)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clause.split(/\s+/).length >= 3 ? clause : null;
}

export function readDialogueActs(text: string): DialogueActs {
  const misunderstood = MISUNDERSTOOD.test(text);
  // "That's not what I meant, I want to return it": what follows is the request meant.
  const meant = misunderstood ? text.replace(new RegExp(MISUNDERSTOOD.source, 'gi'), ' ').replace(/^[\s,.;:!-]*(?:no|nope|sorry)?[\s,.;:!-]*/i, '').trim() : '';
  const cancelled = CANCEL.test(text);
  // "Forget that, I was charged twice": what follows the never-mind is the new request.
  const afterCancel = cancelled ? text.replace(new RegExp(CANCEL.source, 'gi'), ' ').replace(/^[\s,.;:!-]*(?:actually|so|ok(?:ay)?|well)?[\s,.;:!-]*/i, '').trim() : '';
  // "Never mind, I'll check tomorrow, cheers" takes leave; it asks for nothing else.
  const newRequest = afterCancel.split(/\s+/).length >= 3 && closing(afterCancel) === null ? afterCancel : null;
  const switchTo = switchClause(text) ?? newRequest ?? (meant.split(/\s+/).length >= 3 ? meant : null);
  return {
    asksForPerson: asksForPerson(text),
    closing: closing(text),
    cancel: cancelled && switchTo === null,
    affirm: AFFIRM.test(text) && !DENY.test(text),
    deny: DENY.test(text),
    cannotAnswer: cannotAnswer(text),
    correction: CORRECTION.test(text),
    switchTo,
    smallTalk: GREETING.test(text),
    unhelped: UNHELPED.some((pattern) => pattern.test(text)),
    offersInstead: OFFERS_INSTEAD.test(text),
    asksWhy: ASKS_WHY.test(text),
    holdOn: HOLD_ON.test(text) && text.trim().split(/\s+/).length <= HOLD_ON_WORDS,
    misunderstood,
    asksIfBot: asksIfBot(text) && !asksForPerson(text),
  };
}
