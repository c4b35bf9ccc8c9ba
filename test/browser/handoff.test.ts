import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { API_KEY } from '../assist/helpers.js';
import { ARTIFACTS, browserSession } from './helpers/session.js';

interface DirectLineActivity {
  type: string;
  text?: string;
  from: { id: string; role?: string };
}

describe('a customer in Web Chat and a representative on /assist, in two real browser pages', function () {
  this.timeout(120_000);
  const session = browserSession();

  /** A page in a browser context of its own (its own session storage and cookies), as on two people's machines. */
  async function open(label: string, width: number, height: number): Promise<Page> {
    const context = await session.browser.newContext({ viewport: { width, height } });
    return session.watch(await context.newPage(), label);
  }

  it('hands off, carries messages both ways while the bot keeps quiet, and hands back to the bot', async () => {
    const customer = await open('/chat', 640, 1000);
    const issued = customer.waitForResponse((response) => response.url().endsWith('/v3/directline/tokens/generate'));
    await customer.goto(`${session.service.origin}/chat`);
    const { token, conversationId } = (await (await issued).json()) as { token: string; conversationId: string };
    const shown = (text: RegExp) => customer.getByText(text).last().waitFor();
    /** Types a message in Web Chat; resolves once the service has run the bot's turn for it (its replies are in by then). */
    const say = async (text: string) => {
      const posted = customer.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith(`/v3/directline/conversations/${conversationId}/activities`),
      );
      const input = customer.getByRole('textbox');
      await input.fill(text);
      await input.press('Enter');
      assert.equal((await posted).status(), 200);
    };
    /** Everything in the Web Chat conversation, as Direct Line hands it to Web Chat. */
    const transcript = async () => {
      const response = await fetch(`${session.service.origin}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { activities: DirectLineActivity[] }).activities.filter((activity) => activity.type === 'message');
    };
    const botMessagesAfter = async (text: string) => {
      const all = await transcript();
      const at = all.findLastIndex((activity) => activity.from.role === 'user' && activity.text === text);
      assert.ok(at >= 0, `"${text}" is in the conversation`);
      return all.slice(at + 1).filter((activity) => activity.from.role === 'bot');
    };

    await shown(/Hi! This is Brightline Electronics support/);
    await say('my tv shows error code E42');
    assert.ok((await botMessagesAfter('my tv shows error code E42')).length > 0, 'the bot answers in self-service');
    await say('Talk to a person');
    await shown(/passing you to a colleague/);

    const representative = await open(`/assist/${conversationId}`, 1280, 900);
    await representative.goto(`${session.service.origin}/assist/${encodeURIComponent(conversationId)}#token=${API_KEY}`);
    await representative.getByText('Live', { exact: true }).waitFor();
    await representative.getByText(/With a representative since .*: the customer asked for a person/).waitFor();
    await representative.locator('.turn-customer', { hasText: 'Talk to a person' }).waitFor();
    assert.match((await representative.locator('#known').textContent()) ?? '', /E42.*from self-service/);

    const greeting = "Hi, I'm Sam from Brightline. Is the TV plugged straight into the wall?";
    await representative.getByLabel('Message to the customer').fill(greeting);
    await representative.getByLabel('Message to the customer').press('Enter');
    await representative.locator('.turn-agent', { hasText: 'Delivered' }).waitFor();
    await representative.getByRole('status').filter({ hasText: 'Delivered to the customer.' }).waitFor();
    assert.equal(await representative.getByLabel('Message to the customer').inputValue(), '', 'the box is cleared once delivered');

    await shown(/Is the TV plugged straight into the wall\?/);
    await customer.screenshot({ path: path.join(ARTIFACTS, 'handoff-customer-gets-reply.png'), fullPage: true });

    const answer = 'Yes, straight into the wall socket';
    await say(answer);
    await representative.locator('.turn-customer', { hasText: answer }).waitFor();
    assert.deepEqual(await botMessagesAfter(answer), [], 'the bot does not answer while the representative has the conversation');
    await representative.screenshot({ path: path.join(ARTIFACTS, 'handoff-representative.png'), fullPage: true });

    await representative.getByRole('button', { name: 'Hand back to self-service' }).click();
    await representative.getByText('The bot is answering this customer').waitFor();
    assert.equal(await representative.getByRole('button', { name: 'Hand back to self-service' }).count(), 0);

    const after = "Thanks. Also, where is my order? It hasn't arrived";
    await say(after);
    const answers = await botMessagesAfter(after);
    assert.equal(answers.length, 1, 'the bot answers again');
    await shown(/order number/i);
    await representative.locator('.turn-customer', { hasText: 'where is my order?' }).waitFor();
    await customer.screenshot({ path: path.join(ARTIFACTS, 'handoff-handed-back.png'), fullPage: true });
    await representative.screenshot({ path: path.join(ARTIFACTS, 'handoff-representative-handed-back.png'), fullPage: true });

    const stored = await session.service.app.conversations.get(conversationId);
    assert.deepEqual([stored?.phase, stored?.escalated, stored?.channel], ['self-service', false, 'directline']);
    assert.deepEqual(
      stored?.turns.filter((turn) => turn.role === 'agent').map((turn) => turn.delivery?.status),
      ['delivered'],
    );
  });

  it('wrote no errors to either browser console', () => {
    assert.deepEqual(session.problems, []);
  });
});
