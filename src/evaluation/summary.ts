import { worstConversations, type ConversationEvaluation } from './evaluate-conversations.js';

const round = (value: number | null): number | null => (value === null ? null : Number(value.toFixed(2)));

/** The evaluation as one JSON object: rates in percent (null where nothing was there to measure), every count, the worst conversations. */
export function summaryJson(evaluation: ConversationEvaluation, worst: number): string {
  const { counts, rates } = evaluation;
  return JSON.stringify({
    conversations: evaluation.conversations.length,
    ...Object.fromEntries(Object.entries(rates).map(([name, rate]) => [name, round(rate)])),
    ...counts,
    unknownIntents: evaluation.unknownIntents,
    unknownAttributes: evaluation.unknownAttributes,
    replaySeconds: Number((evaluation.replayMs / 1000).toFixed(2)),
    worst: worstConversations(evaluation, worst).map((conversation) => ({ conversationId: conversation.conversationId, score: round(conversation.score) })),
  });
}

/** Conversations the readable summary names; the JSON and the report take as many as asked. */
const TEXT_WORST = 5;

const pct = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)}%`);

/** A short readable summary. */
export function summaryText(evaluation: ConversationEvaluation, worst: number): string {
  const { counts: c, rates: r } = evaluation;
  const lines = [
    `conversations ${evaluation.conversations.length}  customer turns ${c.customerTurns}  agent turns ${c.agentTurns}  (replayed in ${(evaluation.replayMs / 1000).toFixed(1)} s)`,
    `intent accuracy ${pct(r.intentAccuracy)} (${c.intentCorrect} of ${c.intentTurns} labelled turns)`,
    `values: precision ${pct(r.valuePrecision)}  recall ${pct(r.valueRecall)}  F1 ${pct(r.valueF1)} (${c.matchedValues} right of ${c.predictedValues} taken, ${c.goldValues} stated)`,
    `next questions: F1 ${pct(r.nextQuestionF1)}  precision ${pct(r.nextQuestionPrecision)}  recall ${pct(r.nextQuestionRecall)} (${c.questionHits} of ${c.askedAttributes} asked, ${c.proposedQuestions} proposed)  re-asks ${pct(r.reaskRate)} (${c.reasks})`,
    `hand-offs: recall ${pct(r.handoffRecall)} (${c.handoffsDetected} of ${c.handoffTurns}, ${c.unexpectedHandoffs} unexpected)  endings: recall ${pct(r.endRecall)} (${c.endsDetected} of ${c.endTurns}, ${c.unexpectedEnds} unexpected)`,
  ];
  if (evaluation.unknownIntents.length > 0) lines.push(`gold intents the library does not have: ${evaluation.unknownIntents.join(', ')}`);
  if (evaluation.unknownAttributes.length > 0) lines.push(`gold attributes no intent of the library has: ${evaluation.unknownAttributes.join(', ')}`);
  const listed = worstConversations(evaluation, Math.min(worst, TEXT_WORST));
  if (listed.length > 0) lines.push(`lowest scores: ${listed.map((conversation) => `${conversation.conversationId} (${conversation.score.toFixed(0)})`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
