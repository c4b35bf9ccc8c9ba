import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConversations } from '../../src/discovery/readers.js';
import type { Conversation, SkippedRow } from '../../src/discovery/types.js';
import { repoRoot, runCli } from './run-cli.js';

/** What Notepad, Excel's "CSV UTF-8" and PowerShell's `Out-File -Encoding utf8` put before the text. */
const BOM = '\uFEFF';
const fixture = (...parts: string[]) => path.join(repoRoot, 'test', 'fixtures', ...parts);

describe('inputs saved with a UTF-8 byte-order mark', function () {
  this.timeout(120_000);
  let dir: string;
  /** Writes `text` after a byte-order mark to a file in the test folder and returns its path. */
  const withBom = async (name: string, text: string): Promise<string> => {
    const file = path.join(dir, name);
    await writeFile(file, BOM + text, 'utf8');
    return file;
  };

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-bom-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('library validate, import, review and merge --into read a library file with one', async () => {
    const library = await withBom('library.json', await readFile(fixture('library', 'minimal.json'), 'utf8'));
    const validated = await runCli(['library', 'validate', library]);
    assert.equal(validated.code, 0, validated.stderr);
    assert.match(validated.stdout, /valid, "mini"/);

    const imported = await runCli(['library', 'import', library], { env: { DATA_DIR: path.join(dir, 'data') } });
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /imported "mini"/);

    const listed = await runCli(['library', 'review', library]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /approved\s+order-status/);

    const draft = await withBom('draft.json', await readFile(fixture('nlu', 'library.json'), 'utf8'));
    const merged = await runCli(['library', 'merge', draft, '--into', library, '--dry-run']);
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stdout, /dry run: nothing written/);
  });

  it('eval reads labelled JSONL with one, at the start and where joining two such files put one mid-file', async () => {
    const train = await withBom('train.jsonl', await readFile(fixture('nlu', 'train.jsonl'), 'utf8'));
    const rows = (await readFile(fixture('nlu', 'test.jsonl'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
    const test = await withBom('test.jsonl', `${rows.slice(0, 4).join('\n')}\n${BOM}${rows.slice(4).join('\n')}\n`);
    const run = await runCli(['eval', '--train', train, '--test', test, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).rows, rows.length);
  });

  it('discover reads JSONL transcripts with one, skipping no row', async () => {
    const sample = (await readFile(path.join(repoRoot, 'samples', 'transcripts.jsonl'), 'utf8')).split('\n').slice(0, 60).join('\n');
    const transcripts = await withBom('transcripts.jsonl', `${sample}\n`);
    const run = await runCli(['discover', transcripts, '--out', path.join(dir, 'draft-out.json')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^60 conversations read \(0 rows skipped\)/);
  });

  describe('the transcript readers', () => {
    async function read(name: string, text: string): Promise<{ conversations: Conversation[]; skipped: SkippedRow[] }> {
      const file = await withBom(name, text);
      const skipped: SkippedRow[] = [];
      const conversations: Conversation[] = [];
      for await (const conversation of readConversations(file, { onSkip: (row) => skipped.push(row) })) conversations.push(conversation);
      return { conversations, skipped };
    }

    it('reads {id, text} JSONL with one, also where joining two such files put one mid-file', async () => {
      const { conversations, skipped } = await read('utterances.jsonl', `{"id":"u1","text":"where is my order"}\n${BOM}{"id":"u2","text":"I want my money back"}\n`);
      assert.deepEqual(skipped, []);
      assert.deepEqual(
        conversations.map((c) => c.conversationId),
        ['u1', 'u2'],
      );
    });

    it('reads CSV turns and CSV utterances with one, the first column name included', async () => {
      const turns = await read('turns.csv', 'conversationId,role,text\nc1,customer,my tv is broken\nc1,agent,What model is it?\n');
      assert.deepEqual(turns.skipped, []);
      assert.deepEqual(turns.conversations, [{ conversationId: 'c1', turns: [{ role: 'customer', text: 'my tv is broken' }, { role: 'agent', text: 'What model is it?' }] }]);
      const utterances = await read('utterances.csv', 'id,text\nu1,cancel my order\n');
      assert.deepEqual(utterances.skipped, []);
      assert.deepEqual(utterances.conversations, [{ conversationId: 'u1', turns: [{ role: 'customer', text: 'cancel my order' }] }]);
    });
  });
});
