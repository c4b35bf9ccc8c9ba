import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import sinon from 'sinon';
import { API_KEY, call } from '../assist/helpers.js';
import { RecordingChannel } from './helpers/channel.js';
import { LocalIdentity, TENANT_ID } from './helpers/local-identity.js';
import { postActivity, singleTenantBot, startService, type RunningService } from './helpers/service.js';

const BOT_APP_ID = '5b0e7c1d-2f3a-4b6c-8d9e-0a1b2c3d4e5f';
const CUSTOMER = { id: '29:1customer-aad-id', name: 'Dana Customer', aadObjectId: '6f1e2d3c-4b5a-4968-8776-554433221100' };
const BOT = { id: `28:${BOT_APP_ID}`, name: 'Brightline support' };

/**
 * A customer talking to the bot directly on a channel (Teams-shaped activities), the channel's connector a local
 * server that records what the bot posts, and a representative on the assist API: the hand-off, the representative's
 * replies delivered by Bot Framework proactive messaging, the bot keeping quiet meanwhile, and the hand back.
 */
function directConversation(service: () => RunningService, channel: () => RecordingChannel, authorize: (serviceUrl: string) => Promise<Record<string, string>>) {
  const conversationId = `a:1${randomUUID()}`;
  let sequence = 0;
  return {
    conversationId,
    /** The customer's message, as the channel posts it; resolves once the bot's turn is over (its replies are posted by then). */
    async says(text: string): Promise<void> {
      sequence += 1;
      const activity = {
        type: 'message',
        id: `${conversationId}-m${sequence}`,
        text,
        channelId: 'msteams',
        serviceUrl: channel().serviceUrl,
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
        from: CUSTOMER,
        recipient: BOT,
        locale: 'en-US',
      };
      const result = await postActivity(service().origin, activity, await authorize(channel().serviceUrl));
      assert.equal(result.status, 200, JSON.stringify(result.body));
    },
    /** What the customer has seen from the bot: the text of each activity, or its cards. */
    seen(): string[] {
      return channel()
        .to(conversationId)
        .map(({ activity }) => activity.text ?? JSON.stringify(activity.attachments ?? []));
    },
    api(method: string, action: string, body?: unknown) {
      return call(service().origin, method, `/api/conversations/${encodeURIComponent(conversationId)}${action}`, body);
    },
  };
}

describe('a representative replying to a customer of a direct conversation, delivered by Bot Framework', function () {
  this.timeout(60_000);

  describe('with authentication on', () => {
    let identity: LocalIdentity;
    let channel: RecordingChannel;
    let service: RunningService;
    let consoleError: sinon.SinonStub;

    before(async () => {
      // botbuilder prints refused tokens to console.error; none is expected, but keep the output readable if one is.
      consoleError = sinon.stub(console, 'error');
      identity = await LocalIdentity.start();
      channel = await RecordingChannel.start();
      service = await startService(
        { ...singleTenantBot(identity, BOT_APP_ID), ASSIST_API_KEY: API_KEY },
        { bot: { credentialsFactory: identity.credentialsFor(BOT_APP_ID) } },
      );
    });

    after(async () => {
      consoleError.restore();
      await service?.close();
      await channel?.close();
      await identity?.close();
    });

    /** A channel's token, as Azure Bot Service signs it: issued by the Bot Framework, for this bot, naming the service URL. */
    const channelToken = async (serviceUrl: string) => ({
      authorization: `Bearer ${await identity.sign({ aud: BOT_APP_ID, appid: BOT_APP_ID, iss: 'https://api.botframework.com', serviceUrl })}`,
    });
    const open = () => directConversation(() => service, () => channel, channelToken);

    it("delivers the representative's reply into the customer's chat, as the bot, signed with the bot's identity", async () => {
      const customer = open();
      await customer.says('my tv shows error code E42');
      await customer.says('Talk to a person');
      assert.match(customer.seen().at(-1) ?? '', /passing you to a colleague/);
      assert.doesNotMatch(customer.seen().at(-1) ?? '', /Intent:|Known:|errorCode/, 'the summary is for the representative, not the customer');
      const stored = await service.app.conversations.get(customer.conversationId);
      assert.deepEqual(stored?.conversationReference?.conversation, { id: customer.conversationId, conversationType: 'personal', tenantId: TENANT_ID });

      const reply = await customer.api('POST', '/replies', { id: 'rep-1', text: "Hi Dana, I'm Sam. Is the TV plugged in directly?" });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.delivery, { status: 'delivered' });

      const delivered = channel.to(customer.conversationId).at(-1);
      assert.ok(delivered);
      assert.equal(delivered.replyToId, undefined, 'a message of its own, not an answer to an activity');
      assert.equal(delivered.activity.type, 'message');
      assert.equal(delivered.activity.text, "Hi Dana, I'm Sam. Is the TV plugged in directly?");
      assert.deepEqual([delivered.activity.from?.id, delivered.activity.recipient?.id], [BOT.id, CUSTOMER.id]);
      assert.equal(delivered.activity.conversation?.tenantId, TENANT_ID);
      const token = /^Bearer (.+)$/.exec(delivered.authorization ?? '')?.[1];
      assert.ok(token, 'the proactive message carries a token');
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(identity.keysUrl)), { audience: 'https://api.botframework.com' });
      assert.equal(payload.appid, BOT_APP_ID);

      const shown = reply.body.view?.turns.at(-1);
      assert.deepEqual([shown?.role, shown?.messageId, shown?.delivery], ['agent', 'rep-1', { status: 'delivered' }]);
      assert.equal(shown?.text, "Hi [NAME], I'm [NAME]. Is the TV plugged in directly?", 'stored masked like every turn; delivered as written');
    });

    it('keeps the bot quiet while a representative has the conversation, with one note the first time, and answers again once handed back', async () => {
      const customer = open();
      await customer.says("my order hasn't arrived");
      await customer.says('I want to talk to a person');
      const afterHandoff = customer.seen().length;

      await customer.says('hello? is anyone there?');
      assert.deepEqual(customer.seen().slice(afterHandoff), ['A colleague will reply here shortly.']);
      await customer.says('my order number is BL-4471220');
      assert.equal(customer.seen().length, afterHandoff + 1, 'no answer from the bot to the second message');
      const view = await customer.api('GET', '');
      assert.deepEqual(
        view.body.view?.turns.slice(-2).map((turn) => [turn.role, turn.text]),
        [
          ['customer', 'hello? is anyone there?'],
          ['customer', 'my order number is BL-4471220'],
        ],
        "the customer's messages still reach the representative's view",
      );

      const platform = await customer.api('POST', '/messages', { id: 'platform-1', role: 'representative', text: 'Typed in the contact-center platform' });
      assert.equal(platform.status, 201);
      assert.equal(customer.seen().length, afterHandoff + 1, 'a message the platform streams in was delivered by the platform: never sent again');

      const back = await customer.api('POST', '/hand-back', {});
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.deepEqual([back.body.view?.phase, back.body.view?.escalated], ['self-service', false]);
      await customer.says("it's still not here, can you check?");
      assert.equal(customer.seen().length, afterHandoff + 2, 'the bot answers again');
      assert.match(customer.seen().at(-1) ?? '', /order/i);
    });

    it('says honestly when the channel does not take a reply, and does not deliver a retried reply twice', async () => {
      const customer = open();
      await customer.says('Talk to a person');
      channel.refuse(customer.conversationId, 403);
      const refused = await customer.api('POST', '/replies', { id: 'rep-1', text: 'Are you still there?' });
      assert.equal(refused.status, 201);
      const delivery = refused.body.delivery;
      assert.equal(delivery?.status, 'failed');
      assert.match(delivery?.reason ?? '', /HTTP 403/);
      const turn = (await service.app.conversations.get(customer.conversationId))?.turns.at(-1);
      assert.deepEqual([turn?.messageId, turn?.delivery?.status], ['rep-1', 'failed']);

      const again = await customer.api('POST', '/replies', { id: 'rep-1', text: 'Are you still there?' });
      assert.equal(again.status, 200);
      assert.equal(again.body.duplicate, true);
      assert.equal(again.body.delivery?.status, 'failed', 'what was recorded then');
      assert.equal((await service.app.conversations.get(customer.conversationId))?.turns.filter((stored) => stored.messageId === 'rep-1').length, 1);
    });

    it('refuses with 409 to reply to or hand back a conversation whose customer it cannot reach', async () => {
      const id = `platform-${randomUUID()}`;
      await call(service.origin, 'POST', `/api/conversations/${id}/messages`, { id: 'c1', role: 'customer', text: 'where is my order?' });
      const reply = await call(service.origin, 'POST', `/api/conversations/${id}/replies`, { id: 'rep-1', text: 'Hello' });
      assert.equal(reply.status, 409);
      assert.deepEqual(Object.keys(reply.body), ['error']);
      assert.equal(reply.body.error?.code, 'Unreachable');
      assert.match(reply.body.error?.message ?? '', /cannot reach the customer/);
      const back = await call(service.origin, 'POST', `/api/conversations/${id}/hand-back`, {});
      assert.deepEqual([back.status, back.body.error?.code], [409, 'Unreachable']);
      assert.equal((await service.app.conversations.get(id))?.turnCount, 1, 'nothing was recorded');
      const unknown = await call(service.origin, 'POST', '/api/conversations/never-seen/replies', { id: 'rep-1', text: 'Hello' });
      assert.deepEqual([unknown.status, unknown.body.error?.code], [404, 'NotFound']);
    });
  });

  describe('with authentication off', () => {
    let channel: RecordingChannel;
    let service: RunningService;

    before(async () => {
      channel = await RecordingChannel.start();
      service = await startService({ ASSIST_API_KEY: API_KEY });
    });

    after(async () => {
      await service?.close();
      await channel?.close();
    });

    it('delivers the reply anonymously, as the bot', async () => {
      const customer = directConversation(() => service, () => channel, async () => ({}));
      await customer.says('Talk to a person');
      const reply = await customer.api('POST', '/replies', { id: 'rep-1', text: 'Hello from a person' });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      const delivered = channel.to(customer.conversationId).at(-1);
      assert.equal(delivered?.activity.text, 'Hello from a person');
      assert.equal(delivered?.authorization, undefined);
      assert.equal(delivered?.activity.from?.id, BOT.id);
    });
  });
});
