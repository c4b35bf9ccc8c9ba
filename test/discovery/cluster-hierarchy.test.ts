import assert from 'node:assert/strict';
import { groupClusters } from '../../src/discovery/cluster/hierarchy.js';

/** Unit centroids over named columns. */
function centroids(...vectors: Array<Partial<Record<string, number>>>) {
  const columns = [...new Set(vectors.flatMap((v) => Object.keys(v)))];
  const data = new Float64Array(vectors.length * columns.length);
  vectors.forEach((v, i) => {
    const norm = Math.hypot(...Object.values(v).map((x) => x ?? 0));
    columns.forEach((c, j) => (data[i * columns.length + j] = (v[c] ?? 0) / norm));
  });
  return { count: vectors.length, columns: columns.length, data };
}

describe('discover: grouping intents into families', () => {
  it('groups intents that share words, and does not give a tiny off-topic cluster a group of its own', () => {
    const billing = [{ bill: 1, pay: 0.5 }, { bill: 1, refund: 0.6 }, { bill: 1, charge: 0.7 }, { bill: 0.8, invoice: 1 }];
    const orders = [{ order: 1, track: 0.5 }, { order: 1, cancel: 0.6 }, { order: 1, deliver: 0.7 }, { order: 0.8, late: 1 }];
    const account = [{ password: 1, login: 0.5 }, { password: 1, reset: 0.6 }, { account: 1, login: 0.6 }, { account: 1, close: 0.7 }];
    const weather = { weather: 1, order: 0.1 };
    const groups = groupClusters(centroids(...billing, ...orders, ...account, weather), [...Array(12).fill(100), 3]);
    const of = (i: number) => groups[i]!;
    const family = (i: number) => Math.floor(i / 4);
    for (let a = 0; a < 12; a++) for (let b = 0; b < 12; b++) if (family(a) !== family(b)) assert.notEqual(of(a), of(b), `${a} and ${b} grouped: ${[...groups]}`);
    assert.equal(new Set(groups).size, Math.round(2 * Math.sqrt(12)), 'about 2√n groups, the small cluster taking none of its own');
    assert.equal(family([...groups].slice(0, 12).indexOf(of(12))), 1, 'the small weather cluster joins a group of the orders it is closest to');
  });

  it('returns nothing for no clusters and one group for one cluster', () => {
    assert.deepEqual([...groupClusters(centroids(), [])], []);
    assert.deepEqual([...groupClusters(centroids({ a: 1 }), [5])], [0]);
  });
});
