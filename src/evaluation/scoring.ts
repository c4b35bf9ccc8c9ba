import type { GoldValue } from './labelled-conversations.js';
import type { ReplayedAgentTurn, ReplayedConversation, ReplayedCustomerTurn, TakenValue } from './replay.js';
import { sameValue } from './values.js';

/** What the scores count, summed over conversations; every rate is derived from these (docs/understanding.md). */
export interface Counts {
  customerTurns: number;
  agentTurns: number;
  /** Customer turns with a gold intent, and those where the engine's active intent was it. */
  intentTurns: number;
  intentCorrect: number;
  /** Values stated in gold, values the engine took, and pairs of the two matched one to one. */
  goldValues: number;
  predictedValues: number;
  matchedValues: number;
  /** Agent turns that ask for something, the attributes they ask for, the engine's top-k proposals and the hits among them. */
  askingTurns: number;
  askedAttributes: number;
  proposedQuestions: number;
  questionHits: number;
  /** Proposals asking for a value the customer had already stated. */
  reasks: number;
  handoffTurns: number;
  handoffsDetected: number;
  /** Customer turns where the status became `handoff` with no hand-off labelled. */
  unexpectedHandoffs: number;
  endTurns: number;
  endsDetected: number;
  unexpectedEnds: number;
}

export const HANDOFF_STATUS = 'handoff';
export const ENDED_STATUS = 'ended';

/** How each turn was judged, for the report. */
export interface CustomerTurnJudgement {
  intentRight: boolean | null;
  /** The engine's values, each with whether it matched a gold value. */
  values: Array<TakenValue & { right: boolean }>;
  /** Gold values of this turn the engine never took (in this turn or a later one). */
  missed: Array<{ attribute: string; value: GoldValue }>;
  handoffRight: boolean | null;
  endRight: boolean | null;
}

export interface AgentTurnJudgement {
  /** The top-k proposals (k = attributes asked), each with whether it was asked and whether its value was already stated. */
  proposals: Array<{ attribute: string; asked: boolean; reask: boolean }>;
}

export type TurnJudgement = CustomerTurnJudgement | AgentTurnJudgement;

export interface ConversationScore {
  conversationId: string;
  counts: Counts;
  /** The mean of the conversation's intent accuracy, value F1, next-question F1, hand-off and end recall, each where it applies; 0-100. */
  score: number;
  judgements: TurnJudgement[];
}

export function emptyCounts(): Counts {
  return {
    customerTurns: 0,
    agentTurns: 0,
    intentTurns: 0,
    intentCorrect: 0,
    goldValues: 0,
    predictedValues: 0,
    matchedValues: 0,
    askingTurns: 0,
    askedAttributes: 0,
    proposedQuestions: 0,
    questionHits: 0,
    reasks: 0,
    handoffTurns: 0,
    handoffsDetected: 0,
    unexpectedHandoffs: 0,
    endTurns: 0,
    endsDetected: 0,
    unexpectedEnds: 0,
  };
}

export function addCounts(total: Counts, more: Counts): Counts {
  const sum = { ...total };
  for (const key of Object.keys(sum) as Array<keyof Counts>) sum[key] += more[key];
  return sum;
}

/** A share in percent, null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

export function f1(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export interface Rates {
  intentAccuracy: number | null;
  valuePrecision: number | null;
  valueRecall: number | null;
  valueF1: number | null;
  nextQuestionPrecision: number | null;
  nextQuestionRecall: number | null;
  nextQuestionF1: number | null;
  reaskRate: number | null;
  handoffRecall: number | null;
  endRecall: number | null;
}

export function ratesOf(counts: Counts): Rates {
  const valuePrecision = percent(counts.matchedValues, counts.predictedValues);
  const valueRecall = percent(counts.matchedValues, counts.goldValues);
  const nextQuestionPrecision = percent(counts.questionHits, counts.proposedQuestions);
  const nextQuestionRecall = percent(counts.questionHits, counts.askedAttributes);
  return {
    intentAccuracy: percent(counts.intentCorrect, counts.intentTurns),
    valuePrecision,
    valueRecall,
    // With values on one side only (nothing stated, or nothing taken), F1 is 0: one of the two is 0 or missing.
    valueF1: counts.goldValues + counts.predictedValues === 0 ? null : (f1(valuePrecision ?? 0, valueRecall ?? 0) as number),
    nextQuestionPrecision,
    nextQuestionRecall,
    nextQuestionF1: counts.askedAttributes === 0 ? null : (f1(nextQuestionPrecision ?? 0, nextQuestionRecall) as number),
    reaskRate: percent(counts.reasks, counts.proposedQuestions),
    handoffRecall: percent(counts.handoffsDetected, counts.handoffTurns),
    endRecall: percent(counts.endsDetected, counts.endTurns),
  };
}

interface StatedValue {
  turn: number;
  attribute: string;
  value: GoldValue;
  matched: boolean;
}

/**
 * Scores one replayed conversation. Values match one to one: a value the engine takes in turn t matches an unmatched
 * gold value of the same attribute stated in turn t or earlier (the latest such), so a value said before the intent
 * was known and taken once it is counts as right.
 */
export function scoreConversation(conversation: ReplayedConversation): ConversationScore {
  const counts = emptyCounts();
  const stated: StatedValue[] = [];
  const judgements: TurnJudgement[] = [];
  let previousStatus: string | null = null;
  conversation.turns.forEach((turn, index) => {
    if (turn.role === 'agent') {
      judgements.push(judgeAgentTurn(turn, stated, counts));
      return;
    }
    for (const [attribute, value] of Object.entries(turn.gold.values ?? {})) stated.push({ turn: index, attribute, value, matched: false });
    judgements.push(judgeCustomerTurn(turn, index, stated, previousStatus, conversation.reference, counts));
    previousStatus = turn.status;
  });
  for (const value of stated) {
    if (!value.matched) (judgements[value.turn] as CustomerTurnJudgement).missed.push({ attribute: value.attribute, value: value.value });
  }
  return { conversationId: conversation.conversationId, counts, score: conversationScore(counts), judgements };
}

function judgeCustomerTurn(
  turn: ReplayedCustomerTurn,
  index: number,
  stated: StatedValue[],
  previousStatus: string | null,
  reference: Date,
  counts: Counts,
): CustomerTurnJudgement {
  counts.customerTurns += 1;
  const { gold } = turn;
  let intentRight: boolean | null = null;
  if (gold.intent !== undefined) {
    intentRight = turn.intent === gold.intent;
    counts.intentTurns += 1;
    if (intentRight) counts.intentCorrect += 1;
  }
  counts.goldValues += Object.keys(gold.values ?? {}).length;
  counts.predictedValues += turn.values.length;
  const values = turn.values.map((taken) => {
    const match = stated.findLast((value) => !value.matched && value.turn <= index && value.attribute === taken.attribute && sameValue(value.value, taken.value, reference));
    if (match) {
      match.matched = true;
      counts.matchedValues += 1;
    }
    return { ...taken, right: match !== undefined };
  });
  const handoff = judgeStatus(gold.handoff === true, turn.status, previousStatus, HANDOFF_STATUS);
  counts.handoffTurns += handoff.labelled;
  counts.handoffsDetected += handoff.detected;
  counts.unexpectedHandoffs += handoff.unexpected;
  const end = judgeStatus(gold.end === true, turn.status, previousStatus, ENDED_STATUS);
  counts.endTurns += end.labelled;
  counts.endsDetected += end.detected;
  counts.unexpectedEnds += end.unexpected;
  return { intentRight, values, missed: [], handoffRight: handoff.right, endRight: end.right };
}

/**
 * A labelled turn is detected when the status after it is `wanted`; an unlabelled turn is an unexpected one when the
 * status becomes `wanted` there (it was not after the customer's previous turn). `right` is null where neither applies.
 */
function judgeStatus(labelled: boolean, status: string, previous: string | null, wanted: string) {
  const has = status === wanted;
  if (labelled) return { labelled: 1, detected: Number(has), unexpected: 0, right: has };
  const became = has && previous !== wanted;
  return { labelled: 0, detected: 0, unexpected: Number(became), right: became ? false : null };
}

function judgeAgentTurn(turn: ReplayedAgentTurn, stated: readonly StatedValue[], counts: Counts): AgentTurnJudgement {
  counts.agentTurns += 1;
  const asks = [...new Set(turn.gold.asks ?? [])];
  if (asks.length === 0) return { proposals: [] };
  counts.askingTurns += 1;
  counts.askedAttributes += asks.length;
  const proposals = turn.proposed.slice(0, asks.length).map((attribute) => ({
    attribute,
    asked: asks.includes(attribute),
    reask: stated.some((value) => value.attribute === attribute),
  }));
  counts.proposedQuestions += proposals.length;
  counts.questionHits += proposals.filter((proposal) => proposal.asked).length;
  counts.reasks += proposals.filter((proposal) => proposal.reask).length;
  return { proposals };
}

function conversationScore(counts: Counts): number {
  const rates = ratesOf(counts);
  const parts = [rates.intentAccuracy, rates.valueF1, rates.nextQuestionF1, rates.handoffRecall, rates.endRecall].filter((rate): rate is number => rate !== null);
  return parts.length === 0 ? 100 : parts.reduce((sum, rate) => sum + rate, 0) / parts.length;
}
