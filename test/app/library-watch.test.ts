import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import sinon from 'sinon';
import { openApp, type App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { watchLibrary } from '../../src/app/library-watch.js';

/** Resolves once `condition` holds, checking every 20 ms; fails after `ms`. */
async function until(condition: () => boolean, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('serve keeps to the newest stored library', function () {
  this.timeout(60000);
  let dir: string;
  let app: App;
  let stop: () => void = () => undefined;
  const logger = pino({ level: 'silent' });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'intent-skill-watch-'));
    app = await openApp(loadConfig({ SQLITE_PATH: path.join(dir, 'store.db') }), logger);
  });
  afterEach(async () => {
    stop();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reloads when someone changes the stored library, and not before', async () => {
    const reload = sinon.spy(app, 'reload');
    stop = watchLibrary(app, 50, logger);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(reload.callCount, 0, 'an unchanged library is not reloaded');
    const stored = (await app.libraries.get('demo'))!;
    const renamed = { ...stored.value, intents: stored.value.intents.map((i) => (i.id === 'order-status' ? { ...i, name: 'Where is my parcel' } : i)) };
    await app.libraries.put(renamed, stored.etag);
    await until(() => app.live().catalog.intent('order-status')?.name === 'Where is my parcel');
    assert.equal(reload.callCount, 1);
  });

  it('keeps serving the library it has when a check fails, and recovers at the next one', async () => {
    const warn = sinon.spy(logger, 'warn');
    const get = sinon.stub(app.libraries, 'get').rejects(new Error('store unreachable'));
    stop = watchLibrary(app, 50, logger);
    await until(() => warn.callCount >= 2);
    assert.equal(app.live().catalog.intent('order-status')?.status, 'approved');
    get.restore();
    const stored = (await app.libraries.get('demo'))!;
    await app.libraries.put({ ...stored.value, intents: stored.value.intents.map((i) => (i.id === 'order-status' ? { ...i, status: 'discarded' as const } : i)) }, stored.etag);
    await until(() => app.live().catalog.intent('order-status') === undefined);
  });

  it('never checks with 0 seconds', async () => {
    const get = sinon.spy(app.libraries, 'get');
    stop = watchLibrary(app, 0, logger);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(get.callCount, 0);
  });
});
