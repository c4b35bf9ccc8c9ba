import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { API_KEY, call, startAssistService } from '../assist/helpers.js';
import { issuerFor, LocalIdentity, TENANT_ID } from '../bot/helpers/local-identity.js';
import { reviewLibraryId, seedReviewLibrary } from '../server/library-review-helpers.js';
import { ARTIFACTS, browserSession } from './helpers/session.js';

describe('the library review page at /library in a real browser', function () {
  this.timeout(120_000);
  const libraryId = reviewLibraryId('browser');
  const session = browserSession({ LIBRARY_ID: libraryId });

  before(async () => seedReviewLibrary(session.service, libraryId));

  async function open(width = 1280, height = 800): Promise<Page> {
    const page = session.watch(await session.browser.newPage({ viewport: { width, height } }), '/library');
    await page.goto(`${session.service.origin}/library#token=${API_KEY}`);
    return page;
  }

  const pending = (page: Page) => page.locator('#changes').innerText();

  it('reviews a discovered draft by keyboard: approve, rename, edit an attribute, see the diff, survive a second manager, publish', async () => {
    const page = await open();
    const card = page.locator('#intent-crack');
    await card.waitFor();
    assert.match(await card.innerText(), /14 conversations · 5% of all · 5 examples/);
    assert.match(await card.innerText(), /Conversations behind it: conv-0042, conv-0107/);
    assert.doesNotMatch(await card.innerText(), /07700 900123/, 'sample requests are shown masked');
    await page.locator('#quality-list li.overlap', { hasText: 'Ship to canada' }).waitFor();
    assert.match(await page.locator('#quality-list').innerText(), /Pay visit\s+— 2 examples; at least 5/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'library-review.png'), fullPage: false });

    // Approve with the keyboard.
    await page.getByRole('button', { name: 'Approve Crack' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#changes', { hasText: 'status draft → approved' }).waitFor();
    assert.equal(await page.evaluate('document.activeElement.id'), 'intent-crack', 'the keyboard stays on the intent once its Approve button is gone');

    // Rename: open the form with the keyboard, type, submit with Enter.
    await card.locator('summary', { hasText: 'Rename, move or merge' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#intent-crack-rename-field').fill('Cracked on delivery');
    await page.keyboard.press('Enter');
    await page.locator('#intent-crack-name', { hasText: 'Cracked on delivery' }).waitFor();

    // Edit the attribute's label, question and required flag, and approve it.
    await card.locator('summary', { hasText: 'Edit numberOrder' }).click();
    await page.locator('#attr-crack-numberOrder-label').fill('Order number');
    await page.locator('#attr-crack-numberOrder-question').fill('What is the order number of the damaged item?');
    await page.locator('#attr-crack-numberOrder-required').check();
    await page.locator('#attr-crack-numberOrder-save').click();
    await page.locator('#changes', { hasText: 'attribute numberOrder: label none → "Order number"' }).waitFor();

    // Meanwhile a second manager changes the review: the page's next change is refused, then applied again on top.
    const current = (await call(session.service.origin, 'GET', '/api/library')).body as unknown as { etag: string };
    const other = await call(session.service.origin, 'POST', '/api/library/changes', { etag: current.etag, actions: [{ kind: 'discard', ids: ['pay-visit'] }] });
    assert.equal(other.status, 200);
    await page.getByRole('button', { name: 'Approve attribute Order number of Cracked on delivery' }).click();
    const again = page.getByRole('button', { name: 'Apply my change again' });
    await again.waitFor();
    assert.match(await page.locator('#notice').innerText(), /someone else changed the review since you read it; nothing was changed/);
    await page.locator('#changes', { hasText: 'Pay visit' }).waitFor();
    await again.press('Enter');
    await page.locator('#changes', { hasText: 'attribute numberOrder: draft → approved' }).waitFor();

    const diff = await pending(page);
    for (const line of ['name "Crack" → "Cracked on delivery"', 'status draft → approved', 'attribute numberOrder: question "Can you give me the order number?" → "What is the order number of the damaged item?"', 'attribute numberOrder: required false → true', 'Pay visit']) {
      assert.ok(diff.includes(line), `the diff shows ${line}:\n${diff}`);
    }
    await page.locator('#pending').screenshot({ path: path.join(ARTIFACTS, 'library-diff.png') });
    assert.equal((await session.service.app.libraries.get(libraryId))?.value.intents.find((i) => i.id === 'crack')?.name, 'Crack', 'nothing is live before publishing');

    await page.getByRole('button', { name: /^Publish 2 changes$/ }).click();
    await page.getByRole('status').filter({ hasText: 'Published' }).waitFor();
    const live = (await session.service.app.libraries.get(libraryId))!.value;
    const crack = live.intents.find((i) => i.id === 'crack')!;
    assert.equal(crack.name, 'Cracked on delivery');
    assert.equal(crack.status, 'approved');
    assert.deepEqual(crack.attributes[0], { ...crack.attributes[0], label: 'Order number', required: true, status: 'approved', question: 'What is the order number of the damaged item?' });
    assert.equal(live.intents.find((i) => i.id === 'pay-visit')?.status, 'discarded');
    assert.match(await pending(page), /Nothing pending/);

    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'library-narrow.png'), fullPage: false });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `the narrow page scrolls sideways by ${overflow}px`);
    // The browser logs the refused change of the second manager's moment; nothing else went wrong.
    assert.deepEqual(
      session.problems.filter((problem) => !problem.includes('status of 409 (Conflict)')),
      [],
    );
    await page.close();
  });

  it('is read-only for a signed-in reader without the IntentManager role', async () => {
    const identity = await LocalIdentity.start();
    const readerLibrary = reviewLibraryId('browser-reader');
    const audience = 'api://intent-skill-library-browser';
    const service = await startAssistService({
      LIBRARY_ID: readerLibrary,
      ASSIST_ENTRA_ISSUER: issuerFor(TENANT_ID),
      ASSIST_ENTRA_AUDIENCE: audience,
      ASSIST_ENTRA_JWKS_URL: identity.metadataUrl.replace('/.well-known/openid-configuration', '/keys'),
    });
    try {
      await seedReviewLibrary(service, readerLibrary);
      const token = await identity.sign({ aud: audience, appid: 'reader', roles: ['Reader'] });
      const page = session.watch(await session.browser.newPage({ viewport: { width: 1280, height: 800 } }), '/library (reader)');
      await page.goto(`${service.origin}/library#token=${token}`);
      await page.locator('#intent-crack').waitFor();
      assert.match(await page.locator('#read-only').innerText(), /Changing it needs the IntentManager app role/);
      assert.equal(await page.getByRole('button', { name: 'Approve Crack' }).isDisabled(), true);
      assert.equal(await page.locator('#publish').isDisabled(), true);
      await page.close();
    } finally {
      await service.close();
      await identity.close();
    }
  });
});
