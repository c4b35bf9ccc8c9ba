import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packageRoot } from '../../src/config.js';
import { startService, type RunningService } from '../bot/helpers/service.js';
import { launchChromium } from './helpers/chromium.js';

const ARTIFACTS = path.join(packageRoot, 'test-artifacts');

describe('Web Chat at /chat in a real browser', function () {
  this.timeout(60_000);
  let service: RunningService;
  let browser: Browser;
  let page: Page;

  before(async () => {
    service = await startService();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 640, height: 1100 } });
  });

  after(async () => {
    await browser?.close();
    await service?.close();
  });

  async function shown(text: RegExp): Promise<void> {
    await page.getByText(text).last().waitFor();
  }

  async function say(text: string): Promise<void> {
    const input = page.getByRole('textbox');
    await input.fill(text);
    await input.press('Enter');
  }

  it('follows a change of topic to solutions over three turns, the last a quick reply', async () => {
    await page.goto(`${service.origin}/chat`);
    await shown(/Hi! This is Brightline Electronics support/);

    await say('Hi, I have a question about my order');
    await shown(/What.s your order number/);

    await say("Actually, it's something else: my new device won't turn on");
    await shown(/what (kind|type) of device/i);

    const quickReply = page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: /^tv$/i });
    await quickReply.click();
    await shown(/Here is what should help/);
    const solution = page.locator('.ac-adaptiveCard').last().locator('a[href]').first();
    await solution.waitFor();
    assert.match((await solution.textContent()) ?? '', /TV/);
    assert.match((await solution.getAttribute('href')) ?? '', /^https:\/\/support\.brightline\.example\//);

    await page.locator('.ac-adaptiveCard').last().scrollIntoViewIfNeeded();
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-chat.png'), fullPage: true });
    const stored = (await service.app.conversationStore.listActive(new Date(0), 1000)).find((state) =>
      state.turns.some((turn) => turn.text.startsWith("Actually, it's something else")),
    );
    assert.equal(stored?.channel, 'directline');
    assert.deepEqual(stored.intentHistory.map((entry) => entry.intent), ['order-status', 'device-wont-power-on']);
    assert.equal(stored.attributes.deviceType?.value, 'tv');
  });

  it('holds a whole conversation: a value in the wrong form, a question the customer cannot answer, a correction and a goodbye', async () => {
    const chat = await browser.newPage({ viewport: { width: 640, height: 1100 } });
    const said = async (text: string): Promise<void> => {
      const input = chat.getByRole('textbox');
      await input.fill(text);
      await input.press('Enter');
    };
    const replied = async (text: RegExp): Promise<void> => {
      await chat.getByText(text).last().waitFor();
    };
    try {
      await chat.goto(`${service.origin}/chat`);
      await replied(/Hi! This is Brightline Electronics support/);

      await said('where is my refund?');
      await replied(/return authorization number/i);
      const articlesAfterFirstQuestion = await chat.locator('.ac-adaptiveCard a[href]').count();
      assert.ok(articlesAfterFirstQuestion > 0, 'the articles found so far come with the first question');

      await said('RMA-1234567');
      await replied(/look like a return authorization/);
      await replied(/followed by 6 digits/);

      await said("I told you, I don't have it");
      await replied(/we.ll do without the return authorization number\. .*original order number/);
      assert.equal(await chat.locator('.ac-adaptiveCard a[href]').count(), articlesAfterFirstQuestion, 'the same articles are not sent again with each question');

      await said('BL-7781204');
      await replied(/Thanks\. Here is what should help/);

      await said('sorry, I meant BL-7781240');
      await replied(/Got it: order number BL-7781240\. The articles I sent above still apply/);

      await said('thanks, bye');
      await replied(/You.re welcome! Thank you for contacting Brightline Electronics/);
      await mkdir(ARTIFACTS, { recursive: true });
      await chat.screenshot({ path: path.join(ARTIFACTS, 'web-chat-whole-conversation.png'), fullPage: true });

      const stored = (await service.app.conversationStore.listActive(new Date(0), 1000)).find((state) => state.turns.some((turn) => turn.text === 'sorry, I meant BL-7781240'));
      assert.equal(stored?.attributes.orderNumber?.value, 'BL-7781240');
      assert.equal(stored.attributes.returnAuthorization, undefined);
      assert.ok(stored.declined.includes('returnAuthorization'), 'the question the customer could not answer is not asked again');
      assert.equal(stored.intent, null, 'the goodbye closed the request');
    } finally {
      await chat.close();
    }
  });
});
