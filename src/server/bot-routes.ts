import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from 'pino';
import type { ServerParts } from './parts.js';
import type { Request, Response, Server } from 'restify';
import { skillActions } from '../actions/index.js';
import type { CustomerChannel } from '../assist/customer-channel.js';
import { SkillAdapter } from '../bot/adapter.js';
import { createBotAuth } from '../bot/auth.js';
import { ClientCachingAuthentication } from '../bot/client-cache.js';
import { BotChannelDelivery } from '../bot/customer-delivery.js';
import { DirectLineConversations } from '../bot/direct-line/conversations.js';
import { mountLocalDirectLine } from './direct-line-routes.js';
import { checkInboundActivity } from '../bot/inbound-activity.js';
import { IntentBot } from '../bot/intent-bot.js';
import { buildSkillManifest } from '../actions/skill-manifest.js';
import { mountWebChatPage } from './web-chat-page.js';
import { BODY_LIMITS } from './body-limits.js';
import { HttpError } from './errors.js';
import { jsonBody } from './json-body.js';
import { packageVersion } from './package-version.js';
import { publicOrigin } from './request-origin.js';

export const MESSAGES_PATH = '/api/messages';
export const SKILL_MANIFEST_PATH = '/manifests/skill-manifest.json';

export interface BotRouteOptions {
  /** Signs the skill's outbound calls instead of the credentials built from config (tests sign them locally). */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/**
 * Mounts the Bot Framework endpoint, the skill manifest and (when enabled) the /chat page with its local
 * Direct Line endpoint. Refuses to start on a half-configured identity; warns loudly when authentication is off.
 * Returns the channel that representatives' replies reach the customers of direct conversations through.
 */
export function mountBot(server: Server, app: ServerParts, logger: Logger, options: BotRouteOptions = {}): CustomerChannel {
  const auth = createBotAuth(app.config, options.credentialsFactory);
  if (auth.disabled) {
    logger.warn(
      'AUTHENTICATION IS OFF: MicrosoftAppId is not set, so anyone who can reach /api/messages can call the skill and read conversations. ' +
        'Set MicrosoftAppId, MicrosoftAppType, MicrosoftAppTenantId (and MicrosoftAppPassword) before exposing this service.',
    );
  } else if (auth.allowedCallers.length === 0) {
    logger.warn('ALLOWED_CALLERS is empty: every skill call will be refused (403); channels such as Teams still work');
  }
  const authentication = new ClientCachingAuthentication(auth.authentication);
  const adapter = new SkillAdapter(authentication, logger);
  const bot = new IntentBot(app, logger, { authenticationDisabled: auth.disabled });

  server.post(MESSAGES_PATH, jsonBody(BODY_LIMITS.botMessages), async (req: Request, res: Response) => {
    const inbound = checkInboundActivity(req.body);
    if (!inbound.ok) throw new HttpError(400, 'BadArgument', inbound.message);
    const result = await adapter.handle(req.headers.authorization ?? '', inbound.activity, (context) => bot.run(context));
    if (result.kind === 'refused') throw new HttpError(result.status, result.code, result.message);
    if (result.body === undefined) res.send(result.status);
    else res.send(result.status, result.body);
  });

  const version = packageVersion();
  server.get(SKILL_MANIFEST_PATH, async (req, res) => {
    const origin = publicOrigin(app.config, req);
    res.send(
      200,
      buildSkillManifest(skillActions, {
        endpointUrl: `${origin}${MESSAGES_PATH}`,
        appId: app.config.MicrosoftAppId,
        version,
        name: 'intent-skill',
        description: `Customer-intent self-service for ${app.conversations.catalog().library.name}: detects the intent, asks the follow-up questions, finds solutions and hands off to a representative.`,
      }),
    );
  });

  const localChat = (app.config.LOCAL_WEB_CHAT ?? auth.disabled) ? new DirectLineConversations() : null;
  if (localChat) {
    mountLocalDirectLine(server, bot, logger, localChat);
    mountWebChatPage(server);
  }
  return new BotChannelDelivery(authentication, app.config.MicrosoftAppId ?? '', localChat);
}
