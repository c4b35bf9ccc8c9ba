import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import {
  ActivityHandler,
  AgentClient,
  AuthType,
  CloudAdapter,
  ConversationState,
  createAgentResponseHandler,
  MemoryStorage,
  type AuthConfiguration,
  type WebResponse,
} from '@microsoft/agents-hosting';
import { TENANT_ID, issuerFor, type LocalIdentity } from './local-identity.js';

export interface AgentsRootOptions {
  identity: LocalIdentity;
  rootAppId: string;
  /** The skill's /api/messages URL. */
  skillEndpoint: string;
  /** The app id the root agent requests its tokens for (the skill's, unless a test wants a token for another audience). */
  skillAppId: string;
}

/** What the skill's endOfConversation carried back to the root agent. */
export interface AgentOutcome {
  code: string | undefined;
  value: Record<string, unknown>;
  /** The skill's other replies, as the root agent forwarded them to its own channel. */
  forwarded: Partial<Activity>[];
}

interface Pending {
  resolve(outcome: AgentOutcome): void;
  reject(error: Error): void;
  forwarded: Partial<Activity>[];
}

/** The path the SDK's AgentClient makes the skill reply to, under the serviceUrl it sends (AGENT_RESPONSE_ROUTE_PATH). */
const CALLBACK = /^\/api\/agentresponse\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/;
/** The user's channel, where the root agent forwards what the skill says along the way. */
const CHANNEL = /^\/channel\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;

let instances = 0;

/**
 * A root agent built with the Microsoft 365 Agents SDK (`@microsoft/agents-hosting`), as its agent-to-agent
 * samples build one: a CloudAdapter, AgentClient sending the user's activity to the skill, and the SDK's agent
 * response handler receiving the skill's replies (normal delivery: the skill posts them to the serviceUrl the
 * root agent sent, here `{origin}/api/agentresponse`), with the root agent's ActivityHandler seeing the skill's
 * endOfConversation. Replies other than the end are forwarded to the root agent's own channel, a recorder on
 * the same loopback server.
 *
 * Tokens: the root agent runs as a user-assigned managed identity (AuthType.UserManagedIdentity), the SDK's own
 * MsalTokenProvider asks MSAL for them, and MSAL fetches them from the App Service managed-identity endpoint
 * (IDENTITY_ENDPOINT/IDENTITY_HEADER, plain HTTP on loopback as on App Service) that the test's LocalIdentity
 * serves, signed with the same local keys the skill checks. Nothing of the SDK is replaced: its client-secret and
 * certificate flows go through MSAL's ConfidentialClientApplication, which wants an https Entra authority that
 * cannot be served on loopback, and AgentClient takes no token provider of ours (it builds its own
 * MsalTokenProvider), so the managed-identity flow is the one a test can serve. The root agent checks the skill's
 * replies against the same identity (its authority is the local one, whose keys it fetches).
 */
export class AgentsRoot {
  private readonly pending = new Map<string, Pending>();
  private readonly savedEnv = new Map<string, string | undefined>();

  private constructor(
    private readonly server: Server,
    private readonly origin: string,
    private readonly options: AgentsRootOptions,
    private readonly authConfig: AuthConfiguration,
    private readonly adapter: CloudAdapter,
    private readonly conversationState: ConversationState,
    /** AgentClient reads its target from `{key}_endpoint`, `{key}_clientId` and `{key}_serviceUrl` in process.env. */
    private readonly skillKey: string,
  ) {}

  static async start(options: AgentsRootOptions): Promise<AgentsRoot> {
    const authConfig: AuthConfiguration = {
      clientId: options.rootAppId,
      tenantId: TENANT_ID,
      authType: AuthType.UserManagedIdentity,
      authority: options.identity.authority,
      issuers: [issuerFor(TENANT_ID)],
    };
    const adapter = new CloudAdapter(authConfig);
    const conversationState = new ConversationState(new MemoryStorage());
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const root = new AgentsRoot(server, origin, options, authConfig, adapter, conversationState, `intentSkillForAgentsTest${++instances}`);

    const agent = new ActivityHandler();
    agent.onEndOfConversation(async (context, next) => {
      root.settle(context.activity);
      await next();
    });
    const onResponse = createAgentResponseHandler(adapter, agent, conversationState);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void root.route(req, res, onResponse).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      });
    });
    root.setEnv({
      ...options.identity.managedIdentityEnv,
      [`${root.skillKey}_endpoint`]: options.skillEndpoint,
      [`${root.skillKey}_clientId`]: options.skillAppId,
      [`${root.skillKey}_serviceUrl`]: root.callbackUrl,
    });
    return root;
  }

  /** The serviceUrl the root agent sends the skill: replies go to `{callbackUrl}/v3/conversations/{id}/activities/{replyToId}`. */
  get callbackUrl(): string {
    return `${this.origin}/api/agentresponse`;
  }

  /**
   * One user turn of the root agent that delegates to the skill: AgentClient.postActivity sends `activity` (an
   * event naming an action, or a message), and the call resolves when the skill's endOfConversation reaches the
   * callback endpoint. Rejects if the skill refuses the call.
   */
  async call(activity: { type: string; name?: string; value?: unknown; text?: string }): Promise<AgentOutcome> {
    const conversationId = `agents-root-${randomUUID()}`;
    const reference: ConversationReference = {
      serviceUrl: `${this.origin}/channel`,
      channelId: 'test',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'root' },
      user: { id: 'customer-1', name: 'customer' },
      agent: { id: this.options.rootAppId, name: 'root' },
    };
    const outcome = new Promise<AgentOutcome>((resolve, reject) => this.pending.set(conversationId, { resolve, reject, forwarded: [] }));
    const client = new AgentClient(this.skillKey);
    // The adapter turns an error in the turn into a message to the user (onTurnError); the caller wants it thrown.
    let failure: unknown;
    try {
      await this.adapter.continueConversation(CloudAdapter.createIdentity(this.options.rootAppId), reference, async (context) => {
        const userActivity = Activity.fromObject({
          ...activity,
          id: randomUUID(),
          channelId: reference.channelId,
          serviceUrl: reference.serviceUrl,
          conversation: reference.conversation,
          from: { id: 'customer-1', name: 'customer', role: 'user' },
          recipient: { id: this.options.rootAppId, name: 'root', role: 'agent' },
        });
        await client.postActivity(userActivity, this.authConfig, this.conversationState, context).catch((error: unknown) => (failure = error));
      });
      if (failure) throw failure;
    } catch (error) {
      this.pending.delete(conversationId);
      throw error;
    }
    return outcome;
  }

  async close(): Promise<void> {
    for (const pending of this.pending.values()) pending.reject(new Error('the root agent was closed before the skill ended the conversation'));
    for (const [name, value] of this.savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private setEnv(values: Record<string, string>): void {
    for (const name of Object.keys(values)) if (!this.savedEnv.has(name)) this.savedEnv.set(name, process.env[name]);
    Object.assign(process.env, values);
  }

  private async route(req: IncomingMessage, res: ServerResponse, onResponse: ReturnType<typeof createAgentResponseHandler>): Promise<void> {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    let text = '';
    for await (const chunk of req) text += (chunk as Buffer).toString('utf8');
    const callback = req.method === 'POST' ? CALLBACK.exec(path) : null;
    if (callback?.[1] && callback[2]) {
      const body = JSON.parse(text) as Record<string, unknown>;
      await onResponse({ body, headers: req.headers, method: 'POST' }, webResponse(res), {
        conversationId: decodeURIComponent(callback[1]),
        activityId: decodeURIComponent(callback[2]),
      });
      return;
    }
    const channel = req.method === 'POST' ? CHANNEL.exec(path) : null;
    if (channel?.[1]) {
      this.pending.get(decodeURIComponent(channel[1]))?.forwarded.push(JSON.parse(text) as Partial<Activity>);
      webResponse(res).status(200).send({ id: randomUUID() });
      return;
    }
    webResponse(res).status(404).send({ error: `no route for ${req.method} ${path}` });
  }

  private settle(activity: Activity): void {
    const conversationId = activity.conversation?.id ?? '';
    const pending = this.pending.get(conversationId);
    if (!pending) return;
    this.pending.delete(conversationId);
    pending.resolve({ code: activity.code, value: (activity.value ?? {}) as Record<string, unknown>, forwarded: pending.forwarded });
  }
}

/** The SDK's WebResponse over a plain Node response (what Express's response gives it). */
function webResponse(res: ServerResponse): WebResponse {
  const web: WebResponse = {
    status(code: number) {
      res.statusCode = code;
      return web;
    },
    setHeader(name: string, value: string) {
      res.setHeader(name, value);
      return web;
    },
    send(body?: unknown) {
      if (typeof body === 'string') res.end(body);
      else {
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
        res.end(body === undefined ? '' : JSON.stringify(body));
      }
      return web;
    },
    end() {
      res.end();
      return web;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return web;
}
