import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packageRoot } from '../../src/config.js';
import { API_KEY, call, message, newConversationId, startAssistService } from '../assist/helpers.js';
import { actionActivity, postActivity, type RunningService } from '../bot/helpers/service.js';
import { launchChromium } from './helpers/chromium.js';

const ARTIFACTS = path.join(packageRoot, 'test-artifacts');

describe("the representative's live view at /assist in a real browser", function () {
  this.timeout(90_000);
  let service: RunningService;
  let browser: Browser;
  const problems: string[] = [];

  before(async () => {
    service = await startAssistService();
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await service?.close();
  });

  async function open(route: string, width = 1280, height = 800): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('console', (entry) => {
      if (entry.type() === 'error') problems.push(`${route}: ${entry.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${route}: ${error.message}`));
    await page.goto(`${service.origin}${route}#token=${API_KEY}`);
    return page;
  }

  const say = (id: string, messageId: string, role: 'customer' | 'representative', text: string) =>
    call(service.origin, 'POST', `/api/conversations/${encodeURIComponent(id)}/messages`, message(messageId, role, text));

  it('follows a five-message conversation live: intent, ticked answer, solutions, an intent change, thumbs-down and send', async () => {
    const id = newConversationId('browser');
    const page = await open(`/assist/${id}`);
    await page.getByText('Live', { exact: true }).waitFor();
    const intentName = page.locator('#intent-name');

    await say(id, 'c1', 'customer', "Hi, my order hasn't arrived yet");
    await intentName.filter({ hasText: 'Order status' }).waitFor();
    assert.match((await page.locator('.intent-meta').textContent()) ?? '', /Orders and delivery · \d+% confident/);

    await say(id, 'r1', 'representative', 'Could you give me your order number?');
    await say(id, 'c2', 'customer', 'BL-4471220');
    const answered = page.locator('li.question.answered[data-attribute="orderNumber"]');
    await answered.waitFor();
    assert.match((await answered.textContent()) ?? '', /Answered: BL-4471220/);
    await page.locator('#known li', { hasText: 'from this conversation' }).first().waitFor();
    const solution = page.locator('.solution a[href]').first();
    await solution.waitFor();
    assert.match((await solution.getAttribute('href')) ?? '', /^https:\/\/support\.brightline\.example\//);
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-answered.png'), fullPage: true });

    await say(id, 'r2', 'representative', "Thanks, I'm checking on it now.");
    await say(id, 'c3', 'customer', "Also my new TV won't turn on at all");
    await intentName.filter({ hasText: "Device won't power on" }).waitFor();
    assert.match((await page.locator('#earlier-intents').textContent()) ?? '', /Order status/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-intent-change.png'), fullPage: true });

    const turnsBefore = (await service.app.conversations.get(id))?.turnCount ?? 0;
    const sendButton = page.locator('#questions button', { hasText: 'Send' }).first();
    const question = (await sendButton.getAttribute('aria-label'))?.replace(/^Send: /, '') ?? '';
    assert.notEqual(question, '');
    await sendButton.click();
    await page.locator('.turn-agent', { hasText: question }).waitFor();
    const afterSend = await service.app.conversations.get(id);
    assert.equal(afterSend?.turnCount, turnsBefore + 1);
    assert.equal(afterSend?.turns.at(-1)?.text, question);

    // Keyboard only: focus the thumbs-down control and press Enter.
    await page.getByRole('button', { name: /Not this intent/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.body.dataset.intent !== 'device-wont-power-on'");
    assert.match((await page.locator('#earlier-intents').textContent()) ?? '', /Device won't power on.*rejected/);
    assert.deepEqual((await service.app.conversations.get(id))?.rejectedIntents, ['device-wont-power-on']);

    await page.getByRole('button', { name: 'Search again' }).click();
    await page.getByRole('status').filter({ hasText: /Solutions refreshed|Searched again/ }).waitFor();

    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-narrow.png'), fullPage: true });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the narrow page scrolls sideways by ${overflow}px`);
    await page.close();
  });

  it('shows what a self-service skill conversation gathered, marked as from self-service, after the hand-off', async () => {
    const id = newConversationId('browser-handoff');
    await postActivity(service.origin, actionActivity('Assist', { text: "my order hasn't arrived, it's BL-4471220", conversationId: id }));
    await postActivity(service.origin, actionActivity('Handoff', { conversationId: id, reason: 'customer asked for a person' }));
    const page = await open(`/assist/${id}`);
    const known = page.locator('#known li', { hasText: 'orderNumber' });
    await known.waitFor();
    assert.match((await known.textContent()) ?? '', /BL-4471220.*from self-service/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-handoff.png'), fullPage: true });
    await page.close();
  });

  it('lists active conversations for a supervisor, each linking to its live view', async () => {
    const id = newConversationId('browser-list');
    await say(id, 'c1', 'customer', 'my tv shows error code E42');
    const page = await open('/assist');
    const link = page.getByRole('link', { name: id });
    await link.waitFor();
    assert.match((await page.locator('tr', { has: link }).textContent()) ?? '', /Device error code/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-list.png'), fullPage: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator('#intent-name', { hasText: 'Device error code' }).waitFor();
    await page.close();
  });

  it('asks for the key instead of failing when the page has none', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${service.origin}/assist/${newConversationId('no-key')}`);
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.getByLabel('API key or access token').fill(API_KEY);
    await page.keyboard.press('Enter');
    await page.getByText('Live', { exact: true }).waitFor();
    await page.close();
  });

  it('wrote no errors to the browser console', () => {
    assert.deepEqual(problems, []);
  });
});
