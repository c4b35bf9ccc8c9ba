import type { Container, ContainerDefinition, Database } from '@azure/cosmos';

/** The Cosmos DB account is not set up as the service needs; the message says what to create or grant. */
export class CosmosSetupError extends Error {
  override name = 'CosmosSetupError';
}

export interface ContainerRequirement {
  id: string;
  /** What the container holds, for the message. */
  purpose: string;
  /** Items carry their own `ttl`, which Cosmos DB ignores unless the container has time-to-live on. */
  needsTimeToLive: boolean;
}

const PARTITION_KEY = '/id';

/**
 * Checks, with one metadata read each, that the containers exist with the partition key the stores use.
 * The service never creates them: the deployment does, with the throughput and indexing it chose.
 */
export async function checkContainers(database: Database, endpoint: string, required: ContainerRequirement[]): Promise<Container[]> {
  return Promise.all(required.map((requirement) => checkContainer(database, endpoint, requirement)));
}

async function checkContainer(database: Database, endpoint: string, requirement: ContainerRequirement): Promise<Container> {
  const container = database.container(requirement.id);
  const where = `Cosmos DB container "${requirement.id}" (${requirement.purpose}) in database "${database.id}" at ${endpoint}`;
  const missing = new CosmosSetupError(
    `${where} does not exist. The service does not create containers: create it with partition key ${PARTITION_KEY}` +
      `${requirement.needsTimeToLive ? ' and time-to-live on (default -1)' : ''} (deploy/ does this; see docs/azure.md)`,
  );
  let definition: ContainerDefinition | undefined;
  try {
    ({ resource: definition } = await container.read());
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 404) throw Object.assign(missing, { cause: error });
    if (code === 401 || code === 403) {
      throw new CosmosSetupError(
        `${where} cannot be read: the service's identity needs the "Cosmos DB Built-in Data Contributor" role on the account (or set AZURE_COSMOS_KEY)`,
        { cause: error },
      );
    }
    throw new CosmosSetupError(`${where} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (!definition) throw missing;
  const paths = definition.partitionKey?.paths ?? [];
  if (paths.length !== 1 || paths[0] !== PARTITION_KEY) {
    throw new CosmosSetupError(`${where} is partitioned by ${paths.join(', ') || 'nothing'}, but the service needs partition key ${PARTITION_KEY}`);
  }
  if (requirement.needsTimeToLive && (definition.defaultTtl === undefined || definition.defaultTtl === null)) {
    throw new CosmosSetupError(
      `${where} has time-to-live off, so conversations would never expire: turn it on (default -1), or set AZURE_COSMOS_CONVERSATION_TTL_SECONDS=0 to keep them`,
    );
  }
  return container;
}
