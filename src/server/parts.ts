import type { ActionServices } from '../actions/types.js';
import type { AssistService } from '../assist/service.js';
import type { Config } from '../config.js';
import type { InsightsService } from '../insights/service.js';
import type { LibraryStore } from '../library/store.js';

/**
 * What the HTTP layer serves, as src/app/ builds it: the actions' services (the engine and the knowledge search),
 * the assisted-service use cases, the library store (readiness and the review page), reloading the library after a
 * review is published, and the configuration of each surface.
 */
export interface ServerParts extends ActionServices {
  config: Config;
  assist: AssistService;
  insights: InsightsService;
  libraries: LibraryStore;
  reload(): Promise<unknown>;
}
