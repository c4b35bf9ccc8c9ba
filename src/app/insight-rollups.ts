import type { Logger } from 'pino';
import type { InsightsService } from '../insights/service.js';

/**
 * Runs the insights roll-up every `everyMs` (INSIGHTS_ROLLUP_MINUTES; 0: never) in a running service, the first one a
 * tick after start, then `after` (the misses harvest), each on its own: a failed one is logged and the next tick tries
 * again. Returns a stop function.
 */
export function scheduleRollups(insights: InsightsService, everyMs: number, logger: Logger, after?: () => Promise<unknown>): () => void {
  if (everyMs <= 0) return () => undefined;
  const tick = () => {
    insights
      .rollUp()
      .then((summary) => logger.info(summary, 'insights roll-up done'))
      .catch((error: unknown) => logger.warn({ err: error }, 'the insights roll-up failed; the next one starts from the same point'))
      .then(() => after?.())
      .catch((error: unknown) => logger.warn({ err: error }, 'the job after the insights roll-up failed; the next tick runs it again'));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
