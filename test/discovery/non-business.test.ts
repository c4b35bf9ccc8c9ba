import assert from 'node:assert/strict';
import { collectCorpus } from '../../src/discovery/corpus.js';
import { discoverIntents } from '../../src/discovery/discover.js';
import { nonBusinessKind } from '../../src/discovery/non-business.js';
import { notIntentsText, runSummary } from '../../src/discovery/run-summary.js';
import { renderReport } from '../../src/discovery/report-html.js';
import type { Conversation } from '../../src/discovery/types.js';

describe('discover: requests that are not intents of the business', () => {
  it('recognises asking for a person, checking the line, typing trouble, apologies, greetings and thanks', () => {
    const cases: Array<[string, ReturnType<typeof nonBusinessKind>]> = [
      ['can I speak to a real person', 'person'],
      ['representative please', 'person'],
      ['connect me to a supervisor please', 'person'],
      ['can you hear me?', 'chat-check'],
      ['hello??', 'chat-check'],
      ['are you a bot or a real person?', 'chat-check'],
      ["sorry, I'm typing on my phone", 'typing'],
      ['excuse the typos', 'typing'],
      ['sorry for the wait, had to grab my wallet', 'apology'],
      ['so sorry', 'apology'],
      ['good morning', 'greeting'],
      ['thanks, bye', 'thanks'],
    ];
    for (const [text, kind] of cases) assert.equal(nonBusinessKind(text), kind, text);
  });

  it('keeps a request that says what the customer wants, even beside a chat move', () => {
    for (const text of [
      'I want to return these shoes, can I talk to someone',
      'my flight was cancelled, I need to speak to a manager',
      'sorry, my card was declined',
      'sorry for the delay. I need to move my appointment to Friday',
      'are you there? I still need my refund',
      'can I book a table for two tonight',
    ]) {
      assert.equal(nonBusinessKind(text), null, text);
    }
  });

  it('leaves them out of the intents and counts them, with the conversations that asked for a person', async () => {
    const conversations: Conversation[] = [];
    for (let i = 0; i < 30; i += 1) {
      conversations.push({ conversationId: `t${i}`, turns: [{ role: 'customer', text: 'my internet keeps dropping every evening' }, { role: 'agent', text: 'What is your account number?' }, { role: 'customer', text: 'A-1234' }] });
      conversations.push({ conversationId: `b${i}`, turns: [{ role: 'customer', text: 'I want to pay my bill' }, { role: 'agent', text: 'Which card would you like to use?' }, { role: 'customer', text: 'the visa' }] });
    }
    for (let i = 0; i < 5; i += 1) conversations.push({ conversationId: `h${i}`, turns: [{ role: 'customer', text: 'can you hear me?' }, { role: 'agent', text: 'Yes, I can.' }] });
    for (let i = 0; i < 4; i += 1) {
      conversations.push({ conversationId: `p${i}`, turns: [{ role: 'customer', text: 'agent please' }, { role: 'agent', text: 'Sure, what is it about?' }, { role: 'customer', text: 'my internet keeps dropping at night' }] });
    }
    const corpus = await collectCorpus(conversations);
    assert.equal(corpus.nonBusiness['chat-check'], 5);
    assert.equal(corpus.askedForPerson, 4);
    const discovery = discoverIntents(corpus, { run: 'test' });
    assert.ok(discovery.library.intents.every((intent) => intent.examples.every((example) => !/hear me/.test(example))));
    const summary = runSummary(discovery, 'x.jsonl', conversations.length, 0);
    assert.equal(summary.notIntents['chat-check'], 5);
    assert.equal(notIntentsText(summary), 'not intents: 5 checking the line or who answers');
    const html = renderReport({ discovery, source: 'x.jsonl', conversationsRead: conversations.length, skippedRows: 0, generatedAt: new Date(0) });
    assert.match(html, /Customers asked for a person in <strong>4<\/strong> conversations/);
    assert.match(html, /checking the line or who answers[^<]*<\/td><td class="n">5</);
  });
});
