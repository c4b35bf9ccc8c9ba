import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Solution } from '../knowledge/types.js';
import type { Catalog } from '../library/catalog.js';
import { attributeLabel, expectedForm, valueLabel } from '../library/formats.js';
import type { Attribute, Intent } from '../library/schema.js';
import { languageName } from '../nlu/language.js';
import type { Insight } from './insight.js';
import type { NextQuestion } from './questions.js';

/** What a customer taps (or types) to reach a person; the skill hands off on it. */
export const TALK_TO_A_PERSON = 'Talk to a person';

/** What the self-service skill says for an insight, independent of the channel that renders it. */
export interface Reply {
  text: string;
  /** Quick replies: the choices of the question asked, the two intents of a clarification, or yes and no to an offer. */
  choices: string[];
  solutions: Solution[];
}

/** Words for a reply, as a good agent would put them: what just happened first, then what comes next. */
export function composeReply(insight: Insight, catalog: Catalog): Reply {
  const intent = insight.intent ? catalog.intent(insight.intent.id) : undefined;
  if (insight.act === 'thanked') {
    const offer = offerText(insight, intent, catalog);
    return { text: sentences("You're welcome!", offer ?? 'Is there anything else I can help with?'), choices: offer ? offerChoices(insight) : [], solutions: [] };
  }
  if (insight.act === 'acknowledged') return { text: 'Is there anything else I can help with?', choices: [], solutions: [] };
  if (insight.act === 'more') return { text: 'Sure, what else can I help you with?', choices: [], solutions: [] };
  if (insight.act === 'misunderstood') {
    const other = insight.offer?.kind === 'intent' ? insight.offer.intent : null;
    return other
      ? { text: `Sorry, I misunderstood. Do you mean "${other.name}"?`, choices: ['Yes', 'No'], solutions: [] }
      : { text: 'Sorry, I misunderstood. Could you tell me in other words what you need?', choices: [TALK_TO_A_PERSON], solutions: [] };
  }
  if (insight.act === 'foreign') {
    const language = languageName(catalog.library.locale, catalog.library.locale);
    return { text: `Sorry, I can only help in ${language} here. Would you like me to pass you to a colleague?`, choices: [TALK_TO_A_PERSON, 'No, thanks'], solutions: [] };
  }
  if (insight.status === 'need-info' && (insight.act === 'aside' || insight.act === 'pointed' || insight.act === 'exhausted')) return aside(insight, intent);
  if (insight.act === 'pointed' && insight.solutions[0]) {
    return { text: `The article "${insight.solutions[0].title}" that I sent above should answer that. If it doesn't, I can pass you to a colleague.`, choices: [TALK_TO_A_PERSON], solutions: [] };
  }
  if (insight.act === 'exhausted') {
    return { text: "I'm afraid I have nothing more on that than the articles above. Would you like me to pass you to a colleague?", choices: [TALK_TO_A_PERSON, 'No, thanks'], solutions: [] };
  }
  if (insight.act === 'introduced') return introduced(insight, intent, catalog);
  if (insight.act === 'waiting') return { text: "Sure, take your time. I'm here when you have it.", choices: [], solutions: [] };
  if (insight.act === 'unhelped' && insight.status !== 'handoff') {
    return { text: "I'm sorry that didn't help. Would you like me to pass you to a colleague?", choices: [TALK_TO_A_PERSON, 'No, thanks'], solutions: [] };
  }
  switch (insight.status) {
    case 'handoff':
      return { text: "I'm passing you to a colleague, who will see what you've told me so far, so you won't have to repeat it.", choices: [], solutions: [] };
    case 'ended':
      return ended(insight, catalog);
    case 'out-of-scope':
      return outOfScope(insight, catalog);
    case 'clarify':
      return {
        text: insight.clarifyQuestion ?? 'Could you tell me a bit more about what you need?',
        choices: insight.candidates.slice(0, 2).map((candidate) => candidate.name),
        solutions: [],
      };
    case 'need-info': {
      const next = insight.nextQuestions[0];
      const asked = next && intent ? intent.attributes.find((attribute) => attribute.name === next.attribute) : undefined;
      return {
        text: sentences(lead(insight, intent, catalog.library.locale), next ? questionText(next, asked, insight, intent) : 'Could you tell me a bit more?'),
        choices: next && asked ? choicesOf(next, asked) : [],
        // Articles already sent with an earlier question are not sent again with this one; the first ready reply
        // sends them all, as the answer (a skill caller may show solutions only then).
        solutions: insight.solutionsNew ? insight.solutions : [],
      };
    }
    case 'ready':
      return ready(insight, intent, catalog);
  }
}

/** "Are you a bot?": yes, plainly, with a person offered; then the open question, or what comes next. */
function introduced(insight: Insight, intent: Intent | undefined, catalog: Catalog): Reply {
  const self = `I'm the virtual assistant of ${catalog.library.name}, not a person. I can pass you to a colleague whenever you like.`;
  const open = insight.status === 'need-info' ? goOn(insight, intent) : null;
  if (open) return { text: sentences(self, open.question), choices: [...open.choices, TALK_TO_A_PERSON], solutions: [] };
  const then = insight.intent ? 'Is there anything else I can help with?' : `I can help with ${joinList(topicsOf(catalog))}. What can I do for you?`;
  return { text: sentences(self, then), choices: [TALK_TO_A_PERSON], solutions: [] };
}

/** A question of the customer's while one of ours is open: what answers it, then ours again. */
function aside(insight: Insight, intent: Intent | undefined): Reply {
  const open = goOn(insight, intent);
  const question = open?.question ?? null;
  const choices = open?.choices ?? [];
  if (insight.act === 'pointed' && insight.solutions[0]) {
    return { text: sentences(`The article "${insight.solutions[0].title}" that I sent above should answer that.`, question), choices, solutions: [] };
  }
  if (insight.act === 'aside' && insight.solutionsNew && insight.solutions.length > 0) {
    return { text: sentences('Here is what I found on that (below).', question), choices, solutions: insight.solutions };
  }
  return { text: sentences("I couldn't find an answer to that; a colleague can help with it once we're done.", question), choices, solutions: [] };
}

/** The open question put again after something else was said: "To go on with your request: ...", with its choices. */
function goOn(insight: Insight, intent: Intent | undefined): { question: string; choices: string[] } | null {
  const next = insight.nextQuestions[0];
  if (!next) return null;
  const asked = intent?.attributes.find((attribute) => attribute.name === next.attribute);
  return { question: `To go on with your request: ${lowerFirst(next.question)}`, choices: asked ? choicesOf(next, asked) : [] };
}

/** "What's your order number?" as the end of a sentence: lower case first, unless a name or "I" starts it. */
function lowerFirst(text: string): string {
  return /^(?:I\b|[A-Z]{2})/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function ended(insight: Insight, catalog: Catalog): Reply {
  switch (insight.act) {
    case 'cancelled':
      return { text: "No problem, I've dropped that. Is there anything else I can help with?", choices: [], solutions: [] };
    case 'declined':
      return { text: 'Alright. Is there anything else I can help with?', choices: [], solutions: [] };
    default:
      return { text: `You're welcome! Thank you for contacting ${catalog.library.name}.`, choices: [], solutions: [] };
  }
}

function outOfScope(insight: Insight, catalog: Catalog): Reply {
  const topics = topicsOf(catalog);
  if (insight.act === 'greeted') return { text: `Hi! I can help with ${joinList(topics)}. What can I do for you?`, choices: [], solutions: [] };
  if (insight.act === 'prompted') return { text: `Of course. What is it about? I can help with ${joinList(topics)}.`, choices: [], solutions: [] };
  if (insight.offer?.kind === 'person') {
    return { text: "Sorry, I still can't help with that here. Would you like me to pass you to a colleague?", choices: [TALK_TO_A_PERSON, 'No, thanks'], solutions: [] };
  }
  return {
    text: `Sorry, I can't help with that here. I can help with ${joinList(topics)}. What can I do for you?`,
    choices: [TALK_TO_A_PERSON],
    solutions: [],
  };
}

function ready(insight: Insight, intent: Intent | undefined, catalog: Catalog): Reply {
  const offer = offerText(insight, intent, catalog);
  const choices = insight.offer ? offerChoices(insight) : [TALK_TO_A_PERSON];
  const opening = lead(insight, intent, catalog.library.locale);
  if (!insight.solutionsAvailable) {
    return { text: sentences(opening, "I can't reach our help articles right now.", offer ?? 'A colleague can take it from here.'), choices, solutions: [] };
  }
  if (insight.solutions.length === 0) {
    return { text: sentences(opening, "I couldn't find an article for this.", offer ?? 'A colleague can take it from here.'), choices, solutions: [] };
  }
  if (!insight.solutionsNew) return { text: sentences(opening, 'The articles I sent above still apply.', offer), choices, solutions: [] };
  // The articles come with the offer of a person: said in that order, so "here is what should help" does not
  // introduce "I can't look into it further".
  if (insight.offer?.kind === 'person') {
    return { text: sentences(opening, withoutWhat(insight, intent), 'These articles may help; would you like me to pass you to a colleague as well?'), choices, solutions: insight.solutions };
  }
  // The colon leads into the articles only when nothing is said after it.
  return { text: sentences(opening, offer ? 'Here is what should help.' : 'Here is what should help:', offer), choices, solutions: insight.solutions };
}

/** What the turn did, said first: the intent the customer turned to, a question left, an answer taken. */
function lead(insight: Insight, intent: Intent | undefined, locale: string): string | null {
  const about = insight.actAttribute && intent ? intent.attributes.find((attribute) => attribute.name === insight.actAttribute) : undefined;
  if (insight.act === 'skipped' && about) {
    if (insight.invalidText) return `That still doesn't look like ${article(attributeLabel(about))} ${attributeLabel(about)}, so let's go on without it.`;
    // A yes-or-no question has no value to do without ("we'll do without the tried another outlet").
    return about.type === 'boolean' ? "No problem, let's go on." : `No problem, we'll do without the ${attributeLabel(about)}.`;
  }
  // A correction in the wrong form, for a value known already: said back, the value known is kept.
  if (insight.act === 'reasked' && about && insight.nextQuestions[0]?.attribute !== about.name) {
    return sentences(notTheForm(insight, about), 'Could you check it and send it again?');
  }
  if (insight.act === 'corrected' && about) {
    const value = insight.answered.find((answer) => answer.name === about.name);
    return value ? `Got it: ${attributeLabel(about)} ${shownValue(about, value.value, locale)}.` : null;
  }
  if (insight.intentChanged && intent) {
    const doing = intent.phrase ? `I can help you ${intent.phrase}.` : 'I can help with that.';
    return insight.act === 'switched' ? `Sure. ${doing}` : doing;
  }
  // A value read from words that do not spell it ("jo dot smith at gmail dot com", "LP 4011 8273") is said back, so
  // the customer sees what was understood.
  const reread = insight.answered.filter((answer) => typeof answer.value === 'string' && rereadFrom(answer.text, answer.value));
  const shown = reread.flatMap((answer) => {
    const attribute = intent?.attributes.find((candidate) => candidate.name === answer.name);
    return attribute && attribute.type !== 'enum' && attribute.type !== 'date' ? [`${attributeLabel(attribute)} ${shownValue(attribute, answer.value, locale)}`] : [];
  });
  if (shown.length > 0) return `Got it: ${joinList(shown)}.`;
  if (insight.status === 'ready' && insight.answered.length > 0) return 'Thanks.';
  return null;
}

/** Whether a value differs from the words it was read from by more than case, spaces and the punctuation around it. */
function rereadFrom(text: string, value: string): boolean {
  const plain = (words: string) => words.toLowerCase().replace(/[\s"'“”‘’]+/g, '');
  return plain(text) !== plain(value) && !plain(text).includes(plain(value));
}

/** The question, with what it means when the customer asked, or with the form a value takes when theirs did not fit. */
function questionText(next: NextQuestion, attribute: Attribute | undefined, insight: Insight, intent: Intent | undefined): string {
  if (!attribute || insight.actAttribute !== attribute.name) return next.question;
  const label = attributeLabel(attribute);
  const form = expectedForm(attribute);
  const shape = form ? formWords(form) : null;
  if (insight.act === 'reasked') return sentences(notTheForm(insight, attribute), next.question);
  if (insight.act === 'retracted') return sentences("No problem, let's put that right.", next.question);
  if (insight.act === 'justified') {
    const purpose = intent?.phrase ? `to ${intent.phrase}` : 'to look into this for you';
    return sentences(`I need the ${label} ${purpose}.`, next.question);
  }
  if (insight.act === 'explained') {
    // A description written for the agents ("... the customer is asking about") is not said to the customer.
    const meaning = attribute.description.trim();
    const forCustomer = meaning !== '' && !FOR_AGENTS.test(meaning);
    const choices = attribute.type === 'enum' && attribute.values ? `You can choose ${joinList(attribute.values.map((value) => valueLabel(attribute, value)), 'or')}.` : null;
    return sentences(forCustomer ? ensureStop(meaning) : shape ? `It's ${shape}.` : choices, next.question);
  }
  return next.question;
}

/** '"48392" doesn't look like a return authorization number: it's "RMA-" followed by 6 digits, for example RMA-123456.' */
function notTheForm(insight: Insight, attribute: Attribute): string {
  const label = attributeLabel(attribute);
  const form = expectedForm(attribute);
  const shape = form ? formWords(form) : null;
  const said = insight.invalidText ? `"${insight.invalidText}" doesn't look like ${article(label)} ${label}` : `That doesn't look like ${article(label)} ${label}`;
  return `${said}${shape ? `: it's ${shape}` : ''}.`;
}

/** A value as a person reads it: a choice's label, "November 5, 2026" for 2026-11-05, "(206) 555-0143" for +12065550143. */
function shownValue(attribute: Attribute, value: string | number | boolean, locale: string): string {
  if (attribute.type === 'enum' && typeof value === 'string') return valueLabel(attribute, value);
  if (attribute.type === 'date' && typeof value === 'string' && ISO_DAY.test(value)) return longDate(value, locale);
  if (attribute.type === 'phone' && typeof value === 'string') {
    const phone = parsePhoneNumberFromString(value);
    if (phone?.isValid()) return phone.country && localeRegion(locale) === phone.country ? phone.formatNational() : phone.formatInternational();
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "November 5, 2026" in the library's language; the ISO day itself where the locale is not one Intl knows. */
function longDate(day: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  } catch {
    return day;
  }
}

/** "US" for "en-US"; undefined for a locale without a region. */
function localeRegion(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

function formWords(form: { description: string | null; example: string | null }): string | null {
  if (form.description && form.example) return `${form.description}, for example ${form.example}`;
  if (form.example) return `like ${form.example}`;
  return form.description;
}

function choicesOf(next: NextQuestion, attribute: Attribute): string[] {
  if (next.type === 'boolean') return ['Yes', 'No'];
  return (next.values ?? []).map((value) => valueLabel(attribute, value));
}

function offerText(insight: Insight, intent: Intent | undefined, catalog: Catalog): string | null {
  const offer = insight.offer;
  if (!offer) return null;
  if (offer.kind === 'intent') {
    const phrase = catalog.intent(offer.intent.id)?.phrase;
    return phrase ? `You also asked to ${phrase}. Shall we look at that now?` : `You also mentioned ${offer.intent.name.toLowerCase()}. Shall we look at that now?`;
  }
  return `${withoutWhat(insight, intent)} Would you like me to pass you to a colleague?`;
}

/** "Without your order number I can't look into it further myself." */
function withoutWhat(insight: Insight, intent: Intent | undefined): string {
  const missing = insight.unanswerable
    .map((name) => intent?.attributes.find((attribute) => attribute.name === name))
    .filter((attribute): attribute is Attribute => attribute !== undefined)
    .map((attribute) => `your ${attributeLabel(attribute)}`);
  return `Without ${joinList(missing.length > 0 ? missing : ['that'])} I can't look into it further myself.`;
}

function offerChoices(insight: Insight): string[] {
  return insight.offer?.kind === 'person' ? [TALK_TO_A_PERSON, 'No, thanks'] : ['Yes', 'No'];
}

/** What the skill helps with, as the top groups' names: "orders and delivery, returns and refunds, ...". */
function topicsOf(catalog: Catalog): string[] {
  return catalog.library.groups.filter((group) => group.parentId === undefined).map((group) => group.name.toLowerCase());
}

function sentences(...parts: Array<string | null | undefined>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
}

function ensureStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function joinList(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Words of a description written about the customer, for the agents. */
const FOR_AGENTS = /\b(?:the\s+customer|customer(?:'|’)s|the\s+caller|the\s+user)\b/i;
