/**
 * Assisted service under load: N conversations at once, each with a live view open (an SSE stream), replaying the
 * shipped synthetic transcripts through POST /api/conversations/{id}/messages with a pause between messages.
 * Reports the time from sending a message to its event arriving on the open stream (over loopback, embedded
 * SQLite store and local search; client and server share this process).
 *
 *   npx tsx bench/assist-latency.ts [--conversations 200] [--messages 8] [--think-ms 2000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { openApp } from '../src/app/app.js';
import { loadConfig, packageRoot } from '../src/config.js';
import type { Transcript } from '../src/synthetic/types.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';
import { createServer } from '../src/server/server.js';
import { followEvents } from './lib/event-stream.js';

const { values } = parseArgs({
  options: { conversations: { type: 'string', default: '200' }, messages: { type: 'string', default: '8' }, 'think-ms': { type: 'string', default: '2000' } },
});
const conversations = Number(values.conversations);
const perConversation = Number(values.messages);
const thinkMs = Number(values['think-ms']);
const KEY = 'bench-assist-key-0123456789';

const transcripts = readFileSync(path.join(packageRoot, 'samples', 'transcripts.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, conversations)
  .map((line) => JSON.parse(line) as Transcript);

const dir = mkdtempSync(path.join(tmpdir(), 'intent-skill-bench-assist-'));
const app = await openApp(loadConfig({ DATA_DIR: dir, ASSIST_API_KEY: KEY }));
const server = createServer(app, pino({ level: 'silent' }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Resolvers waiting for a message id's event, per conversation stream. */
const waiting = new Map<string, (at: number) => void>();
const controller = new AbortController();

function openStream(conversationId: string): Promise<void> {
  return followEvents(origin, conversationId, KEY, controller.signal, (event) => {
    const key = `${conversationId}/${event.cause.messageId ?? ''}`;
    waiting.get(key)?.(performance.now());
    waiting.delete(key);
  });
}

const latencies: number[] = [];
let failures = 0;

async function replay(transcript: Transcript, index: number): Promise<void> {
  const conversationId = `bench-${index}`;
  await openStream(conversationId);
  await sleep(Math.random() * thinkMs);
  for (const [turnIndex, turn] of transcript.turns.slice(0, perConversation).entries()) {
    const messageId = `m${turnIndex}`;
    const arrived = new Promise<number>((resolve) => waiting.set(`${conversationId}/${messageId}`, resolve));
    const sent = performance.now();
    const response = await fetch(`${origin}/api/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ id: messageId, role: turn.role === 'customer' ? 'customer' : 'representative', text: turn.text }),
    });
    await response.arrayBuffer();
    if (response.status !== 201) {
      failures += 1;
      waiting.delete(`${conversationId}/${messageId}`);
    } else {
      latencies.push((await arrived) - sent);
    }
    await sleep(thinkMs * (0.5 + Math.random()));
  }
}

// Warm up (first search, first classification, connection pool) before anything is timed.
for (const [index, transcript] of transcripts.slice(0, 5).entries()) {
  await fetch(`${origin}/api/conversations/warm-up-${index}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ id: 'w', role: 'customer', text: transcript.turns[0]?.text ?? 'hello' }),
  }).then((response) => response.arrayBuffer());
}

const started = performance.now();
await Promise.all(transcripts.map((transcript, index) => replay(transcript, index)));
const seconds = (performance.now() - started) / 1000;
controller.abort();
server.close();
await app.close();
rmSync(dir, { recursive: true, force: true });

const at = (q: number) => percentile(latencies, q);
console.log(
  JSON.stringify(
    {
      conversations: transcripts.length,
      messages: latencies.length,
      failures,
      messagesPerSecond: Number((latencies.length / seconds).toFixed(1)),
      postToEventMs: { p50: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)), p99: Number(at(0.99).toFixed(1)), max: Number(at(1).toFixed(1)) },
      target: 'p95 < 50 ms',
    },
    null,
    2,
  ),
);
