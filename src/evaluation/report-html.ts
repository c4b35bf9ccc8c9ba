import { escapeHtml } from '../text/html-escape.js';
import type { ConversationEvaluation, ScoredConversation } from './evaluate-conversations.js';
import { worstConversations } from './evaluate-conversations.js';
import type { GoldValue } from './labelled-conversations.js';
import type { ReplayedAgentTurn, ReplayedCustomerTurn } from './replay.js';
import { ratesOf, type AgentTurnJudgement, type Counts, type CustomerTurnJudgement } from './scoring.js';

export interface ConversationReportContext {
  readonly library: string;
  readonly conversations: string;
  readonly generatedAt: Date;
  /** How many of the lowest-scoring conversations to show in full. */
  readonly worst: number;
}

const pct = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(1)}%`);
const mark = (right: boolean) => (right ? '<span class="ok">✓</span>' : '<span class="bad">✗</span>');
const shown = (value: GoldValue | string | number | boolean) => escapeHtml(typeof value === 'string' ? value : JSON.stringify(value));

const COUNT_LABELS: Record<keyof Counts, string> = {
  customerTurns: 'customer turns',
  agentTurns: 'agent turns',
  intentTurns: 'customer turns with a gold intent',
  intentCorrect: 'of them with the right active intent',
  goldValues: 'values stated (gold)',
  predictedValues: 'values taken by the engine',
  matchedValues: 'values taken that match a stated one',
  askingTurns: 'agent turns that ask for something',
  askedAttributes: 'attributes asked for',
  proposedQuestions: 'next questions proposed (top k before each such turn)',
  questionHits: 'proposals the agent asked',
  reasks: 'proposals for a value already stated',
  handoffTurns: 'turns labelled hand-off',
  handoffsDetected: 'of them with status handoff',
  unexpectedHandoffs: 'unlabelled turns where the status became handoff',
  endTurns: 'turns labelled end',
  endsDetected: 'of them with status ended',
  unexpectedEnds: 'unlabelled turns where the status became ended',
};

function countsTable(counts: Counts): string {
  const rows = (Object.keys(COUNT_LABELS) as Array<keyof Counts>)
    .map((key) => `<tr><td>${escapeHtml(COUNT_LABELS[key])}</td><td class="num">${counts[key]}</td></tr>`)
    .join('\n');
  return `<table class="counts"><tbody>\n${rows}\n</tbody></table>`;
}

function customerRow(turn: ReplayedCustomerTurn, judgement: CustomerTurnJudgement, index: number): string {
  const { gold } = turn;
  const goldParts = [
    gold.intent === undefined ? '' : `<div>intent <code>${escapeHtml(gold.intent)}</code></div>`,
    ...Object.entries(gold.values ?? {}).map(([name, value]) => `<div><code>${escapeHtml(name)}</code> = ${shown(value)}</div>`),
    gold.handoff ? '<div class="flag">hand-off</div>' : '',
    gold.end ? '<div class="flag">end</div>' : '',
  ];
  const engineParts = [
    `<div>intent <code>${escapeHtml(turn.intent)}</code> ${judgement.intentRight === null ? '' : mark(judgement.intentRight)} <span class="muted">${escapeHtml(turn.status)}</span></div>`,
    ...judgement.values.map((value) => `<div><code>${escapeHtml(value.attribute)}</code> = ${shown(value.value)} ${mark(value.right)}</div>`),
    ...judgement.missed.map((value) => `<div class="missed">missed <code>${escapeHtml(value.attribute)}</code> = ${shown(value.value)}</div>`),
    judgement.handoffRight === null ? '' : `<div>hand-off ${mark(judgement.handoffRight)}</div>`,
    judgement.endRight === null ? '' : `<div>end ${mark(judgement.endRight)}</div>`,
  ];
  return `<tr><td class="num">${index + 1}</td><td>customer</td><td class="text">${escapeHtml(gold.text)}</td><td>${goldParts.join('')}</td><td>${engineParts.join('')}</td></tr>`;
}

function agentRow(turn: ReplayedAgentTurn, judgement: AgentTurnJudgement, index: number): string {
  const asks = turn.gold.asks ?? [];
  const gold = asks.length === 0 ? '' : `<div>asks ${asks.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ')}</div>`;
  const proposals = judgement.proposals.map(
    (proposal) => `<code>${escapeHtml(proposal.attribute)}</code> ${mark(proposal.asked)}${proposal.reask ? ' <span class="bad">re-ask</span>' : ''}`,
  );
  const rest = turn.proposed.slice(judgement.proposals.length).map((name) => `<code>${escapeHtml(name)}</code>`);
  const unjudged = rest.length === 0 ? '' : ` <span class="muted">${proposals.length > 0 ? 'then ' : ''}${rest.join(', ')}</span>`;
  const engine = proposals.length + rest.length === 0 ? '<span class="muted">no next question</span>' : `<div>next ${proposals.join(', ')}${unjudged}</div>`;
  return `<tr class="agent"><td class="num">${index + 1}</td><td>agent</td><td class="text">${escapeHtml(turn.gold.text)}</td><td>${gold}</td><td>${engine}</td></tr>`;
}

function conversationSection(conversation: ScoredConversation): string {
  const rates = ratesOf(conversation.counts);
  const rows = conversation.replayed.turns
    .map((turn, index) => {
      const judgement = conversation.judgements[index];
      return turn.role === 'customer' ? customerRow(turn, judgement as CustomerTurnJudgement, index) : agentRow(turn, judgement as AgentTurnJudgement, index);
    })
    .join('\n');
  return `<section>
<h3>${escapeHtml(conversation.conversationId)} <span class="muted">score ${conversation.score.toFixed(1)}</span></h3>
<p class="note">intent accuracy ${pct(rates.intentAccuracy)}, value F1 ${pct(rates.valueF1)}, next-question F1 ${pct(rates.nextQuestionF1)}, re-asks ${pct(rates.reaskRate)}, hand-off recall ${pct(rates.handoffRecall)}, end recall ${pct(rates.endRecall)}; reference date ${escapeHtml(conversation.replayed.reference.toISOString())}</p>
<table class="turns"><thead><tr><th class="num">#</th><th>Speaker</th><th>Text</th><th>Gold</th><th>Engine</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1f2328; max-width: 90rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; margin: 1.5rem 0 .25rem; }
.meta, .note, .muted { color: #59636e; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid #d1d9e0; border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }
.card b { display: block; font-size: 1.35rem; }
table { border-collapse: collapse; } th, td { padding: .25rem .5rem; border-bottom: 1px solid #eef0f2; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; } td.text { max-width: 36rem; }
tr.agent td { background: #f6f8fa; }
.ok { color: #1a7f37; font-weight: bold; } .bad { color: #cf222e; font-weight: bold; }
.missed { color: #cf222e; } .flag { font-weight: bold; }
code { font-size: 12px; background: #eef0f2; padding: 0 .2rem; border-radius: 3px; }
`;

/** A self-contained page (no scripts, no external resources): the measures, every count, and the lowest-scoring conversations turn by turn. */
export function renderConversationReport(evaluation: ConversationEvaluation, context: ConversationReportContext): string {
  const { rates } = evaluation;
  const card = (label: string, value: string) => `<div class="card">${escapeHtml(label)}<b>${escapeHtml(value)}</b></div>`;
  const cards = [
    card('Intent accuracy', pct(rates.intentAccuracy)),
    card('Value F1', pct(rates.valueF1)),
    card('Value precision / recall', `${pct(rates.valuePrecision)} / ${pct(rates.valueRecall)}`),
    card('Next-question F1', pct(rates.nextQuestionF1)),
    card('Re-asks', pct(rates.reaskRate)),
    card('Hand-off recall', pct(rates.handoffRecall)),
    card('End recall', pct(rates.endRecall)),
    card('Conversations', String(evaluation.conversations.length)),
  ].join('\n');
  const worst = worstConversations(evaluation, context.worst);
  const unknown = [
    evaluation.unknownIntents.length > 0 ? `<p class="note">Gold intents the library does not have: ${evaluation.unknownIntents.map(escapeHtml).join(', ')}.</p>` : '',
    evaluation.unknownAttributes.length > 0 ? `<p class="note">Gold attributes no intent of the library has: ${evaluation.unknownAttributes.map(escapeHtml).join(', ')}.</p>` : '',
  ].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Whole conversations: evaluation</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Whole conversations: evaluation</h1>
<p class="meta">Library ${escapeHtml(context.library)}; conversations ${escapeHtml(context.conversations)}; replayed in ${(evaluation.replayMs / 1000).toFixed(1)} s; ${escapeHtml(context.generatedAt.toISOString())}.</p>
<div class="cards">
${cards}
</div>
${unknown}
<h2>Counts</h2>
${countsTable(evaluation.counts)}
<h2>The ${worst.length} lowest-scoring conversations</h2>
<p class="note">A conversation's score is the mean of its intent accuracy, value F1, next-question F1, hand-off and end recall, each where it applies.
A value the engine took is marked right when it matches a value stated in that turn or before; a stated value never taken is marked missed on the turn that stated it.
On agent turns, the engine's next questions just before the turn: the first k (k = attributes asked) are judged.</p>
${worst.map(conversationSection).join('\n')}
</body>
</html>
`;
}
