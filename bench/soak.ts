/**
 * Soak across processes: two `intent-skill serve` processes share one data folder (the embedded default: SQLite and
 * its events table). N conversations post at human pace to instance B while each has a live view (an SSE stream)
 * open on instance A. Reports messages lost (accepted by B, never seen on A's stream) and duplicated (seen twice),
 * the time from sending a message to its event on the other instance (p50/p95/max), and each process's resident
 * memory over time.
 *
 *   npx tsx bench/soak.ts [--conversations 50] [--minutes 5] [--pace-ms 3000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';
import { followEvents } from './lib/event-stream.js';

const { values } = parseArgs({
  options: { conversations: { type: 'string', default: '50' }, minutes: { type: 'string', default: '5' }, 'pace-ms': { type: 'string', default: '3000' } },
});
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
function serve(dataDir: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot, 'src', 'cli', 'main.ts'), 'serve'], {
    cwd: packageRoot,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ASSIST_API_KEY: KEY, LOG_LEVEL: 'info', LIBRARY_RELOAD_SECONDS: '0' },
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
const a = await serve(dir);
const b = await serve(dir);
const controller = new AbortController();
const sentAt = new Map<string, number>();
const seen = new Map<string, number>();
const latencies: number[] = [];

function openStream(conversationId: string): Promise<void> {
  return followEvents(a.origin, conversationId, KEY, controller.signal, (event) => {
    const messageId = event.cause.messageId;
    if (!messageId) return;
    seen.set(messageId, (seen.get(messageId) ?? 0) + 1);
    const at = sentAt.get(messageId);
    if (at !== undefined && seen.get(messageId) === 1) latencies.push(performance.now() - at);
  });
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
rmSync(dir, { recursive: true, force: true });

const lost = accepted.filter((id) => !seen.has(id)).length;
const duplicated = [...seen.values()].filter((count) => count > 1).length;
const round = (ms: number) => Math.round(ms);
const warm = memory.find((sample) => sample.minute >= 1) ?? memory[0];
const last = memory.at(-1);
console.log(
  JSON.stringify(
    {
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
