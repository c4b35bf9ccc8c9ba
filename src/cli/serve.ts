import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../app/logging.js';
import { CliError } from './errors.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the service (PORT, default 3978) on the configured backends; embedded defaults need no setup')
    .action(async () => {
      const config = loadConfig();
      const { checkPortFree, listen, describeListenError } = await import('../server/listen.js');
      const portRefused = (error: unknown) => {
        const reason = describeListenError(error, config.PORT);
        return reason ? new CliError(reason) : error;
      };
      try {
        await checkPortFree(config.PORT);
      } catch (error) {
        throw portRefused(error);
      }
      const { startTelemetry } = await import('../app/telemetry.js');
      const stopTelemetry = await startTelemetry(config);
      const logger = createLogger(config);
      // Loaded on use, so other commands start without the whole service.
      const [{ openApp }, { createServer }, { watchLibrary }, { scheduleRollups }, { reachableOrigin, startSummary }, { OpenStreams }, { drain }, { harvestMisses }] = await Promise.all([
        import('../app/app.js'),
        import('../server/server.js'),
        import('../app/library-watch.js'),
        import('../app/insight-rollups.js'),
        import('../server/start-summary.js'),
        import('../server/event-stream.js'),
        import('../server/shutdown.js'),
        import('../discovery/misses-harvest.js'),
      ]);
      const app = await openApp(config, logger);
      const stopWatching = watchLibrary(app, config.LIBRARY_RELOAD_SECONDS * 1000, logger);
      // After each roll-up, the misses of the conversations updated since the harvest before (two ticks back at first).
      let harvestedUpTo = new Date(Date.now() - 2 * config.INSIGHTS_ROLLUP_MINUTES * 60_000);
      const harvest = async () => {
        const now = new Date();
        await harvestMisses(app.conversationStore, app.misses, harvestedUpTo, now, (message, counts) => logger.warn(counts, message));
        harvestedUpTo = new Date(now.getTime() - 60_000);
      };
      const stopRollups = scheduleRollups(app.insights, config.INSIGHTS_ROLLUP_MINUTES * 60_000, logger, harvest);
      const streams = new OpenStreams();
      const server = createServer(app, logger, { streams });
      try {
        await listen(server, config.PORT);
      } catch (error) {
        stopWatching();
        stopRollups();
        await app.close();
        await stopTelemetry?.();
        throw portRefused(error);
      }
      const summary = startSummary(server, reachableOrigin(server, config.PUBLIC_URL));
      logger.info({ urls: summary.urls, backends: app.backends, library: config.LIBRARY_ID }, summary.message);
      // A rolling restart: take no new request, end the event streams with a reconnect hint, finish what is in flight.
      const stop = () => {
        logger.info('shutting down: taking no new requests, finishing those in flight');
        stopWatching();
        stopRollups();
        void drain(server, streams, config.SHUTDOWN_GRACE_SECONDS * 1000)
          .then((drained) => {
            const how = drained.finished ? 'every request finished' : `requests still running after ${config.SHUTDOWN_GRACE_SECONDS} s were cut off`;
            logger.info({ streams: drained.streams }, `stopped: ${how}`);
            return app.close();
          })
          .then(() => stopTelemetry?.())
          .then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
