import { fork, type ChildProcess } from 'node:child_process';
import type autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { App } from '../../src/app/app.js';

/** Set in a bench's child process: it only ever serves, and must never start servers of its own. */
export const BENCH_CHILD_ENV = 'INTENT_SKILL_BENCH_CHILD';

/** A server run by a bench in a child process of its own, so that its CPU time is its own. */
export interface Served {
  process: ChildProcess;
  /** http://127.0.0.1:<port> */
  origin: string;
}

/** In the child: listens on a free loopback port, tells the parent which, and answers each message with its CPU time. */
export function serveInChild(server: { listen(port: number, host: string, done: () => void): unknown; address(): AddressInfo | string | null }): void {
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

/** In the parent: runs `script` with `args` (it must call serveInChild) and resolves once it listens. */
export function startChild(script: string, args: readonly string[], what: string): Promise<Served> {
  const proc = fork(script, [...args], { execArgv: ['--import', 'tsx'], stdio: 'inherit', env: { ...process.env, [BENCH_CHILD_ENV]: '1' } });
  return new Promise((resolve, reject) => {
    proc.once('message', (message: { port: number }) => resolve({ process: proc, origin: `http://127.0.0.1:${message.port}` }));
    proc.once('exit', (code) => reject(new Error(`the ${what} exited with ${code}`)));
  });
}

/** CPU time (user + system) the served process has used so far, in microseconds. */
export function cpuOf(served: Served): Promise<number> {
  return new Promise((resolve) => {
    served.process.once('message', (message: { cpuMicros: number }) => resolve(message.cpuMicros));
    served.process.send('cpu');
  });
}

/** Whether this process is a bench's child, started to serve. */
export function isBenchChild(): boolean {
  return process.env[BENCH_CHILD_ENV] === '1';
}

/** The DetectIntent event as Copilot Studio sends it to a skill, the answer in the HTTP response (expectReplies). */
export function detectIntentActivity(text: string): Record<string, unknown> {
  return {
    type: 'event',
    name: 'DetectIntent',
    value: { text },
    id: 'bench-1',
    channelId: 'pva-studio',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: 'bench-conversation' },
    from: { id: 'bench-user', role: 'user' },
    recipient: { id: 'skill', role: 'skill' },
  };
}

/**
 * The service's parts exactly as `npm start` builds them (auth off, logs silent), on a scratch data folder removed on
 * exit. The product's code is loaded only when this is called, so a bench's parent process need not load it.
 */
export async function openScratchApp(prefix: string): Promise<App> {
  const { openApp } = await import('../../src/app/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  process.once('exit', () => void rm(dataDir, { recursive: true, force: true }));
  return openApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
}

/** One load run against a served process: throughput, latency and the server's CPU time per request. */
export interface Measure {
  rps: number;
  p50: number;
  p99: number;
  cpuMicros: number;
  errors: number;
}

/** Runs `load` against `served` and measures it, the server's CPU time read before and after. */
export async function measureLoad(served: Served, load: () => Promise<autocannon.Result>): Promise<Measure> {
  const before = await cpuOf(served);
  const result = await load();
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicros: ((await cpuOf(served)) - before) / Math.max(1, result.requests.total),
    errors: result.errors + result.non2xx,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
