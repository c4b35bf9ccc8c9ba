import assert from 'node:assert/strict';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { ClientCachingAuthentication } from '../../src/bot/client-cache.js';

/** Counts the clients botbuilder's authentication would build; each is a distinct object. */
class CountingAuthentication extends BotFrameworkAuthentication {
  connectors = 0;
  userTokens = 0;
  failNext = false;

  async authenticateRequest(_activity: Activity, _authHeader: string): Promise<AuthenticateRequestResult> {
    const identity = new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: 'skill-app' }], true);
    return { audience: 'caller-app', claimsIdentity: identity, connectorFactory: this.createConnectorFactory() };
  }

  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    throw new Error('not used');
  }

  createConnectorFactory(): ConnectorFactory {
    return new (class extends ConnectorFactory {
      constructor(private readonly owner: CountingAuthentication) {
        super();
      }
      async create(serviceUrl: string): Promise<ConnectorClient> {
        if (this.owner.failNext) {
          this.owner.failNext = false;
          throw new Error('no credentials');
        }
        this.owner.connectors += 1;
        return { serviceUrl } as unknown as ConnectorClient;
      }
    })(this);
  }

  async createUserTokenClient(): Promise<UserTokenClient> {
    this.userTokens += 1;
    return {} as UserTokenClient;
  }
}

const activity = {} as Activity;

describe('reusing the clients botbuilder builds per request', () => {
  it('builds one connector client per service URL and audience, and one user-token client per bot', async () => {
    const inner = new CountingAuthentication();
    const caching = new ClientCachingAuthentication(inner);
    const first = await caching.authenticateRequest(activity, '');
    const second = await caching.authenticateRequest(activity, '');
    const a = await first.connectorFactory!.create('https://smba.example/teams', 'caller-app');
    const b = await second.connectorFactory!.create('https://smba.example/teams', 'caller-app');
    const c = await second.connectorFactory!.create('https://other.example/', 'caller-app');
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(inner.connectors, 2);
    await caching.createUserTokenClient(first.claimsIdentity);
    await caching.createUserTokenClient(second.claimsIdentity);
    assert.equal(inner.userTokens, 1);
  });

  it('does not keep a client whose creation failed', async () => {
    const inner = new CountingAuthentication();
    const caching = new ClientCachingAuthentication(inner);
    const { connectorFactory } = await caching.authenticateRequest(activity, '');
    inner.failNext = true;
    await assert.rejects(connectorFactory!.create('https://smba.example/teams', 'caller-app'), /no credentials/);
    await connectorFactory!.create('https://smba.example/teams', 'caller-app');
    assert.equal(inner.connectors, 1);
  });
});
