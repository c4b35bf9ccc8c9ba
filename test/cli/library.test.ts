import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, runCli } from './run-cli.js';

const minimal = path.join(repoRoot, 'test', 'fixtures', 'library', 'minimal.json');

describe('intent-skill library (the real command)', function () {
  this.timeout(60_000);
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-cli-'));
    env = { DATA_DIR: dir };
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('validates a good file with a summary and exit code 0', async () => {
    const run = await runCli(['library', 'validate', minimal]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /valid, "mini" \(Minimal library\): 1 groups, 1 intents/);
  });

  it('names the exact path of every problem, structural and cross-reference alike, in one run, and exits non-zero', async () => {
    const bad = JSON.parse(await readFile(minimal, 'utf8'));
    bad.intents[0].attributes[1].type = 'colour';
    bad.intents[0].groupId = 'nowhere';
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(bad));
    const run = await runCli(['library', 'validate', file]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /intents\[0\]\.attributes\[1\]\.type: Invalid option: expected one of "text"\|"enum"/);
    assert.match(run.stderr, /intents\[0\]\.groupId: unknown group id "nowhere"/);
  });

  it('refuses routing data that names an unknown line of business or group, at its exact path', async () => {
    const bad = JSON.parse(await readFile(path.join(repoRoot, 'samples', 'library.json'), 'utf8'));
    bad.groups[2].lineOfBusinessId = 'telecom';
    bad.groups[4].parentId = 'payments';
    bad.intents[3].routing = { priority: 11 };
    const file = path.join(dir, 'bad-routing.json');
    await writeFile(file, JSON.stringify(bad));
    const run = await runCli(['library', 'validate', file]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /groups\[2\]\.lineOfBusinessId: unknown line of business id "telecom" \(known: retail, devices, billing-accounts\)/);
    assert.match(run.stderr, /groups\[4\]\.parentId: unknown group id "payments"/);
    assert.match(run.stderr, /intents\[3\]\.routing\.priority: Too big: expected number to be <=10/);
  });

  it('counts the lines of business of a library that has them', async () => {
    const run = await runCli(['library', 'validate', path.join(repoRoot, 'samples', 'library.json')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /: 3 lines of business, 7 groups, 27 intents/);
  });

  it('imports, refuses to overwrite without --replace, and exports what it stored', async () => {
    assert.equal((await runCli(['library', 'import', minimal], { env })).code, 0);
    const again = await runCli(['library', 'import', minimal], { env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /library "mini" is already stored .*pass --replace/);
    const exported = await runCli(['library', 'export', '--id', 'mini'], { env });
    assert.equal(exported.code, 0, exported.stderr);
    const original = JSON.parse(await readFile(minimal, 'utf8'));
    const roundTrip = JSON.parse(exported.stdout);
    assert.equal(roundTrip.intents[0].attributes[0].pattern, original.intents[0].attributes[0].pattern);
    assert.equal(roundTrip.intents[0].name, original.intents[0].name);
  });

  it('stores nothing from an invalid file and keeps what was stored', async () => {
    assert.equal((await runCli(['library', 'import', minimal], { env })).code, 0);
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{ "schemaVersion": 1, "id": "mini", ');
    const run = await runCli(['library', 'import', '--replace', broken], { env });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /invalid JSON at line 1/);
    const exported = await runCli(['library', 'export', '--id', 'mini'], { env });
    assert.equal(JSON.parse(exported.stdout).name, 'Minimal library');
  });

  it('warns on stderr about a valid library with no intents, validating it (exit 0) and importing it', async () => {
    const empty = { ...JSON.parse(await readFile(minimal, 'utf8')), intents: [] };
    const file = path.join(dir, 'empty.json');
    await writeFile(file, JSON.stringify(empty));
    const validated = await runCli(['library', 'validate', file]);
    assert.equal(validated.code, 0, validated.stderr);
    assert.match(validated.stdout, /valid, "mini" .*0 intents/);
    assert.match(validated.stderr, /^warning: library "mini" has no intents: it is valid, but the skill would detect no intent/);
    const imported = await runCli(['library', 'import', file], { env });
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /^warning: library "mini" has no intents/);
    const exported = await runCli(['library', 'export', '--id', 'mini'], { env });
    assert.deepEqual(JSON.parse(exported.stdout).intents, []);
  });

  it('warns about a library whose every intent is discarded, and not about a good one', async () => {
    const library = JSON.parse(await readFile(minimal, 'utf8'));
    library.intents[0].status = 'discarded';
    const file = path.join(dir, 'discarded.json');
    await writeFile(file, JSON.stringify(library));
    const run = await runCli(['library', 'validate', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^warning: library "mini" has only discarded intents \(1\)/);
    assert.equal((await runCli(['library', 'validate', minimal])).stderr, '');
  });

  it('says which libraries exist when asked for an unknown one', async () => {
    await runCli(['library', 'import', minimal], { env });
    const run = await runCli(['library', 'export', '--id', 'nope'], { env });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no library "nope" is stored \(stored: mini\)/);
  });
});
