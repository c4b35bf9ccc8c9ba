import { describeIssues } from '../text/issues.js';
import { buildReport, namesIn, type InsightsReport } from './report.js';
import { rangeSchema } from './range.js';
import { rollUp, type RollupDeps, type RollupSummary } from './rollup.js';

/** A report asked for with a range that cannot be served; the message names what is wrong. */
export class InsightRangeError extends Error {
  override name = 'InsightRangeError';
}

/** The insights use cases every edge shares: the report of a range, and one roll-up now. */
export class InsightsService {
  private running: Promise<RollupSummary> | null = null;

  constructor(private readonly deps: RollupDeps) {}

  /** The report of `query` (`from`, `to`, `by` as strings, e.g. an HTTP query or CLI options). */
  async report(query: Record<string, unknown>): Promise<InsightsReport> {
    const parsed = rangeSchema.safeParse(query, { reportInput: true });
    if (!parsed.success) throw new InsightRangeError(describeIssues(parsed.error.issues));
    const range = parsed.data;
    const report = buildReport(range, await this.deps.insights.buckets(range.from, range.to));
    return { ...report, names: namesIn(report, this.deps.catalog()) };
  }

  /** One roll-up; a call while one runs in this process waits for that one instead of starting another. */
  rollUp(): Promise<RollupSummary> {
    this.running ??= rollUp(this.deps).finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
