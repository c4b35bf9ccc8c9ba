/**
 * Server-side cost of a DetectIntent MCP tool call against the skill's DetectIntent, side by side in one run, on one
 * service (auth off, as `npm start` builds it) in its own child process: autocannon drives POST /mcp (tools/call,
 * stateless, JSON answer) and POST /api/messages (an event activity with expectReplies, as Copilot Studio calls) in
 * alternating rounds with the same text. The CPU time the server process spends per request is the server-side cost;
 * the target is MCP / skill <= 1.0.
 * Then the step tool: the median time of one Assist turn run in process (runAction, store included) against the same
 * turn called through /mcp one at a time, whose difference is the transport's cost.
 * Run: npx tsx bench/mcp.ts [--seconds 10] [--connections 10] [--rounds 3] [--turns 200]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { detectIntentActivity, isBenchChild, measureLoad, median, openScratchApp, serveInChild, startChild, type Measure, type Served } from './lib/served.js';

const TEXT = "my tv shows error E42 and won't start";
const targets = ['skill', 'mcp'] as const;
type Target = (typeof targets)[number];

const activity = detectIntentActivity(TEXT);

const toolCall = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'DetectIntent', arguments: { text: TEXT } } };
const mcpHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

const requests: Record<Target, { route: string; headers: Record<string, string>; body: string }> = {
  skill: { route: '/api/messages', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) },
  mcp: { route: '/mcp', headers: mcpHeaders, body: JSON.stringify(toolCall) },
};

function openBenchApp() {
  return openScratchApp('bench-mcp-');
}

/** The service exactly as `npm start` builds it (auth off), on a scratch data folder; reports its CPU time when asked. */
async function child(): Promise<void> {
  const { createServer } = await import('../src/server/server.js');
  serveInChild(createServer(await openBenchApp(), pino({ level: 'silent' })));
}

function load(served: Served, target: Target, seconds: number, connections: number): Promise<autocannon.Result> {
  const { route, headers, body } = requests[target];
  return autocannon({ url: `${served.origin}${route}`, method: 'POST', headers, body, duration: seconds, connections });
}

/** Both paths must answer the same intent before anything is measured. */
async function checkReplies(served: Served): Promise<void> {
  const skill = (await (await fetch(`${served.origin}/api/messages`, { method: 'POST', ...requests.skill })).json()) as { activities?: Array<{ type: string; value?: { intentId?: string } }> };
  const skillIntent = skill.activities?.find((reply) => reply.type === 'endOfConversation')?.value?.intentId;
  const mcp = (await (await fetch(`${served.origin}/mcp`, { method: 'POST', ...requests.mcp })).json()) as { result?: { structuredContent?: { intentId?: string } } };
  const mcpIntent = mcp.result?.structuredContent?.intentId;
  if (!skillIntent || skillIntent !== mcpIntent) throw new Error(`the two paths disagree: skill ${String(skillIntent)}, MCP ${String(mcpIntent)}`);
}

function measure(served: Served, target: Target, seconds: number, connections: number): Promise<Measure> {
  return measureLoad(served, () => load(served, target, seconds, connections));
}

/** The customer turns of one conversation, repeated over fresh conversations. */
const TURNS = ['I want to know where my order is', "It's BL-4471220", "thanks, that's all"];

/** Median ms of one Assist turn run in process (runAction, as the MCP edge runs it) and through /mcp, one call at a time. */
async function stepLatency(served: Served, turns: number): Promise<{ inProcess: number; overMcp: number }> {
  const app = await openBenchApp();
  const { runAction } = await import('../src/actions/run.js');
  const { skillActions } = await import('../src/actions/index.js');
  const logger = pino({ level: 'silent' });
  const inProcess: number[] = [];
  const overMcp: number[] = [];
  for (let n = 0; n < turns; n += 1) {
    const conversationId = `bench-step-${Math.floor(n / TURNS.length)}`;
    const text = TURNS[n % TURNS.length]!;
    let started = performance.now();
    const outcome = await runAction(skillActions, { name: 'Assist', value: { text, conversationId }, conversationId, channel: 'mcp' }, app, logger);
    inProcess.push(performance.now() - started);
    if (!outcome.ok) throw new Error(`Assist failed in process: ${outcome.message}`);
    const body = JSON.stringify({ jsonrpc: '2.0', id: n, method: 'tools/call', params: { name: 'Assist', arguments: { text, conversationId } } });
    started = performance.now();
    const response = await fetch(`${served.origin}/mcp`, { method: 'POST', headers: mcpHeaders, body });
    const answer = (await response.json()) as { result?: { isError?: boolean } };
    overMcp.push(performance.now() - started);
    if (response.status !== 200 || answer.result?.isError) throw new Error(`Assist failed over MCP: ${JSON.stringify(answer)}`);
  }
  await app.close();
  return { inProcess: median(inProcess), overMcp: median(overMcp) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      turns: { type: 'string', default: '200' },
      serve: { type: 'boolean', default: false },
    },
  });
  if (isBenchChild() && !values.serve) throw new Error('a bench child process was started without --serve');
  if (values.serve) return child();
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  const served = await startChild(fileURLToPath(import.meta.url), ['--serve'], 'service');
  try {
    await checkReplies(served);
    for (const target of targets) await load(served, target, Math.min(3, seconds), connections);
    const measures: Record<Target, Measure[]> = { skill: [], mcp: [] };
    // Rounds alternate the two paths, so a change in the machine's load touches both alike; medians are reported.
    for (let round = 0; round < rounds; round += 1) {
      for (const target of targets) measures[target].push(await measure(served, target, seconds, connections));
    }
    const row = (target: Target) => {
      const runs = measures[target];
      return {
        rps: median(runs.map((run) => run.rps)),
        p50: median(runs.map((run) => run.p50)),
        p99: median(runs.map((run) => run.p99)),
        cpuMicros: median(runs.map((run) => run.cpuMicros)),
        perRound: runs.map((run) => run.cpuMicros.toFixed(0)).join(' / '),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
      };
    };
    const skill = row('skill');
    const mcp = row('mcp');
    console.log('| path | requests/s | p50 ms | p99 ms | server CPU per request (rounds) | errors |\n|---|---|---|---|---|---|');
    console.log(`| skill DetectIntent (/api/messages, expectReplies) | ${skill.rps.toFixed(0)} | ${skill.p50} | ${skill.p99} | ${skill.cpuMicros.toFixed(0)} µs (${skill.perRound}) | ${skill.errors} |`);
    console.log(`| MCP DetectIntent tool call (/mcp) | ${mcp.rps.toFixed(0)} | ${mcp.p50} | ${mcp.p99} | ${mcp.cpuMicros.toFixed(0)} µs (${mcp.perRound}) | ${mcp.errors} |`);
    console.log(`\nserver-side cost ratio (CPU per request, MCP / skill): ${(mcp.cpuMicros / skill.cpuMicros).toFixed(2)} (target <= 1.0)`);
    console.log(`medians of ${rounds} alternating rounds of ${seconds}s x ${connections} connections per path`);
    const turns = Number(values.turns);
    const step = await stepLatency(served, turns);
    console.log(
      `\nAssist step, median of ${turns} turns one at a time: in process ${step.inProcess.toFixed(2)} ms; through /mcp ${step.overMcp.toFixed(2)} ms ` +
        `(transport and HTTP ${(step.overMcp - step.inProcess).toFixed(2)} ms)`,
    );
  } finally {
    served.process.kill();
  }
}

await main();
