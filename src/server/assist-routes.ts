import type { Logger } from 'pino';
import type { ServerParts } from './parts.js';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { UpdateConflictError } from '../library/update.js';
import { authenticate, createAssistAuth } from './assist-auth.js';
import { mountAssistPages } from './assist-pages.js';
import type { CustomerChannel } from '../assist/customer-channel.js';
import {
  conversationIdSchema,
  describeIssues,
  feedbackInputSchema,
  handBackInputSchema,
  handoffInputSchema,
  messageInputSchema,
  rejectIntentInputSchema,
  replyInputSchema,
  searchAgainInputSchema,
} from '../assist/schemas.js';
import { AssistRequestError, type AssistService } from '../assist/service.js';
import { BODY_LIMITS } from './body-limits.js';
import { HttpError } from './errors.js';
import { openEventStream, type OpenStreams } from './event-stream.js';
import { jsonBody } from './json-body.js';

const ACTIVE_MINUTES_DEFAULT = 120;
const LIST_LIMIT = 200;

type Reply = { status: number; body: unknown };

/**
 * The assisted-service API (messages, replies delivered to the customer through `channel`, hand-off and hand-back,
 * reject intent, search again, the event stream, the list) and the representative's pages. Callers are checked before
 * their body is read. Returns the service so tests and benchmarks can reach its event bus.
 */
export function mountAssist(server: Server, app: ServerParts, logger: Logger, channel: CustomerChannel, streams: OpenStreams): AssistService {
  const auth = createAssistAuth(app.config);
  if (auth.disabled) {
    logger.warn(
      'THE ASSIST API IS UNPROTECTED: neither ASSIST_API_KEY nor ASSIST_ENTRA_* is set, so anyone who can reach /api/conversations ' +
        'can read and write conversations. Set one of them before exposing this service.',
    );
  }
  const assist = app.assist;
  const authenticated = async (req: Request) => {
    await authenticate(auth, req);
  };
  const readBody = jsonBody(BODY_LIMITS.assistApi);

  const post = <S extends z.ZodType>(route: string, schema: S, handle: (id: string, input: z.output<S>) => Promise<Reply>) => {
    server.post(route, authenticated, readBody, async (req: Request, res: Response) => {
      const id = conversationId(req);
      if (req.body === undefined) throw new HttpError(400, 'BadArgument', 'body: a JSON object is required');
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) throw new HttpError(400, 'BadArgument', describeIssues(parsed.error));
      send(res, await inAssistTerms(() => handle(id, parsed.data)));
    });
  };

  post('/api/conversations/:conversationId/messages', messageInputSchema, async (id, message) => {
    const outcome = await assist.postMessage(id, message);
    return { status: outcome.duplicate ? 200 : 201, body: { duplicate: outcome.duplicate, view: outcome.view } };
  });
  post('/api/conversations/:conversationId/replies', replyInputSchema, async (id, input) => {
    const outcome = await assist.reply(id, input, channel);
    return { status: outcome.duplicate ? 200 : 201, body: outcome };
  });
  post('/api/conversations/:conversationId/handoff', handoffInputSchema, async (id, input) => ({ status: 200, body: { view: await assist.handoff(id, input) } }));
  post('/api/conversations/:conversationId/hand-back', handBackInputSchema, async (id) => ({ status: 200, body: { view: await assist.handBack(id) } }));
  post('/api/conversations/:conversationId/reject-intent', rejectIntentInputSchema, async (id, input) => ({
    status: 200,
    body: { view: await assist.rejectIntent(id, input.intent) },
  }));
  post('/api/conversations/:conversationId/feedback', feedbackInputSchema, async (id, input) => ({ status: 200, body: { view: await assist.feedback(id, input) } }));
  post('/api/conversations/:conversationId/search-again', searchAgainInputSchema, async (id, input) => ({
    status: 200,
    body: { view: await assist.searchAgain(id, input.query) },
  }));

  server.get('/api/conversations/:conversationId', authenticated, async (req: Request, res: Response) => {
    const id = conversationId(req);
    send(res, await inAssistTerms(async () => ({ status: 200, body: { view: await assist.view(id) } })));
  });

  server.get('/api/conversations', authenticated, async (req: Request, res: Response) => {
    const query = req.query as Record<string, unknown> | undefined;
    const minutes = activeMinutes(query);
    const intent = intentFilter(query);
    const since = new Date(Date.now() - minutes * 60_000);
    send(res, await inAssistTerms(async () => ({ status: 200, body: { conversations: await assist.active(since, LIST_LIMIT, intent) } })));
  });

  server.get('/api/conversations/:conversationId/events', authenticated, async (req: Request, res: Response) => {
    const id = conversationId(req);
    await openEventStream(req, res, assist.events, streams, id, () =>
      inAssistTerms(() => assist.view(id).catch((error: unknown) => (error instanceof AssistRequestError && error.status === 404 ? null : Promise.reject(error)))),
    );
  });

  // How the page subscribes: through Web PubSub with its own short-lived token for this conversation's group, or the stream above.
  server.get('/api/conversations/:conversationId/subscription', authenticated, async (req: Request, res: Response) => {
    const id = conversationId(req);
    const bus = assist.events;
    const subscription = bus.pageSubscription ? await bus.pageSubscription(id) : { transport: 'sse', url: `/api/conversations/${encodeURIComponent(id)}/events` };
    res.header('Cache-Control', 'no-store');
    send(res, { status: 200, body: subscription });
  });

  mountAssistPages(server);
  return assist;
}

function send(res: Response, reply: Reply): void {
  res.send(reply.status, reply.body);
}

function conversationId(req: Request): string {
  const parsed = conversationIdSchema.safeParse(req.params?.conversationId);
  if (!parsed.success) throw new HttpError(400, 'BadArgument', `conversationId: ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return parsed.data;
}

function activeMinutes(query: Record<string, unknown> | undefined): number {
  const raw = query?.activeMinutes;
  if (raw === undefined) return ACTIVE_MINUTES_DEFAULT;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) throw new HttpError(400, 'BadArgument', 'activeMinutes: must be a whole number from 1 to 10080');
  return minutes;
}

/** `intent`: only the conversations of this intent ("" for those without one); absent: all. */
function intentFilter(query: Record<string, unknown> | undefined): string | undefined {
  const raw = query?.intent;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.length > 200) throw new HttpError(400, 'BadArgument', 'intent: must be one intent id (at most 200 characters)');
  return raw;
}

/** Runs a call on the assist service, turning its refusals into HTTP ones; anything else stays a server error. */
async function inAssistTerms<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AssistRequestError) throw new HttpError(error.status, error.code, error.message);
    if (error instanceof UpdateConflictError) throw new HttpError(503, 'Busy', `${error.message}; try again`);
    throw error;
  }
}
