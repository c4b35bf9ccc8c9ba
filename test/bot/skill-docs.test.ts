import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { actionsMarkdown } from '../../src/actions/markdown.js';
import { skillActions } from '../../src/actions/index.js';
import { packageRoot } from '../../src/config.js';

const DOC = path.join(packageRoot, 'docs', 'skill.md');
const START = '<!-- actions:start (generated from src/bot/actions by test/bot/skill-docs.test.ts) -->\n';
const END = '<!-- actions:end -->';

describe('docs/skill.md', () => {
  it("documents every action's inputs and outputs as the manifest declares them", async () => {
    const doc = await readFile(DOC, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    assert.ok(from >= 0 && to > from, `docs/skill.md needs the markers ${START.trim()} and ${END}`);
    const expected = actionsMarkdown(skillActions);
    const current = doc.slice(from + START.length, to);
    if (current !== expected && process.env.UPDATE_SKILL_DOCS === '1') {
      await writeFile(DOC, `${doc.slice(0, from + START.length)}${expected}${doc.slice(to)}`);
      return;
    }
    assert.equal(current, expected, 'the action reference is out of date: run UPDATE_SKILL_DOCS=1 npx mocha test/bot/skill-docs.test.ts');
  });
});
