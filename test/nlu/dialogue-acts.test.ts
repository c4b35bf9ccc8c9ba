import assert from 'node:assert/strict';
import { correctionRest, readDialogueActs, withModelActs } from '../../src/nlu/dialogue-acts.js';

describe('dialogue acts: the customer says the help given did not help', () => {
  for (const text of [
    'this is useless',
    "that didn't help",
    'that does not help at all',
    'not helpful',
    'I already tried that',
    "I've tried all of those already",
    "you're not listening",
    'ugh',
    'seriously?',
    'what a waste of my time',
    "I still don't know where my order is",
    'still not working',
  ]) {
    it(`hears "${text}"`, () => assert.equal(readDialogueActs(text).unhelped, true));
  }

  for (const text of ['my phone does not work', 'it is not charging', 'where is my order?', 'thanks, that helped', 'no', 'I tried to log in but it says locked', 'can you help me', "it's still not here, can you check?"]) {
    it(`does not hear it in "${text}"`, () => assert.equal(readDialogueActs(text).unhelped, false));
  }

  it("takes a model's reading of it when the patterns miss it", () => {
    const local = readDialogueActs('meh, nothing there for me');
    assert.equal(local.unhelped, false);
    assert.equal(withModelActs('meh, nothing there for me', local, { ...local, unhelped: true }).unhelped, true);
  });
});

describe('dialogue acts: the customer offers something else than what was asked', () => {
  for (const text of ['can I give you my email instead?', 'I could send you my phone number instead', 'would my email address work instead?', 'may I just use my account email instead']) {
    it(`hears "${text}"`, () => assert.equal(readDialogueActs(text).offersInstead, true));
  }
  for (const text of ['I want a refund instead', 'can I give you a call later?', 'I gave you my email already', 'my email is jo@example.com']) {
    it(`does not hear it in "${text}"`, () => assert.equal(readDialogueActs(text).offersInstead, false));
  }
});

describe('dialogue acts: why a question is asked, a moment asked for, the question not heard', () => {
  for (const text of ['why do you need that?', 'what do you need my email for?', 'why is that necessary', 'what for?']) {
    it(`hears "why" in "${text}"`, () => assert.equal(readDialogueActs(text).asksWhy, true));
  }
  for (const text of ['why is my order late?', 'why was I charged twice', 'what is it for sale for?']) {
    it(`does not hear "why" in "${text}"`, () => assert.equal(readDialogueActs(text).asksWhy, false));
  }
  for (const text of ['hold on, let me find it', 'one sec', 'ok give me a minute', 'let me check my email', 'just a moment please']) {
    it(`hears a moment asked for in "${text}"`, () => assert.equal(readDialogueActs(text).holdOn, true));
  }
  for (const text of ['let me check, it is BL-4471220', 'hold on, why do you need that?', 'let me know when my refund arrives because I have been waiting for weeks now']) {
    it(`does not hear a moment asked for in "${text}"`, () => assert.equal(readDialogueActs(text).holdOn, false));
  }
  for (const text of ['sorry, what?', 'pardon?', 'can you repeat that?', 'huh?', 'what are my options?', 'which ones can I pick?']) {
    it(`hears the question not understood in "${text}"`, () => assert.equal(readDialogueActs(text).cannotAnswer, 'unclear'));
  }
});

describe('dialogue acts: the request taken for something else', () => {
  for (const text of ["that's not what I meant", "that's not what I asked", 'you misunderstood', 'wrong topic', 'no, that is not my question']) {
    it(`hears "${text}"`, () => assert.equal(readDialogueActs(text).misunderstood, true));
  }
  for (const text of ['my order is not what I ordered', 'the charge is not mine', 'I meant BL-4471221']) {
    it(`does not hear it in "${text}"`, () => assert.equal(readDialogueActs(text).misunderstood, false));
  }
  it('takes what follows as the request meant', () => {
    assert.equal(readDialogueActs('no, you misunderstood, I want to cancel my subscription').switchTo, 'I want to cancel my subscription');
  });
});

describe('dialogue acts: what a correction says besides "that was wrong"', () => {
  it('keeps the value', () => assert.match(correctionRest('sorry, I meant BL-4471221'), /BL-4471221/));
  for (const text of ['oops, that was wrong', 'sorry, wrong number', 'my mistake']) {
    it(`finds nothing in "${text}"`, () => assert.equal(correctionRest(text).replace(/\b(?:sorry|my|oops)\b/gi, '').trim(), ''));
  }
});
