import type { Stores } from '../app/parts.js';
import { loadConfig } from '../config.js';
import { CliError } from './errors.js';

/** Runs `run` with stores open and closes them after; commands take one so tests can hand them their own. */
export type WithStores = <T>(run: (stores: Pick<Stores, 'libraries'>) => Promise<T>) => Promise<T>;

/** The stores the service uses (Cosmos DB when configured, else SQLite), from src/app/parts.ts, loaded on use. */
export const configuredStores: WithStores = async (run) => {
  const { withStores, CosmosSetupError } = await import('../app/parts.js');
  try {
    return await withStores(loadConfig(), run);
  } catch (error) {
    // A database or container the deployment did not create: the message says what to create.
    if (error instanceof CosmosSetupError) throw new CliError(error.message);
    throw error;
  }
};
