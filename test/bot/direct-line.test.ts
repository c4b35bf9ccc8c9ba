import assert from 'node:assert/strict';
import { call as callAssist } from '../assist/helpers.js';
import { startService, type RunningService } from './helpers/service.js';

interface DirectLineActivity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  attachments?: Array<{ contentType: string; content: unknown }>;
  suggestedActions?: { actions: Array<{ value: string }> };
  channelData?: { clientActivityID?: string };
}

describe('the local Direct Line endpoint behind /chat', () => {
  let service: RunningService;
  let base: string;

  before(async () => {
    service = await startService();
    base = `${service.origin}/v3/directline`;
  });

  after(async () => {
    await service.close();
  });

  async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function openConversation(): Promise<{ token: string; conversationId: string }> {
    const issued = await call('POST', '/tokens/generate', undefined);
    const token = String(issued.body.token);
    const started = await call('POST', '/conversations', token, { user: { id: 'dl_customer' } });
    assert.equal(started.status, 201);
    return { token, conversationId: String(started.body.conversationId) };
  }

  it('greets a new conversation, then answers a message with the follow-up question', async () => {
    const { token, conversationId } = await openConversation();
    const greeting = await call('GET', `/conversations/${conversationId}/activities?watermark=0`, token);
    const first = greeting.body.activities as DirectLineActivity[];
    assert.match(first[0]?.text ?? '', /^Hi! This is Brightline Electronics support/);

    const posted = await call('POST', `/conversations/${conversationId}/activities`, token, {
      type: 'message',
      text: 'where is my order?',
      from: { id: 'dl_customer' },
      channelData: { clientActivityID: 'client-1' },
    });
    assert.equal(posted.status, 200);
    const after = await call('GET', `/conversations/${conversationId}/activities?watermark=${String(greeting.body.watermark)}`, token);
    const [echo, reply] = after.body.activities as DirectLineActivity[];
    assert.equal(echo?.id, posted.body.id);
    assert.equal(echo?.channelData?.clientActivityID, 'client-1');
    assert.equal(echo?.from.role, 'user');
    assert.equal(reply?.from.role, 'bot');
    assert.match(JSON.stringify(reply?.attachments), /order number/i);
  });

  async function send(conversation: { token: string; conversationId: string }, activity: Record<string, unknown>): Promise<DirectLineActivity[]> {
    const before = await call('GET', `/conversations/${conversation.conversationId}/activities?watermark=0`, conversation.token);
    await call('POST', `/conversations/${conversation.conversationId}/activities`, conversation.token, { type: 'message', from: { id: 'dl_customer' }, ...activity });
    const after = await call('GET', `/conversations/${conversation.conversationId}/activities?watermark=${String(before.body.watermark)}`, conversation.token);
    return (after.body.activities as DirectLineActivity[]).filter((reply) => reply.from.role === 'bot');
  }

  it("takes a card button's choice, posted without text, as the customer's answer", async () => {
    const conversation = await openConversation();
    await send(conversation, { text: "my new device won't turn on" });
    const [reply] = await send(conversation, { value: { choice: 'tv' } });
    assert.match(JSON.stringify(reply?.attachments), /Here is what should help/);
    const stored = await service.app.conversations.get(conversation.conversationId);
    assert.equal(stored?.attributes.deviceType?.value, 'tv');
  });

  it('hands off to a person on request, telling the customer in plain words and passing what is known to the representative', async () => {
    const conversation = await openConversation();
    await send(conversation, { text: 'my tv shows error code E42' });
    const [reply] = await send(conversation, { text: 'Talk to a person' });
    const card = JSON.stringify(reply?.attachments);
    assert.match(card, /passing you to a colleague/);
    assert.doesNotMatch(card, /errorCode|Intent:|Known:/, 'no internal data for the customer');
    const stored = await service.app.conversations.get(conversation.conversationId);
    assert.equal(stored?.escalated, true);
    assert.equal(stored?.attributes.errorCode?.value, 'E42');
    assert.equal(stored?.handoff?.reason, 'the customer asked for a person');
  });

  it("delivers a representative's reply into the conversation, where polling picks it up, and says so once that conversation is gone", async () => {
    const conversation = await openConversation();
    await send(conversation, { text: 'Talk to a person' });
    const before = await call('GET', `/conversations/${conversation.conversationId}/activities?watermark=0`, conversation.token);
    const replies = `/api/conversations/${conversation.conversationId}/replies`;
    const reply = await callAssist(service.origin, 'POST', replies, { id: 'rep-1', text: 'Hi, this is Sam from support.' });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const after = await call('GET', `/conversations/${conversation.conversationId}/activities?watermark=${String(before.body.watermark)}`, conversation.token);
    const [delivered, ...rest] = after.body.activities as DirectLineActivity[];
    assert.deepEqual([delivered?.type, delivered?.text, delivered?.from.role, rest.length], ['message', 'Hi, this is Sam from support.', 'bot', 0]);

    // Another process (or this one restarted) holds no such Web Chat conversation: the customer cannot be reached there.
    const restarted = await startService();
    try {
      const lost = await callAssist(restarted.origin, 'POST', replies, { id: 'rep-2', text: 'Are you still there?' });
      assert.equal(lost.status, 201);
      assert.equal(lost.body.delivery?.status, 'failed');
      assert.match(lost.body.delivery?.reason ?? '', /Web Chat conversation is closed/);
    } finally {
      await restarted.close();
    }
  });

  it('refuses an unknown token and a token for another conversation with 403', async () => {
    const mine = await openConversation();
    const theirs = await openConversation();
    assert.equal((await call('GET', `/conversations/${mine.conversationId}/activities`, 'forged')).status, 403);
    assert.equal((await call('GET', `/conversations/${mine.conversationId}/activities`, theirs.token)).status, 403);
    assert.equal((await call('POST', `/conversations/${mine.conversationId}/activities`, undefined, { type: 'message', text: 'hi', from: { id: 'x' } })).status, 403);
  });

  it('answers a malformed activity with 400 naming the field', async () => {
    const { token, conversationId } = await openConversation();
    const result = await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'hi' });
    assert.equal(result.status, 400);
    assert.match(JSON.stringify(result.body), /activity\.from/);
  });

  it('serves the page and the Web Chat bundle from this service, not a CDN', async () => {
    const page = await fetch(`${service.origin}/chat`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<script src="\/chat\/webchat\.js"><\/script>/);
    assert.doesNotMatch(html, /https?:\/\//);
    const bundle = await fetch(`${service.origin}/chat/webchat.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.ok(Number((await bundle.arrayBuffer()).byteLength) > 100_000);
  });
});
