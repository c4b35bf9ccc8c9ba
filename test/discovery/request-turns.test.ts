import assert from 'node:assert/strict';
import { findRequests, isSmallTalk } from '../../src/discovery/turns.js';
import type { Conversation, Role } from '../../src/discovery/types.js';

function conversation(...lines: Array<[Role, string]>): Conversation {
  return { conversationId: 'c', turns: lines.map(([role, text]) => ({ role, text })) };
}

describe('discover: finding the turns that state an intent', () => {
  it('skips greetings, thanks and small talk', () => {
    for (const text of ['hi', 'Hello there!', 'thanks, bye', 'no thhanks, bye', "no that's it", 'ok perfect', 'nope, thnaks']) assert.equal(isSmallTalk(text), true, text);
    for (const text of ['my order is late', 'cancel my subscription', 'Is there a student discount?']) assert.equal(isSmallTalk(text), false, text);
  });

  it('takes the request, not the greeting before it or the answers after it', () => {
    const requests = findRequests(
      conversation(
        ['agent', 'Hello! What can I do for you today?'],
        ['customer', 'hi'],
        ['customer', 'my parcel never arrived'],
        ['agent', 'Sure. What is the order number, please?'],
        ['customer', 'BL-1234567'],
        ['agent', 'How is your day going so far?'],
        ['customer', 'not bad, better once this is sorted'],
        ['agent', 'I have sent a replacement.'],
        ['customer', 'thanks!'],
      ),
    );
    assert.deepEqual(requests, [{ text: 'my parcel never arrived', exchanges: [{ question: 'What is the order number, please?', answer: 'BL-1234567' }] }]);
  });

  it('finds a second request stated late, after "anything else?"', () => {
    const requests = findRequests(
      conversation(
        ['customer', 'I want to return my headphones'],
        ['agent', 'What is the reason for the return?'],
        ['customer', 'they hurt my ears'],
        ['agent', 'Done. Anything else I can help you with?'],
        ['customer', 'yes, my TV update failed'],
        ['agent', 'Which model is it?'],
        ['customer', 'Vista OLED'],
        ['agent', 'Anything else?'],
        ['customer', 'no, that was all. Thank you!'],
      ),
    );
    assert.deepEqual(requests.map((r) => r.text), ['I want to return my headphones', 'yes, my TV update failed']);
    assert.deepEqual(requests[1]!.exchanges, [{ question: 'Which model is it?', answer: 'Vista OLED' }]);
  });

  it('replaces a vague opening with the first specific turn', () => {
    const requests = findRequests(
      conversation(['customer', 'representative please'], ['bot', 'Sure. Can you tell me briefly what it is about?'], ['customer', "my laptop won't charge"]),
    );
    assert.deepEqual(requests.map((r) => r.text), ["my laptop won't charge"]);
  });
});
