import assert from 'node:assert/strict';
import { Random, type RandomStream } from '../../src/text/random.js';

const STREAMS: readonly RandomStream[] = ['mulberry32', 'xoroshiro128plus'];

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.float());
}

describe('Random, the one seeded source of randomness', () => {
  for (const stream of STREAMS) {
    describe(stream, () => {
      it('gives the same sequence for the same seed and another one for another seed', () => {
        assert.deepEqual(draws(new Random(42, stream), 20), draws(new Random(42, stream), 20));
        assert.notDeepEqual(draws(new Random(42, stream), 20), draws(new Random(43, stream), 20));
      });

      it('draws floats in [0, 1) and integers within both bounds', () => {
        const random = new Random(7, stream);
        const seen = new Set<number>();
        for (let i = 0; i < 2000; i++) {
          const float = random.float();
          assert.ok(float >= 0 && float < 1, String(float));
          const int = random.int(-2, 2);
          assert.ok(Number.isInteger(int) && int >= -2 && int <= 2, String(int));
          seen.add(int);
        }
        assert.deepEqual([...seen].sort(), [-1, -2, 0, 1, 2]);
      });

      it('gives each item of a run its own stream, whatever came before', () => {
        assert.deepEqual(draws(Random.forItem(5, 3, stream), 5), draws(Random.forItem(5, 3, stream), 5));
        assert.notDeepEqual(draws(Random.forItem(5, 3, stream), 5), draws(Random.forItem(5, 4, stream), 5));
      });
    });
  }

  it('keeps the mulberry32 sequence that trained models and clusterings were made with', () => {
    assert.deepEqual(
      draws(new Random(1), 3).map((value) => value.toFixed(10)),
      ['0.6270739406', '0.0027357212', '0.5274470400'],
    );
  });

  it('keeps the xoroshiro128+ sequence the synthetic transcripts and samples/ were generated with', () => {
    const random = new Random(7, 'xoroshiro128plus');
    assert.deepEqual([random.int(0, 1000), random.int(0, 1000), random.digits(6), random.float().toFixed(10)], [302, 139, '593601', '0.1369298840']);
  });

  it('shuffles a copy, keeping every item once', () => {
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const shuffled = new Random(3).shuffle(items);
    assert.deepEqual([...shuffled].sort(), [...items]);
    assert.notDeepEqual(shuffled, items);
    assert.deepEqual(new Random(3).shuffle(items), shuffled);
  });

  it('samples distinct indices in increasing order, or all of them when asked for more', () => {
    const sample = new Random(9).sampleIndices(100, 10);
    assert.equal(new Set(sample).size, 10);
    assert.deepEqual(sample, [...sample].sort((a, b) => a - b));
    assert.ok(sample.every((index) => index >= 0 && index < 100));
    assert.deepEqual(new Random(9).sampleIndices(3, 5), [0, 1, 2]);
  });

  it('picks by weight, never an item of weight 0', () => {
    const random = new Random(11);
    const counts = { rare: 0, common: 0, never: 0 };
    for (let i = 0; i < 1000; i++) counts[random.weighted(['rare', 'common', 'never'] as const, [1, 9, 0])] += 1;
    assert.equal(counts.never, 0);
    assert.ok(counts.common > 800 && counts.rare > 50, JSON.stringify(counts));
  });

  it('draws standard normal values', () => {
    const random = new Random(13);
    const values = Array.from({ length: 5000 }, () => random.gaussian());
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    assert.ok(Math.abs(mean) < 0.05 && Math.abs(variance - 1) < 0.1, `mean ${mean}, variance ${variance}`);
  });

  it('refuses to pick from an empty list', () => {
    assert.throws(() => new Random(1).pick([]), RangeError);
  });
});
