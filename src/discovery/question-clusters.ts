import { stemOf, topicStems, topicWords } from '../text/topic-words.js';
import { addTerm, cosine, type TermVector } from '../text/term-vectors.js';

/** One wording of an agent question within an intent's conversations. */
export interface AskedQuestion {
  /** The question key (see `questionKey`). */
  key: string;
  /** Conversations (by index) that asked it, each with the answers it got there. */
  answersIn: ReadonlyMap<number, readonly string[]>;
}

export interface QuestionCluster {
  /** Distinct phrasings (question keys) with how many conversations asked each, most frequent first. */
  phrasings: Array<{ text: string; count: number }>;
  /** The kind of value most of them ask for ('other' when most are plain "what" questions). */
  kind: AskKind;
}

/** What kind of value a question asks for, from its question word and head noun. */
export type AskKind = 'count' | 'amount' | 'duration' | 'time' | 'date' | 'when' | 'origin' | 'destination' | 'place' | 'person' | 'other';

const KINDS: ReadonlyArray<[AskKind, RegExp]> = [
  ['duration', /\bhow long\b|\bduration\b|\bhow many (?:days|nights|weeks|months|hours)\b/i],
  ['count', /\bhow many\b|\bnumber of (?!the\b)\w+s\b/i],
  ['amount', /\bhow much\b|\bamount\b|\bbudget\b|\bprice range\b/i],
  ['time', /\b(?:what|which|at what) time\b|\btime\b|\bwhat hour\b/i],
  ['date', /\b(?:what|which|on what|on which) (?:date|day)\b|\bdates?\b/i],
  ['when', /\bwhen\b/i],
  ['person', /\bwho(?:m)?\b/i],
  ['place', /\bwhere\b|\b(?:city|town|area|location|place(?! (?:an? |the )?order)|address|neighbo(?:u)?rhood|airport|station|destination|origin)\b(?<!take place)|\b(?:depart(?:ing|ure)?|leaving|going|headed|heading)\b(?!.*\b(?:when|date|day|time)\b)/i],
];

const FROM = /\b(?:from|origin|depart(?:ing|ure)?|leaving)\b/i;
const TO = /\b(?:destination|going|headed|heading)\b|\bto\s*\??$|\bsend (?:it|them)\b|\bdeliver(?:ed)? to\b/i;

function askKind(question: string): AskKind {
  const kind = KINDS.find(([, pattern]) => pattern.test(question))?.[0] ?? 'other';
  if (kind !== 'place') return kind;
  // "Where are you leaving from?" and "Where are you headed?" ask different places; "From where to where?" asks both.
  const from = FROM.test(question);
  const to = TO.test(question);
  return from && !to ? 'origin' : to && !from ? 'destination' : 'place';
}

function compatibleKinds(a: AskKind, b: AskKind): boolean {
  if (a === b || a === 'other' || b === 'other') return true;
  const pair = new Set([a, b]);
  if (pair.has('place')) return pair.has('origin') || pair.has('destination');
  return pair.has('when') && (pair.has('date') || pair.has('time'));
}

type Vector = TermVector;

/** A cluster while it grows: its phrasings, question words, answer words and where it was asked. */
interface Growing {
  phrasings: Array<{ text: string; count: number }>;
  /** How many conversations asked it in each kind of wording. */
  kinds: Map<AskKind, number>;
  questionStems: Vector;
  answerStems: Vector;
  /** Conversation index -> answers it got there. */
  answersIn: Map<number, Set<string>>;
}

function grow(question: AskedQuestion): Growing {
  const questionStems: Vector = new Map();
  const stems = topicStems(question.key);
  for (const stem of stems) addTerm(questionStems, stem, question.answersIn.size);
  const answerStems: Vector = new Map();
  for (const answers of question.answersIn.values()) {
    for (const answer of answers) for (const word of new Set(topicWords(answer).map(stemOf))) addTerm(answerStems, word, 1);
  }
  return {
    phrasings: [{ text: question.key, count: question.answersIn.size }],
    kinds: new Map([[askKind(question.key), question.answersIn.size]]),
    questionStems,
    answerStems,
    answersIn: new Map([...question.answersIn].map(([conversation, answers]) => [conversation, new Set(answers)])),
  };
}

/** The kind most of a cluster's wordings ask, ignoring plain "what" questions; 'other' when none says. */
function kindOf(cluster: Growing): AskKind {
  let best: [AskKind, number] = ['other', 0];
  for (const [kind, n] of cluster.kinds) if (kind !== 'other' && n > best[1]) best = [kind, n];
  return best[0];
}

/** Whether a cluster asks one definite kind of value (not just "what"). */
function specific(cluster: Growing): boolean {
  return kindOf(cluster) !== 'other';
}

function compatible(a: Growing, b: Growing): boolean {
  return compatibleKinds(kindOf(a), kindOf(b));
}

/**
 * Conversations in which both were asked, at different turns (different answers): two wordings of one
 * question are rarely both asked, while origin and destination are asked together.
 */
function askedTogether(a: Growing, b: Growing): number {
  let together = 0;
  for (const [conversation, answers] of a.answersIn) {
    const other = b.answersIn.get(conversation);
    if (other && [...other].some((answer) => !answers.has(answer))) together += 1;
  }
  return together;
}

/** Wordings joined pair by pair (the most asked); O(AGGLOMERATED^2) similarities in all. */
const AGGLOMERATED = 400;
/** Question-word similarity at which two wordings ask the same thing. */
const SAME_WORDS = 0.5;
/** Answer-word similarity at which two questions ask the same thing ("What genre?" and "What kind of movie?" both get "comedy"). */
const SAME_ANSWERS = 0.4;
/** Share of the smaller cluster's conversations that may ask both before they count as different things. */
const TOGETHER = 0.1;
/** From this many conversations on, one conversation may ask both: agents re-ask in other words when an answer missed. */
const REASKED = 3;

function similarity(a: Growing, b: Growing): number {
  if (!compatible(a, b)) return 0;
  const smaller = Math.min(a.answersIn.size, b.answersIn.size);
  if (askedTogether(a, b) > Math.max(TOGETHER * smaller, smaller >= REASKED ? 1 : 0)) return 0;
  const words = cosine(a.questionStems, b.questionStems);
  const answers = cosine(a.answerStems, b.answerStems);
  const best = Math.max(words / SAME_WORDS, answers / SAME_ANSWERS);
  if (best >= 1) return best;
  // Same kind of value ("Where should I search?", "Which city?") and never asked together: joined after every closer pair.
  return specific(a) && specific(b) ? 0.5 + 0.5 * Math.max(words, answers) : 0;
}

/** Types answers show without doubt: an email address, a phone number, an identifier of one shape. */
const DEFINITE: ReadonlySet<string> = new Set(['email', 'phone', 'identifier']);

/**
 * Whether two clusters' answers may hold one attribute: an email never joins an identifier or free text.
 * Dates, numbers and yes/no are read from answers that often say more than the value, so they decide nothing.
 */
function sameValues(a: string, b: string): boolean {
  return a === b || (!DEFINITE.has(a) && !DEFINITE.has(b));
}

function absorb(into: Growing, from: Growing): void {
  into.phrasings.push(...from.phrasings);
  into.phrasings.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  for (const [kind, n] of from.kinds) into.kinds.set(kind, (into.kinds.get(kind) ?? 0) + n);
  for (const [stem, n] of from.questionStems) addTerm(into.questionStems, stem, n);
  for (const [stem, n] of from.answerStems) addTerm(into.answerStems, stem, n);
  for (const [conversation, answers] of from.answersIn) {
    const existing = into.answersIn.get(conversation);
    if (existing) for (const answer of answers) existing.add(answer);
    else into.answersIn.set(conversation, new Set(answers));
  }
}

/**
 * Groups the questions asked in one intent's conversations by what they ask for. Agglomerative: the
 * most similar pair is joined first, by question words (cosine of topic stems) or by the answers
 * customers gave (cosine of answer words), never across kinds of value ("where" vs "when", "how
 * many" vs "how long") or types of value (`valueType` of the answers: a date never joins a number), and
 * never when the two are asked in the same conversations. Similarities are computed once and again only
 * for a group that grew: O(m^2) for the m <= 400 most asked wordings, then O(rest x groups) for the
 * rarer ones, which join their closest group.
 */
export function clusterQuestions(questions: readonly AskedQuestion[], valueType: (answers: readonly string[], question: string) => string = () => 'text'): QuestionCluster[] {
  const usable = questions.filter((q) => topicStems(q.key).size > 0 || askKind(q.key) !== 'other');
  // The most asked wordings are joined pair by pair; rarer ones (typos, one-off wordings) then join their closest group.
  const ordered = [...usable].sort((a, b) => b.answersIn.size - a.answersIn.size || a.key.localeCompare(b.key));
  const clusters = ordered.slice(0, AGGLOMERATED).map(grow);
  const types = new Map<Growing, string>();
  const typeOf = (c: Growing) => types.get(c) ?? types.set(c, valueType([...c.answersIn.values()].flatMap((a) => [...a]), c.phrasings[0]!.text)).get(c)!;
  const score = (a: Growing, b: Growing) => (sameValues(typeOf(a), typeOf(b)) ? similarity(a, b) : 0);
  const n = clusters.length;
  const alive = new Uint8Array(n).fill(1);
  const scores = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) scores[i * n + j] = score(clusters[i]!, clusters[j]!);
  for (;;) {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < n; i += 1) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j += 1) {
        const s = scores[i * n + j]!;
        if (alive[j] && s > bestScore) {
          best = i * n + j;
          bestScore = s;
        }
      }
    }
    if (best < 0) break;
    const [i, j] = [Math.floor(best / n), best % n];
    absorb(clusters[i]!, clusters[j]!);
    types.delete(clusters[i]!);
    alive[j] = 0;
    for (let k = 0; k < n; k += 1) {
      if (!alive[k] || k === i) continue;
      const s = score(clusters[Math.min(i, k)]!, clusters[Math.max(i, k)]!);
      scores[Math.min(i, k) * n + Math.max(i, k)] = s;
    }
  }
  const joined = clusters.filter((_, i) => alive[i]);
  for (const question of ordered.slice(AGGLOMERATED)) {
    const single = grow(question);
    let into: Growing | undefined;
    let bestScore = 0;
    for (const cluster of joined) {
      const s = score(cluster, single);
      if (s > bestScore) {
        into = cluster;
        bestScore = s;
      }
    }
    if (into) {
      absorb(into, single);
      types.delete(into);
    } else {
      joined.push(single);
    }
  }
  return joined.map((c) => ({ phrasings: c.phrasings, kind: (c.kinds.get('other') ?? 0) * 2 > c.answersIn.size ? 'other' : kindOf(c) }));
}

/** The key a question is counted under: its wording without case, spacing or end punctuation. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?.!]+$/u, '').trim();
}
