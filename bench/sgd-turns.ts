/**
 * Reading SGD dialogues turn by turn (dev):
 *   npx tsx bench/sgd-turns.ts [../shared/datasets/sgd-dev]
 * 1. Agent turns: does discovery find a question asking for a value (`askedQuestions`) exactly in the system
 *    turns with a REQUEST act? Precision and recall over system turns, false positives by act.
 * 2. Requests: of the user turns where the active intent changes to another one (a second task in the
 *    dialogue), how many start a new request (`findRequests`), and how many requests start anywhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { askedQuestions } from '../src/discovery/agent-acts.js';
import { findRequests } from '../src/discovery/turns.js';
import { increment } from './lib/attribute-scoring.js';

interface Dialogue {
  dialogue_id: string;
  turns: Array<{ speaker: 'USER' | 'SYSTEM'; utterance: string; frames: Array<{ actions: Array<{ act: string }>; state?: { active_intent: string } }> }>;
}

const dir = process.argv[2] ?? path.join(process.cwd(), '..', 'shared', 'datasets', 'sgd-dev');
const dialogues: Dialogue[] = readdirSync(dir)
  .filter((f) => /^dialogues_\d+\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Dialogue[]);

let tp = 0;
let fp = 0;
let fn = 0;
const falseByAct = new Map<string, number>();
let switches = 0;
let switchesFound = 0;
let requests = 0;
let elsewhere = 0;
for (const dialogue of dialogues) {
  const starts = new Set<string>();
  let active = '';
  let first = true;
  for (const turn of dialogue.turns) {
    if (turn.speaker === 'SYSTEM') {
      const acts = new Set(turn.frames.flatMap((f) => f.actions.map((a) => a.act)));
      const asks = askedQuestions(turn.utterance).length > 0;
      if (asks && acts.has('REQUEST')) tp += 1;
      else if (asks) {
        fp += 1;
        increment(falseByAct, [...acts].sort().join('+'));
      } else if (acts.has('REQUEST')) fn += 1;
      continue;
    }
    const intent = turn.frames.map((f) => f.state?.active_intent).find((i) => i && i !== 'NONE') ?? active;
    if (intent !== active) {
      if (!first) {
        switches += 1;
        starts.add(turn.utterance);
      }
      first = false;
    }
    active = intent;
  }
  const found = findRequests({ conversationId: dialogue.dialogue_id, turns: dialogue.turns.map((t) => ({ role: t.speaker === 'USER' ? 'customer' : 'agent', text: t.utterance })) });
  requests += found.length;
  // A request started by accepting an offer is named by the offer, so it is matched by the user turn after the offer.
  const userTurns = dialogue.turns.filter((t) => t.speaker === 'USER').map((t) => t.utterance);
  const offerStarts = found.slice(1).filter((r) => !userTurns.includes(r.text)).length;
  switchesFound += Math.min(starts.size, found.slice(1).filter((r) => starts.has(r.text)).length + offerStarts);
  elsewhere += Math.max(0, found.length - 1 - starts.size);
}

const share = (a: number, b: number) => (b === 0 ? 0 : a / b).toFixed(3);
console.log(`SGD dev: ${dialogues.length} dialogues`);
console.log(`agent turns asking for a value vs REQUEST acts: precision ${share(tp, tp + fp)} (${tp}/${tp + fp}), recall ${share(tp, tp + fn)} (${tp}/${tp + fn})`);
console.log(`  taken for a value request, by the turn's acts: ${[...falseByAct].sort((a, b) => b[1] - a[1]).map(([act, n]) => `${act} ${n}`).join(', ')}`);
console.log(`second tasks started as a new request: ${share(switchesFound, switches)} (${switchesFound}/${switches}); ${requests} requests, of which ${elsewhere} beyond the dialogue's number of tasks`);
