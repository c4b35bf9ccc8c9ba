import restify from 'restify';
import type { Logger } from 'pino';
import type { App } from '../app/app.js';
import { mountAssist } from './assist-routes.js';
import { mountBot, type BotRouteOptions } from './bot-routes.js';

export interface ServerOptions {
  bot?: BotRouteOptions;
}

/** The HTTP service: health endpoints, the Bot Framework endpoint (src/bot/routes.ts); the assist API mounts here. */
export function createServer(app: App, logger: Logger, options: ServerOptions = {}): restify.Server {
  // Skill and Teams conversation ids in URLs are longer than restify's default limit of 100 characters.
  const server = restify.createServer({ name: 'intent-skill', handleUncaughtExceptions: false, maxParamLength: 1000 });
  server.use(restify.plugins.queryParser());

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      const stored = await app.libraries.get(app.config.LIBRARY_ID);
      if (!stored) {
        res.send(503, { status: 'not ready', reason: `no library "${app.config.LIBRARY_ID}" is stored` });
        return;
      }
      res.send(200, { status: 'ready', library: stored.value.id, intents: app.live().catalog.library.intents.length });
    } catch (error) {
      logger.error({ err: error }, 'readiness check failed');
      res.send(503, { status: 'not ready', reason: 'the store cannot be read' });
    }
  });

  mountBot(server, app, logger, options.bot);
  mountAssist(server, app, logger);

  return server;
}
