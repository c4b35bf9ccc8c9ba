import type { RequestListener } from 'node:http';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { testCertificate } from './certificate.js';
import { applyFault, FaultPlan } from './faults.js';

/** Not a secret: the local server accepts any key, and the SDK only needs valid base64 to sign with. */
export const LOCAL_COSMOS_KEY = Buffer.from('local-cosmos-peer-test-key').toString('base64');

export interface CosmosPeer {
  endpoint: string;
  faults: FaultPlan;
  /** Creates the database and containers as the deployment would (the app never creates them). */
  deploy(database: string, containers: Array<{ id: string; partitionKey?: string; defaultTtl?: number }>): Promise<void>;
  close(): Promise<void>;
}

/** @vercel/cosmosdb-server over https with a generated certificate, behind a fault injector that records every request. */
export async function startCosmosPeer(): Promise<CosmosPeer> {
  const certificate = await testCertificate();
  const server: Server = createHttpsServer({ cert: certificate.cert, key: certificate.key });
  const [serve] = server.listeners('request') as RequestListener[];
  if (!serve) throw new Error('@vercel/cosmosdb-server registered no request handler');
  server.removeAllListeners('request');
  const faults = new FaultPlan();
  server.on('request', (req, res) => {
    const { fault } = faults.record(req);
    applyFault(fault, req, res, () => serve(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = new CosmosClient({ endpoint, key: LOCAL_COSMOS_KEY, agent: certificate.agent });
  return {
    endpoint,
    faults,
    async deploy(databaseId, containers) {
      const { database } = await admin.databases.createIfNotExists({ id: databaseId });
      for (const container of containers) {
        await database.containers.createIfNotExists({
          id: container.id,
          partitionKey: { paths: [container.partitionKey ?? '/id'] },
          ...(container.defaultTtl === undefined ? {} : { defaultTtl: container.defaultTtl }),
        });
      }
    },
    async close() {
      admin.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
