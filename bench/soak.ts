/**
 * Soak across processes: two `intent-skill serve` processes share one data folder (the embedded default: SQLite and
 * its events table). N conversations post at human pace to instance B while each has a live view (an SSE stream)
 * open on instance A; a share of them talk through the skill's `Assist` action (`POST /api/messages`, as Copilot
 * Studio calls it) instead of the assist API. Reports messages lost (accepted by B, never seen on A's stream) and
 * duplicated (seen twice), the time from sending a message to its event on the other instance (p50/p95/max) with
 * B's own answer time beside it (and the event's delay after that answer: the bus's share), each process's resident
 * memory over time and its growth after the warm-up, the instances' CPU time, the bench's own event-loop delay and
 * the machine's load average.
 *
 *   npx tsx bench/soak.ts [--conversations 500] [--minutes 30] [--pace-ms 10000] [--assist-share 0.2]
 *                         [--warmup-minutes 5] [--profile DIR]
 *
 * `--pace-ms`: each conversation waits 0.5-1.5 times this between messages (a person typing in a chat).
 * `--profile DIR`: the two instances write V8 CPU profiles under DIR/instance-a and DIR/instance-b (`node --cpu-prof`;
 * the largest file is the main thread's) when they exit.
 * An `Assist` call carries no message id, so its event is matched by order: a conversation's calls are sequential
 * and its events arrive in order, so the k-th `message` event on its stream is the k-th call's.
 *
 * With `--events web-pubsub` the instances carry events through Azure Web PubSub instead: the local wire-level peer
 * of the tests (test/azure/peers/web-pubsub-peer.ts) on loopback, reached keyless through the local identity
 * endpoint, and each conversation is followed as the representative's page follows it: a `json.webpubsub.azure.v1`
 * client connected with the URL A's `/subscription` gives (`--follow stream` reads A's SSE stream instead, which A
 * serves through its own connection to the hub).
 *
 *   npx tsx bench/soak.ts ... [--events sqlite|web-pubsub] [--follow page|stream]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';
import { followEvents, type StreamedEvent } from './lib/event-stream.js';
import { startHub, type BenchHub } from './lib/web-pubsub-hub.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '500' },
    minutes: { type: 'string', default: '30' },
    'pace-ms': { type: 'string', default: '10000' },
    'assist-share': { type: 'string', default: '0.2' },
    'warmup-minutes': { type: 'string', default: '5' },
    profile: { type: 'string' },
    events: { type: 'string', default: 'sqlite' },
    follow: { type: 'string', default: 'page' },
  },
});
if (values.events !== 'sqlite' && values.events !== 'web-pubsub') throw new Error(`--events: must be sqlite or web-pubsub, not ${values.events}`);
if (values.follow !== 'page' && values.follow !== 'stream') throw new Error(`--follow: must be page or stream, not ${values.follow}`);
const conversations = Number(values.conversations);
const durationMs = Number(values.minutes) * 60_000;
const paceMs = Number(values['pace-ms']);
const assistCount = Math.round(conversations * Number(values['assist-share']));
const warmupMinutes = Number(values['warmup-minutes']);
const KEY = 'bench-soak-key-0123456789';
const SAMPLE_MS = 15_000;

interface Instance {
  child: ChildProcess;
  origin: string;
}

/** `intent-skill serve` on a free port; resolves once its start line names where it listens. */
function serve(dataDir: string, name: string, env: Record<string, string>): Promise<Instance> {
  const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(values.profile, name)] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(packageRoot, 'src', 'cli', 'main.ts'), 'serve'], {
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

/** CPU seconds (user + system) the process has used so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function residentMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The skill's `Assist` action as Copilot Studio sends it, the answer in the HTTP response. */
function assistActivity(conversationId: string, n: number, text: string): Record<string, unknown> {
  return {
    type: 'event',
    name: 'Assist',
    value: { text, conversationId },
    id: `${conversationId}-activity-${n}`,
    channelId: 'pva-studio',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: `copilot-${conversationId}` },
    from: { id: 'soak-user', role: 'user' },
    recipient: { id: 'intent-skill', role: 'skill' },
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'intent-skill-soak-'));
const hub: BenchHub | null = values.events === 'web-pubsub' ? await startHub(dir) : null;
const a = await serve(dir, 'instance-a', hub?.env ?? {});
const b = await serve(dir, 'instance-b', hub?.env ?? {});
const controller = new AbortController();
// One signal ends every conversation's stream or socket.
setMaxListeners(conversations + 10, controller.signal);
const texts = ['my card was charged twice', 'where is my parcel', 'I want to change my delivery address', 'the order number is 48213', 'thanks, that helps'];
const started = performance.now();
const minutesSince = () => (performance.now() - started) / 60_000;

/** One message's times (ms since start): sent to B, answered by B, its event seen on A's stream. */
interface Timing {
  sent: number;
  answered?: number;
  seen: number[];
}
const api = new Map<string, Timing>();
/** Per `Assist` conversation: its calls in order, and how many `message` events its stream has shown. */
const assist = new Map<string, { calls: Timing[]; events: number }>();
let refused = 0;
let assistFailed = 0;
/** `message` events on an API conversation's stream that no accepted POST of the soak explains. */
let unexpected = 0;

function openStream(conversationId: string): Promise<void> {
  const onEvent = (event: StreamedEvent) => {
    const at = performance.now();
    if (event.cause.kind !== 'message') return;
    const calls = assist.get(conversationId);
    if (calls) {
      calls.events += 1;
      calls.calls[calls.events - 1]?.seen.push(at);
      return;
    }
    const timing = event.cause.messageId ? api.get(event.cause.messageId) : undefined;
    if (timing) timing.seen.push(at);
    else unexpected += 1;
  };
  if (hub && values.follow === 'page') return hub.followPage(a.origin, conversationId, KEY, controller.signal, onEvent);
  return followEvents(a.origin, conversationId, KEY, controller.signal, onEvent);
}

async function postMessage(conversationId: string, n: number): Promise<void> {
  const messageId = `${conversationId}-${n}`;
  const timing: Timing = { sent: performance.now(), seen: [] };
  api.set(messageId, timing);
  const response = await fetch(`${b.origin}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ id: messageId, role: 'customer', text: texts[n % texts.length] }),
  });
  await response.arrayBuffer();
  timing.answered = performance.now();
  if (response.status !== 201) {
    refused += 1;
    api.delete(messageId);
  }
}

async function callAssist(conversationId: string, n: number): Promise<void> {
  const calls = assist.get(conversationId) as { calls: Timing[]; events: number };
  const timing: Timing = { sent: performance.now(), seen: [] };
  calls.calls.push(timing);
  const response = await fetch(`${b.origin}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(assistActivity(conversationId, n, texts[n % texts.length] as string)),
  });
  const body = (await response.json().catch(() => null)) as { activities?: Array<{ type: string }> } | null;
  timing.answered = performance.now();
  if (!body?.activities?.some((activity) => activity.type === 'endOfConversation')) {
    assistFailed += 1;
    throw new Error(`Assist on ${conversationId} answered HTTP ${response.status} without an endOfConversation`);
  }
}

// The bench's own event loop delay: a late client adds to every time it measures.
const clientDelay = monitorEventLoopDelay({ resolution: 10 });
clientDelay.enable();
const memory: Array<{ minute: number; a: number; b: number; load: number; cpuB: number }> = [];
const sample = () =>
  memory.push({ minute: minutesSince(), a: residentMb(a.child.pid), b: residentMb(b.child.pid), load: loadavg()[0] as number, cpuB: cpuSeconds(b.child.pid) });
sample();
const sampler = setInterval(sample, SAMPLE_MS);

await Promise.all(
  Array.from({ length: conversations }, async (_, c) => {
    const throughAssist = c < assistCount;
    const conversationId = throughAssist ? `soak-assist-${c}` : `soak-${c}`;
    if (throughAssist) assist.set(conversationId, { calls: [], events: 0 });
    await openStream(conversationId);
    // Spread the starts over one pace, so the conversations do not post in lockstep.
    await sleep(Math.random() * paceMs);
    for (let n = 0; performance.now() - started < durationMs; n += 1) {
      await (throughAssist ? callAssist(conversationId, n) : postMessage(conversationId, n));
      await sleep(paceMs * (0.5 + Math.random()));
    }
  }),
);
await sleep(3000);
clearInterval(sampler);
sample();
clientDelay.disable();
const cpu = { a: cpuSeconds(a.child.pid), b: cpuSeconds(b.child.pid), elapsed: (performance.now() - started) / 1000 };
controller.abort();
await Promise.all([a, b].map((instance) => new Promise((resolve) => instance.child.once('exit', resolve).kill('SIGTERM'))));
await hub?.close();
rmSync(dir, { recursive: true, force: true });

const round = (ms: number) => Math.round(ms);
const spread = (list: number[]) => ({ n: list.length, p50: round(percentile(list, 0.5)), p95: round(percentile(list, 0.95)), max: round(Math.max(...list)) });
const accepted = [...api.values()].filter((timing) => timing.answered !== undefined);
const calls = [...assist.values()].flatMap((conversation) => conversation.calls);
const all = [...accepted, ...calls];
const seen = all.filter((timing) => timing.seen.length > 0);
const afterWarmup = memory.filter((point) => point.minute >= warmupMinutes);
const warm = afterWarmup[0] ?? memory[0];
const last = memory.at(-1);
const growth = (key: 'a' | 'b') => (warm && last ? `${((last[key] / warm[key] - 1) * 100).toFixed(1)}%` : null);
// Resident memory saws up and down with garbage collection, so one sample against another says little: the median of
// the second half after the warm-up against that of the first half says whether the band itself moves.
const half = Math.floor(afterWarmup.length / 2);
const trend = (key: 'a' | 'b') => {
  const first = percentile(afterWarmup.slice(0, half).map((point) => point[key]), 0.5);
  return half > 0 ? `${((percentile(afterWarmup.slice(half).map((point) => point[key]), 0.5) / first - 1) * 100).toFixed(1)}%` : null;
};
const range = (key: 'a' | 'b') => ({ min: round(Math.min(...afterWarmup.map((point) => point[key]))), max: round(Math.max(...afterWarmup.map((point) => point[key]))) });
const everyMinute = memory.filter((point, i) => i === 0 || i === memory.length - 1 || Math.floor(point.minute) > Math.floor(memory[i - 1]?.minute ?? 0));
const loads = memory.map((point) => point.load);
/** Per minute of sending: how many messages, their time to the event, B's CPU share of a core and the load then. */
const byMinute = Array.from({ length: Math.ceil(durationMs / 60_000) }, (_, minute) => {
  const inMinute = seen.filter((timing) => Math.floor((timing.sent - started) / 60_000) === minute).map((timing) => (timing.seen[0] as number) - timing.sent);
  const from = memory.findLast((point) => point.minute <= minute) ?? memory[0];
  const to = memory.find((point) => point.minute >= minute + 1) ?? memory.at(-1);
  const cpuShare = from && to && to.minute > from.minute ? (to.cpuB - from.cpuB) / ((to.minute - from.minute) * 60) : 0;
  return { minute, messages: inMinute.length, p50: round(percentile(inMinute, 0.5)), p95: round(percentile(inMinute, 0.95)), cpuB: Number(cpuShare.toFixed(2)), load: Number((to?.load ?? 0).toFixed(1)) };
});
console.log(
  JSON.stringify(
    {
      events: values.events,
      ...(hub ? { follow: values.follow } : {}),
      conversations,
      throughAssist: assistCount,
      minutes: Number(values.minutes),
      paceMs,
      accepted: accepted.length,
      refused,
      assistCalls: calls.length,
      assistFailed,
      assistEventsBeyondCalls: [...assist.values()].reduce((sum, conversation) => sum + Math.max(0, conversation.events - conversation.calls.length), 0),
      lost: all.length - seen.length,
      duplicated: all.filter((timing) => timing.seen.length > 1).length,
      unexpectedEvents: unexpected,
      sentToEventOnOtherInstanceMs: spread(seen.map((timing) => (timing.seen[0] as number) - timing.sent)),
      sentToEventAfterWarmupMs: spread(seen.filter((timing) => timing.sent - started >= warmupMinutes * 60_000).map((timing) => (timing.seen[0] as number) - timing.sent)),
      apiOnly: spread(accepted.filter((timing) => timing.seen.length > 0).map((timing) => (timing.seen[0] as number) - timing.sent)),
      assistOnly: spread(calls.filter((timing) => timing.seen.length > 0).map((timing) => (timing.seen[0] as number) - timing.sent)),
      answeredByBMs: { api: spread(accepted.map((timing) => (timing.answered as number) - timing.sent)), assist: spread(calls.map((timing) => (timing.answered as number) - timing.sent)) },
      cpuSecondsOfInstances: { a: Math.round(cpu.a), b: Math.round(cpu.b), overSeconds: Math.round(cpu.elapsed) },
      benchEventLoopDelayMs: { p50: round(clientDelay.percentile(50) / 1e6), p99: round(clientDelay.percentile(99) / 1e6), max: round(clientDelay.max / 1e6) },
      eventAfterAnswerMs: spread(seen.map((timing) => (timing.seen[0] as number) - (timing.answered as number))),
      sentToEventByMinute: byMinute,
      memoryMbEveryMinute: everyMinute.map((point) => ({ minute: Number(point.minute.toFixed(1)), a: round(point.a), b: round(point.b), load: Number(point.load.toFixed(1)) })),
      afterWarmup: { fromMinute: warm ? Number(warm.minute.toFixed(1)) : null, rangeMb: { a: range('a'), b: range('b') }, growthLastVsWarm: { a: growth('a'), b: growth('b') }, growthOfMedianSecondHalfVsFirst: { a: trend('a'), b: trend('b') } },
      loadAverage1m: { min: Number(Math.min(...loads).toFixed(1)), median: Number(percentile(loads, 0.5).toFixed(1)), max: Number(Math.max(...loads).toFixed(1)) },
    },
    null,
    2,
  ),
);
process.exit(0);
