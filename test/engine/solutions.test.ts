import assert from 'node:assert/strict';
import { namingFirst } from '../../src/engine/solutions.js';
import type { Solution } from '../../src/knowledge/types.js';

const solution = (id: string, title: string): Solution => ({ id, title, snippet: '', score: 1, tags: [] });
const known = (value: string | number | boolean) => ({ value, text: String(value), confidence: 0.9, turn: 1, source: 'self-service' as const });

describe('the order of solutions once values are known', () => {
  const found = [solution('codes', 'Brightline TV error codes'), solution('e42', 'TV error E42: power or backlight fault'), solution('e105', 'Error E105: software update failed')];

  it('puts first the solution whose title names a code the customer gave, keeping the search order otherwise', () => {
    assert.deepEqual(namingFirst(found, { errorCode: known('E42'), deviceType: known('tv') }).map((s) => s.id), ['e42', 'codes', 'e105']);
    assert.deepEqual(namingFirst(found, { errorCode: known('E105') }).map((s) => s.id), ['e105', 'codes', 'e42']);
  });

  it('leaves the order alone when no value is a code, or no title names one', () => {
    assert.deepEqual(namingFirst(found, { deviceType: known('tv'), photosAvailable: known(true) }).map((s) => s.id), ['codes', 'e42', 'e105']);
    assert.deepEqual(namingFirst(found, { errorCode: known('E4') }).map((s) => s.id), ['codes', 'e42', 'e105']);
  });
});
