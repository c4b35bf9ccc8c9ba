/**
 * Soak across processes: two `intent-skill serve` processes share one data folder (the embedded default: SQLite and
 * its events table). N conversations post at human pace to instance B while each has a live view (an SSE stream)
 * open on instance A. Reports messages lost (accepted by B, never seen on A's stream) and duplicated (seen twice),
 * the time from sending a message to its event on the other instance (p50/p95/max), and each process's resident
 * memory over time.
 *
 * With `--events web-pubsub` the instances carry events through Azure Web PubSub instead: the local wire-level peer
 * of the tests (test/azure/peers/web-pubsub-peer.ts) on loopback, reached keyless through the local identity
 * endpoint, and each conversation is followed as the representative's page follows it: a `json.webpubsub.azure.v1`
 * client connected with the URL A's `/subscription` gives (`--follow stream` reads A's SSE stream instead, which A
 * serves through its own connection to the hub).
 *
 *   npx tsx bench/soak.ts [--conversations 50] [--minutes 5] [--pace-ms 3000] [--events sqlite|web-pubsub] [--follow page|stream]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';
import { followEvents, type StreamedEvent } from './lib/event-stream.js';
import { startHub, type BenchHub } from './lib/web-pubsub-hub.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '50' },
    minutes: { type: 'string', default: '5' },
    'pace-ms': { type: 'string', default: '3000' },
    events: { type: 'string', default: 'sqlite' },
    follow: { type: 'string', default: 'page' },
  },
});
if (values.events !== 'sqlite' && values.events !== 'web-pubsub') throw new Error(`--events: must be sqlite or web-pubsub, not ${values.events}`);
if (values.follow !== 'page' && values.follow !== 'stream') throw new Error(`--follow: must be page or stream, not ${values.follow}`);
const conversations = Number(values.conversations);
const durationMs = Number(values.minutes) * 60_000;
const paceMs = Number(values['pace-ms']);
const KEY = 'bench-soak-key-0123456789';
const SAMPLE_MS = 15_000;

interface Instance {
  child: ChildProcess;
  origin: string;
}

/** `intent-skill serve` on a free port; resolves once its start line names where it listens. */
function serve(dataDir: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot, 'src', 'cli', 'main.ts'), 'serve'], {
    cwd: packageRoot,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ASSIST_API_KEY: KEY, LOG_LEVEL: 'info', LIBRARY_RELOAD_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const health = /"health":"(http:\/\/[^"]+)"/.exec(out)?.[1];
      if (health) {
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ child, origin: new URL(health).origin.replace('localhost', '127.0.0.1') });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

function residentMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const dir = mkdtempSync(path.join(tmpdir(), 'intent-skill-soak-'));
const hub: BenchHub | null = values.events === 'web-pubsub' ? await startHub(dir) : null;
const a = await serve(dir, hub?.env ?? {});
const b = await serve(dir, hub?.env ?? {});
const controller = new AbortController();
// One signal ends every conversation's stream or socket.
setMaxListeners(conversations + 10, controller.signal);
const sentAt = new Map<string, number>();
const seen = new Map<string, number>();
const latencies: number[] = [];

function openStream(conversationId: string): Promise<void> {
  const onEvent = (event: StreamedEvent) => {
    const messageId = event.cause.messageId;
    if (!messageId) return;
    seen.set(messageId, (seen.get(messageId) ?? 0) + 1);
    const at = sentAt.get(messageId);
    if (at !== undefined && seen.get(messageId) === 1) latencies.push(performance.now() - at);
  };
  if (hub && values.follow === 'page') return hub.followPage(a.origin, conversationId, KEY, controller.signal, onEvent);
  return followEvents(a.origin, conversationId, KEY, controller.signal, onEvent);
}

const texts = ['my card was charged twice', 'where is my parcel', 'I want to change my delivery address', 'the order number is 48213', 'thanks, that helps'];
const accepted: string[] = [];
let failed = 0;
const started = performance.now();
const memory: Array<{ minute: number; a: number; b: number }> = [];
const sampler = setInterval(() => memory.push({ minute: (performance.now() - started) / 60_000, a: residentMb(a.child.pid), b: residentMb(b.child.pid) }), SAMPLE_MS);
memory.push({ minute: 0, a: residentMb(a.child.pid), b: residentMb(b.child.pid) });

await Promise.all(
  Array.from({ length: conversations }, async (_, c) => {
    const conversationId = `soak-${c}`;
    await openStream(conversationId);
    // Spread the starts over one pace, so the conversations do not post in lockstep.
    await sleep(Math.random() * paceMs);
    for (let n = 0; performance.now() - started < durationMs; n += 1) {
      const messageId = `${conversationId}-${n}`;
      sentAt.set(messageId, performance.now());
      const response = await fetch(`${b.origin}/api/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': KEY },
        body: JSON.stringify({ id: messageId, role: 'customer', text: texts[n % texts.length] }),
      });
      await response.arrayBuffer();
      if (response.status === 201) accepted.push(messageId);
      else failed += 1;
      await sleep(paceMs * (0.5 + Math.random()));
    }
  }),
);
await sleep(2000);
clearInterval(sampler);
memory.push({ minute: (performance.now() - started) / 60_000, a: residentMb(a.child.pid), b: residentMb(b.child.pid) });
controller.abort();
await Promise.all([a, b].map((instance) => new Promise((resolve) => instance.child.once('exit', resolve).kill('SIGTERM'))));
await hub?.close();
rmSync(dir, { recursive: true, force: true });

const lost = accepted.filter((id) => !seen.has(id)).length;
const duplicated = [...seen.values()].filter((count) => count > 1).length;
const round = (ms: number) => Math.round(ms);
const warm = memory.find((sample) => sample.minute >= 1) ?? memory[0];
const last = memory.at(-1);
console.log(
  JSON.stringify(
    {
      events: values.events,
      ...(hub ? { follow: values.follow } : {}),
      conversations,
      minutes: Number(values.minutes),
      paceMs,
      accepted: accepted.length,
      refused: failed,
      lost,
      duplicated,
      crossInstanceEventMs: { p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), max: round(Math.max(...latencies)) },
      memoryMb: memory.map((sample) => ({ minute: Number(sample.minute.toFixed(1)), a: Math.round(sample.a), b: Math.round(sample.b) })),
      growthAfterFirstMinute: warm && last ? { a: `${Math.round((last.a / warm.a - 1) * 100)}%`, b: `${Math.round((last.b / warm.b - 1) * 100)}%` } : null,
    },
    null,
    2,
  ),
);
process.exit(0);
