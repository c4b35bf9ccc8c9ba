import assert from 'node:assert/strict';
import { asIsoDate, sameValue } from '../../src/evaluation/values.js';

const reference = new Date('2019-03-01T12:00:00Z');

describe('comparing a value the engine took with the gold one', () => {
  it('compares numbers as numbers, however they are written', () => {
    assert.ok(sameValue('2', 2, reference));
    assert.ok(sameValue(249.99, '249.99', reference));
    assert.ok(sameValue('$1,200', 1200, reference));
    assert.ok(sameValue('0397', '0397', reference));
    assert.ok(!sameValue('2', 3, reference));
  });

  it('reads dates in words against the reference date, never against today', () => {
    assert.equal(asIsoDate('tomorrow', reference), '2019-03-02');
    assert.equal(asIsoDate('March 3', reference), '2019-03-03');
    assert.ok(sameValue('March 3', '2019-03-03', reference));
    assert.ok(sameValue('2019-03-02', 'tomorrow', reference));
    assert.ok(!sameValue('2019-03-04', 'tomorrow', reference));
    assert.ok(!sameValue('2019-03-04', 'some day', reference), 'words that are no date are no match');
  });

  it('compares times of day as times when either side is written HH:MM', () => {
    assert.ok(sameValue('19:15', '7:15 pm', reference));
    assert.ok(sameValue('6:30 in the evening', '18:30', reference));
    assert.ok(sameValue('09:05', '9:05', reference));
    assert.ok(!sameValue('19:15', '7:15 am', reference));
    assert.ok(!sameValue('19:15', 'in the evening', reference), 'a part of the day alone is no time');
  });

  it('compares text without case or spaces', () => {
    assert.ok(sameValue('San  Jose', 'san jose', reference));
    assert.ok(sameValue('TV 40118273', 'tv40118273', reference));
    assert.ok(sameValue(true, true, reference));
    assert.ok(!sameValue('San Jose', 'I want an apartment in San Jose', reference));
    assert.ok(!sameValue(true, false, reference));
  });
});
