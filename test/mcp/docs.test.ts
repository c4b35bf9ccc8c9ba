import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { skillActions } from '../../src/actions/index.js';
import { packageRoot } from '../../src/config.js';

describe('docs/mcp.md', () => {
  it('lists every tool of the catalogue once, saying whether it changes anything as its annotations do', async () => {
    const doc = await readFile(path.join(packageRoot, 'docs', 'mcp.md'), 'utf8');
    const rows = doc.split('\n').filter((line) => /^\| `[A-Za-z]+` \|/.test(line));
    assert.deepEqual(
      rows.map((row) => /^\| `([A-Za-z]+)`/.exec(row)?.[1]),
      skillActions.map((action) => action.name),
    );
    for (const action of skillActions) {
      const row = rows.find((line) => line.startsWith(`| \`${action.name}\` |`)) ?? '';
      assert.equal(row.endsWith('| no (`readOnlyHint`) |'), action.readOnly, row);
    }
  });
});
