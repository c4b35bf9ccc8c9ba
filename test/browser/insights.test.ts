import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { packageRoot } from '../../src/config.js';
import { intentLibrarySchema } from '../../src/library/schema.js';
import { conversationStates } from '../../src/synthetic/conversation-states.js';
import { API_KEY } from '../assist/helpers.js';
import { privateInsights } from '../insights/private-insights.js';
import { ARTIFACTS, browserSession } from './helpers/session.js';

const START = '2026-10-05';
const DAYS = 30;
const COUNT = 6000;
/** Popular demo intents whose containment the generator drops from the Monday of the fourth week. */
const DROPPING = ['order-status', 'start-return', 'refund-status'];

describe('the insights page at /insights in a real browser', function () {
  this.timeout(180_000);
  const session = browserSession();
  let intents: number;
  /** The demo library's intent names by id: the page shows names. */
  let intentNames = new Map<string, string>();
  let closeInsights: () => void = () => undefined;
  after(() => closeInsights());

  before(async () => {
    // Counted as of a pinned time a day after the generated month.
    closeInsights = privateInsights(session.service.app, () => new Date('2026-11-04T12:00:00Z'));
    const library = intentLibrarySchema.parse(JSON.parse(await readFile(path.join(packageRoot, 'samples', 'library.json'), 'utf8')));
    intents = library.intents.length;
    intentNames = new Map(library.intents.map((intent) => [intent.id, intent.name]));
    const store = session.service.app.conversationStore;
    for (const state of conversationStates({ library, count: COUNT, seed: 11, start: new Date(`${START}T00:00:00Z`), days: DAYS, dropping: DROPPING, dropFrom: new Date('2026-10-26T00:00:00Z') })) {
      await store.put({ ...state, conversationId: `insights-page-${state.conversationId}` }, null);
    }
    await session.service.app.insights.rollUp();
  });

  async function open(query: string, width = 1280, height = 800): Promise<Page> {
    const page = session.watch(await session.browser.newPage({ viewport: { width, height } }), '/insights');
    await page.goto(`${session.service.origin}/insights?${query}#token=${API_KEY}`);
    await page.locator('#intents tr').first().waitFor();
    return page;
  }

  it('charts 30 days of every intent: volume, containment and hand-off over time, by group and by intent', async () => {
    const page = await open(`from=${START}&to=2026-11-03&by=day`);
    const rows = await page.locator('#intents tr').count();
    assert.ok(rows >= intents, `every intent has a row (${rows} rows for ${intents} intents)`);
    assert.match(await page.locator('#status').innerText(), new RegExp(`${START} to 2026-11-03 by day · ${COUNT} conversations`));
    assert.equal(await page.locator('#volume svg rect').count() >= DAYS * 2, true, 'a stacked bar per day');
    assert.equal(await page.locator('#rates svg polyline').count(), 2, 'a line for containment, one for hand-off');
    const groups = await page.locator('#groups tbody tr').count();
    assert.equal(groups >= 7, true, `every group has a row (${groups})`);
    const orders = page.locator('#intents tr[data-intent="order-status"]');
    assert.match(await orders.innerText(), /^Order status\b[\s\S]*Orders and delivery/, "the library's names, not ids");
    await page.screenshot({ path: path.join(ARTIFACTS, 'insights-1280.png'), fullPage: false });
    await page.screenshot({ path: path.join(ARTIFACTS, 'insights-1280-full.png'), fullPage: true });
    assert.deepEqual(session.problems, []);
  });

  it('lists the intents whose containment dropped last week, each linking to its conversations', async () => {
    const page = await open(`from=${START}&to=2026-11-01&by=week`);
    const drops = await page.locator('#drops li').allInnerTexts();
    const named = DROPPING.filter((id) => drops.some((text) => text.startsWith(intentNames.get(id) ?? id)));
    assert.ok(named.length >= 2, `the dropping intents are listed: ${JSON.stringify(drops)}`);
    assert.ok(drops.every((text) => /→ \d+% \(2026-10-19 → 2026-10-26/.test(text)), JSON.stringify(drops));

    await page.locator('#intents tr[data-intent="order-status"] a', { hasText: 'conversations' }).click();
    await page.waitForURL(/\/assist\?intent=order-status/);
    await page.locator('#connection', { hasText: 'intent order-status' }).waitFor();
    assert.deepEqual(session.problems, []);
  });

  it('fits a narrow screen without widening the page', async () => {
    const page = await open(`from=${START}&to=2026-11-03&by=week`, 390, 844);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.equal(overflow, 0, 'no sideways scrolling of the page itself');
    await page.screenshot({ path: path.join(ARTIFACTS, 'insights-390.png'), fullPage: true });
  });

  it('asks for the key without one, and refuses a reversed range in words', async () => {
    const page = session.watch(await session.browser.newPage({ viewport: { width: 1280, height: 800 } }), '/insights reversed');
    await page.goto(`${session.service.origin}/insights?from=2026-11-03&to=${START}#token=${API_KEY}`);
    await page.locator('#status', { hasText: 'is after to' }).waitFor();
    const anonymous = await session.browser.newContext();
    const signIn = await anonymous.newPage();
    await signIn.goto(`${session.service.origin}/insights?from=${START}&to=2026-11-03`);
    await signIn.locator('#key-host form').waitFor();
    await anonymous.close();
  });
});
