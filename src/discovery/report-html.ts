import type { Attribute, IntentLibrary } from '../library/schema.js';
import type { Discovery } from './discover.js';
import { escapeHtml as e } from '../text/html-escape.js';
import { svgBars } from './svg-bars.js';
import { NON_BUSINESS_KINDS, type NonBusinessKind } from './non-business.js';

export interface ReportInput {
  discovery: Discovery;
  /** The transcripts file, as the user named it. */
  source: string;
  /** Conversations read, including those without a request. */
  conversationsRead: number;
  skippedRows: number;
  generatedAt: Date;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #d6dae3;padding-bottom:.3rem}h3{margin:1.6rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e6e8ee;vertical-align:top}
th{background:#f4f6fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#667}.tag{display:inline-block;padding:0 .4rem;border-radius:3px;background:#eef1f7;font-size:12px}
svg.bars text{font-size:12px;fill:#1d2330}svg.bars rect{fill:#3b6fd8}.intent{border:1px solid #e0e4ec;border-radius:6px;padding:.2rem 1rem 1rem;margin:1rem 0}
.conv{border-left:3px solid #c8d2e6;padding-left:.8rem;margin:1rem 0}.conv p{margin:.15rem 0}.role{font-weight:600;display:inline-block;width:5.5rem}
.meter{display:inline-block;height:8px;background:#3b6fd8;border-radius:2px;vertical-align:middle;margin-right:.4rem}`;

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

function typeText(attribute: Attribute): string {
  if (attribute.type === 'enum' && attribute.values) return `enum: ${attribute.values.join(', ')}`;
  if (attribute.pattern) return `${attribute.type}: ${attribute.pattern}`;
  return attribute.type;
}

function attributesTable(attributes: readonly Attribute[]): string {
  if (attributes.length === 0) return '<p class="muted">No question was asked often enough to be an attribute.</p>';
  const rows = attributes.map(
    (a) =>
      `<tr><td><code>${e(a.name)}</code></td><td>${e(a.question)}</td><td><span class="tag">${e(typeText(a))}</span></td>` +
      `<td class="n"><span class="meter" style="width:${Math.round(a.weight * 80)}px"></span>${percent(a.weight)}</td></tr>`,
  );
  return `<table><thead><tr><th>Attribute</th><th>Question agents ask</th><th>Type</th><th>Asked in</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function groupBars(library: IntentLibrary): string {
  const bars = library.groups
    .map((g) => {
      const conversations = library.intents.filter((i) => i.groupId === g.id).reduce((sum, i) => sum + (i.stats?.conversations ?? 0), 0);
      return { label: g.name, value: conversations };
    })
    .sort((a, b) => b.value - a.value);
  return svgBars(bars, 'Conversations by intent group');
}

/** Requests that are moves of the chat, not intents: counted so a manager sees them, never proposed. */
function nonBusinessSection(discovery: Discovery, conversationsRead: number): string {
  const rows = (Object.keys(NON_BUSINESS_KINDS) as NonBusinessKind[])
    .filter((kind) => discovery.nonBusiness[kind] > 0)
    .map((kind) => `<tr><td>${e(NON_BUSINESS_KINDS[kind])}</td><td class="n">${discovery.nonBusiness[kind]}</td></tr>`);
  const person = `<p>Customers asked for a person in <strong>${discovery.askedForPerson}</strong> conversations (${percent(discovery.askedForPerson / Math.max(1, conversationsRead))} of those read).</p>`;
  const table = rows.length
    ? `<table><thead><tr><th>What the customer did</th><th>Requests</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p class="muted">None.</p>';
  return `<h2 id="not-intents">Not intents of the business</h2><p class="muted">Requests that only ask for a person, greet, thank, apologise, check the line or excuse their typing: counted here, not proposed as intents.</p>${person}${table}`;
}

/** The discovery report: one self-contained HTML page (inline CSS and SVG, no script), every text escaped. */
export function renderReport(input: ReportInput): string {
  const { discovery, source } = input;
  const { library, intents } = discovery;
  const sampleIndex = new Map([...discovery.samples.keys()].map((id, i) => [id, `conv-${i + 1}`] as const));
  const groupName = new Map(library.groups.map((g) => [g.id, g.name] as const));
  const intentBars = intents.slice(0, 60).map(({ intent }) => ({ label: intent.name, value: intent.stats?.conversations ?? 0, caption: `${intent.stats?.conversations ?? 0} (${percent(intent.stats?.share ?? 0)})` }));
  const overview = intents.map(
    ({ intent }) =>
      `<tr><td><a href="#intent-${e(intent.id)}">${e(intent.name)}</a><div class="muted"><code>${e(intent.id)}</code></div></td><td>${e(groupName.get(intent.groupId) ?? '')}</td>` +
      `<td class="n">${intent.stats?.conversations ?? 0}</td><td class="n">${percent(intent.stats?.share ?? 0)}</td><td class="n">${intent.attributes.length}</td></tr>`,
  );
  const details = intents.map(({ intent, keyphrases }) => {
    const links = (intent.provenance?.sampleConversationIds ?? []).map((id) => {
      const anchor = sampleIndex.get(id);
      return anchor ? `<a href="#${anchor}">${e(id)}</a>` : `<span>${e(id)}</span>`;
    });
    return (
      `<section class="intent" id="intent-${e(intent.id)}"><h3>${e(intent.name)} <span class="tag">${e(intent.status)}</span></h3>` +
      `<p class="muted"><code>${e(intent.id)}</code> · group ${e(groupName.get(intent.groupId) ?? '')} · ${intent.stats?.conversations ?? 0} conversations (${percent(intent.stats?.share ?? 0)})${keyphrases.length ? ` · key phrases: ${e(keyphrases.slice(0, 6).join(', '))}` : ''}</p>` +
      `<h4>What customers say</h4><ul>${intent.examples.slice(0, 6).map((x) => `<li>${e(x)}</li>`).join('')}</ul>` +
      `<h4>Attributes</h4>${attributesTable(intent.attributes)}` +
      (intent.attributes.length ? svgBars(intent.attributes.map((a) => ({ label: a.name, value: Math.round(a.weight * 100), caption: percent(a.weight) })), `How often agents ask for each attribute of ${intent.name}`) : '') +
      `<h4>Sample conversations</h4><p>${links.join(' · ') || '<span class="muted">none</span>'}</p></section>`
    );
  });
  const samples = [...discovery.samples].map(
    ([id, turns]) =>
      `<div class="conv" id="${sampleIndex.get(id)}"><h4>${e(id)}</h4>${turns.map((t) => `<p><span class="role">${e(t.role)}</span>${e(t.text)}</p>`).join('')}</div>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Intent discovery: ${e(source)}</title><style>${STYLE}</style></head><body>
<h1>Intent discovery report</h1>
<p class="muted">${e(source)} · run <code>${e(intents[0]?.intent.provenance?.run ?? '')}</code> · ${e(input.generatedAt.toISOString())}</p>
<p>${input.conversationsRead} conversations read${input.skippedRows ? `, ${input.skippedRows} malformed rows skipped` : ''}; ${discovery.conversations} with a customer request (${discovery.requests} requests);
${library.intents.length} draft intents in ${library.groups.length} groups; ${discovery.unclearRequests} requests too unclear to place. Personal data is masked throughout.</p>
<h2>Volume by group</h2>${groupBars(library)}
<h2>Volume by intent</h2>${svgBars(intentBars, 'Conversations by intent')}
<h2>Intents</h2><table><thead><tr><th>Intent</th><th>Group</th><th>Conversations</th><th>Share</th><th>Attributes</th></tr></thead><tbody>${overview.join('')}</tbody></table>
${details.join('\n')}
${nonBusinessSection(discovery, input.conversationsRead)}
<h2>Sample conversations</h2>${samples.join('\n')}
</body></html>
`;
}
