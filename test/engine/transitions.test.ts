import assert from 'node:assert/strict';
import { applyCommand } from '../../src/engine/commands.js';
import type { EngineDeps } from '../../src/engine/deps.js';
import { detectIntent } from '../../src/engine/detect.js';
import { CommandError } from '../../src/engine/errors.js';
import { newConversationState, type ConversationState } from '../../src/engine/state.js';
import { step } from '../../src/engine/step.js';
import { handOff, rejectIntent, searchAgain } from '../../src/engine/transitions.js';
import type { SolutionQuery } from '../../src/knowledge/types.js';
import { buildCatalog } from '../../src/library/catalog.js';
import { intentLibrarySchema } from '../../src/library/schema.js';
import { decideIntent } from '../../src/nlu/decision.js';
import type { Classification } from '../../src/nlu/types.js';

/** Two intents whose knowledge queries are templates, the case that once reached the search with its braces. */
const library = intentLibrarySchema.parse({
  schemaVersion: 1,
  id: 'fake',
  name: 'Fake support',
  locale: 'en-US',
  groups: [{ id: 'devices', name: 'Devices' }],
  intents: [
    {
      id: 'error-code',
      groupId: 'devices',
      name: 'Device error code',
      examples: ['my tv shows an error'],
      solutionQuery: '{deviceType} error code {errorCode} troubleshooting',
      attributes: [
        { name: 'errorCode', type: 'identifier', pattern: '\\bE\\d{2,3}\\b', question: 'Which error code?', required: true, weight: 0.9 },
        { name: 'deviceType', type: 'enum', values: ['tv', 'laptop'], question: 'Which device?', required: true, weight: 0.6 },
      ],
    },
    {
      id: 'no-power',
      groupId: 'devices',
      name: 'Device will not turn on',
      examples: ['my tv will not turn on'],
      solutionQuery: '{deviceType} will not turn on {serialNumber}',
      attributes: [
        { name: 'deviceType', type: 'enum', values: ['tv', 'laptop'], question: 'Which device?', required: true, weight: 0.6 },
        { name: 'serialNumber', type: 'identifier', question: 'What is the serial number?', weight: 0.3 },
      ],
    },
  ],
  updatedAt: '2026-11-01T00:00:00Z',
});

const NOW = new Date('2026-11-20T10:00:00.000Z');

interface Fakes {
  deps: EngineDeps;
  /** Every query the knowledge search was asked. */
  searched: SolutionQuery[];
  /** Every text the ranker was asked to rank. */
  ranked: string[];
}

/** Small fakes for the engine's ports: a ranker with a fixed answer per text, an extractor of E-codes and device words. */
function fakes(rankings: Record<string, Classification>, options: { searchFails?: boolean } = {}): Fakes {
  const searched: SolutionQuery[] = [];
  const ranked: string[] = [];
  const deps: EngineDeps = {
    catalog: buildCatalog(library),
    ranker: {
      classify(text) {
        ranked.push(text);
        return rankings[text] ?? { ranking: [], outOfScopeScore: 1 };
      },
    },
    decide: (classification, rejected) => decideIntent(classification, { rejectedIntents: rejected }),
    extractor: {
      extract(text, attributes) {
        const found = [];
        const code = /\bE\d{2,3}\b/.exec(text)?.[0];
        if (code && attributes.some((a) => a.name === 'errorCode')) found.push({ attribute: 'errorCode', value: code, text: code, confidence: 0.95 });
        const device = /\b(tv|laptop)\b/i.exec(text)?.[1];
        if (device && attributes.some((a) => a.name === 'deviceType')) found.push({ attribute: 'deviceType', value: device.toLowerCase(), text: device, confidence: 0.9 });
        return found;
      },
    },
    search: {
      async search(query) {
        searched.push(query);
        if (options.searchFails) throw new Error('search is down');
        return [{ id: `article-for-${query.intentId ?? 'any'}`, title: `About ${query.text}`, snippet: query.text, score: 1, tags: [] }];
      },
    },
    mask: (text) => text.replace(/\S+@\S+/g, '[EMAIL]'),
    now: () => NOW,
  };
  return { deps, searched, ranked };
}

const sure = (intent: string, confidence = 0.9): Classification => ({ ranking: [{ intent, confidence }], outOfScopeScore: 0 });
const twoWays = (first: string, second: string): Classification => ({
  ranking: [
    { intent: first, confidence: 0.7 },
    { intent: second, confidence: 0.25 },
  ],
  outOfScopeScore: 0,
});

function fresh(): ConversationState {
  return newConversationState('c-1', 'test', NOW, 'assisted');
}

describe('the engine as pure transitions of a conversation', () => {
  it('a customer turn sets the intent, takes the values it gives and searches the filled template', async () => {
    const { deps, searched } = fakes({ 'my tv shows E42': sure('error-code') });
    const { state, insight } = await step(fresh(), { role: 'customer', text: 'my tv shows E42' }, deps);
    assert.equal(state.intent?.id, 'error-code');
    assert.deepEqual(insight.answered.map((a) => [a.name, a.value]), [['errorCode', 'E42'], ['deviceType', 'tv']]);
    assert.equal(insight.status, 'ready');
    assert.deepEqual(searched.map((q) => q.text), ['tv error code E42 troubleshooting']);
    assert.equal(state.intentHistory.length, 1);
  });

  it('reject-intent ranks the last customer words with the same ranker and searches the new intent with what is known, never a raw template', async () => {
    const text = 'my tv is dead';
    const { deps, searched, ranked } = fakes({ [text]: twoWays('error-code', 'no-power') });
    const first = await step(fresh(), { role: 'customer', text }, deps);
    assert.equal(first.state.intent?.id, 'error-code');
    const { state, insight } = await rejectIntent(first.state, 'error-code', deps);
    assert.deepEqual(ranked, [text, text], 'the rejection re-ranked the customer words with the engine ranker');
    assert.equal(state.intent?.id, 'no-power');
    assert.deepEqual(state.rejectedIntents, ['error-code']);
    assert.equal(insight.intentChanged, true);
    assert.deepEqual(state.intentHistory.map((entry) => entry.intent), ['error-code', 'no-power']);
    assert.equal(searched.at(-1)?.text, 'tv will not turn on');
    assert.ok(searched.every((query) => !/[{}]/.test(query.text)), JSON.stringify(searched));
    assert.equal(state.solutions[0]?.id, 'article-for-no-power');
  });

  it('search-again without words searches the query the conversation implies; with words, those words', async () => {
    const { deps, searched } = fakes({ 'my laptop will not start': sure('no-power') });
    const { state } = await step(fresh(), { role: 'customer', text: 'my laptop will not start' }, deps);
    const again = await searchAgain({ ...state, query: null }, undefined, deps);
    assert.equal(searched.at(-1)?.text, 'laptop will not turn on');
    assert.equal(again.state.query, 'laptop will not turn on');
    await searchAgain(again.state, '  battery   swollen  ', deps);
    assert.deepEqual(searched.at(-1), { text: 'battery   swollen', intentId: 'no-power', top: 3, signal: searched.at(-1)?.signal });
    assert.ok(searched.every((query) => !/[{}]/.test(query.text)));
  });

  it('search-again says when there is nothing to search or the search is down, and changes nothing then', async () => {
    const { deps } = fakes({});
    await assert.rejects(searchAgain(fresh(), undefined, deps), (error: unknown) => error instanceof CommandError && error.code === 'nothing-to-search');
    const down = fakes({ 'my tv shows E42': sure('error-code') }, { searchFails: true });
    const { state } = await step(fresh(), { role: 'customer', text: 'my tv shows E42' }, down.deps);
    await assert.rejects(searchAgain(state, 'tv error', down.deps), (error: unknown) => error instanceof CommandError && error.code === 'search-unavailable');
  });

  it('rejecting an intent that is not the current one only remembers it; an unknown intent is refused', async () => {
    const { deps } = fakes({ 'my tv shows E42': sure('error-code') });
    const { state } = await step(fresh(), { role: 'customer', text: 'my tv shows E42' }, deps);
    const after = await rejectIntent(state, 'no-power', deps);
    assert.equal(after.state.intent?.id, 'error-code');
    assert.deepEqual(after.state.rejectedIntents, ['no-power']);
    await assert.rejects(rejectIntent(state, 'time-travel', deps), (error: unknown) => error instanceof CommandError && error.code === 'unknown-intent');
  });

  it('counts the customer turns that end in a clarification question or out of scope, and no representative turn', async () => {
    const close: Classification = { ranking: [{ intent: 'error-code', confidence: 0.46 }, { intent: 'no-power', confidence: 0.45 }], outOfScopeScore: 0 };
    const { deps } = fakes({ 'my tv is broken': close });
    let state = newConversationState('c-3', 'webchat', NOW);
    const asked = await step(state, { role: 'customer', text: 'my tv is broken' }, deps);
    assert.equal(asked.insight.status, 'clarify');
    state = asked.state;
    state = (await step(state, { role: 'customer', text: 'what is the weather like' }, deps)).state;
    state = (await step(state, { role: 'agent', text: 'what is the weather like' }, deps)).state;
    assert.deepEqual([state.clarifyTurns, state.outOfScopeTurns], [1, 1]);
  });

  it('hand-off marks what self-service gathered, adds carried values without overwriting, and records why', async () => {
    const { deps } = fakes({ 'my tv shows E42': sure('error-code') });
    const selfService = newConversationState('c-2', 'webchat', NOW);
    const { state } = await step(selfService, { role: 'customer', text: 'my tv shows E42' }, deps);
    const handed = handOff(state, { reason: 'the customer asked for a person', carried: { errorCode: 'E99', serialNumber: 'SN-1' } }, deps).state;
    assert.deepEqual([handed.phase, handed.escalated], ['assisted', true]);
    assert.deepEqual(handed.handoff, { at: NOW.toISOString(), reason: 'the customer asked for a person', kind: 'caller' });
    assert.equal(handed.attributes.errorCode?.value, 'E42', 'a value the conversation has is kept');
    assert.equal(handed.attributes.errorCode?.source, 'self-service');
    assert.equal(handed.attributes.serialNumber?.source, 'handoff');
    assert.equal(state.phase, 'self-service', 'the earlier state is left as it was');
  });

  it('detects an intent with the engine ranker, leaving rejected intents out, without a state', async () => {
    const { deps, ranked } = fakes({ 'my tv is dead': twoWays('error-code', 'no-power') });
    assert.equal((await detectIntent('my tv is dead', [], deps, 2)).intent?.id, 'error-code');
    assert.equal((await detectIntent('my tv is dead', ['error-code'], deps, 2)).intent?.id, 'no-power');
    assert.deepEqual(ranked, ['my tv is dead', 'my tv is dead']);
  });

  it('keeps every list that grows with the conversation within its limit, newest kept', async () => {
    // Each a request in its own right, so each switches.
    const { deps } = fakes({ 'can you help with an error on the screen?': sure('error-code'), 'can you help, no power at all?': sure('no-power') });
    deps.options = { recentTurns: 4, intentHistory: 3, rememberedMessageIds: 5 };
    let state = fresh();
    for (let n = 1; n <= 30; n += 1) {
      const text = n % 2 === 0 ? 'can you help, no power at all?' : 'can you help with an error on the screen?';
      state = (await applyCommand(state, { kind: 'message', turn: { role: 'customer', text, messageId: `m-${n}` } }, deps)).state;
    }
    assert.equal(state.turnCount, 30);
    assert.equal(state.turns.length, 4);
    assert.deepEqual(state.intentHistory.map((entry) => entry.turn), [28, 29, 30], 'the customer changed their mind 30 times; the last 3 are kept');
    assert.deepEqual(state.messageIds, ['m-26', 'm-27', 'm-28', 'm-29', 'm-30']);
  });

  it('stores a customer message with its words and order kept, but no terminal codes or bidirectional overrides', async () => {
    const plain = 'my tv shows E42';
    const hostile = 'my \u001b[31mtv\u001b[0m shows \u202EE42\u202C\u0007';
    const { deps } = fakes({ [plain]: sure('error-code') });
    const { state, insight } = await step(fresh(), { role: 'customer', text: hostile }, deps);
    assert.equal(state.turns[0]?.text, plain);
    assert.equal(insight.intent?.id, 'error-code', 'understood as the plain words are');
    assert.equal(state.attributes.errorCode?.value, 'E42');
  });
});
