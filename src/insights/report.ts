import type { Catalog } from '../library/catalog.js';
import { addCounts, emptyCounts, type Bucket, type Counts, type HandoffReasons } from './bucket.js';
import { periodOf, type Range } from './range.js';

/** The counts of a set of conversations as the API, the CLI and the page show them (docs/insights.md). */
export interface ReportCounts {
  conversations: number;
  contained: number;
  handedOff: number;
  handoffReasons: HandoffReasons;
  /** Customer turns that ended out of scope / in a clarification question. */
  outOfScope: number;
  clarify: number;
  /** Conversations with at least one such turn. */
  outOfScopeConversations: number;
  clarifyConversations: number;
  thumbsDown: number;
  averageTurns: number;
  /** Shares of the conversations, 0 to 1, three decimals. */
  containmentRate: number;
  handoffRate: number;
  outOfScopeRate: number;
  clarifyRate: number;
  /** The questions most often left unanswered, most first. */
  unansweredQuestions: Array<{ attribute: string; count: number }>;
}

export interface IntentReport extends ReportCounts {
  intentId: string | null;
  groupId: string | null;
}

export interface GroupReport extends ReportCounts {
  groupId: string | null;
}

/** A period of one intent: the counts without the unanswered questions (those are per intent and group). */
export interface SeriesPoint extends Omit<ReportCounts, 'unansweredQuestions'> {
  /** The day, or the Monday starting the week. */
  period: string;
  intentId: string | null;
  groupId: string | null;
}

/** An intent whose containment fell from the period before the last to the last one of the range. */
export interface ContainmentDrop {
  intentId: string | null;
  groupId: string | null;
  previousPeriod: string;
  lastPeriod: string;
  previousRate: number;
  lastRate: number;
  /** Conversations in the last period. */
  conversations: number;
}

export interface InsightsReport {
  from: string;
  to: string;
  by: Range['by'];
  totals: ReportCounts;
  intents: IntentReport[];
  groups: GroupReport[];
  series: SeriesPoint[];
  containmentDrops: ContainmentDrop[];
  /** The live library's names of the intents and groups in the report, by id (an id the library no longer has is left out). */
  names: { intents: Record<string, string>; groups: Record<string, string> };
}

export interface ReportOptions {
  /** Unanswered questions listed per row. */
  topQuestions: number;
  /** Conversations each of the two periods needs before a drop is listed. */
  minimumVolume: number;
  /** The smallest fall of the containment rate listed (0.05 = five points). */
  minimumDrop: number;
}

export const REPORT_OPTIONS: ReportOptions = { topQuestions: 5, minimumVolume: 20, minimumDrop: 0.05 };

/** The report of `range` from the stored buckets of its days (any channel). */
export function buildReport(range: Range, buckets: readonly Bucket[], options: ReportOptions = REPORT_OPTIONS): Omit<InsightsReport, 'names'> {
  const intents = new Map<string, { intentId: string | null; groupId: string | null; counts: Counts }>();
  const groups = new Map<string, { groupId: string | null; counts: Counts }>();
  const series = new Map<string, { period: string; intentId: string | null; groupId: string | null; counts: Counts }>();
  const totals = emptyCounts();
  for (const bucket of buckets) {
    if (bucket.day < range.from || bucket.day > range.to) continue;
    const period = periodOf(bucket.day, range.by);
    const intentKey = JSON.stringify([bucket.intentId, bucket.groupId]);
    add(intents, intentKey, () => ({ intentId: bucket.intentId, groupId: bucket.groupId }), bucket);
    add(groups, JSON.stringify(bucket.groupId), () => ({ groupId: bucket.groupId }), bucket);
    add(series, JSON.stringify([period, bucket.intentId, bucket.groupId]), () => ({ period, intentId: bucket.intentId, groupId: bucket.groupId }), bucket, false);
    addCounts(totals, bucket);
  }
  const byVolume = <T extends { counts: Counts }>(a: T, b: T) => b.counts.conversations - a.counts.conversations;
  const seriesPoints = [...series.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || byVolume(a, b))
    .map(({ counts, ...place }) => {
      const { unansweredQuestions: _left, ...rest } = reportCounts(counts, options);
      return { ...place, ...rest };
    });
  return {
    from: range.from,
    to: range.to,
    by: range.by,
    totals: reportCounts(totals, options),
    intents: [...intents.values()].sort(byVolume).map(({ counts, ...place }) => ({ ...place, ...reportCounts(counts, options) })),
    groups: [...groups.values()].sort(byVolume).map(({ counts, ...place }) => ({ ...place, ...reportCounts(counts, options) })),
    series: seriesPoints,
    containmentDrops: containmentDrops(seriesPoints, options),
  };
}

function add<P>(into: Map<string, P & { counts: Counts }>, key: string, place: () => P, bucket: Bucket, questions = true): void {
  let entry = into.get(key);
  if (!entry) {
    entry = { ...place(), counts: emptyCounts() };
    into.set(key, entry);
  }
  addCounts(entry.counts, bucket, questions);
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export function reportCounts(counts: Counts, options: Pick<ReportOptions, 'topQuestions'> = REPORT_OPTIONS): ReportCounts {
  return {
    conversations: counts.conversations,
    contained: counts.contained,
    handedOff: counts.handedOff,
    handoffReasons: { ...counts.handoffReasons },
    outOfScope: counts.outOfScopeTurns,
    clarify: counts.clarifyTurns,
    outOfScopeConversations: counts.outOfScopeConversations,
    clarifyConversations: counts.clarifyConversations,
    thumbsDown: counts.thumbsDown,
    averageTurns: counts.conversations === 0 ? 0 : Math.round((counts.turns / counts.conversations) * 10) / 10,
    containmentRate: share(counts.contained, counts.conversations),
    handoffRate: share(counts.handedOff, counts.conversations),
    outOfScopeRate: share(counts.outOfScopeConversations, counts.conversations),
    clarifyRate: share(counts.clarifyConversations, counts.conversations),
    unansweredQuestions: Object.entries(counts.unanswered)
      .map(([attribute, count]) => ({ attribute, count }))
      .sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute))
      .slice(0, options.topQuestions),
  };
}

/**
 * The intents whose containment rate fell by at least `minimumDrop` from the period before the last to the last
 * period of the range, both with at least `minimumVolume` conversations; the largest fall first.
 */
export function containmentDrops(series: readonly SeriesPoint[], options: Pick<ReportOptions, 'minimumVolume' | 'minimumDrop'>): ContainmentDrop[] {
  const periods = [...new Set(series.map((point) => point.period))].sort();
  const lastPeriod = periods.at(-1);
  const previousPeriod = periods.at(-2);
  if (!lastPeriod || !previousPeriod) return [];
  const key = (point: SeriesPoint) => JSON.stringify([point.intentId, point.groupId]);
  const previous = new Map(series.filter((point) => point.period === previousPeriod).map((point) => [key(point), point]));
  const drops: ContainmentDrop[] = [];
  for (const last of series.filter((point) => point.period === lastPeriod)) {
    const before = previous.get(key(last));
    if (!before || before.conversations < options.minimumVolume || last.conversations < options.minimumVolume) continue;
    if (before.containmentRate - last.containmentRate < options.minimumDrop - 1e-9) continue;
    drops.push({
      intentId: last.intentId,
      groupId: last.groupId,
      previousPeriod,
      lastPeriod,
      previousRate: before.containmentRate,
      lastRate: last.containmentRate,
      conversations: last.conversations,
    });
  }
  return drops.sort((a, b) => b.previousRate - b.lastRate - (a.previousRate - a.lastRate));
}

/** The names the live library gives the intents and groups of a report, for the page and other readers. */
export function namesIn(report: Pick<InsightsReport, 'intents' | 'groups'>, catalog: Catalog): InsightsReport['names'] {
  const intents: Record<string, string> = {};
  const groups: Record<string, string> = {};
  for (const { intentId } of report.intents) {
    const name = intentId ? catalog.intent(intentId)?.name : undefined;
    if (intentId && name) intents[intentId] = name;
  }
  for (const { groupId } of report.groups) {
    const name = groupId ? catalog.library.groups.find((group) => group.id === groupId)?.name : undefined;
    if (groupId && name) groups[groupId] = name;
  }
  return { intents, groups };
}
