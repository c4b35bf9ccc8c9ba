import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../app/logging.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the service (PORT, default 3978) on the configured backends; embedded defaults need no setup')
    .action(async () => {
      const config = loadConfig();
      const { startTelemetry } = await import('../app/telemetry.js');
      const stopTelemetry = await startTelemetry(config);
      const logger = createLogger(config);
      // Loaded on use, so other commands start without the whole service.
      const [{ openApp }, { createServer }, { watchLibrary }] = await Promise.all([import('../app/app.js'), import('../server/server.js'), import('../app/library-watch.js')]);
      const app = await openApp(config, logger);
      const stopWatching = watchLibrary(app, config.LIBRARY_RELOAD_SECONDS * 1000, logger);
      const server = createServer(app, logger);
      await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
      logger.info({ url: server.url, store: config.sqlitePath, library: config.LIBRARY_ID }, 'intent-skill is listening');
      const stop = () => {
        logger.info('shutting down');
        stopWatching();
        server.close(() =>
          void app
            .close()
            .then(() => stopTelemetry?.())
            .then(() => process.exit(0)),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
