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

  it('takes the request, not the greeting before it or the answers after it, and what the agent told about it', () => {
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
    assert.deepEqual(requests, [
      { text: 'my parcel never arrived', exchanges: [{ question: 'What is the order number, please?', answer: 'BL-1234567' }], said: ['I have sent a replacement.'] },
    ]);
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

  it("keeps what the agent told while handling each request with that request, not the greeting before the first", () => {
    const requests = findRequests(
      conversation(
        ['agent', "Hello! You're chatting with Marcus."],
        ['customer', 'I want to return my headphones'],
        ['agent', 'Sure. What is the reason for the return?'],
        ['customer', 'they hurt my ears'],
        ['agent', "I've emailed you a prepaid return label. Anything else I can help you with?"],
        ['customer', 'yes, my TV update failed'],
        ['agent', 'Which model is it?'],
        ['customer', 'Vista OLED'],
        ['agent', 'Okay. Hold the power button for 15 seconds, then check for updates again. Did that answer your question?'],
      ),
    );
    assert.deepEqual(
      requests.map((r) => r.said),
      [["I've emailed you a prepaid return label."], ['Hold the power button for 15 seconds, then check for updates again.']],
    );
  });

  it('replaces a vague opening with the first specific turn', () => {
    const requests = findRequests(
      conversation(['customer', 'representative please'], ['bot', 'Sure. Can you tell me briefly what it is about?'], ['customer', "my laptop won't charge"]),
    );
    assert.deepEqual(requests.map((r) => r.text), ["my laptop won't charge"]);
  });

  it('starts a new request when the customer takes up an offered task or asks for one after the results', () => {
    const offered = findRequests(
      conversation(
        ['customer', 'Can you find me a bus to Fresno?'],
        ['agent', 'When do you want to leave?'],
        ['customer', 'next Monday'],
        ['agent', 'The 8 am bus has 0 transfers and costs $48. Do you want to purchase tickets for this bus?'],
        ['customer', 'Yes, please.'],
        ['agent', 'How many tickets?'],
        ['customer', 'Just the 1.'],
      ),
    );
    assert.deepEqual(offered.map((r) => [r.text, r.exchanges.map((e) => e.question)]), [
      ['Can you find me a bus to Fresno?', ['When do you want to leave?']],
      ['purchase tickets for this bus', ['How many tickets?']],
    ]);
    const asked = findRequests(
      conversation(
        ['customer', 'How much is in my savings account?'],
        ['agent', 'The balance in your savings account is $2,873.18.'],
        ['customer', 'That should be more than enough. Can you transfer some money for me?'],
        ['agent', 'Sure. How much should I transfer?'],
        ['customer', '$380'],
      ),
    );
    assert.deepEqual(asked.map((r) => r.text), ['How much is in my savings account?', 'That should be more than enough. Can you transfer some money for me?']);
    assert.deepEqual(asked[1]!.exchanges, [{ question: 'How much should I transfer?', answer: '$380' }]);
  });

  it('takes neither a correction of what the agent confirms nor a "no, that is all" as a new request', () => {
    const requests = findRequests(
      conversation(
        ['customer', 'I want to book a table at Rokko'],
        ['agent', 'So a table for 2 at Rokko today at 7 pm?'],
        ['customer', 'No, make it for 4 people.'],
        ['agent', 'Your table is booked. Anything else I can help you with?'],
        ['customer', 'No, that is all I need, thanks for the help.'],
      ),
    );
    assert.deepEqual(requests.map((r) => r.text), ['I want to book a table at Rokko']);
  });
});
