import assert from 'node:assert/strict';
import { extract, triedRestart } from './fixtures.js';

const answer = (text: string, pending = true): unknown => extract(text, [triedRestart], pending ? 'triedRestart' : undefined)[0]?.value;

describe('yes/no answers', () => {
  it('reads yes in its everyday forms', () => {
    for (const text of ['yes', 'Yeah', 'yep, twice', 'I did', 'sure did', 'of course']) assert.equal(answer(text), true, text);
  });

  it('reads no in its everyday forms', () => {
    for (const text of ['no', 'Nope', 'not yet', 'I did not', "I haven't", 'nah']) assert.equal(answer(text), false, text);
  });

  it('goes by the opening word when the rest of the answer says more', () => {
    assert.equal(answer("yes, but it still doesn't work"), true);
    assert.equal(answer('no, I was afraid to lose my data'), false);
  });

  it('gives nothing for an unsure answer', () => {
    assert.equal(answer('not sure'), undefined);
    assert.equal(answer("I don't know"), undefined);
  });

  it('reads yes or no only as the answer to its question', () => {
    assert.equal(answer('yes', false), undefined);
  });
});
