import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { API_KEY, call, message, newConversationId } from '../assist/helpers.js';
import { actionActivity, postActivity } from '../bot/helpers/service.js';
import { ARTIFACTS, browserSession } from './helpers/session.js';

describe("the representative's live view at /assist in a real browser", function () {
  this.timeout(90_000);
  const session = browserSession();

  async function open(route: string, width = 1280, height = 800): Promise<Page> {
    const page = session.watch(await session.browser.newPage({ viewport: { width, height } }), route);
    await page.goto(`${session.service.origin}${route}#token=${API_KEY}`);
    return page;
  }

  const say = (id: string, messageId: string, role: 'customer' | 'representative', text: string) =>
    call(session.service.origin, 'POST', `/api/conversations/${encodeURIComponent(id)}/messages`, message(messageId, role, text));

  it('follows a five-message conversation live: intent, ticked answer, solutions, an intent change, Copy without Send, thumbs-down', async () => {
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

    // The platform carries this conversation and delivers what the representative types there: the page offers Copy, not Send.
    await page.getByText('This service cannot reach this customer').waitFor();
    assert.ok((await page.locator('#questions button', { hasText: 'Copy' }).count()) > 0);
    assert.equal(await page.getByRole('button', { name: /^Send/ }).count(), 0, 'no Send for a customer the service cannot reach');
    assert.equal(await page.locator('#composer').isVisible(), false);

    // Keyboard only: focus the thumbs-down control and press Enter.
    await page.getByRole('button', { name: /Not this intent/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.body.dataset.intent !== 'device-wont-power-on'");
    assert.match((await page.locator('#earlier-intents').textContent()) ?? '', /Device won't power on.*rejected/);
    assert.deepEqual((await session.service.app.conversations.get(id))?.rejectedIntents, ['device-wont-power-on']);

    await page.getByRole('button', { name: 'Search again' }).click();
    await page.getByRole('status').filter({ hasText: /Solutions refreshed|Searched again/ }).waitFor();

    // Keyboard only: rate the conversation as not understood.
    await page.getByRole('button', { name: 'Not understood' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /rated as not understood/ }).waitFor();
    await page.locator('#rate-down[aria-pressed="true"]').waitFor();
    assert.deepEqual((await session.service.app.conversations.get(id))?.feedback.map((f) => f.rating), ['down']);

    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-narrow.png'), fullPage: true });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the narrow page scrolls sideways by ${overflow}px`);
    await page.close();
  });

  it('shows what a self-service skill conversation gathered, marked as from self-service, after the hand-off', async () => {
    const id = newConversationId('browser-handoff');
    await postActivity(session.service.origin, actionActivity('Assist', { text: "my order hasn't arrived, it's BL-4471220", conversationId: id }));
    await postActivity(session.service.origin, actionActivity('Handoff', { conversationId: id, reason: 'customer asked for a person' }));
    const page = await open(`/assist/${id}`);
    const known = page.locator('#known li', { hasText: 'orderNumber' });
    await known.waitFor();
    assert.match((await known.textContent()) ?? '', /BL-4471220.*from self-service/);
    assert.equal(await page.locator('#route').textContent(), 'Routes to Retail orders · queue orders-delivery · skills orders, carriers · priority 5');
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

  /** Where the box of the first element matching `selector` is, against the viewport. */
  const box = (page: Page, selector: string) =>
    page.evaluate<{ left: number; right: number; width: number; height: number; viewport: number }>(
      `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); ` +
        'return { left: r.left, right: r.right, width: r.width, height: r.height, viewport: window.innerWidth }; })()',
    );

  it('shortens a 400-character conversation id in the list and the header, keeping the other columns in view and the full id in a tooltip', async () => {
    const id = `teams-a:${'1BqVx9Tz0LmNc4R7wKp2Ys8Hd3Fj6Ga5'.repeat(13)}`.slice(0, 400);
    assert.equal(id.length, 400);
    await say(id, 'c1', 'customer', 'my tv shows error code E42');
    const page = await open('/assist');
    const linkSelector = `a[href="/assist/${encodeURIComponent(id)}"]`;
    const link = page.locator(linkSelector);
    await link.waitFor();
    assert.equal(await link.getAttribute('title'), id);
    assert.equal(await link.textContent(), id);
    const cut = await page.evaluate<boolean>(`(() => { const a = document.querySelector(${JSON.stringify(linkSelector)}); return a.scrollWidth > a.clientWidth; })()`);
    assert.ok(cut, 'the id is cut short on screen');
    const table = await box(page, 'table');
    assert.ok(table.right <= table.viewport, `the list is ${table.width}px wide in a ${table.viewport}px window`);
    const cells = await page.evaluate<Array<{ left: number; right: number; text: string }>>(
      `[...document.querySelector(${JSON.stringify(linkSelector)}).closest('tr').cells].map((td) => ` +
        '({ left: td.getBoundingClientRect().left, right: td.getBoundingClientRect().right, text: td.textContent }))',
    );
    assert.equal(cells.length, 6);
    for (const cell of cells) assert.ok(cell.left >= 0 && cell.right <= table.viewport && cell.right > cell.left, `a column is out of view: ${JSON.stringify(cell)}`);
    assert.match(cells[1]?.text ?? '', /Device error code/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-list-long-id.png'), fullPage: true });

    await link.click();
    await page.locator('#intent-name', { hasText: 'Device error code' }).waitFor();
    const header = page.locator('#conversation-id');
    assert.equal(await header.textContent(), id);
    assert.equal(await header.getAttribute('title'), id);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      const title = await box(page, '.bar h1');
      const lineHeight = await page.evaluate<number>("parseFloat(getComputedStyle(document.querySelector('.bar h1')).lineHeight)");
      assert.ok(title.right <= title.viewport, `at ${width}px the header reaches ${title.right}px`);
      assert.ok(title.height < 1.5 * lineHeight, `at ${width}px the header takes ${title.height}px, more than one line`);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      assert.ok(overflow <= 0, `at ${width}px the page scrolls sideways by ${overflow}px`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'assist-long-id.png'), fullPage: true });
    await page.close();
  });

  it("isolates the customer's text, so a right-to-left override in a message cannot reorder the page around it", async () => {
    const id = newConversationId('browser-bidi');
    await say(id, 'c1', 'customer', "my order hasn't arrived yet");
    await say(id, 'c2', 'customer', "Also my new TV won't turn on at all");
    // The engine removes direction controls from new messages; a conversation stored before it did (or written by
    // another writer) still has them, and the page must isolate whatever text it is given.
    const stored = await session.service.app.conversationStore.get(id);
    assert.ok(stored);
    const overridden = "my order hasn't arrived \u202Eyet";
    const state = {
      ...stored.value,
      turns: stored.value.turns.map((turn) => (turn.messageId === 'c1' ? { ...turn, text: overridden } : turn)),
      intentHistory: stored.value.intentHistory.map((entry) => (entry.intent === 'order-status' ? { ...entry, text: overridden } : entry)),
    };
    await session.service.app.conversationStore.put(state, stored.etag);
    const page = await open(`/assist/${id}`);
    await page.locator('#earlier-intents li', { hasText: 'Order status' }).waitFor();
    // The closing quote the page puts after the customer's words stays to their right.
    const placement = await page.evaluate<{ quote: number; words: number; isolated: boolean }>(`(() => {
      const li = [...document.querySelectorAll('#earlier-intents li')].find((item) => item.textContent.includes('Order status'));
      const words = li.querySelector('bdi');
      const last = li.lastChild;
      const quote = document.createRange();
      quote.setStart(last, last.data.length - 1);
      quote.setEnd(last, last.data.length);
      return { quote: quote.getBoundingClientRect().left, words: words ? words.getBoundingClientRect().right : NaN, isolated: words !== null };
    })()`);
    assert.ok(placement.isolated, 'the message is in a <bdi>');
    assert.ok(placement.quote >= placement.words - 1, `the closing quote moved left of the message: ${JSON.stringify(placement)}`);
    // Every customer message in the transcript is its own isolated run, as text.
    const shown = await page.evaluate<Array<string | null>>("[...document.querySelectorAll('.turn-customer')].map((li) => li.querySelector('bdi:only-of-type')?.textContent ?? null)");
    assert.deepEqual(shown, [overridden, "Also my new TV won't turn on at all"]);
    await page.close();
  });

  it('shows markup in a message as text', async () => {
    const id = newConversationId('browser-markup');
    await say(id, 'c1', 'customer', 'my order <img src=x onerror="document.body.dataset.hacked=1"><b>BL-4471220</b> is late');
    const page = await open(`/assist/${id}`);
    const turn = page.locator('.turn-customer bdi');
    await turn.waitFor();
    assert.match((await turn.textContent()) ?? '', /<img src=x onerror=.*<b>BL-4471220<\/b>/);
    assert.equal(await page.locator('.turn-customer img, .turn-customer b').count(), 0, 'the markup became elements');
    assert.equal(await page.evaluate<string | undefined>('document.body.dataset.hacked'), undefined);
    await page.close();
  });

  it('asks for the key instead of failing when the page has none', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${session.service.origin}/assist/${newConversationId('no-key')}`);
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.getByLabel('API key or access token').fill(API_KEY);
    await page.keyboard.press('Enter');
    await page.getByText('Live', { exact: true }).waitFor();
    await page.close();
  });

  it('wrote no errors to the browser console', () => {
    assert.deepEqual(session.problems, []);
  });
});
