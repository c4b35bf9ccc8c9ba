import assert from 'node:assert/strict';
import { askedQuestions, offeredTask, sentenceAct } from '../../src/discovery/agent-acts.js';

describe('discover: what an agent sentence does', () => {
  it('takes questions that ask for a value, with or without a question mark', () => {
    for (const text of [
      'What is the order number, please?',
      'Could you confirm your email address for me?',
      'Is this a phone, a laptop, a TV or something else?',
      'Checking or savings?',
      'Where is your destination.',
      'Let me know the date of your trip.',
      'Your destination and date please.',
      'Do you want a shared ride?',
      'How many bedrooms should the apartment have.',
    ]) {
      assert.equal(sentenceAct(text), 'request', text);
    }
  });

  it('leaves out proposals and confirmations of values the agent found', () => {
    for (const text of ['How about Delta Airlines?', 'Does that sound good to you?', 'Would that work for you?', 'Do you like Open Up by Matt Simons?', 'How about Breakthrough, JT LeRoy or Searching?', 'Is Alaska Airlines alright for you?']) {
      assert.equal(sentenceAct(text), 'proposal', text);
    }
    for (const text of ['So a 7:15 pm table for 2 at Tanchito\'s in San Jose next Friday?', 'You want a table for 2 people next Tuesday at 6:30 pm?', 'Please confirm: 1 ticket to Philadelphia.', 'I\'ll book it for 2 people today at 6:15 pm, is that correct?']) {
      assert.notEqual(sentenceAct(text), 'request', text);
    }
  });

  it('tells an offer of a new task from an invitation to ask something else', () => {
    assert.equal(sentenceAct('Would you like to reserve a table?'), 'task-offer');
    assert.equal(sentenceAct('Do you want to purchase tickets for this bus?'), 'task-offer');
    assert.equal(offeredTask('Sounds good. Do you want me to book this car?'), 'book this car');
    assert.equal(offeredTask('Shall I go ahead with that?'), undefined);
    for (const text of ['Is there something else I could help you with?', 'Anything else I can help you with?', 'Do you need any other help?']) {
      assert.equal(sentenceAct(text), 'open-prompt', text);
    }
  });

  it('keeps the sentences of a turn that ask, and none of a turn that invites a new request', () => {
    assert.deepEqual(askedQuestions('Sure, I will help you, Which city should I search in?'), ['Which city should I search in?']);
    assert.deepEqual(askedQuestions('I found 4 flights. How about American Airlines? It leaves at 10:10 am.'), []);
    assert.deepEqual(askedQuestions('Done. Anything else? What is your order number?'), []);
  });
});
