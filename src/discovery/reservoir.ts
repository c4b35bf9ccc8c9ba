import type { Random } from '../text/random.js';

/**
 * A uniform sample of at most `size` items from a stream of unknown length (Vitter's algorithm R): every item
 * offered has the same chance to be kept, memory stays O(size), and the same seed and stream give the same sample.
 */
export class Reservoir<T> {
  readonly #kept: Array<{ index: number; item: T }> = [];
  readonly #size: number;
  readonly #random: Random;
  #offered = 0;

  constructor(size: number, random: Random) {
    if (!(size >= 0)) throw new RangeError(`a reservoir's size must be at least 0, got ${size}`);
    this.#size = size;
    this.#random = random;
  }

  /** How many items were offered. */
  get offered(): number {
    return this.#offered;
  }

  /** How many items are kept (at most the size). */
  get length(): number {
    return this.#kept.length;
  }

  offer(item: T): void {
    const index = this.#offered++;
    if (this.#kept.length < this.#size) {
      this.#kept.push({ index, item });
      return;
    }
    const slot = this.#random.int(0, index);
    if (slot < this.#size) this.#kept[slot] = { index, item };
  }

  /** The kept items in the order they were offered. */
  items(): T[] {
    return [...this.#kept].sort((a, b) => a.index - b.index).map((entry) => entry.item);
  }
}
