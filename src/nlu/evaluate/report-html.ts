import type { EvaluationResult, Prediction } from './evaluate.js';
import type { ConfusionPair, LabelMetrics } from './metrics.js';
import { escapeHtml } from '../../text/html-escape.js';

export interface ReportContext {
  readonly title: string;
  /** Where the model and the test rows came from, shown as given. */
  readonly trainedOn: string;
  readonly testedOn: string;
  readonly generatedAt: Date;
}

const HEATMAP_INTENTS = 20;
const LISTED_PAIRS = 25;
const LISTED_ERRORS = 500;


const fixed = (value: number, digits = 1): string => value.toFixed(digits);

/** The intents of the costliest confusions, in order of first appearance, at most `limit`. */
export function confusedIntents(confusions: readonly ConfusionPair[], limit = HEATMAP_INTENTS): string[] {
  const intents: string[] = [];
  for (const pair of confusions) {
    for (const intent of [pair.gold, pair.predicted]) {
      if (intents.length < limit && !intents.includes(intent)) intents.push(intent);
    }
    if (intents.length >= limit) break;
  }
  return intents;
}

function heatmap(result: EvaluationResult): string {
  const intents = confusedIntents(result.confusions);
  if (intents.length === 0) return '<p class="note">No confusions: every prediction was right.</p>';
  const index = new Map(intents.map((intent, i) => [intent, i]));
  const counts = intents.map(() => new Array<number>(intents.length).fill(0));
  for (const p of result.predictions) {
    const row = index.get(p.gold);
    const column = index.get(p.predicted);
    if (row !== undefined && column !== undefined) (counts[row] as number[])[column] = ((counts[row] as number[])[column] as number) + 1;
  }
  let max = 1;
  counts.forEach((row, r) => row.forEach((count, c) => {
    if (r !== c && count > max) max = count;
  }));
  const header = intents.map((intent) => `<th class="col"><div>${escapeHtml(intent)}</div></th>`).join('');
  const rows = counts
    .map((row, r) => {
      const gold = intents[r] as string;
      const cells = row
        .map((count, c) => {
          const predicted = intents[c] as string;
          const title = escapeHtml(`${gold} → ${predicted}: ${count}`);
          if (r === c) return `<td class="diag" title="${title}">${count || ''}</td>`;
          const alpha = count === 0 ? 0 : 0.15 + (0.85 * count) / max;
          return `<td style="background: rgba(200, 30, 30, ${fixed(alpha, 2)})" title="${title}">${count || ''}</td>`;
        })
        .join('');
      return `<tr><th class="row">${escapeHtml(gold)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<p class="note">Rows: gold intent; columns: predicted. The ${intents.length} intents of the costliest confusions; red is how often a row was taken for a column, the diagonal counts correct answers.</p>
<div class="scroll"><table class="heatmap"><thead><tr><th></th>${header}</tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

function pairsTable(confusions: readonly ConfusionPair[]): string {
  if (confusions.length === 0) return '';
  const rows = confusions
    .slice(0, LISTED_PAIRS)
    .map((p) => `<tr><td>${escapeHtml(p.gold)}</td><td>${escapeHtml(p.predicted)}</td><td class="num">${p.count}</td></tr>`)
    .join('\n');
  return `<h2>Costliest confusions</h2>
<table><thead><tr><th>Gold</th><th>Predicted</th><th class="num">Errors</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function bar(value: number): string {
  return `<span class="bar"><span style="width: ${fixed(Math.max(0, Math.min(100, value)), 0)}%"></span></span>`;
}

function perIntentTable(perIntent: readonly LabelMetrics[]): string {
  const rows = [...perIntent]
    .sort((a, b) => a.f1 - b.f1 || a.intent.localeCompare(b.intent))
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.intent)}</td><td class="num">${fixed(m.precision)}</td><td class="num">${fixed(m.recall)}</td><td class="num">${fixed(m.f1)}</td><td>${bar(m.f1)}</td><td class="num">${m.support}</td></tr>`,
    )
    .join('\n');
  return `<h2>Per intent (worst F1 first)</h2>
<table><thead><tr><th>Intent</th><th class="num">Precision</th><th class="num">Recall</th><th class="num">F1</th><th></th><th class="num">Support</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function errorsTable(errors: readonly Prediction[]): string {
  if (errors.length === 0) return '<h2>Errors</h2><p class="note">None.</p>';
  const rows = errors
    .slice(0, LISTED_ERRORS)
    .map(
      (p) =>
        `<tr><td class="text">${escapeHtml(p.text)}</td><td>${escapeHtml(p.gold)}</td><td>${escapeHtml(p.predicted)}</td><td class="num">${fixed(100 * p.confidence)}</td><td class="num">${fixed(100 * p.outOfScopeScore)}</td><td>${escapeHtml(p.decision)}</td></tr>`,
    )
    .join('\n');
  const more = errors.length > LISTED_ERRORS ? `<p class="note">First ${LISTED_ERRORS} of ${errors.length} errors.</p>` : '';
  return `<h2>Errors (${errors.length})</h2>${more}
<table><thead><tr><th>Text</th><th>Gold</th><th>Predicted</th><th class="num">Confidence %</th><th class="num">Out-of-scope %</th><th>Decision</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1f2328; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.meta, .note { color: #59636e; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid #d1d9e0; border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; }
.card b { display: block; font-size: 1.35rem; }
table { border-collapse: collapse; } th, td { padding: .25rem .5rem; border-bottom: 1px solid #eef0f2; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; } td.text { max-width: 40rem; }
.scroll { overflow-x: auto; }
.heatmap td { width: 1.8rem; height: 1.8rem; text-align: center; border: 1px solid #eef0f2; padding: 0; font-size: 12px; }
.heatmap td.diag { background: #eef0f2; color: #59636e; }
.heatmap th.row { white-space: nowrap; font-weight: normal; text-align: right; }
.heatmap th.col { height: 12rem; vertical-align: bottom; padding: 0; font-weight: normal; }
.heatmap th.col div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; width: 1.8rem; }
.bar { display: inline-block; width: 6rem; height: .6rem; background: #eef0f2; border-radius: 3px; }
.bar span { display: block; height: 100%; background: #2f81f7; border-radius: 3px; }
`;

/** A self-contained HTML page (no scripts, no external resources) a person can open offline. */
export function renderEvaluationReport(result: EvaluationResult, context: ReportContext): string {
  const card = (label: string, value: string) => `<div class="card">${escapeHtml(label)}<b>${escapeHtml(value)}</b></div>`;
  const cards = [
    card('Accuracy', `${fixed(result.accuracy)}%`),
    card('Macro-F1', `${fixed(result.macroF1)}%`),
    card('In-scope accuracy', `${fixed(result.inScopeAccuracy)}%`),
    card('Out-of-scope recall', result.oosRecall === null ? 'n/a' : `${fixed(result.oosRecall)}%`),
    card('Calibration error (ECE)', `${fixed(result.ece)}%`),
    card('Clarify / out-of-scope', `${fixed(result.clarifyRate)}% / ${fixed(result.outOfScopeRate)}%`),
    card('Latency p50 / p95', `${fixed(result.latencyMsP50, 2)} / ${fixed(result.latencyMsP95, 2)} ms`),
    card('Rows', String(result.rows)),
  ].join('\n');
  const errors = result.predictions.filter((p) => !p.correct);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(context.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(context.title)}</h1>
<p class="meta">Trained on ${escapeHtml(context.trainedOn)}; tested on ${escapeHtml(context.testedOn)}${
    result.oosLabel === null ? '' : `; out-of-scope label "${escapeHtml(result.oosLabel)}"`
  }; ${escapeHtml(context.generatedAt.toISOString())}.</p>
<div class="cards">
${cards}
</div>
<h2>Confusion heat map</h2>
${heatmap(result)}
${pairsTable(result.confusions)}
${perIntentTable(result.perIntent)}
${errorsTable(errors)}
</body>
</html>
`;
}
