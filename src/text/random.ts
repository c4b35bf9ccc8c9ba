import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The stream a seed starts. `mulberry32` (one 32-bit draw per number) drives training, clustering and tests;
 * `xoroshiro128plus` (with pure-rand's unbiased distributions) drives the synthetic transcripts, kept so that
 * a seed still gives the transcripts, samples and benchmark corpora it has always given.
 */
export type RandomStream = 'mulberry32' | 'xoroshiro128plus';

interface Draws {
  /** Uniform in [0, 1). */
  float(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
}

function mulberry32(seed: number): Draws {
  let state = seed >>> 0;
  const float = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { float, int: (min, max) => min + Math.floor(float() * (max - min + 1)) };
}

function xoroshiro(seed: number): Draws {
  const generator = xoroshiro128plus(seed | 0);
  return { float: () => uniformFloat64(generator), int: (min, max) => uniformInt(generator, min, max) };
}

/** A seeded source of random numbers and choices: the same seed and stream always give the same sequence. */
export class Random {
  readonly #draws: Draws;

  constructor(seed: number, stream: RandomStream = 'mulberry32') {
    this.#draws = stream === 'mulberry32' ? mulberry32(seed) : xoroshiro(seed);
  }

  /** A source for item `index` of a run, independent of how many items come before it. */
  static forItem(seed: number, index: number, stream: RandomStream = 'mulberry32'): Random {
    let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    return new Random(h ^ (h >>> 16), stream);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.#draws.float();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return this.#draws.int(min, max);
  }

  /** Standard normal (Box-Muller). */
  gaussian(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let target = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) return items[i] as T;
    }
    return this.pick(items);
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [result[i], result[j]] = [result[j] as T, result[i] as T];
    }
    return result;
  }

  /** `count` distinct indices from [0, n), in increasing order (all of them when count >= n). */
  sampleIndices(n: number, count: number): number[] {
    if (count >= n) return Array.from({ length: n }, (_, i) => i);
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = this.int(i, n - 1);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count).sort((a, b) => a - b);
  }

  /** `count` random decimal digits. */
  digits(count: number): string {
    let result = '';
    for (let i = 0; i < count; i++) result += String(this.int(0, 9));
    return result;
  }
}
