import assert from 'node:assert/strict';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { skillActions } from '../../src/actions/index.js';
import { BODY_LIMITS } from '../../src/server/body-limits.js';
import { startService, type RunningService } from '../bot/helpers/service.js';
import { assertError, request } from '../server/http.js';
import { callTool, connectMcp, MCP_KEY, postRpc, textOf, type Connected } from './client.js';

const ALLOWED_ORIGIN = 'https://studio.example.com';

let counter = 0;
function newConversationId(prefix: string): string {
  counter += 1;
  return `mcp-test-${prefix}-${process.pid}-${counter}`;
}

describe('MCP tools at /mcp, through the official SDK client', function () {
  this.timeout(60_000);
  let service: RunningService;
  let mcp: Connected;

  before(async () => {
    service = await startService({ MCP_API_KEY: MCP_KEY, MCP_ALLOWED_ORIGINS: ALLOWED_ORIGIN });
    mcp = await connectMcp(service.origin);
  });

  after(async () => {
    await mcp?.close();
    await service?.close();
  });

  describe('the protocol', () => {
    it('negotiates 2025-11-25 with the SDK client, statelessly: no session id', () => {
      assert.equal(mcp.client.getServerVersion()?.name, 'intent-skill');
      assert.equal(mcp.transport.protocolVersion, '2025-11-25');
      assert.equal(mcp.transport.sessionId, undefined);
      assert.match(mcp.client.getInstructions() ?? '', /call Assist once per customer message with the same conversationId/);
    });

    it('negotiates 2025-06-18 with a host that asks for it, and serves its calls without a session', async () => {
      const init = await postRpc(service.origin, {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'older-host', version: '1' } },
      });
      assert.equal(init.status, 200);
      assert.equal(init.headers.get('mcp-session-id'), null);
      assert.equal((init.body as { result: { protocolVersion: string } }).result.protocolVersion, '2025-06-18');
      const listed = await postRpc(service.origin, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { 'mcp-protocol-version': '2025-06-18' });
      assert.equal(listed.status, 200);
      assert.equal((listed.body as { result: { tools: unknown[] } }).result.tools.length, skillActions.length);
    });

    it('answers a version it does not know with the latest it speaks', async () => {
      const init = await postRpc(service.origin, {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2099-01-01', capabilities: {}, clientInfo: { name: 'future-host', version: '1' } },
      });
      assert.equal((init.body as { result: { protocolVersion: string } }).result.protocolVersion, '2025-11-25');
    });

    it('answers GET and DELETE with 405 and the one error body: no event stream, no session to end', async () => {
      for (const method of ['GET', 'DELETE']) {
        const answer = await request(service.origin, method, '/mcp', { headers: { authorization: `Bearer ${MCP_KEY}`, accept: 'text/event-stream' } });
        assertError(answer, 405, 'MethodNotAllowed', new RegExp(`^${method} is not allowed on /mcp; allowed: POST$`));
        assert.equal(answer.headers.get('allow'), 'POST');
      }
    });

    it('answers an unknown method and a message that is not JSON-RPC with JSON-RPC errors', async () => {
      const unknown = await postRpc(service.origin, { jsonrpc: '2.0', id: 7, method: 'resources/list' });
      assert.deepEqual((unknown.body as { id: number; error: { code: number } }).error.code, -32601);
      assert.equal((unknown.body as { id: number }).id, 7);
      const notRpc = await postRpc(service.origin, { text: 'hello' });
      assert.equal(notRpc.status, 400);
      assert.equal((notRpc.body as { error: { code: number } }).error.code, -32700);
    });

    it('keeps the rules of a Streamable HTTP POST: both media types accepted, known versions, 202 for notifications, batches', async () => {
      const list = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
      const notAcceptable = await postRpc(service.origin, list, { accept: 'application/json' });
      assert.equal(notAcceptable.status, 406);
      assert.match((notAcceptable.body as { error: { message: string } }).error.message, /must accept both application\/json and text\/event-stream/);
      const unknownVersion = await postRpc(service.origin, list, { 'mcp-protocol-version': '2099-01-01' });
      assert.equal(unknownVersion.status, 400);
      assert.match((unknownVersion.body as { error: { message: string } }).error.message, /Unsupported protocol version: 2099-01-01 \(supported versions: 2025-11-25, 2025-06-18/);
      const notification = await postRpc(service.origin, { jsonrpc: '2.0', method: 'notifications/initialized' });
      assert.equal(notification.status, 202);
      assert.equal(notification.body, undefined);
      const batch = await postRpc(service.origin, [list, { jsonrpc: '2.0', id: 2, method: 'ping' }]);
      assert.equal(batch.status, 200);
      assert.deepEqual(
        (batch.body as Array<{ id: number }>).map((response) => response.id),
        [1, 2],
      );
      const init = { jsonrpc: '2.0', id: 3, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } };
      const twoInits = await postRpc(service.origin, [init, { ...init, id: 4 }]);
      assert.equal(twoInits.status, 400);
      assert.equal((twoInits.body as { error: { code: number } }).error.code, -32600);
      const tooMany = await postRpc(service.origin, Array.from({ length: 101 }, (_, id) => ({ jsonrpc: '2.0', id, method: 'ping' })));
      assert.equal(tooMany.status, 400);
      assert.match((tooMany.body as { error: { message: string } }).error.message, /Batch must not exceed 100 messages/);
    });

    it('refuses a 1 MB body with 413 and the one error body, naming the limit', async () => {
      const huge = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'Assist', arguments: { text: 'x'.repeat(1024 * 1024) } } });
      const answer = await request(service.origin, 'POST', '/mcp', {
        body: huge,
        headers: { authorization: `Bearer ${MCP_KEY}`, accept: 'application/json, text/event-stream' },
      });
      assertError(answer, 413, 'PayloadTooLarge', new RegExp(`this route takes at most ${BODY_LIMITS.mcp} \\(64 KiB\\)$`));
    });

    it('refuses a browser page from an origin not on MCP_ALLOWED_ORIGINS (DNS rebinding), and takes one that is', async () => {
      const list = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
      const refused = await postRpc(service.origin, list, { origin: 'http://attacker.example' });
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body, {
        error: { code: 'Forbidden', message: 'Origin "http://attacker.example" may not call /mcp: add it to MCP_ALLOWED_ORIGINS to let pages from it in' },
      });
      assert.equal((await postRpc(service.origin, list, { origin: ALLOWED_ORIGIN })).status, 200);
    });
  });

  describe('the tools, generated from the action catalogue', () => {
    it('lists one tool per action, with its description, input and output schemas and annotations', async () => {
      const { tools } = await mcp.client.listTools();
      assert.deepEqual(
        tools.map((tool) => tool.name),
        skillActions.map((action) => action.name),
      );
      for (const action of skillActions) {
        const tool = tools.find((candidate) => candidate.name === action.name)!;
        assert.equal(tool.description, action.description);
        assert.ok(tool.title && tool.annotations?.title, `${tool.name} has a title`);
        assert.deepEqual(Object.keys(tool.inputSchema.properties ?? {}), Object.keys(action.input.shape), `${tool.name}: inputs`);
        assert.deepEqual(Object.keys(tool.outputSchema?.properties ?? {}), Object.keys(action.output.shape), `${tool.name}: outputs`);
        assert.equal(tool.annotations?.readOnlyHint, action.readOnly, `${tool.name}: readOnlyHint`);
        if (!action.readOnly) assert.equal(tool.annotations?.destructiveHint, false, `${tool.name} adds to a conversation, destroys nothing`);
        for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
          assert.ok((schema as { description?: string }).description, `${tool.name}.${field} is described`);
        }
      }
      const readOnly = tools.filter((tool) => tool.annotations?.readOnlyHint).map((tool) => tool.name);
      assert.deepEqual(readOnly, ['DetectIntent', 'GetNextQuestions', 'SearchSolutions', 'ListIntents']);
      const detect = tools.find((tool) => tool.name === 'DetectIntent')!;
      assert.deepEqual(detect.inputSchema.required, ['text']);
    });

    it('DetectIntent names the intent, as structured content and as readable text, and stores nothing', async () => {
      const conversationId = newConversationId('detect');
      const result = await callTool(mcp.client, 'DetectIntent', { text: 'my tv shows error code E42 and will not start', conversationId });
      assert.equal(result.isError, undefined);
      assert.equal(result.outputs.status, 'intent');
      assert.equal(result.outputs.intentId, 'device-error-code');
      assert.equal(result.outputs.intentGroupName, 'Device support');
      assert.ok(Array.isArray(JSON.parse(String(result.outputs.candidatesJson))));
      assert.match(textOf(result), /^status: intent\nintentId: device-error-code\nintentName: Device error code\n/);
      assert.equal(await service.app.conversations.get(conversationId), null);
    });

    it('GetNextQuestions lists the questions left, leaving out what the caller knows', async () => {
      const result = await callTool(mcp.client, 'GetNextQuestions', { intentId: 'device-error-code', knownAttributesJson: '{"deviceType": "tv"}' });
      assert.equal(result.outputs.status, 'need-info');
      assert.equal(result.outputs.question1Attribute, 'errorCode');
      const attributes = (JSON.parse(String(result.outputs.questionsJson)) as Array<{ attribute: string }>).map((question) => question.attribute);
      assert.ok(!attributes.includes('deviceType'));
    });

    it('SearchSolutions returns the articles found for a query', async () => {
      const result = await callTool(mcp.client, 'SearchSolutions', { query: 'TV error E42', top: 5 });
      assert.ok(Number(result.outputs.solutionCount) >= 1);
      assert.match(String(result.outputs.solution1Title), /E42/);
      assert.equal((JSON.parse(String(result.outputs.solutionsJson)) as unknown[]).length, result.outputs.solutionCount);
    });

    it("ListIntents shows the live library's intents with their attributes, and of one group", async () => {
      const all = await callTool(mcp.client, 'ListIntents', {});
      assert.equal(all.outputs.libraryId, 'demo');
      const intents = JSON.parse(String(all.outputs.intentsJson)) as Array<{ id: string; groupId: string; attributes: Array<{ name: string; required: boolean; question: string }> }>;
      assert.equal(intents.length, all.outputs.intentCount);
      const orderStatus = intents.find((intent) => intent.id === 'order-status');
      const orderNumber = orderStatus?.attributes.find((attribute) => attribute.name === 'orderNumber');
      assert.equal(orderNumber?.required, true);
      assert.ok(orderNumber?.question);
      const groups = JSON.parse(String(all.outputs.groupsJson)) as Array<{ id: string }>;
      const group = orderStatus!.groupId;
      assert.ok(groups.some((candidate) => candidate.id === group));
      const some = await callTool(mcp.client, 'ListIntents', { groupId: group });
      const listed = JSON.parse(String(some.outputs.intentsJson)) as Array<{ groupId: string }>;
      assert.ok(listed.length > 0 && listed.length < intents.length && listed.every((intent) => intent.groupId === group));
    });

    it('Assist carries a conversation over several turns by conversationId, through the engine', async () => {
      const conversationId = newConversationId('assist');
      const first = await callTool(mcp.client, 'Assist', { text: 'I want to know where my order is', conversationId });
      assert.equal(first.outputs.intentId, 'order-status');
      assert.equal(first.outputs.status, 'need-info');
      assert.equal(first.outputs.nextQuestionAttribute, 'orderNumber');
      assert.equal(first.outputs.conversationId, conversationId);
      assert.match(textOf(first), /^replyText: .+/);
      // Another connection, as another instance of the host would open: the state is in the store, not the connection.
      const other = await connectMcp(service.origin);
      try {
        const second = await callTool(other.client, 'Assist', { text: "It's BL-4471220", conversationId });
        assert.equal(second.outputs.status, 'ready');
        assert.deepEqual(JSON.parse(String(second.outputs.attributesJson)), { orderNumber: 'BL-4471220' });
        assert.ok(Number(second.outputs.solutionCount) > 0);
      } finally {
        await other.close();
      }
      const third = await callTool(mcp.client, 'Assist', { text: "thanks, that's all, bye", conversationId });
      assert.equal(third.outputs.status, 'ended');
      const stored = await service.app.conversations.get(conversationId);
      assert.equal(stored?.turnCount, 3);
      assert.equal(stored?.channel, 'mcp');
      assert.deepEqual(
        stored?.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text),
        ['I want to know where my order is', "It's BL-4471220", "thanks, that's all, bye"],
      );
    });

    it('Assist without a conversationId starts a conversation and returns its id for the next call', async () => {
      const first = await callTool(mcp.client, 'Assist', { text: 'where is my order?' });
      const conversationId = String(first.outputs.conversationId);
      assert.match(conversationId, /^mcp-[0-9a-f-]{36}$/);
      const second = await callTool(mcp.client, 'Assist', { text: 'BL-4471220', conversationId });
      assert.deepEqual(JSON.parse(String(second.outputs.attributesJson)), { orderNumber: 'BL-4471220' });
    });

    it('Handoff marks the conversation escalated and returns what was gathered', async () => {
      const conversationId = newConversationId('handoff');
      await callTool(mcp.client, 'Assist', { text: 'my tv shows error code E42', conversationId });
      const result = await callTool(mcp.client, 'Handoff', { conversationId, reason: 'customer asked for a person' });
      assert.equal(result.outputs.escalated, true);
      assert.match(String(result.outputs.summary), /customer asked for a person/);
      assert.deepEqual(
        [result.outputs.intentId, result.outputs.groupId, result.outputs.lineOfBusinessId, result.outputs.routingQueue, result.outputs.routingSkills, result.outputs.routingPriority],
        ['device-error-code', 'tech-support', 'devices', 'device-support', 'troubleshooting,devices', 5],
      );
      assert.equal((await service.app.conversations.get(conversationId))?.escalated, true);
    });

    it('concurrent calls on one conversation lose nothing', async () => {
      const conversationId = newConversationId('concurrent');
      const others = await Promise.all([connectMcp(service.origin), connectMcp(service.origin)]);
      try {
        const clients = [mcp, ...others];
        const texts = Array.from({ length: 9 }, (_, index) => `my order has not arrived, message ${index + 1}`);
        const results = await Promise.all(texts.map((text, index) => callTool(clients[index % clients.length]!.client, 'Assist', { text, conversationId })));
        assert.ok(results.every((result) => result.isError === undefined));
        const stored = await service.app.conversations.get(conversationId);
        assert.equal(stored?.turnCount, texts.length);
        const seen = stored?.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text);
        assert.deepEqual([...(seen ?? [])].sort(), [...texts].sort());
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
    });
  });

  describe('tool failures are results with isError, naming the problem', () => {
    it('a missing text', async () => {
      const result = await callTool(mcp.client, 'Assist', {});
      assert.equal(result.isError, true);
      assert.equal(textOf(result), 'Assist: text: is required (string)');
    });

    it('a value too long, and nothing stored', async () => {
      const conversationId = newConversationId('too-long');
      const result = await callTool(mcp.client, 'Assist', { text: 'x'.repeat(4001), conversationId });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /^Assist: text: .*4000/);
      assert.equal(await service.app.conversations.get(conversationId), null);
    });

    it('an unknown intent, and a conversation with none detected yet', async () => {
      const unknownIntent = await callTool(mcp.client, 'GetNextQuestions', { intentId: 'no-such-intent' });
      assert.equal(unknownIntent.isError, true);
      assert.match(textOf(unknownIntent), /"no-such-intent" is not an intent of the live library/);
      const unknownConversation = await callTool(mcp.client, 'SearchSolutions', { conversationId: newConversationId('unknown') });
      assert.equal(unknownConversation.isError, true);
      assert.match(textOf(unknownConversation), /give a query or an intentId, or detect the intent in this conversation first/);
    });

    it('an unknown tool is a protocol error (JSON-RPC invalid params), naming the tools there are', async () => {
      await assert.rejects(
        () => mcp.client.callTool({ name: 'Translate', arguments: { text: 'hola' } }),
        (error: unknown) => error instanceof McpError && error.code === -32602 && /unknown tool "Translate"; the tools are DetectIntent, /.test(error.message),
      );
    });
  });
});
