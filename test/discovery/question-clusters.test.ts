import assert from 'node:assert/strict';
import { nameAttribute } from '../../src/discovery/attribute-names.js';
import { clusterQuestions, questionKey, type AskedQuestion } from '../../src/discovery/question-clusters.js';

/** Questions asked in conversations: [wording, conversation, answer] triples. */
function asked(...rows: Array<[string, number, string]>): AskedQuestion[] {
  const byKey = new Map<string, Map<number, string[]>>();
  for (const [text, conversation, answer] of rows) {
    const inKey = byKey.get(questionKey(text)) ?? byKey.set(questionKey(text), new Map()).get(questionKey(text))!;
    (inKey.get(conversation) ?? inKey.set(conversation, []).get(conversation)!).push(answer);
  }
  return [...byKey].map(([key, answersIn]) => ({ key, answersIn }));
}

const groups = (questions: AskedQuestion[], valueType?: (answers: readonly string[]) => string) =>
  clusterQuestions(questions, valueType)
    .map((c) => c.phrasings.map((p) => p.text).sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('discover: grouping agent questions into attributes', () => {
  it('joins wordings of one question that are never asked together, and keeps apart those asked in the same conversations', () => {
    const questions = asked(
      ['Which city do you pick it up in?', 1, 'Seattle'],
      ['Which city do you return it in?', 1, 'Portland'],
      ['Pick up city?', 2, 'Denver'],
      ['Return city?', 2, 'Seattle'],
      ['Which city do you pick it up in?', 3, 'Portland'],
      ['Return city?', 3, 'Denver'],
      ['Pick up city?', 4, 'Portland'],
      ['Which city do you return it in?', 4, 'Denver'],
    );
    assert.deepEqual(groups(questions), [
      ['pick up city', 'which city do you pick it up in'],
      ['return city', 'which city do you return it in'],
    ]);
  });

  it('keeps "where from" and "where to" apart even when answered with the same cities', () => {
    const questions = asked(['Where are you leaving from?', 1, 'Seattle'], ['Where are you headed?', 2, 'Seattle'], ['What city are you departing from?', 3, 'Denver'], ['Where are you going?', 4, 'Denver']);
    assert.deepEqual(groups(questions), [
      ['what city are you departing from', 'where are you leaving from'],
      ['where are you going', 'where are you headed'],
    ]);
  });

  it('never joins questions for different kinds of value or of different definite types', () => {
    assert.deepEqual(groups(asked(['When do you want to leave?', 1, 'Monday'], ['Where do you want to go?', 2, 'Monday, to Reno'], ['How many tickets?', 3, '2'], ['How long will you stay?', 4, '2 days'])).length, 4);
    const typed = asked(['What is your order number?', 1, 'BL-1234567'], ['What is the email on the order?', 2, '[EMAIL]'], ['Order email?', 3, '[EMAIL]']);
    const valueType = (answers: readonly string[]) => (answers.every((a) => a.includes('[EMAIL]')) ? 'email' : 'identifier');
    assert.deepEqual(groups(typed, valueType), [['order email', 'what is the email on the order'], ['what is your order number']]);
  });

  it('joins the rarer of many wordings to their closest group', () => {
    const fillers = ['please', 'kindly', 'now', 'again', 'sorry', 'quickly', 'here', 'today', 'exactly', 'first'];
    const rows: Array<[string, number, string]> = [];
    for (let i = 0; i < 450; i += 1) {
      const words = fillers.filter((_, bit) => (i >> bit) & 1).join(' ');
      rows.push([`What is the order number ${words}?`, i, `BL-${1000000 + i}`]);
      rows.push([`When did it arrive ${words}?`, i, 'yesterday']);
    }
    const clusters = clusterQuestions(asked(...rows));
    assert.deepEqual(clusters.map((c) => c.phrasings.length).sort((a, b) => b - a), [450, 450]);
  });

  it('names an attribute as a person would, from its words and the kind of value', () => {
    const name = (kind: Parameters<typeof nameAttribute>[2], type: Parameters<typeof nameAttribute>[1], ...texts: string[]) =>
      nameAttribute(texts.map((text) => ({ text, count: 1 })), type, kind);
    assert.equal(name('time', 'date', 'What time should I pick you up?', 'At what time is the pick up?'), 'pickupTime');
    assert.equal(name('origin', 'text', 'What city are you departing from?', 'Which city are you leaving from?'), 'originCity');
    assert.equal(name('destination', 'text', 'Where are you headed?'), 'destination');
    assert.equal(name('date', 'date', 'When did you buy it?', 'Do you remember when you purchased it?'), 'purchaseDate');
    assert.equal(name('other', 'identifier', 'What is the order number, please?'), 'orderNumber');
    assert.equal(name('other', 'identifier', "What's the number on your order?"), 'orderNumber');
    assert.equal(name('other', 'text', 'Could you give me the last 4 digits of the card?'), 'cardDigits');
    assert.equal(name('other', 'text', 'Why do you want to cancel?', 'Why are you cancelling?'), 'cancelReason');
    assert.equal(name('other', 'text', "What's the reason for the return?"), 'returnReason');
  });
});
