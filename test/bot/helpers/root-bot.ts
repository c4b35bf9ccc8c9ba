import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  ActivityTypes,
  CallerIdConstants,
  ChannelServiceRoutes,
  CloudAdapter,
  CloudSkillHandler,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  SkillConversationIdFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { allowedCallersClaimsValidator, AuthenticationConstants } from 'botframework-connector';
import { DialogSet, DialogTurnStatus, SkillDialog } from 'botbuilder-dialogs';
import type { Request, Response, Server } from 'restify';
import { restify } from '../../../src/server/restify.js';
import { issuerFor, TENANT_ID, type LocalIdentity } from './local-identity.js';

export interface RootBotOptions {
  identity: LocalIdentity;
  rootAppId: string;
  skillAppId: string;
  /** The skill's /api/messages URL. */
  skillEndpoint: string;
}

export interface SkillOutcome {
  /** The endOfConversation's value, which SkillDialog returns as the dialog result. */
  value: unknown;
  /** Messages the skill sent along the way, as the root bot's user would see them. */
  messages: Partial<Activity>[];
}

interface Pending {
  resolve(outcome: SkillOutcome): void;
  reject(error: Error): void;
  messages: Partial<Activity>[];
}

const SKILL_DIALOG = 'intent-skill';

/**
 * A real consumer of the skill, built the way Bot Framework samples build a root bot: CloudAdapter, a SkillDialog
 * that calls the skill, and CloudSkillHandler receiving the skill's replies at /api/skills. Its own "channel" is a
 * tiny endpoint on the same server that records what the root bot forwards to its user.
 */
export class RootBot {
  private readonly pending = new Map<string, Pending>();

  private constructor(
    private readonly server: Server,
    private readonly adapter: CloudAdapter,
    private readonly origin: string,
    private readonly options: RootBotOptions,
    private readonly run: (context: TurnContext, start?: Partial<Activity>) => Promise<void>,
  ) {}

  static async start(options: RootBotOptions): Promise<RootBot> {
    const { identity, rootAppId, skillAppId } = options;
    const auth = new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: rootAppId,
        MicrosoftAppTenantId: TENANT_ID,
        ValidateAuthority: true,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: identity.metadataUrl,
        CallerId: CallerIdConstants.PublicAzureChannel,
      },
      identity.credentialsFor(rootAppId),
      { requiredEndorsements: [], validateClaims: allowedCallersClaimsValidator([skillAppId]), validTokenIssuers: [issuerFor(TENANT_ID)] },
    );
    const adapter = new CloudAdapter(auth);
    const conversationState = new ConversationState(new MemoryStorage());
    const conversationIdFactory = new SkillConversationIdFactory(new MemoryStorage());
    const server = restify.createServer({ maxParamLength: 1000, handleUncaughtExceptions: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    dialogs.add(
      new SkillDialog(
        {
          botId: rootAppId,
          skillClient: auth.createBotFrameworkClient(),
          skillHostEndpoint: `${origin}/api/skills`,
          skill: { id: SKILL_DIALOG, appId: skillAppId, skillEndpoint: options.skillEndpoint },
          conversationIdFactory,
          conversationState,
        },
        SKILL_DIALOG,
      ),
    );

    let bot: RootBot | undefined;
    const run = async (context: TurnContext, start?: Partial<Activity>): Promise<void> => {
      const dc = await dialogs.createContext(context);
      const result = start ? await dc.beginDialog(SKILL_DIALOG, { activity: start }) : await dc.continueDialog();
      await conversationState.saveChanges(context);
      if (result.status === DialogTurnStatus.complete) bot?.settle(context.activity.conversation.id, result.result);
    };
    bot = new RootBot(server, adapter, origin, options, run);

    const skillHandler = new CloudSkillHandler(adapter, (context) => run(context), conversationIdFactory, auth);
    new ChannelServiceRoutes(skillHandler).register(server, '/api/skills');
    const record = async (req: Request, res: Response) => {
      let body = '';
      for await (const chunk of req) body += (chunk as Buffer).toString('utf8');
      bot?.recordForwarded(req.params.conversationId as string, JSON.parse(body) as Partial<Activity>);
      res.send(200, { id: randomUUID() });
    };
    server.post('/channel/v3/conversations/:conversationId/activities', record);
    server.post('/channel/v3/conversations/:conversationId/activities/:activityId', record);
    return bot;
  }

  /** Runs the skill once through SkillDialog and waits for its endOfConversation. */
  async call(activity: Partial<Activity>): Promise<SkillOutcome> {
    const conversationId = `root-${randomUUID()}`;
    const outcome = new Promise<SkillOutcome>((resolve, reject) => {
      this.pending.set(conversationId, { resolve, reject, messages: [] });
    });
    const reference = {
      serviceUrl: `${this.origin}/channel`,
      channelId: 'test',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'root' },
      user: { id: 'customer-1', name: 'customer' },
      bot: { id: this.options.rootAppId, name: 'root' },
    };
    await this.adapter.continueConversationAsync(this.options.rootAppId, reference, (context) => this.run(context, { type: ActivityTypes.Event, ...activity }));
    return outcome;
  }

  async close(): Promise<void> {
    for (const pending of this.pending.values()) pending.reject(new Error('the root bot was closed before the skill ended the conversation'));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private settle(conversationId: string, value: unknown): void {
    const pending = this.pending.get(conversationId);
    if (!pending) return;
    this.pending.delete(conversationId);
    pending.resolve({ value, messages: pending.messages });
  }

  private recordForwarded(conversationId: string, activity: Partial<Activity>): void {
    this.pending.get(conversationId)?.messages.push(activity);
  }
}
