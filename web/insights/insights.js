import { api, askForToken, el, outsideText, takeTokenFromFragment, Unauthorized } from '/assist-files/common.js';
import { COLOURS, rateLines, shareBar, sparkline, stackedBars } from '/insights-files/charts.js';

const DAY_MS = 86_400_000;
const percent = (rate) => `${Math.round(rate * 100)}%`;
/** The library's names of the report's intents and groups (set when a report arrives), the id where it has none. */
let names = { intents: {}, groups: {} };
const intentName = (id) => (id === null ? '(no intent)' : (names.intents[id] ?? id));
const groupName = (id) => (id === null ? '(none)' : (names.groups[id] ?? id));

/** The range in the address (?from=&to=&by=), else the last 30 days by day. */
function rangeOfPage() {
  const query = new URLSearchParams(location.search);
  const to = query.get('to') ?? new Date().toISOString().slice(0, 10);
  const from = query.get('from') ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  return { from, to, by: query.get('by') === 'week' ? 'week' : 'day' };
}

function sum(points, field) {
  return points.reduce((total, point) => total + point[field], 0);
}

/** The series summed over intents, per period. */
function perPeriod(series) {
  const periods = new Map();
  for (const point of series) {
    const entry = periods.get(point.period) ?? { period: point.period, conversations: 0, contained: 0, handedOff: 0 };
    entry.conversations += point.conversations;
    entry.contained += point.contained;
    entry.handedOff += point.handedOff;
    periods.set(point.period, entry);
  }
  return [...periods.values()].sort((a, b) => a.period.localeCompare(b.period));
}

function conversationsLink(intentId) {
  const query = new URLSearchParams({ intent: intentId ?? '', activeMinutes: '10080' });
  return el('a', { href: `/assist?${query}` }, 'conversations');
}

function render(report) {
  names = report.names ?? names;
  const totals = report.totals;
  document.getElementById('totals').replaceChildren(
    ...[
      ['Conversations', String(totals.conversations)],
      ['Contained', percent(totals.containmentRate)],
      ['Handed off', percent(totals.handoffRate)],
      ['Out of scope', percent(totals.outOfScopeRate)],
      ['Thumbs-down', String(totals.thumbsDown)],
      ['Average turns', String(totals.averageTurns)],
    ].flatMap(([name, value]) => [el('div', { className: 'figure' }, el('dt', {}, name), el('dd', {}, value))]),
  );

  const periods = perPeriod(report.series);
  document.getElementById('volume').replaceChildren(
    stackedBars(
      periods.map((period) => ({
        period: period.period,
        parts: [
          { name: 'contained', value: period.contained, colour: COLOURS.contained },
          { name: 'handed off', value: period.handedOff, colour: COLOURS.handedOff },
          { name: 'still going', value: period.conversations - period.contained - period.handedOff, colour: COLOURS.other },
        ],
      })),
      { label: `Conversations per ${report.by}: contained, handed off, still going` },
    ),
    legend([
      ['contained', COLOURS.contained],
      ['handed off', COLOURS.handedOff],
      ['still going', COLOURS.other],
    ]),
  );
  const labels = periods.map((period) => period.period);
  const rate = (field) => periods.map((period) => ({ period: period.period, value: period.conversations ? period[field] / period.conversations : 0 }));
  document.getElementById('rates').replaceChildren(
    rateLines(labels, [
      { name: 'containment', colour: COLOURS.contained, points: rate('contained') },
      { name: 'hand-off', colour: COLOURS.handedOff, points: rate('handedOff') },
    ], { label: `Containment and hand-off rate per ${report.by}` }),
    legend([
      ['containment', COLOURS.contained],
      ['hand-off', COLOURS.handedOff],
    ]),
  );

  document.getElementById('drops').replaceChildren(
    ...(report.containmentDrops.length === 0
      ? [el('li', { className: 'muted' }, 'No intent lost containment from the period before the last to the last one.')]
      : report.containmentDrops.map((drop) =>
          el(
            'li',
            {},
            el('strong', {}, outsideText(intentName(drop.intentId))),
            el('span', {}, `${percent(drop.previousRate)} → ${percent(drop.lastRate)} (${drop.previousPeriod} → ${drop.lastPeriod}, ${drop.conversations} conversations)`),
            conversationsLink(drop.intentId),
          ),
        )),
  );

  const widest = Math.max(1, ...report.groups.map((group) => group.conversations));
  document.getElementById('groups').replaceChildren(
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, ...['Group', 'Conversations', 'Contained', 'Handed off'].map((title) => el('th', { scope: 'col' }, title)))),
      el(
        'tbody',
        {},
        ...report.groups.map((group) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, outsideText(groupName(group.groupId))),
            el('td', {}, shareBar(group.conversations / widest, COLOURS.line, 'volume'), ` ${group.conversations}`),
            el('td', {}, shareBar(group.containmentRate, COLOURS.contained, 'contained'), ` ${percent(group.containmentRate)}`),
            el('td', {}, shareBar(group.handoffRate, COLOURS.handedOff, 'handed off'), ` ${percent(group.handoffRate)}`),
          ),
        ),
      ),
    ),
  );

  const trend = new Map();
  for (const point of report.series) {
    const key = JSON.stringify([point.intentId, point.groupId]);
    if (!trend.has(key)) trend.set(key, new Map());
    trend.get(key).set(point.period, point.conversations ? point.contained / point.conversations : null);
  }
  document.getElementById('intents').replaceChildren(
    ...report.intents.map((intent) => {
      const byPeriod = trend.get(JSON.stringify([intent.intentId, intent.groupId])) ?? new Map();
      const reasons = intent.handoffReasons;
      return el(
        'tr',
        { 'data-intent': intent.intentId ?? '' },
        el('th', { scope: 'row' }, outsideText(intentName(intent.intentId)), el('br'), conversationsLink(intent.intentId)),
        el('td', {}, outsideText(groupName(intent.groupId))),
        el('td', {}, String(intent.conversations)),
        el('td', {}, shareBar(intent.containmentRate, COLOURS.contained, 'contained'), ` ${percent(intent.containmentRate)}`),
        el('td', {}, shareBar(intent.handoffRate, COLOURS.handedOff, 'handed off'), ` ${percent(intent.handoffRate)}`),
        el('td', {}, `${reasons.asked} · ${reasons['gave-up']} · ${reasons['out-of-scope']} · ${reasons.caller}`),
        el('td', {}, String(intent.outOfScope)),
        el('td', {}, String(intent.clarify)),
        el('td', {}, String(intent.thumbsDown)),
        el('td', {}, String(intent.averageTurns)),
        el('td', {}, intent.unansweredQuestions.map((question) => `${question.attribute} (${question.count})`).join(', ')),
        el('td', {}, sparkline(labels.map((period) => byPeriod.get(period) ?? null), { label: `containment of ${intentName(intent.intentId)} per ${report.by}` })),
      );
    }),
  );
  document.getElementById('status').textContent = `${report.from} to ${report.to} by ${report.by} · ${sum(report.intents, 'conversations')} conversations · ${report.intents.length} intents`;
}

function legend(entries) {
  return el('p', { className: 'legend' }, ...entries.map(([name, colour]) => el('span', {}, el('i', { className: 'swatch', style: `background:${colour}` }), name)));
}

async function load() {
  const range = rangeOfPage();
  const form = document.getElementById('range');
  form.from.value = range.from;
  form.to.value = range.to;
  form.by.value = range.by;
  try {
    render(await api('GET', `/api/insights?${new URLSearchParams(range)}`));
  } catch (error) {
    if (error instanceof Unauthorized) {
      await askForToken(document.getElementById('key-host'), `Sign in to see the insights (${error.message}).`);
      return load();
    }
    document.getElementById('status').textContent = `Could not load: ${error.message}`;
  }
}

document.getElementById('range').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  history.replaceState(null, '', `/insights?${new URLSearchParams({ from: form.from.value, to: form.to.value, by: form.by.value })}`);
  void load();
});

takeTokenFromFragment();
void load();
