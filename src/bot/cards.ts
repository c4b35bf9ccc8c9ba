import { ActionTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Insight } from '../engine/insight.js';
import { TALK_TO_A_PERSON, type Reply } from '../engine/reply.js';
import type { Solution } from '../knowledge/types.js';

/** Adaptive Cards for direct conversations (Teams personal chat, Web Chat): small pure functions of the reply. */

const CARD_VERSION = '1.5';

type Element = Record<string, unknown>;

/** The activity that answers a customer turn: the card that fits the status, quick replies where there are choices. */
export function replyActivity(reply: Reply, insight: Insight): Partial<Activity> {
  switch (insight.status) {
    case 'clarify':
      return { type: 'message', attachments: [clarifyCard(reply.text, reply.choices)] };
    case 'need-info':
      return withQuickReplies({ type: 'message', attachments: [questionCard(reply.text, reply.solutions)] }, reply.choices);
    case 'ready':
      return withQuickReplies(
        reply.solutions.length > 0 ? { type: 'message', attachments: [solutionsCard(reply.text, reply.solutions)] } : { type: 'message', text: reply.text },
        reply.choices,
      );
    case 'handoff':
      return { type: 'message', attachments: [handoffCard(reply.text)] };
    case 'out-of-scope':
    case 'ended':
      return withQuickReplies({ type: 'message', text: reply.text }, reply.choices);
  }
}

/** The follow-up question; articles that may already help are linked under it, titles only. */
export function questionCard(question: string, solutions: readonly Solution[]): Attachment {
  const body: Element[] = [{ type: 'TextBlock', text: question, wrap: true, weight: 'Bolder' }];
  if (solutions.length > 0) {
    body.push({ type: 'TextBlock', text: 'Meanwhile, these articles may help:', wrap: true, spacing: 'Medium', isSubtle: true, size: 'Small' });
    body.push(...solutions.map((solution) => ({ type: 'TextBlock', text: `- ${linkedTitle(solution)}`, wrap: true, spacing: 'Small', size: 'Small' })));
  }
  return card(body);
}

/** The solutions found, each with its title as a link and the passage that matched; the whole item opens the article. */
export function solutionsCard(intro: string, solutions: readonly Solution[]): Attachment {
  return card([{ type: 'TextBlock', text: intro, wrap: true, weight: 'Bolder' }, ...solutions.map(solutionItem)]);
}

/** A choice between two intents; each button sends the intent's name back as the customer's answer. */
export function clarifyCard(question: string, choices: readonly string[]): Attachment {
  return card([{ type: 'TextBlock', text: question, wrap: true, weight: 'Bolder' }], choices.map(submitChoice));
}

/** Tells the customer, in plain words, that a person takes over; what is passed on goes to the representative, not here. */
export function handoffCard(text: string): Attachment {
  return card([{ type: 'TextBlock', text, wrap: true, weight: 'Bolder' }]);
}

/** Quick replies as suggested actions: Web Chat and Teams show them as buttons that send the text back. */
export function withQuickReplies(activity: Partial<Activity>, choices: readonly string[]): Partial<Activity> {
  if (choices.length === 0) return activity;
  const actions: CardAction[] = choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice, value: choice }));
  return { ...activity, suggestedActions: { actions, to: [] } };
}

function solutionItem(solution: Solution): Element {
  return {
    type: 'Container',
    spacing: 'Medium',
    ...(solution.url ? { selectAction: { type: 'Action.OpenUrl', title: solution.title, url: solution.url } } : {}),
    items: [
      { type: 'TextBlock', text: linkedTitle(solution), wrap: true, weight: 'Bolder', color: 'Accent' },
      { type: 'TextBlock', text: solution.snippet, wrap: true, isSubtle: true, maxLines: 3 },
    ],
  };
}

/** A submit button that Teams turns into a typed message (imBack) and Web Chat posts with `value.choice`. */
function submitChoice(choice: string): Element {
  return { type: 'Action.Submit', title: choice, data: { msteams: { type: 'imBack', value: choice }, choice } };
}

function card(body: Element[], actions: Element[] = []): Attachment {
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}

function linkedTitle(solution: Solution): string {
  return solution.url ? `[${escapeMarkdown(solution.title)}](${solution.url})` : escapeMarkdown(solution.title);
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\[\]()*_`])/g, '\\$1');
}
