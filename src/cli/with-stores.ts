import type { Stores } from '../app/app.js';
import { loadConfig } from '../config.js';

/** Runs `run` with stores open and closes them after; commands take one so tests can hand them their own. */
export type WithStores = <T>(run: (stores: Pick<Stores, 'libraries'>) => Promise<T>) => Promise<T>;

/** The stores the service uses (Cosmos DB when configured, else SQLite), loaded on use. */
export async function withStores<T>(run: (stores: Stores) => Promise<T>): Promise<T> {
  const [{ chooseStores }, { openAzureParts }] = await Promise.all([import('../app/app.js'), import('../app/azure-parts.js')]);
  const config = loadConfig();
  const azure = await openAzureParts(config);
  try {
    const stores = chooseStores(azure, config);
    try {
      return await run(stores);
    } finally {
      stores.close();
    }
  } finally {
    azure.close();
  }
}
