import type { Logger } from 'pino';
import type { Server } from 'restify';
import { mountAssist } from './assist-routes.js';
import { mountBot, type BotRouteOptions } from './bot-routes.js';
import { mountInsights } from './insights-routes.js';
import { mountLibraryReview } from './library-routes.js';
import { mountMcp } from './mcp-routes.js';
import type { ServerParts } from './parts.js';
import { answerErrorsInOneShape, HttpError } from './errors.js';
import { OpenStreams } from './event-stream.js';
import { restify } from './restify.js';

export interface ServerOptions {
  bot?: BotRouteOptions;
  /** The event streams it opens, for a graceful shutdown (src/server/shutdown.ts). */
  streams?: OpenStreams;
}

/** The one HTTP service: health endpoints, the Bot Framework edge (with /chat), the assist API and pages, MCP tools, the library review page, one error body. */
export function createServer(app: ServerParts, logger: Logger, options: ServerOptions = {}): Server {
  // Skill and Teams conversation ids in URLs are longer than restify's default limit of 100 characters.
  const server = restify.createServer({ name: 'intent-skill', handleUncaughtExceptions: false, maxParamLength: 1000 });
  answerErrorsInOneShape(server, logger);
  const streams = options.streams ?? new OpenStreams();
  // While shutting down, each answer closes its connection, so clients open the next one to another instance.
  server.pre((_req, res, next) => {
    if (streams.draining) res.setHeader('Connection', 'close');
    next();
  });
  server.use(restify.plugins.queryParser());

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    let stored;
    try {
      stored = await app.libraries.get(app.config.LIBRARY_ID);
    } catch (error) {
      logger.error({ err: error }, 'readiness check failed');
      throw new HttpError(503, 'NotReady', 'the store cannot be read');
    }
    if (!stored) throw new HttpError(503, 'NotReady', `no library "${app.config.LIBRARY_ID}" is stored`);
    res.send(200, { status: 'ready', library: stored.value.id, intents: app.conversations.catalog().library.intents.length });
  });

  const customers = mountBot(server, app, logger, options.bot);
  mountAssist(server, app, logger, customers, streams);
  mountMcp(server, app, logger);
  mountLibraryReview(server, app, logger);
  mountInsights(server, app);

  return server;
}
