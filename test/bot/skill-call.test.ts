import assert from 'node:assert/strict';
import { pino } from 'pino';
import { z } from 'zod';
import { defineAction, type SkillAction, type ActionServices } from '../../src/actions/types.js';
import { conversationKey, runSkillCall } from '../../src/bot/skill-call.js';

const logger = pino({ level: 'silent' });
const services = {} as unknown as ActionServices;

function action(run: SkillAction['run']): SkillAction {
  return defineAction({
    name: 'Probe',
    description: 'a test action',
    readOnly: true,
    input: z.object({ conversationId: z.string().optional() }),
    output: z.object({ conversationId: z.string(), answer: z.number().optional() }),
    run,
  });
}

const call = { name: 'Probe', value: {}, conversationId: 'activity-conversation', channel: 'test' };

describe('running one skill call', () => {
  it('ends a call that takes too long with a timeout error instead of leaving the caller waiting', async () => {
    const slow = action(() => new Promise(() => undefined));
    const result = await runSkillCall([slow], call, services, logger, { timeoutMs: 20 });
    assert.equal(result.code, 'SkillError');
    assert.equal(result.value.errorCode, 'timeout');
    assert.match(String(result.text), /^Probe: took longer than 0\.02 s/);
  });

  it('reports an unexpected failure without its internals', async () => {
    const broken = action(async () => {
      throw new Error('connection string Server=db;Password=hunter2');
    });
    const result = await runSkillCall([broken], call, services, logger);
    assert.equal(result.value.errorCode, 'internal-error');
    assert.doesNotMatch(JSON.stringify(result), /hunter2/);
  });

  it('refuses outputs that break the declared contract', async () => {
    const sloppy = action(async ({ conversationId }) => ({ conversationId: conversationId ?? 'x', answer: 'forty-two' }));
    const result = await runSkillCall([sloppy], call, services, logger);
    assert.equal(result.value.errorCode, 'internal-error');
  });

  it("uses the caller's conversationId over the activity's, and the activity's otherwise", async () => {
    const echo = action(async (_input, context) => ({ conversationId: context.conversationId }));
    assert.equal((await runSkillCall([echo], { ...call, value: { conversationId: 'copilot-42' } }, services, logger)).value.conversationId, 'copilot-42');
    assert.equal((await runSkillCall([echo], call, services, logger)).value.conversationId, 'activity-conversation');
    assert.equal((await runSkillCall([echo], { ...call, value: { conversationId: '' } }, services, logger)).value.conversationId, 'activity-conversation');
  });

  it('keys a conversation id longer than the store takes by a stable digest', () => {
    const long = `a:${'x'.repeat(600)}`;
    assert.match(conversationKey(long), /^sha256:[0-9a-f]{64}$/);
    assert.equal(conversationKey(long), conversationKey(long));
    assert.notEqual(conversationKey(long), conversationKey(`${long}y`));
    assert.equal(conversationKey('short-id'), 'short-id');
  });
});
