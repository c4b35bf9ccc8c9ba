import type { Command } from 'commander';
import type { Config } from '../config.js';
import type { InsightsReport, ReportCounts } from '../insights/report.js';
import { addDays } from '../insights/range.js';
import { CliError } from './errors.js';

interface InsightsOptions {
  from?: string;
  to?: string;
  by: string;
  json?: boolean;
}

/** The days a report covers by default: the last 30, today included. */
const DEFAULT_DAYS = 30;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The report as a table: one row per intent, then one per group. */
export function insightsTable(report: InsightsReport): string {
  const header = ['Intent', 'Group', 'Conversations', 'Contained', 'Handed off', 'asked/gave-up/out-of-scope/caller', 'Out of scope', 'Clarify', 'Thumbs-down', 'Avg turns', 'Most unanswered'];
  const row = (name: string, group: string, counts: ReportCounts) => [
    name,
    group,
    String(counts.conversations),
    percent(counts.containmentRate),
    percent(counts.handoffRate),
    ['asked', 'gave-up', 'out-of-scope', 'caller'].map((kind) => counts.handoffReasons[kind as keyof ReportCounts['handoffReasons']]).join('/'),
    String(counts.outOfScope),
    String(counts.clarify),
    String(counts.thumbsDown),
    String(counts.averageTurns),
    counts.unansweredQuestions.map((question) => `${question.attribute} (${question.count})`).join(', '),
  ];
  const rows = [
    ...report.intents.map((intent) => row(intent.intentId ?? '(no intent)', intent.groupId ?? '', intent)),
    ...report.groups.map((group) => row('(all)', group.groupId ?? '(none)', group)),
    row('(total)', '', report.totals),
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const drops = report.containmentDrops.map(
    (drop) => `containment of ${drop.intentId ?? '(no intent)'} fell from ${percent(drop.previousRate)} (${drop.previousPeriod}) to ${percent(drop.lastRate)} (${drop.lastPeriod})`,
  );
  return [`Insights from ${report.from} to ${report.to}, by ${report.by}`, line(header), ...rows.map(line), ...drops].join('\n') + '\n';
}

export function registerInsightsCommand(program: Command): void {
  const insights = program
    .command('insights')
    .description('outcome counts by intent and group (docs/insights.md): conversations, contained, handed off and why, out of scope, clarify, thumbs-down, turns, questions left unanswered')
    .option('--from <day>', `first day (YYYY-MM-DD, UTC); default ${DEFAULT_DAYS - 1} days before --to`)
    .option('--to <day>', 'last day (YYYY-MM-DD, UTC); default today')
    .option('--by <period>', 'series by "day" or "week"', 'day')
    .option('--json', 'print the JSON that GET /api/insights answers instead of a table')
    .action(async (options: InsightsOptions) => {
      const to = options.to ?? new Date().toISOString().slice(0, 10);
      const from = options.from ?? (/^\d{4}-\d{2}-\d{2}$/.test(to) ? addDays(to, -(DEFAULT_DAYS - 1)) : to);
      const report = await withInsights(async (service) => {
        const { InsightRangeError } = await import('../insights/service.js');
        try {
          return await service.report({ from, to, by: options.by });
        } catch (error) {
          if (error instanceof InsightRangeError) throw new CliError(error.message, 2);
          throw error;
        }
      });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : insightsTable(report));
    });

  insights
    .command('rollup')
    .description('run one roll-up now: count the conversations updated since the last one (the service also runs one every INSIGHTS_ROLLUP_MINUTES)')
    .action(async () => {
      const summary = await withInsights((service) => service.rollUp(), true);
      process.stdout.write(`rolled up ${summary.read} conversations (${summary.changed} changed, ${summary.buckets} buckets summed again) in ${summary.ms} ms\n`);
    });
}

async function withInsights<T>(run: (service: import('../insights/service.js').InsightsService) => Promise<T>, exportMetrics = false): Promise<T> {
  const [{ loadConfig }, { openInsights, CosmosSetupError }] = await Promise.all([import('../config.js'), import('../app/parts.js')]);
  const config: Config = loadConfig();
  const stopTelemetry = exportMetrics ? await (await import('../app/telemetry.js')).startTelemetry(config) : null;
  let opened;
  try {
    opened = await openInsights(config);
  } catch (error) {
    await stopTelemetry?.();
    if (error instanceof CosmosSetupError) throw new CliError(error.message);
    throw error;
  }
  try {
    return await run(opened.insights);
  } finally {
    opened.close();
    await stopTelemetry?.();
  }
}
