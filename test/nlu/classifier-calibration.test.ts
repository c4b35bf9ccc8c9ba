import assert from 'node:assert/strict';
import { fitTemperature } from '../../src/nlu/classifier/calibration.js';

const row = (label: number, ...scores: number[]) => ({ scores: Float64Array.from(scores), label });

describe('confidence calibration', () => {
  it('softens scores that are sure and often wrong', () => {
    const heldOut = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? row(0, 10, 0) : row(1, 10, 0)));
    assert.ok(fitTemperature(heldOut) > 5);
  });

  it('sharpens scores that are timid and always right', () => {
    const heldOut = Array.from({ length: 500 }, () => row(0, 0.5, 0, 0));
    assert.ok(fitTemperature(heldOut) < 0.5);
  });

  it('stays near 1 on a handful of held-out rows, and at 1 with none', () => {
    const temperature = fitTemperature([row(0, 3, 0), row(1, 0, 3), row(0, 2, 1)]);
    assert.ok(temperature > 0.4 && temperature < 1.01, `T = ${temperature}`);
    assert.equal(fitTemperature([]), 1);
  });
});
