import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, runCli } from './run-cli.js';

/** The lines the skill said, in order. */
const replies = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('skill> '));

describe('intent-skill chat (the real command)', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-chat-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('holds a self-service conversation typed on standard input, and resumes it by id in a later run', async () => {
    const env = { DATA_DIR: dir };
    const first = await runCli(['chat', '--conversation', 'my-order'], { env, input: 'hello\nwhere is my order?\nquit\n' });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /^no stored conversation "my-order"; starting a new one with that id$/m);
    const said = replies(first.stdout);
    assert.match(said[1] ?? '', /Hi! I can help with .*What can I do for you\?/, 'a greeting is answered as one, not taken for an intent');
    assert.match(said[2] ?? '', /order number/i);
    assert.match(said.at(-1) ?? '', /Goodbye\. \(conversation my-order\)/);

    const second = await runCli(['chat', '--conversation', 'my-order'], { env, input: 'BL-4471220\nquit\n' });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /^resuming conversation "my-order": 2 turns so far, intent order-status$/m);
    assert.match(replies(second.stdout)[1] ?? '', /Thanks. Here is what should help/, 'the bare order number answers the question asked in the first run');
    assert.match(second.stdout, /https:\/\/support\.brightline\.example\/articles\//);
  });

  it('refuses to start on a live library with no intents, saying why, without a stack trace', async () => {
    const empty = path.join(dir, 'empty.json');
    const library = JSON.parse(await readFile(path.join(repoRoot, 'test', 'fixtures', 'library', 'minimal.json'), 'utf8'));
    await writeFile(empty, JSON.stringify({ ...library, intents: [] }));
    const env = { DATA_DIR: dir, LIBRARY_ID: 'mini' };
    assert.equal((await runCli(['library', 'import', empty], { env })).code, 0);
    const run = await runCli(['chat'], { env, input: 'where is my order?\nquit\n' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^intent-skill: cannot start: library "mini" has no approved or draft intent to train on; give it intents/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
