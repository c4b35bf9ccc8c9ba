import assert from 'node:assert/strict';
import { actionActivity, endOfConversation, postActivity, startService, type RunningService } from '../bot/helpers/service.js';
import { scenarios, type Expect } from './conversations.js';

type Outputs = Record<string, unknown>;

/** What a turn's outputs show, for the failure message. */
function shown(outputs: Outputs): string {
  const { status, intentId, nextQuestionAttribute, attributesJson, replyText, choicesJson, solutionCount } = outputs;
  return JSON.stringify({ status, intentId, nextQuestionAttribute, attributesJson, replyText, choicesJson, solutionCount }, null, 1);
}

function check(outputs: Outputs, expect: Expect, where: string): void {
  const values = JSON.parse(String(outputs.attributesJson ?? '{}')) as Record<string, unknown>;
  const context = `${where}\n${shown(outputs)}`;
  if (expect.status !== undefined) assert.equal(outputs.status, expect.status, context);
  if (expect.intent !== undefined) assert.equal(outputs.intentId ?? null, expect.intent, context);
  for (const [name, value] of Object.entries(expect.values ?? {})) assert.equal(String(values[name]), value, `${name} ${context}`);
  for (const [name, pattern] of Object.entries(expect.valuesLike ?? {})) assert.match(String(values[name]), pattern, `${name} ${context}`);
  for (const name of expect.notValues ?? []) assert.equal(values[name], undefined, `${name} should be unknown ${context}`);
  if (expect.asks !== undefined) assert.equal(outputs.nextQuestionAttribute ?? null, expect.asks, context);
  for (const name of expect.notAsks ?? []) assert.notEqual(outputs.nextQuestionAttribute, name, `asks ${name} again ${context}`);
  if (expect.reply) assert.match(String(outputs.replyText), expect.reply, context);
  if (expect.notReply) assert.doesNotMatch(String(outputs.replyText), expect.notReply, context);
  if (expect.solutions !== undefined) assert.equal(Number(outputs.solutionCount ?? 0) > 0, expect.solutions, context);
  if (expect.choices) assert.match(String(outputs.choicesJson), expect.choices, context);
}

describe(`whole conversations through the skill's Assist action, as Copilot Studio calls it (${scenarios.length})`, function () {
  this.timeout(120_000);
  let service: RunningService;

  before(async () => {
    service = await startService();
  });
  after(async () => service?.close());

  scenarios.forEach((scenario, index) => {
    it(scenario.name, async () => {
      const conversationId = `scenario-${process.pid}-${index}`;
      for (const [n, turn] of scenario.turns.entries()) {
        const end = endOfConversation(await postActivity(service.origin, actionActivity('Assist', { text: turn.say, conversationId })));
        assert.equal(end.code, 'completedSuccessfully', JSON.stringify(end));
        check(end.value, turn.expect, `turn ${n + 1}: "${turn.say.slice(0, 80)}"`);
      }
    });
  });
});
