import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConversations } from '../../src/discovery/readers.js';
import type { Conversation, SkippedRow } from '../../src/discovery/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'discover-readers-'));

async function read(name: string, text: string): Promise<{ conversations: Conversation[]; skipped: SkippedRow[] }> {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const skipped: SkippedRow[] = [];
  const conversations: Conversation[] = [];
  for await (const c of readConversations(file, { onSkip: (row) => skipped.push(row) })) conversations.push(c);
  return { conversations, skipped };
}

describe('discover: reading transcripts', () => {
  it('reads JSONL transcripts and skips malformed rows, naming the line and what is wrong', async () => {
    const good = JSON.stringify({ conversationId: 'c1', turns: [{ role: 'customer', text: 'where is my order' }] });
    const { conversations, skipped } = await read(
      'mixed.jsonl',
      [good, '{not json', JSON.stringify({ conversationId: 'c2', turns: [{ role: 'robot', text: 'hi' }] }), '', JSON.stringify({ conversationId: 'c3' }), '[1,2]', good].join('\n'),
    );
    assert.deepEqual(conversations.map((c) => c.conversationId), ['c1', 'c1']);
    assert.deepEqual(skipped.map((s) => s.line), [2, 3, 5, 6]);
    assert.match(skipped[0]!.reason, /not valid JSON/);
    assert.match(skipped[1]!.reason, /turns\[0\]\.role must be "customer", "agent" or "bot"/);
    assert.match(skipped[2]!.reason, /turns/);
    assert.match(skipped[3]!.reason, /must be a JSON object/);
  });

  it('leaves empty turns out of their conversation and skips a conversation whose turns are all empty', async () => {
    const { conversations, skipped } = await read(
      'empty-turns.jsonl',
      [
        JSON.stringify({ conversationId: 'c1', turns: [{ role: 'customer', text: '' }, { role: 'agent', text: '  ' }, { role: 'customer', text: 'where is my order' }] }),
        JSON.stringify({ conversationId: 'c2', turns: [{ role: 'customer', text: '' }] }),
      ].join('\n'),
    );
    assert.deepEqual(conversations, [{ conversationId: 'c1', turns: [{ role: 'customer', text: 'where is my order' }] }]);
    assert.deepEqual(skipped, [{ line: 2, reason: "turns every turn's text is empty" }]);
  });

  it('keeps the first line of a JSONL file that starts with a UTF-8 byte-order mark', async () => {
    const { conversations, skipped } = await read('bom.jsonl', '\uFEFF{"id":"u1","text":"cancel my plan"}\n{"id":"u2","text":"check my balance"}\n');
    assert.deepEqual(conversations.map((c) => c.conversationId), ['u1', 'u2']);
    assert.deepEqual(skipped, []);
  });

  it('reads an {id, text} utterance list as one-turn customer conversations', async () => {
    const { conversations, skipped } = await read('utterances.jsonl', '{"id":"u1","text":"cancel my plan"}\n{"id":"u2","text":""}\n{"id":7,"text":"check my balance"}\n');
    assert.deepEqual(conversations, [
      { conversationId: 'u1', turns: [{ role: 'customer', text: 'cancel my plan' }] },
      { conversationId: '7', turns: [{ role: 'customer', text: 'check my balance' }] },
    ]);
    assert.deepEqual(skipped, [{ line: 2, reason: 'text must not be empty' }]);
  });

  it('reads CSV turns grouped by conversation and CSV utterances', async () => {
    const turns = await read(
      'turns.csv',
      'conversationId,role,text,at\nc1,customer,"my order, BL-1234567, is late",2025-01-01T00:00:00Z\nc1,agent,What is the order number?,\nc2,pirate,arr,\nc2,customer,refund please,\n,customer,orphan,\n',
    );
    assert.deepEqual(turns.conversations.map((c) => [c.conversationId, c.turns.length]), [['c1', 2], ['c2', 1]]);
    assert.equal(turns.conversations[0]!.turns[0]!.text, 'my order, BL-1234567, is late');
    assert.deepEqual(turns.skipped.map((s) => s.line), [4, 6]);
    assert.match(turns.skipped[0]!.reason, /role "pirate"/);
    const utterances = await read('utterances.csv', 'id,text\na,hello there\nb,\n');
    assert.deepEqual(utterances.conversations.map((c) => c.conversationId), ['a']);
    assert.deepEqual(utterances.skipped, [{ line: 3, reason: 'text is empty' }]);
  });
});
