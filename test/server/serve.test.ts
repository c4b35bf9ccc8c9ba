import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { ServeProcess } from './serve-process.js';

describe('intent-skill serve (the real command)', function () {
  this.timeout(90_000);
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'intent-skill-serve-'));
  });

  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('started on a free port', () => {
    let serve: ServeProcess;
    let urls: Record<string, string>;

    before(async () => {
      serve = new ServeProcess({ PORT: '0', DATA_DIR: dataDir });
      const started = await serve.line((line) => typeof line.urls === 'object');
      urls = started.urls as Record<string, string>;
    });

    after(async () => {
      await serve?.stop();
    });

    it('says where everything is in one log line: a urls object and a message a person reads', async () => {
      const started = await serve.line((line) => typeof line.urls === 'object');
      const origin = new URL(urls.health ?? '').origin;
      assert.match(origin, /^http:\/\/localhost:\d+$/);
      assert.deepEqual(urls, {
        chat: `${origin}/chat`,
        assist: `${origin}/assist`,
        messages: `${origin}/api/messages`,
        skillManifest: `${origin}/manifests/skill-manifest.json`,
        assistApi: `${origin}/api/conversations`,
        mcp: `${origin}/mcp`,
        health: `${origin}/healthz`,
        ready: `${origin}/readyz`,
      });
      const file = path.join(dataDir, 'intent-skill.db');
      assert.deepEqual(
        started.backends,
        { stores: `SQLite ${file}`, search: 'local', understanding: 'local', events: `SQLite ${file} (every process on this file)` },
        'and which backends run',
      );
      assert.equal(started.level, 30);
      assert.equal(
        started.msg,
        `intent-skill is listening on ${origin}: Web Chat ${origin}/chat · assist (representatives) ${origin}/assist · ` +
          `Bot Framework endpoint ${origin}/api/messages · skill manifest ${origin}/manifests/skill-manifest.json · ` +
          `assist API ${origin}/api/conversations · MCP tools ${origin}/mcp · health ${origin}/healthz · readiness ${origin}/readyz`,
      );
      // The backends line comes before it.
      const order = serve.logs().map((line) => line.msg);
      assert.ok(order.indexOf('backends') >= 0 && order.indexOf('backends') < order.indexOf(started.msg), order.join('\n'));
    });

    it('answers at the URLs it names', async () => {
      // localhost as the log says, reached on IPv4 loopback whatever the resolver prefers.
      const at = (url: string | undefined) => (url ?? '').replace('//localhost:', '//127.0.0.1:');
      assert.equal((await fetch(at(urls.health))).status, 200);
      assert.equal((await fetch(at(urls.ready))).status, 200);
      assert.equal((await fetch(at(urls.skillManifest))).status, 200);
      assert.equal((await fetch(at(urls.assist))).status, 200);
      assert.equal((await fetch(at(urls.chat))).status, 200);
      assert.equal((await fetch(at(urls.messages), { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } })).status, 400);
    });

    it('prints no deprecation warning, at start or while serving', () => {
      assert.doesNotMatch(serve.stderr, /DeprecationWarning|DEP0\d+/);
      assert.equal(serve.stderr, '');
    });

    it('stops cleanly on SIGTERM', async () => {
      assert.equal(await serve.stop(), 0);
      const said = serve.logs().map((line) => line.msg);
      assert.ok(said.includes('shutting down: taking no new requests, finishing those in flight'), said.join('\n'));
      assert.ok(said.includes('stopped: every request finished'), said.join('\n'));
    });
  });

  describe('on a port another program holds', () => {
    let holder: Server;

    before(async () => {
      holder = createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    });

    after(async () => {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    });

    it('prints one line naming the port and what to do, and exits non-zero', async () => {
      const port = (holder.address() as AddressInfo).port;
      const run = await runCli(['serve'], { env: { PORT: String(port), DATA_DIR: dataDir } });
      assert.equal(run.code, 1);
      assert.equal(run.stderr, `intent-skill: port ${port} is already in use by another program: stop that program, or set PORT to a free port (for example PORT=${port + 1})\n`);
    });
  });
});
