import assert from 'node:assert/strict';
import type { Attachment } from 'botbuilder';
import { clarifyCard, handoffCard, replyActivity } from '../../src/bot/cards.js';
import { TALK_TO_A_PERSON } from '../../src/engine/reply.js';
import type { Insight } from '../../src/engine/insight.js';
import type { Solution } from '../../src/knowledge/types.js';

const solutions: Solution[] = [
  { id: 'tv-error-e42', title: 'TV error E42: power or backlight fault', url: 'https://support.example/tv-error-e42', snippet: 'Error E42 means ...', score: 3.2, tags: [] },
  { id: 'tv-no-power', title: 'TV has no power', snippet: 'Check the cable ...', score: 2.1, tags: [] },
];

function insight(overrides: Partial<Insight>): Insight {
  return {
    status: 'need-info',
    intent: { id: 'device-error-code', name: 'Device error code', groupId: 'devices', groupName: 'Devices', confidence: 0.8 },
    candidates: [],
    clarifyQuestion: null,
    intentChanged: true,
    answered: [],
    nextQuestions: [],
    query: null,
    solutions: [],
    solutionsAvailable: true,
    solutionsNew: true,
    act: null,
    actAttribute: null,
    invalidText: null,
    unanswerable: [],
    offer: null,
    ...overrides,
  };
}

function cardOf(attachment: Attachment | undefined): { body: Array<Record<string, unknown>>; actions?: Array<Record<string, unknown>> } {
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment.content as { body: Array<Record<string, unknown>>; actions?: Array<Record<string, unknown>> };
}

describe('cards for direct conversations', () => {
  it('asks the follow-up question with quick replies for the values of an enum attribute', () => {
    const activity = replyActivity({ text: 'What kind of device is it?', choices: ['phone', 'tv'], solutions: [] }, insight({ status: 'need-info' }));
    const card = cardOf(activity.attachments?.[0]);
    assert.equal(card.body[0]?.text, 'What kind of device is it?');
    assert.deepEqual(
      activity.suggestedActions?.actions.map((action) => [action.type, action.value]),
      [
        ['imBack', 'phone'],
        ['imBack', 'tv'],
      ],
    );
  });

  it('asks a free-text question without quick replies', () => {
    const activity = replyActivity({ text: 'What is your order number?', choices: [], solutions: [] }, insight({ status: 'need-info' }));
    assert.equal(activity.suggestedActions, undefined);
  });

  it('lists solutions with their titles as links, each item opening its article, and offers a person', () => {
    const activity = replyActivity({ text: 'Here is what should help:', choices: [TALK_TO_A_PERSON], solutions }, insight({ status: 'ready' }));
    const card = cardOf(activity.attachments?.[0]);
    const text = JSON.stringify(card.body);
    assert.match(text, /\[TV error E42: power or backlight fault\]\(https:\/\/support\.example\/tv-error-e42\)/);
    assert.match(text, /TV has no power/);
    assert.deepEqual(
      card.body.slice(1).map((item) => (item.selectAction as { url?: string } | undefined)?.url),
      ['https://support.example/tv-error-e42', undefined],
    );
    assert.deepEqual(activity.suggestedActions?.actions.map((action) => action.value), [TALK_TO_A_PERSON]);
  });

  it('offers the choice between two intents as buttons that answer for the customer', () => {
    const card = cardOf(clarifyCard('Is it about a return, or an exchange?', ['Start a return', 'Exchange an item']));
    assert.deepEqual(
      card.actions?.map((action) => [action.type, action.title, (action.data as { choice: string }).choice]),
      [
        ['Action.Submit', 'Start a return', 'Start a return'],
        ['Action.Submit', 'Exchange an item', 'Exchange an item'],
      ],
    );
    const activity = replyActivity({ text: 'Is it about a return, or an exchange?', choices: ['Start a return', 'Exchange an item'], solutions: [] }, insight({ status: 'clarify' }));
    assert.equal(cardOf(activity.attachments?.[0]).actions?.length, 2);
  });

  it('answers out-of-scope with plain text and a way to reach a person', () => {
    const activity = replyActivity({ text: "Sorry, I can't help with that here.", choices: [TALK_TO_A_PERSON], solutions: [] }, insight({ status: 'out-of-scope', intent: null }));
    assert.equal(activity.text, "Sorry, I can't help with that here.");
    assert.equal(activity.attachments, undefined);
    assert.deepEqual(activity.suggestedActions?.actions.map((action) => action.value), [TALK_TO_A_PERSON]);
  });

  it('tells the customer in plain words that a person takes over, and nothing of the internal summary', () => {
    const text = "I'm passing you to a colleague, who will see what you've told me so far.";
    const activity = replyActivity({ text, choices: [], solutions: [] }, insight({ status: 'handoff' }));
    const card = cardOf(activity.attachments?.[0]);
    assert.deepEqual(card, cardOf(handoffCard(text)));
    assert.match(JSON.stringify(card.body), /passing you to a colleague/);
    assert.doesNotMatch(JSON.stringify(card), /Intent:|Known:|%|errorCode/);
  });
});
