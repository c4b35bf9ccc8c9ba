import type { Logger } from 'pino';
import type { InsightsService } from '../insights/service.js';

/**
 * Runs the insights roll-up every `everyMs` (INSIGHTS_ROLLUP_MINUTES; 0: never) in a running service, the first one a
 * tick after start. A failed roll-up is logged and the next tick tries again from the same point. Returns a stop function.
 */
export function scheduleRollups(insights: InsightsService, everyMs: number, logger: Logger): () => void {
  if (everyMs <= 0) return () => undefined;
  const tick = () => {
    insights
      .rollUp()
      .then((summary) => logger.info(summary, 'insights roll-up done'))
      .catch((error: unknown) => logger.warn({ err: error }, 'the insights roll-up failed; the next one starts from the same point'));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
