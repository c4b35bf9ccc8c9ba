import type { Activity, ActivityHandler } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { LocalDirectLineAdapter } from '../bot/direct-line/adapter.js';
import { ConversationFullError, LOCAL_DIRECT_LINE_SERVICE_URL, type DirectLineConversations } from '../bot/direct-line/conversations.js';
import { BODY_LIMITS } from './body-limits.js';
import { HttpError } from './errors.js';
import { jsonBody } from './json-body.js';

export const DIRECT_LINE_PATH = '/v3/directline';

const CHANNEL_ID = 'directline';
const BOT_ACCOUNT = { id: 'intent-skill', name: 'intent-skill', role: 'bot' };

const postedActivitySchema = z.looseObject({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(10_000).optional(),
  from: z.looseObject({ id: z.string().min(1).max(200) }),
});

const startSchema = z.looseObject({ user: z.looseObject({ id: z.string().max(200).optional() }).optional() }).optional();

/**
 * A small Direct Line 3.0-compatible endpoint (tokens, conversations, posting and polling activities) that runs
 * the bot in-process, so Web Chat works on a laptop with no Azure Bot resource. Polling only: no WebSocket stream.
 */
export function mountLocalDirectLine(server: Server, bot: ActivityHandler, logger: Logger, conversations: DirectLineConversations): void {
  const adapter = new LocalDirectLineAdapter(conversations, logger);
  const readBody = jsonBody(BODY_LIMITS.directLine);
  const run = (activity: Partial<Activity>) => adapter.runTurn(activity, (context) => bot.run(context));

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (_req, res) => {
    const issued = conversations.issue();
    res.send(200, { conversationId: issued.conversationId, token: issued.token, expires_in: issued.expiresInSeconds });
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req, res) => {
    const conversation = conversationOf(req, conversations);
    res.send(200, { conversationId: conversation.id, token: conversation.token, expires_in: conversation.expiresInSeconds });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, readBody, async (req, res) => {
    const conversation = conversationOf(req, conversations);
    const start = startSchema.safeParse(req.body ?? undefined);
    const userId = (start.success && start.data?.user?.id) || `user-${conversation.id.slice(0, 8)}`;
    if (conversations.start(conversation.id)) {
      await run({
        ...envelope(conversation.id),
        type: 'conversationUpdate',
        from: { id: userId, name: userId, role: 'user' },
        membersAdded: [BOT_ACCOUNT, { id: userId, name: userId }],
      });
    }
    res.send(201, { conversationId: conversation.id, token: conversation.token, expires_in: conversation.expiresInSeconds });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req, res) => {
    const conversation = conversationOf(req, conversations, req.params.conversationId);
    res.send(200, { conversationId: conversation.id, token: conversation.token, expires_in: conversation.expiresInSeconds });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = conversationOf(req, conversations, req.params.conversationId);
    const watermark = Number.parseInt(String(req.query?.watermark ?? '0'), 10);
    res.send(200, conversations.since(conversation.id, Number.isNaN(watermark) ? 0 : watermark));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, readBody, async (req, res) => {
    const conversation = conversationOf(req, conversations, req.params.conversationId);
    const posted = postedActivitySchema.safeParse(req.body);
    if (!posted.success) {
      const problems = posted.error.issues.map((issue) => `${['activity', ...issue.path].join('.')}: ${issue.message}`);
      throw new HttpError(400, 'BadArgument', problems.join('; '));
    }
    const activity: Partial<Activity> = {
      ...(posted.data as unknown as Partial<Activity>),
      ...envelope(conversation.id),
      from: { ...posted.data.from, role: 'user' } as Activity['from'],
      timestamp: new Date(),
    };
    try {
      activity.id = conversations.post(conversation.id, activity);
    } catch (error) {
      if (!(error instanceof ConversationFullError)) throw error;
      throw new HttpError(429, 'TooManyRequests', error.message);
    }
    if (activity.type !== 'typing') await run(activity);
    res.send(200, { id: activity.id });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, async () => {
    throw new HttpError(400, 'BadArgument', 'the local Direct Line endpoint does not take attachments');
  });
}

function envelope(conversationId: string): Partial<Activity> {
  return {
    channelId: CHANNEL_ID,
    conversation: { id: conversationId } as Activity['conversation'],
    recipient: BOT_ACCOUNT,
    serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL,
  };
}

/**
 * The conversation the request's token opens (and, given an id from the path, only if it is that one). Direct Line
 * answers a missing, unknown or expired token with 403; Web Chat then asks for a fresh one.
 */
function conversationOf(req: Request, conversations: DirectLineConversations, pathConversationId?: string) {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const conversation = match?.[1] ? conversations.forToken(match[1]) : null;
  if (!conversation || (pathConversationId !== undefined && conversation.id !== pathConversationId)) {
    throw new HttpError(403, 'TokenExpired', 'the token is missing, unknown or expired; get one from POST /v3/directline/tokens/generate');
  }
  return conversation;
}
