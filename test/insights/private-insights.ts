import type { App } from '../../src/app/app.js';
import { InsightsService } from '../../src/insights/service.js';
import { openSqliteStores } from '../../src/stores/sqlite/index.js';

/**
 * Gives a service of the shared test app (test/bot/helpers/service.ts) insights of its own: the shared conversations,
 * counted into a private insight store, so another test's roll-up never moves this one's starting point. Returns the
 * function that closes the private store.
 */
export function privateInsights(app: App, now: () => Date = () => new Date()): () => void {
  const stores = openSqliteStores(':memory:');
  app.insights = new InsightsService({
    conversations: app.conversationStore,
    insights: stores.insights,
    catalog: () => app.live().catalog,
    now,
    quietMs: app.config.INSIGHTS_QUIET_MINUTES * 60_000,
  });
  return () => stores.close();
}
