import assert from 'node:assert/strict';
import { API_KEY, call, startAssistService } from '../assist/helpers.js';
import { issuerFor, LocalIdentity, TENANT_ID } from '../bot/helpers/local-identity.js';
import type { RunningService } from '../bot/helpers/service.js';
import { reviewLibraryId, seedReviewLibrary } from './library-review-helpers.js';

const AUDIENCE = 'api://intent-skill-library-test';

interface ReviewBody {
  etag: string;
  liveEtag: string;
  canChange: boolean;
  managerRole: string;
  stale: boolean;
  intents: Array<{ id: string; name: string; status: string; groupId: string; samples: string[]; conversationIds: string[]; attributes: Array<{ name: string; label: string | null; question: string; type: string; required: boolean; values: string[]; pattern: string | null; status: string }> }>;
  changes: Array<{ kind: string; what: string; id: string; details: string[] }>;
  error?: { code: string; message: string };
}

const key = { authorization: `Bearer ${API_KEY}` };

async function review(service: RunningService, headers: Record<string, string> = key): Promise<{ status: number; body: ReviewBody }> {
  return (await call(service.origin, 'GET', '/api/library', undefined, headers)) as unknown as { status: number; body: ReviewBody };
}

async function change(service: RunningService, body: unknown, headers: Record<string, string> = key): Promise<{ status: number; body: ReviewBody }> {
  return (await call(service.origin, 'POST', '/api/library/changes', body, headers)) as unknown as { status: number; body: ReviewBody };
}

describe('the library review API (/api/library)', function () {
  this.timeout(60_000);

  describe('with the API key', () => {
    let service: RunningService;
    let libraryId: string;

    before(async () => {
      libraryId = reviewLibraryId('api');
      service = await startAssistService({ ASSIST_API_KEY: API_KEY, LIBRARY_ID: libraryId });
      await seedReviewLibrary(service, libraryId);
    });
    after(async () => service?.close());

    it('shows the live library with no pending change, and refuses a caller without credentials', async () => {
      const { status, body } = await review(service);
      assert.equal(status, 200);
      assert.equal(body.canChange, true);
      assert.deepEqual(body.changes, []);
      const order = body.intents.find((i) => i.id === 'order-status');
      assert.ok(order && order.samples.length > 0 && order.samples.length <= 3);
      assert.equal((await review(service, {})).status, 401);
    });

    it('applies review steps to the pending review, shows them as a diff, leaves the live library alone until published', async () => {
      const before = await review(service);
      const changed = await change(service, {
        etag: before.body.etag,
        actions: [
          { kind: 'rename', id: 'order-status', name: 'Track an order' },
          { kind: 'move', id: 'cancel-order', groupId: 'returns' },
          { kind: 'edit-attribute', attribute: { intentId: 'order-status', name: 'orderNumber' }, changes: { label: 'Order no.', question: 'What is your order number?', required: false, pattern: '^BL-\\d{7}$' } },
          { kind: 'discard-attributes', attributes: [{ intentId: 'order-status', name: 'email' }] },
        ],
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body.error));
      assert.notEqual(changed.body.etag, before.body.etag);
      const order = changed.body.changes.find((c) => c.id === 'order-status');
      assert.ok(order);
      assert.ok(order.details.includes('name "Order status" → "Track an order"'), order.details.join('\n'));
      assert.ok(order.details.includes('attribute orderNumber: label "Order number" → "Order no."'), order.details.join('\n'));
      assert.ok(order.details.includes('attribute email: approved → discarded'), order.details.join('\n'));
      assert.ok(changed.body.changes.some((c) => c.id === 'cancel-order' && c.details.some((d) => d.startsWith('group '))));
      const live = await service.app.libraries.get(libraryId);
      assert.equal(live?.value.intents.find((i) => i.id === 'order-status')?.name, 'Order status', 'the live library is unchanged before publishing');

      const published = await call(service.origin, 'POST', '/api/library/publish', { etag: changed.body.etag, liveEtag: changed.body.liveEtag });
      assert.equal(published.status, 200, JSON.stringify(published.body.error));
      const after = await service.app.libraries.get(libraryId);
      const intent = after?.value.intents.find((i) => i.id === 'order-status');
      assert.equal(intent?.name, 'Track an order');
      assert.deepEqual(
        intent?.attributes.find((a) => a.name === 'orderNumber'),
        { ...live!.value.intents.find((i) => i.id === 'order-status')!.attributes.find((a) => a.name === 'orderNumber'), label: 'Order no.', question: 'What is your order number?', required: false, pattern: '^BL-\\d{7}$' },
      );
      assert.equal(after?.value.intents.find((i) => i.id === 'cancel-order')?.groupId, 'returns');
      assert.deepEqual((await review(service)).body.changes, [], 'nothing is pending after publishing');
    });

    it('tells the second of two managers editing at once that the review changed, and keeps the first one\'s change', async () => {
      const read = await review(service);
      const first = await change(service, { etag: read.body.etag, actions: [{ kind: 'rename', id: 'missing-item', name: 'Item missing from my box' }] });
      assert.equal(first.status, 200);
      const second = await change(service, { etag: read.body.etag, actions: [{ kind: 'rename', id: 'missing-item', name: 'Something else' }] });
      assert.equal(second.status, 409);
      assert.equal(second.body.error?.code, 'Conflict');
      assert.match(second.body.error?.message ?? '', /someone else changed the review since you read it; nothing was changed/);
      const now = await review(service);
      assert.equal(now.body.intents.find((i) => i.id === 'missing-item')?.name, 'Item missing from my box');
      // Publishing a diff the manager has not seen is refused the same way.
      const stale = await call(service.origin, 'POST', '/api/library/publish', { etag: read.body.etag, liveEtag: read.body.liveEtag });
      assert.equal(stale.status, 409);
      const dropped = await call(service.origin, 'POST', '/api/library/discard', { etag: now.body.etag });
      assert.equal(dropped.status, 200);
      assert.deepEqual((await review(service)).body.changes, []);
    });

    it('names what is wrong in a bad change and writes nothing', async () => {
      const read = await review(service);
      const cases: Array<[unknown, RegExp]> = [
        [{ etag: read.body.etag, actions: [{ kind: 'rename', id: 'no-such-intent', name: 'x' }] }, /rename: no intent with id "no-such-intent"/],
        [{ etag: read.body.etag, actions: [{ kind: 'rename', id: 'order-status', name: '  ' }] }, /actions\[0\]\.name: must not be empty/],
        [{ etag: read.body.etag, actions: [{ kind: 'edit-attribute', attribute: { intentId: 'order-status', name: 'orderNumber' }, changes: { pattern: '([' } }] }, /edit-attribute order-status\.orderNumber: pattern: is not a valid regular expression/],
        [{ etag: read.body.etag, actions: [{ kind: 'edit-attribute', attribute: { intentId: 'order-status', name: 'orderNumber' }, changes: { type: 'enum' } }] }, /values: an enum attribute needs at least one value/],
        [{ etag: read.body.etag, actions: [{ kind: 'move', id: 'order-status', groupId: 'nowhere' }] }, /move: no group with id "nowhere"/],
        [{ etag: read.body.etag, actions: [{ kind: 'shout' }] }, /actions\[0\]\.kind/],
        [{ actions: [{ kind: 'approve', ids: ['order-status'] }] }, /etag/],
      ];
      for (const [body, message] of cases) {
        const result = await change(service, body);
        assert.equal(result.status, 400, JSON.stringify(body));
        assert.equal(result.body.error?.code, 'BadArgument');
        assert.match(result.body.error?.message ?? '', message);
      }
      assert.equal((await review(service)).body.etag, read.body.etag, 'no refused change wrote anything');
    });

    it('warns of intents the classifier confuses (cross-validation on the examples) and of intents with too few examples', async () => {
      const quality = (await call(service.origin, 'GET', '/api/library/quality')).body as unknown as {
        overlaps: Array<{ intent: string; confusedWith: string; share: number }>;
        fewExamples: Array<{ intent: string; examples: number }>;
        checked: number;
        minExamples: number;
      };
      assert.ok(quality.checked > 200, `checked ${quality.checked}`);
      assert.ok(
        quality.overlaps.some((o) => o.intent === 'ship-to-canada' && o.confusedWith === 'order-status' && o.share >= 0.5),
        JSON.stringify(quality.overlaps),
      );
      assert.deepEqual(quality.fewExamples, [{ intent: 'pay-visit', examples: 2 }]);
      assert.equal(quality.minExamples, 5);
    });
  });

  describe('with Entra ID tokens', () => {
    let identity: LocalIdentity;
    let service: RunningService;
    let libraryId: string;

    before(async () => {
      identity = await LocalIdentity.start();
      libraryId = reviewLibraryId('entra');
      service = await startAssistService({
        LIBRARY_ID: libraryId,
        ASSIST_ENTRA_ISSUER: issuerFor(TENANT_ID),
        ASSIST_ENTRA_AUDIENCE: AUDIENCE,
        ASSIST_ENTRA_JWKS_URL: identity.metadataUrl.replace('/.well-known/openid-configuration', '/keys'),
      });
      await seedReviewLibrary(service, libraryId);
    });
    after(async () => {
      await service?.close();
      await identity?.close();
    });

    it('lets a signed-in reader read but not change; the IntentManager role may change', async () => {
      const reader = { authorization: `Bearer ${await identity.sign({ aud: AUDIENCE, appid: 'reader', roles: ['Reader'] })}` };
      const managerToken = { authorization: `Bearer ${await identity.sign({ aud: AUDIENCE, appid: 'manager', roles: ['IntentManager'] })}` };
      const read = await review(service, reader);
      assert.equal(read.status, 200);
      assert.equal(read.body.canChange, false);
      assert.equal(read.body.managerRole, 'IntentManager');
      const steps = { etag: read.body.etag, actions: [{ kind: 'approve', ids: ['order-status'] }] };
      for (const route of ['/api/library/changes', '/api/library/publish', '/api/library/discard']) {
        const refused = await call(service.origin, 'POST', route, steps, reader);
        assert.equal(refused.status, 403, route);
        assert.equal(refused.body.error?.code, 'Forbidden');
        assert.match(refused.body.error?.message ?? '', /needs the "IntentManager" app role/);
      }
      assert.equal((await review(service, reader)).body.etag, read.body.etag, 'a refused change wrote nothing');
      assert.equal((await review(service, {})).status, 401);
      assert.equal((await review(service, managerToken)).body.canChange, true);
      const renamed = await change(service, { etag: read.body.etag, actions: [{ kind: 'rename', id: 'order-status', name: 'Where is my order' }] }, managerToken);
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body.error));
    });
  });
});
