import { seededRandom } from '../../text/random.js';

/** A seeded pseudo-random source, so that clustering is reproducible for a seed. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal. */
  gaussian(): number;
}

/** mulberry32 (src/random.ts): small, fast and good enough for sampling and initialization. */
export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    gaussian: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** `count` distinct indices from [0, n), in increasing order (all of them when count >= n). */
export function sampleIndices(n: number, count: number, random: Random): number[] {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + random.int(n - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}
