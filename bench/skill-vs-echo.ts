/**
 * Server-side cost of a DetectIntent skill call against a bare botbuilder echo skill, side by side in one run.
 * Each server runs in its own child process (auth off, expectReplies, as Copilot Studio calls); autocannon drives
 * them one after the other from this process with the same request. Requests/s and latency depend on everything
 * else running on the machine; the CPU time each server process spends per request is the server-side cost, and
 * the target is a ratio of at most 1.3.
 * Run: npx tsx bench/skill-vs-echo.ts [--seconds 10] [--connections 10] [--rounds 3]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { pino } from 'pino';
import type { Server } from 'restify';
import { restify } from '../src/server/restify.js';
import { ClientCachingAuthentication } from '../src/bot/client-cache.js';
import { isBenchChild, serveInChild, startChild, detectIntentActivity, measureLoad, median, openScratchApp, type Measure, type Served } from './lib/served.js';

const targets = ['echo', 'echo-cached', 'skill'] as const;
type Target = (typeof targets)[number];

const activity = detectIntentActivity("my tv shows error E42 and won't start");

/** The intent-skill service exactly as `npm start` builds it, on a scratch data folder. */
async function serveSkill(): Promise<Server> {
  const { createServer } = await import('../src/server/server.js');
  return createServer(await openScratchApp('bench-skill-'), pino({ level: 'silent' }));
}

/**
 * The smallest botbuilder skill: answers every event with an endOfConversation echoing its value. `cached` adds
 * the client cache intent-skill uses, to tell its effect apart from the engine's own cost.
 */
function serveEcho(cached: boolean): Server {
  const authentication = new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(cached ? new ClientCachingAuthentication(authentication) : authentication);
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  const logic = async (context: TurnContext) => {
    await context.sendActivity({ type: 'endOfConversation', code: 'completedSuccessfully', value: context.activity.value });
  };
  server.post('/api/messages', async (req, res) => adapter.process(req, res, logic));
  return server;
}

async function child(target: Target): Promise<void> {
  serveInChild(target === 'skill' ? await serveSkill() : serveEcho(target === 'echo-cached'));
}

function messagesUrl(served: Served): string {
  return `${served.origin}/api/messages`;
}

async function load(url: string, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    duration: seconds,
    connections,
  });
}

async function checkReply(url: string, target: Target): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = (await response.json()) as { activities?: Array<{ type: string; code?: string; value?: Record<string, unknown> }> };
  const eoc = body.activities?.find((reply) => reply.type === 'endOfConversation');
  if (response.status !== 200 || eoc?.code !== 'completedSuccessfully') throw new Error(`${target}: unexpected reply ${JSON.stringify(body)}`);
  if (target === 'skill' && typeof eoc.value?.intentId !== 'string') throw new Error(`skill: no intent detected: ${JSON.stringify(eoc.value)}`);
}

const labels: Record<Target, string> = {
  echo: 'bare botbuilder echo skill',
  'echo-cached': 'echo skill with the client cache',
  skill: 'intent-skill DetectIntent',
};

function measure(served: Served, seconds: number, connections: number): Promise<Measure> {
  return measureLoad(served, () => load(messagesUrl(served), seconds, connections));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      serve: { type: 'string' },
    },
  });
  // A child only ever serves: it must never start servers of its own.
  if (isBenchChild() && values.serve === undefined) throw new Error('a bench child process was started without --serve');
  if (values.serve !== undefined) {
    if (!targets.includes(values.serve as Target)) throw new Error(`--serve: unknown server "${values.serve}"`);
    return child(values.serve as Target);
  }
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  const start = (target: Target) => startChild(fileURLToPath(import.meta.url), ['--serve', target], `${target} server`);
  const servers = { echo: await start('echo'), 'echo-cached': await start('echo-cached'), skill: await start('skill') };
  try {
    const measures: Record<Target, Measure[]> = { echo: [], 'echo-cached': [], skill: [] };
    for (const target of targets) {
      await checkReply(messagesUrl(servers[target]), target);
      await load(messagesUrl(servers[target]), Math.min(3, seconds), connections);
    }
    // Rounds alternate the servers, so a change in the machine's load touches all of them alike; medians are reported.
    for (let round = 0; round < rounds; round += 1) {
      for (const target of targets) measures[target].push(await measure(servers[target], seconds, connections));
    }
    const rows = targets.map((target) => {
      const runs = measures[target];
      return {
        target,
        rps: median(runs.map((run) => run.rps)),
        p50: median(runs.map((run) => run.p50)),
        p99: median(runs.map((run) => run.p99)),
        cpuMicros: median(runs.map((run) => run.cpuMicros)),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
      };
    });
    console.log('| server | requests/s | p50 ms | p99 ms | server CPU per request | errors |\n|---|---|---|---|---|---|');
    for (const row of rows) console.log(`| ${labels[row.target]} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.cpuMicros.toFixed(0)} µs | ${row.errors} |`);
    const [echo, echoCached, skill] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    console.log(`\nserver-side cost ratio (CPU per request, DetectIntent / bare echo): ${(skill.cpuMicros / echo.cpuMicros).toFixed(2)} (target <= 1.3)`);
    console.log(`against the echo with the same client cache: ${(skill.cpuMicros / echoCached.cpuMicros).toFixed(2)}`);
    console.log(`throughput ratio (bare echo requests/s / DetectIntent requests/s): ${(echo.rps / skill.rps).toFixed(2)}`);
    console.log(`medians of ${rounds} alternating rounds of ${seconds}s x ${connections} connections per server`);
  } finally {
    for (const target of targets) servers[target].process.kill();
  }
}

await main();
