import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_KEY, call, message, newConversationId } from '../assist/helpers.js';
import { readEvents, type StreamEvent } from '../assist/sse.js';
import { RoundRobinProxy } from './round-robin-proxy.js';
import { startServeInstance, type ServeInstance } from './serve-process.js';

/** `intent-skill serve` sharing `dataDir` with the other instances. */
function startInstance(dataDir: string): Promise<ServeInstance> {
  return startServeInstance({ DATA_DIR: dataDir, ASSIST_API_KEY: API_KEY, EVENTS_POLL_MS: '20' });
}

function messageIdOf(event: StreamEvent): string | undefined {
  return event.cause.messageId;
}

describe('several instances on one data folder (npm start twice behaves like two App Service instances)', function () {
  this.timeout(180_000);
  let dataDir: string;
  let a: ServeInstance;
  let b: ServeInstance;
  let proxy: RoundRobinProxy;
  let front: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'intent-skill-instances-'));
    // The first one seeds the library, so they do not race for it.
    a = await startInstance(dataDir);
    b = await startInstance(dataDir);
    proxy = new RoundRobinProxy([a.origin, b.origin]);
    front = await proxy.listen();
  });

  after(async () => {
    await proxy?.close();
    await Promise.all([a?.serve.stop(), b?.serve.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a stream open on one instance sees the messages posted to the other, in order', async () => {
    const id = newConversationId('cross');
    const stream = readEvents(a.origin, id, API_KEY);
    assert.equal(await stream.opened, 200);
    const ids = ['m1', 'm2', 'm3', 'm4', 'm5'];
    for (const messageId of ids) {
      const sent = await call(b.origin, 'POST', `/api/conversations/${id}/messages`, message(messageId, 'customer', `my card was charged twice (${messageId})`));
      assert.equal(sent.status, 201);
    }
    const seen: string[] = [];
    while (seen.length < ids.length) seen.push(messageIdOf(await stream.next(() => true)) ?? '?');
    stream.close();
    assert.deepEqual(seen, ids);
  });

  it('behind the round-robin proxy, a page sees every message in order whichever instance took it, and none of another conversation', async () => {
    const x = newConversationId('x');
    const y = newConversationId('y');
    const onX = readEvents(front, x, API_KEY);
    const onY = readEvents(front, y, API_KEY);
    assert.equal(await onX.opened, 200);
    assert.equal(await onY.opened, 200);
    const ids = Array.from({ length: 8 }, (_, i) => `x${i}`);
    const before = proxy.handledBy.length;
    for (const messageId of ids) {
      assert.equal((await call(front, 'POST', `/api/conversations/${x}/messages`, message(messageId, 'customer', `where is my parcel (${messageId})`))).status, 201);
    }
    assert.deepEqual(new Set(proxy.handledBy.slice(before)), new Set([a.origin, b.origin]), 'the posts went to both instances');
    assert.equal((await call(front, 'POST', `/api/conversations/${y}/messages`, message('y0', 'customer', 'I want to close my account'))).status, 201);
    const seen: string[] = [];
    while (seen.length < ids.length) {
      const event = await onX.next(() => true);
      assert.equal(event.view.conversationId, x);
      seen.push(messageIdOf(event) ?? '?');
    }
    assert.deepEqual(seen, ids);
    const first = await onY.next(() => true);
    assert.deepEqual([first.view.conversationId, messageIdOf(first)], [y, 'y0'], "Y's stream starts with Y's own message: none of X's came before it");
    onX.close();
    onY.close();
  });

  it('a rolling restart of one instance under load loses no accepted message, and its streams end with a reconnect hint', async function () {
    // The restarted instance trains its classifier again while the other takes the load.
    this.timeout(600_000);
    const conversations = Array.from({ length: 4 }, () => newConversationId('load'));
    const accepted = new Map<string, Set<string>>(conversations.map((id) => [id, new Set()]));
    let posting = true;
    const failures: string[] = [];
    const load = conversations.map(async (conversationId) => {
      for (let n = 0; posting; n += 1) {
        const messageId = `${conversationId}-${n}`;
        // A platform retries what was not taken, under the same id.
        for (;;) {
          const sent = await call(front, 'POST', `/api/conversations/${conversationId}/messages`, message(messageId, 'customer', `message ${n}: my order has not arrived`));
          if (sent.status === 201 || sent.status === 200) break;
          if (sent.status !== 502 && sent.status !== 503) {
            failures.push(`${messageId}: ${sent.status} ${JSON.stringify(sent.body)}`);
            return;
          }
        }
        accepted.get(conversationId)?.add(messageId);
        // Steady traffic, not a flood: the instances (and the restarted one starting up) share this machine's cores.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    /** Resolves once every conversation has `more` accepted messages beyond what it has now. */
    const progress = async (more: number) => {
      const target = new Map(conversations.map((id) => [id, (accepted.get(id)?.size ?? 0) + more]));
      while (conversations.some((id) => (accepted.get(id)?.size ?? 0) < (target.get(id) ?? 0))) {
        assert.deepEqual(failures, [], 'every message is taken, after retries');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const raw = await fetch(`${a.origin}/api/conversations/${conversations[0]}/events?access_token=${API_KEY}`);
    const ending = raw.text();
    await progress(5);

    const stopped = await a.serve.stop();
    assert.equal(stopped, 0, 'the stopped instance exits cleanly');
    assert.ok(a.serve.logs().some((line) => line.msg === 'stopped: every request finished'), a.serve.stdout);
    const text = await ending;
    assert.match(text, /retry: 250\nevent: reconnect\n/, 'the stream ended with a reconnect hint');

    a = await startInstance(dataDir);
    proxy.upstreams = [a.origin, b.origin];
    await progress(5);
    posting = false;
    await Promise.all(load);
    assert.deepEqual(failures, [], 'every message is taken, after retries');

    for (const conversationId of conversations) {
      const ids = accepted.get(conversationId) ?? new Set();
      const view = await call(front, 'GET', `/api/conversations/${conversationId}`);
      assert.equal(view.body.view?.turnCount, ids.size, `${conversationId}: every accepted message is stored, once`);
      for (const messageId of ids) {
        const again = await call(front, 'POST', `/api/conversations/${conversationId}/messages`, message(messageId, 'customer', 'again'));
        assert.equal(again.body.duplicate, true, `${messageId} is stored`);
      }
    }
  });
});
