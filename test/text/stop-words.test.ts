import assert from 'node:assert/strict';
import { eng } from 'stopword';
import { CHAT_STOP_WORDS, SEARCH_STOP_WORDS, STOP_WORDS, TERM_STOP_WORDS, TOPIC_STOP_WORDS } from '../../src/text/stop-words.js';

describe('stop words, one base list and its purposes', () => {
  it('takes English function words from the stopword package, and keeps negations and question words', () => {
    assert.deepEqual([...STOP_WORDS].sort(), [...eng].sort());
    for (const word of ['not', 'no', 'why', 'when']) assert.equal(STOP_WORDS.has(word), false, word);
  });

  it('extends the base for each purpose', () => {
    for (const purpose of [CHAT_STOP_WORDS, SEARCH_STOP_WORDS, TOPIC_STOP_WORDS]) {
      assert.ok([...STOP_WORDS].every((word) => purpose.has(word)));
    }
    assert.ok(['im', 'dont'].every((word) => CHAT_STOP_WORDS.has(word)), 'contractions typed without the apostrophe');
    assert.ok(['hello', 'thanks', 'pls'].every((word) => SEARCH_STOP_WORDS.has(word)), 'greetings around a question');
    assert.ok(['could', 'tell', 'provide', 'please'].every((word) => TOPIC_STOP_WORDS.has(word)), 'request framing');
    assert.ok(['thing', 'yeah', 'today', "n't", 'not'].every((word) => TERM_STOP_WORDS.has(word)), 'words that name no intent');
  });

  it('keeps what a purpose needs: the topic of a request, verbs a tagger reads as a task', () => {
    for (const word of ['order', 'refund', 'email']) assert.equal(TOPIC_STOP_WORDS.has(word), false, word);
    for (const word of ['come', 'take', 'make']) assert.equal(TERM_STOP_WORDS.has(word), false, word);
    for (const word of ['why', 'not']) assert.equal(SEARCH_STOP_WORDS.has(word), false, word);
  });
});
