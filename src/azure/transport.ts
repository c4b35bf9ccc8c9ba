import type { Agent } from 'node:https';

/**
 * How clients reach their services. On Azure nothing is needed; a private certificate authority is trusted
 * through NODE_EXTRA_CA_CERTS, or, inside one process (tests), through an agent that trusts it.
 */
export interface AzureTransport {
  httpsAgent?: Agent;
}
