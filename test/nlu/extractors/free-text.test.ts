import assert from 'node:assert/strict';
import { errorCode, extract, issueDescription, orderNumber, values } from './fixtures.js';

describe('free-text answers', () => {
  it('takes the answer to the question just asked without filler', () => {
    const found = extract("Um, it's making a clicking noise, thanks!", [issueDescription], 'issueDescription');
    assert.deepEqual(values(found), { issueDescription: 'making a clicking noise' });
    assert.equal(found[0]?.text, 'making a clicking noise');
  });

  it('takes free text only as the answer to its question', () => {
    assert.deepEqual(extract('it is making a clicking noise', [issueDescription]), []);
  });

  it('gives nothing for "I don\'t know"', () => {
    assert.deepEqual(extract("I don't know", [issueDescription], 'issueDescription'), []);
  });

  it('leaves out a clause that only carried another value, and keeps values that are part of the description', () => {
    const found = extract('The screen shows E42 and then it turns off. My order is BL-4471220.', [issueDescription, orderNumber, errorCode], 'issueDescription');
    assert.deepEqual(values(found), {
      issueDescription: 'The screen shows E42 and then it turns off',
      orderNumber: 'BL-4471220',
      errorCode: 'E42',
    });
  });

  it('is less sure of an answer that is a question back', () => {
    const [found] = extract('why do you need that?', [issueDescription], 'issueDescription');
    assert.ok(found && found.confidence < 0.5, `confidence ${found?.confidence}`);
  });
});
