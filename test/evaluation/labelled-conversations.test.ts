import assert from 'node:assert/strict';
import { parseLabelledConversations } from '../../src/evaluation/labelled-conversations.js';
import { LabelledDataError } from '../../src/nlu/evaluate/labelled-jsonl.js';

const line = (value: unknown) => JSON.stringify(value);
const conversation = {
  conversationId: 'c1',
  referenceDate: '2026-03-02',
  turns: [
    { role: 'customer', text: 'where is my order', intent: 'order-status' },
    { role: 'agent', text: "What's the order number?", asks: ['orderNumber'] },
    { role: 'customer', text: 'BL-4471220', intent: 'order-status', values: { orderNumber: 'BL-4471220' }, end: true },
  ],
};

function rejects(content: string, message: RegExp, options = {}): void {
  assert.throws(
    () => parseLabelledConversations(content, 'gold.jsonl', options),
    (error: unknown) => {
      assert.ok(error instanceof LabelledDataError, String(error));
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('labelled conversations (JSONL)', () => {
  it('reads one conversation a line, skipping blank lines and a byte-order mark', () => {
    const parsed = parseLabelledConversations(`\uFEFF${line(conversation)}\r\n\n${line({ ...conversation, conversationId: 'c2' })}\n`, 'gold.jsonl');
    assert.deepEqual(
      parsed.map((c) => c.conversationId),
      ['c1', 'c2'],
    );
    assert.deepEqual(parsed[0]?.turns[2], conversation.turns[2]);
  });

  it('names the file, the line and every problem of a broken line, with its path', () => {
    const broken = { conversationId: 'c2', turns: [{ role: 'bot', text: 'hi' }, { role: 'customer', values: { orderNumber: '' } }] };
    rejects(`${line(conversation)}\n${line(broken)}\n`, /^gold\.jsonl, line 2: turns\[0\]\.role: .*'customer' \| 'agent'; turns\[1\]\.text: is required \(string\); turns\[1\]\.values\.orderNumber: must not be empty$/);
  });

  it('refuses a misspelt field rather than ignoring its labels', () => {
    rejects(line({ ...conversation, turns: [{ role: 'agent', text: 'Which order?', ask: ['orderNumber'] }] }), /line 1: turns\[0\]: Unrecognized key: "ask"/);
  });

  it('refuses text that is not JSON, a conversation with no turns and a repeated conversation id', () => {
    rejects('{"conversationId": "c1",', /line 1: not valid JSON/);
    rejects(line({ conversationId: 'c1', turns: [] }), /line 1: turns: must hold at least one turn/);
    rejects(`${line(conversation)}\n${line(conversation)}`, /line 2: conversationId: "c1" is already used on line 1/);
    rejects('\n\n', /^gold\.jsonl: no conversations/);
  });

  it('needs a reference date on every conversation when no default is given, and a valid one always', () => {
    const { referenceDate: _omitted, ...undated } = conversation;
    rejects(line(undated), /line 1: referenceDate: is required when no default reference date is given/, { referenceDateRequired: true });
    assert.equal(parseLabelledConversations(line(undated), 'gold.jsonl').length, 1);
    rejects(line({ ...conversation, referenceDate: 'March 2' }), /line 1: referenceDate: must be an ISO date/);
  });
});
