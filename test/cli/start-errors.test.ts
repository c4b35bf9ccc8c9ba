import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, runCli } from './run-cli.js';

describe('serve when it cannot start (the real command)', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-start-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('names the data folder it cannot write the database in, in one line, and exits 1', async () => {
    const notAFolder = path.join(dir, 'a-file');
    await writeFile(notAFolder, 'not a folder');
    const run = await runCli(['serve'], { env: { PORT: '0', DATA_DIR: path.join(notAFolder, 'data') } });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^intent-skill: cannot start: cannot open the SQLite database ".*a-file\/data\/intent-skill\.db": /);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });

  it('says the live library has nothing to detect, and what to do, in one line', async () => {
    const empty = path.join(dir, 'empty.json');
    const library = JSON.parse(await readFile(path.join(repoRoot, 'test', 'fixtures', 'library', 'minimal.json'), 'utf8'));
    await writeFile(empty, JSON.stringify({ ...library, intents: [] }));
    const run = await runCli(['serve'], { env: { PORT: '0', DATA_DIR: path.join(dir, 'empty-data'), LIBRARY_ID: 'mini', LIBRARY_SEED_FILE: empty } });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^intent-skill: cannot start: library "mini" has no approved or draft intent to train on; give it intents/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
