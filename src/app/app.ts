import { createHash } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { AssistService } from '../assist/service.js';
import { InsightsService } from '../insights/service.js';
import type { MissStore } from '../engine/misses.js';
import { outcomeMetrics } from './insight-metrics.js';
import { openAzureParts } from './azure-parts.js';
import { AppStartError } from './errors.js';
import { chooseEventBus, chooseStores, CosmosSetupError, type EventsPart } from './parts.js';
import type { AzureTransport } from '../azure/transport.js';
import type { Config } from '../config.js';
import { buildCatalog, type Catalog } from '../library/catalog.js';
import { ConversationService } from '../engine/conversations.js';
import type { EngineDeps } from '../engine/deps.js';
import { createLocalSolutionSearch } from '../knowledge/index.js';
import type { SolutionSearch } from '../knowledge/types.js';
import { LibraryValidationError, readLibraryFile } from '../library/io.js';
import type { IntentLibrary } from '../library/schema.js';
import { decideIntent } from '../nlu/decision.js';
import { createAttributeExtractor } from '../nlu/extractors/index.js';
import { NothingToTrainError, trainFromLibrary } from '../nlu/library-training.js';
import { maskPersonalData } from '../nlu/redact.js';
import type { IntentClassifier } from '../nlu/types.js';
import type { BotStateStorage } from '../stores/cosmos/index.js';
import { StoreOpenError } from '../stores/sqlite/index.js';
import type { ConversationStore } from '../engine/store.js';
import { ConcurrencyError, type LibraryStore } from '../library/store.js';

/** The understanding built from one library version; rebuilt when the library changes. */
export interface LiveLibrary {
  catalog: Catalog;
  classifier: IntentClassifier;
}

export interface App {
  config: Config;
  libraries: LibraryStore;
  /** The conversation store; only `conversations` writes to it (tests read it, and write to it to simulate another writer). */
  conversationStore: ConversationStore;
  /** The engine's conversation service: the only writer of conversation state, for every edge. */
  conversations: ConversationService;
  search: SolutionSearch;
  /** The assisted-service use cases and their live events. */
  assist: AssistService;
  /** Outcome counts by intent: the report and the roll-up (docs/insights.md). */
  insights: InsightsService;
  /** Customer turns self-service did not understand, harvested after each scheduled roll-up (docs/discovery.md, "Misses"). */
  misses: MissStore;
  /** Bot Framework state on Cosmos DB when it is configured; otherwise the bot keeps its own. */
  botState?: BotStateStorage;
  /** Which backend each part runs on, for the start log (names and addresses only, never a key). */
  backends: Record<string, string>;
  live(): LiveLibrary;
  /** Re-reads the library from the store and retrains (`serve` does it when the stored library changes: src/library-watch.ts). */
  reload(): Promise<LiveLibrary>;
  close(): Promise<void>;
}

// Training takes seconds; the same library version (e.g. several apps in one test run) is trained once.
const trained = new Map<string, IntentClassifier>();

export function compileLibrary(library: IntentLibrary): LiveLibrary {
  const key = createHash('sha256').update(JSON.stringify(library)).digest('hex');
  let classifier = trained.get(key);
  if (!classifier) {
    classifier = trainFromLibrary(library);
    if (trained.size >= 4) trained.clear();
    trained.set(key, classifier);
  }
  return { catalog: buildCatalog(library), classifier };
}

/**
 * The composition root: every backend is chosen here from config (embedded defaults for now) and
 * handed to the code that needs it; nothing else constructs a store or a search client.
 */
export async function openApp(config: Config, logger?: Logger, options: { azureTransport?: AzureTransport } = {}): Promise<App> {
  try {
    return await assemble(config, logger, options);
  } catch (error) {
    throw startProblem(error) ?? error;
  }
}

/** The failures a person starting the service can fix, as one line each; anything else stays as it is. */
function startProblem(error: unknown): AppStartError | null {
  if (error instanceof NothingToTrainError) {
    return new AppStartError(`cannot start: ${error.message}; give it intents (library import --replace, or library merge a discovery draft)`, { cause: error });
  }
  if (error instanceof StoreOpenError || error instanceof CosmosSetupError || error instanceof LibraryValidationError) {
    return new AppStartError(`cannot start: ${error.message}`, { cause: error });
  }
  return null;
}

async function assemble(config: Config, logger: Logger | undefined, options: { azureTransport?: AzureTransport }): Promise<App> {
  // Azure parts whose endpoints are configured replace their embedded defaults.
  const azure = await openAzureParts(config, logger, options.azureTransport);
  const stores = chooseStores(azure, config);
  let events: EventsPart | undefined;
  try {
    const log = logger ?? pino({ level: 'silent' });
    events = chooseEventBus(azure, config, (error) => log.error({ err: error }, 'the event bus failed a step; it goes on'));
    const bus = events.bus;
    const backends = { ...azure.describe(), ...(azure.stores ? {} : { stores: `SQLite ${config.sqlitePath}` }), events: events.describe };
    logger?.info(backends, 'backends');
    const library = await loadOrSeedLibrary(stores.libraries, config, logger);
    const search = azure.search ?? (await createLocalSolutionSearch(config.KB_DIR));
    let live = compileLibrary(library);
    const extractor = createAttributeExtractor();
    const understanding = azure.understanding({ ranker: { classify: (text, top) => live.classifier.classify(text, top) }, extractor }, () => live.catalog);
    const deps = (): EngineDeps =>
      engineDeps({
        catalog: live.catalog,
        ranker: understanding?.ranker ?? live.classifier,
        extractor: understanding?.extractor ?? extractor,
        ...(understanding ? { acts: understanding.acts } : {}),
        search,
        now: () => new Date(),
        defaultRegion: config.DEFAULT_PHONE_REGION,
      });
    const conversations = new ConversationService(stores.conversations, deps);
    const insights = new InsightsService({
      conversations: stores.conversations,
      insights: stores.insights,
      catalog: () => live.catalog,
      now: () => new Date(),
      quietMs: config.INSIGHTS_QUIET_MINUTES * 60_000,
      recorder: outcomeMetrics(),
    });
    return {
      config,
      libraries: stores.libraries,
      conversationStore: stores.conversations,
      conversations,
      search,
      assist: new AssistService({ conversations, live: () => live, suggester: azure.suggester, logger: log, events: bus }),
      insights,
      misses: stores.misses,
      ...(azure.stores ? { botState: azure.stores.botState } : {}),
      backends,
      live: () => live,
      reload: async () => {
        live = compileLibrary(await loadOrSeedLibrary(stores.libraries, config, logger));
        return live;
      },
      close: async () => {
        await bus.close();
        stores.close();
        azure.close();
      },
    };
  } catch (error) {
    await events?.bus.close();
    stores.close();
    azure.close();
    throw error;
  }
}

/** The engine's deps from its parts, with the product's one intent decision and one masking of personal data. */
export function engineDeps(parts: Omit<EngineDeps, 'decide' | 'mask'>): EngineDeps {
  return {
    ...parts,
    decide: (classification, rejected) => decideIntent(classification, { rejectedIntents: rejected }),
    mask: (text) => maskPersonalData(text).text,
  };
}

async function loadOrSeedLibrary(libraries: LibraryStore, config: Config, logger?: Logger): Promise<IntentLibrary> {
  const stored = await libraries.get(config.LIBRARY_ID);
  if (stored) return stored.value;
  const seed = await readLibraryFile(config.LIBRARY_SEED_FILE);
  if (seed.id !== config.LIBRARY_ID) {
    throw new Error(`LIBRARY_SEED_FILE ${config.LIBRARY_SEED_FILE} holds library "${seed.id}", but LIBRARY_ID is "${config.LIBRARY_ID}"`);
  }
  try {
    await libraries.put(seed, null);
  } catch (error) {
    // Another process seeded it first: use what it stored.
    if (!(error instanceof ConcurrencyError)) throw error;
    const winner = await libraries.get(config.LIBRARY_ID);
    if (winner) return winner.value;
    throw error;
  }
  logger?.info({ library: seed.id, intents: seed.intents.length }, 'seeded the intent library from LIBRARY_SEED_FILE');
  return seed;
}
