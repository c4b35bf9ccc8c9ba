import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { skillActions } from '../../src/actions/index.js';
import { withActionsSection } from '../../src/actions/markdown.js';
import { packageRoot } from '../../src/config.js';

describe('docs/skill.md', () => {
  it("documents every action's inputs and outputs as the catalogue declares them (npm run docs regenerates it)", async () => {
    const doc = await readFile(path.join(packageRoot, 'docs', 'skill.md'), 'utf8');
    assert.equal(doc, withActionsSection(doc, skillActions), 'the action reference is out of date: run `npm run docs`');
  });
});
