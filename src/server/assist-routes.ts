import type { Logger } from 'pino';
import restify from 'restify';
import type { z } from 'zod';
import type { App } from '../app/app.js';
import { UpdateConflictError } from '../library/update.js';
import { createAssistAuth, type AssistAuth } from './assist-auth.js';
import { mountAssistPages } from './assist-pages.js';
import {
  conversationIdSchema,
  describeIssues,
  handoffInputSchema,
  messageInputSchema,
  rejectIntentInputSchema,
  searchAgainInputSchema,
} from '../assist/schemas.js';
import { AssistRequestError, AssistService } from '../assist/service.js';
import { openEventStream } from './event-stream.js';

const MAX_BODY_BYTES = 64 * 1024;
const ACTIVE_MINUTES_DEFAULT = 120;
const LIST_LIMIT = 200;

type Reply = { status: number; body: unknown };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The assisted-service API (messages, hand-off, reject intent, search again, the event stream, the list) and the
 * representative's pages. Returns the service so tests and benchmarks can reach its event hub.
 */
export function mountAssist(server: restify.Server, app: App, logger: Logger): AssistService {
  const auth = createAssistAuth(app.config);
  if (auth.disabled) {
    logger.warn(
      'THE ASSIST API IS UNPROTECTED: neither ASSIST_API_KEY nor ASSIST_ENTRA_* is set, so anyone who can reach /api/conversations ' +
        'can read and write conversations. Set one of them before exposing this service.',
    );
  }
  const assist = app.assist;
  const readBody = restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES });

  const post = <S extends z.ZodType>(route: string, schema: S, handle: (id: string, input: z.output<S>) => Promise<Reply>) => {
    server.post(route, readBody, async (req: restify.Request, res: restify.Response) => {
      await respond(res, logger, async () => {
        await authenticate(auth, req);
        const id = conversationId(req);
        const parsed = schema.safeParse(jsonBody(req));
        if (!parsed.success) throw new HttpError(400, 'BadArgument', describeIssues(parsed.error));
        return handle(id, parsed.data);
      });
    });
  };

  post('/api/conversations/:conversationId/messages', messageInputSchema, async (id, message) => {
    const outcome = await assist.postMessage(id, message);
    return { status: outcome.duplicate ? 200 : 201, body: { duplicate: outcome.duplicate, view: outcome.view } };
  });
  post('/api/conversations/:conversationId/handoff', handoffInputSchema, async (id, input) => ({ status: 200, body: { view: await assist.handoff(id, input) } }));
  post('/api/conversations/:conversationId/reject-intent', rejectIntentInputSchema, async (id, input) => ({
    status: 200,
    body: { view: await assist.rejectIntent(id, input.intent) },
  }));
  post('/api/conversations/:conversationId/search-again', searchAgainInputSchema, async (id, input) => ({
    status: 200,
    body: { view: await assist.searchAgain(id, input.query) },
  }));

  server.get('/api/conversations/:conversationId', async (req: restify.Request, res: restify.Response) => {
    await respond(res, logger, async () => {
      await authenticate(auth, req);
      return { status: 200, body: { view: await assist.view(conversationId(req)) } };
    });
  });

  server.get('/api/conversations', async (req: restify.Request, res: restify.Response) => {
    await respond(res, logger, async () => {
      await authenticate(auth, req);
      const minutes = activeMinutes(req.query as Record<string, unknown> | undefined);
      const since = new Date(Date.now() - minutes * 60_000);
      return { status: 200, body: { conversations: await assist.active(since, LIST_LIMIT) } };
    });
  });

  server.get('/api/conversations/:conversationId/events', async (req: restify.Request, res: restify.Response) => {
    const refused = await respondIfRefused(res, logger, async () => {
      await authenticate(auth, req);
      const id = conversationId(req);
      return { id, view: await assist.view(id).catch((error: unknown) => (error instanceof AssistRequestError && error.status === 404 ? null : Promise.reject(error))) };
    });
    if (!refused) return;
    openEventStream(req, res, assist.hub, refused.id, refused.view);
  });

  mountAssistPages(server);
  return assist;
}

async function authenticate(auth: AssistAuth, req: restify.Request): Promise<void> {
  const query = req.query as Record<string, unknown> | undefined;
  const header = req.headers['x-api-key'];
  const result = await auth.check({
    authorization: req.headers.authorization,
    apiKey: typeof header === 'string' ? header : undefined,
    accessToken: typeof query?.access_token === 'string' ? query.access_token : undefined,
  });
  if (!result.ok) throw new HttpError(401, 'Unauthorized', result.message);
}

function conversationId(req: restify.Request): string {
  const parsed = conversationIdSchema.safeParse(req.params?.conversationId);
  if (!parsed.success) throw new HttpError(400, 'BadArgument', `conversationId: ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return parsed.data;
}

function jsonBody(req: restify.Request): unknown {
  const raw: unknown = req.body;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : '';
  if (text.trim() === '') throw new HttpError(400, 'BadArgument', 'body: a JSON object is required');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, 'BadArgument', `body: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function activeMinutes(query: Record<string, unknown> | undefined): number {
  const raw = query?.activeMinutes;
  if (raw === undefined) return ACTIVE_MINUTES_DEFAULT;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) throw new HttpError(400, 'BadArgument', 'activeMinutes: must be a whole number from 1 to 10080');
  return minutes;
}

async function respond(res: restify.Response, logger: Logger, run: () => Promise<Reply>): Promise<void> {
  const reply = await respondIfRefused(res, logger, run);
  if (reply) res.send(reply.status, reply.body);
}

/** Runs the handler; on failure sends the error and returns null. */
async function respondIfRefused<T>(res: restify.Response, logger: Logger, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    const [status, code, message] = describeError(error, logger);
    res.send(status, { error: { code, message } });
    return null;
  }
}

function describeError(error: unknown, logger: Logger): [number, string, string] {
  if (error instanceof HttpError) return [error.status, error.code, error.message];
  if (error instanceof AssistRequestError) return [error.status, error.status === 404 ? 'NotFound' : 'BadArgument', error.message];
  if (error instanceof UpdateConflictError) return [503, 'Busy', `${error.message}; try again`];
  logger.error({ err: error }, 'assist request failed');
  return [500, 'ServerError', 'the request failed; see the service log'];
}
