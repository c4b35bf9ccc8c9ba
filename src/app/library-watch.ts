import type { App } from './app.js';
import type { Logger } from 'pino';

/**
 * Keeps a running service on the newest stored library: every `everyMs` it reads the library's version
 * (one point read) and, when someone changed it (`library import`, `merge`, `review --library`), reloads
 * and retrains, so every instance serves the change without a restart. A failed check or reload is
 * logged and tried again at the next tick; the service keeps the library it has. Returns a stop function.
 */
export function watchLibrary(app: App, everyMs: number, logger: Logger): () => void {
  if (everyMs <= 0) return () => undefined;
  const id = app.config.LIBRARY_ID;
  let seen: string | undefined;
  let busy = false;
  const check = async () => {
    const stored = await app.libraries.get(id);
    if (!stored || stored.etag === seen) return;
    const first = seen === undefined;
    seen = stored.etag;
    // The first check only learns the version, unless the library changed between loading and now.
    if (first && JSON.stringify(stored.value) === JSON.stringify(app.live().catalog.library)) return;
    await app.reload();
    logger.info({ library: id, intents: stored.value.intents.length }, 'reloaded the intent library after it changed in the store');
  };
  const tick = () => {
    if (busy) return;
    busy = true;
    check()
      .catch((error: unknown) => logger.warn({ err: error, library: id }, 'could not check or reload the intent library; keeping the current one'))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
