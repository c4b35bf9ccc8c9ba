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
});
