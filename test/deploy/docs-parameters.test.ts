import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/config.js';
import { declarationName, declarations, deployDir, fileNamed, loadTemplates } from './bicep.js';

/** The first column of the table under `## Parameters`, without backticks. */
function documentedParameters(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Parameters\n'));
  assert.ok(section, 'docs/deploy.md needs a "## Parameters" section');
  return section
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) => line.split('|')[1]!.trim().replace(/`/g, ''));
}

describe('docs/deploy.md', () => {
  const parameters = JSON.parse(readFileSync(path.join(deployDir, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> };
  const passed = Object.keys(parameters.parameters);

  it('documents exactly the parameters main.parameters.json passes, in the same order', () => {
    const documented = documentedParameters(readFileSync(path.join(packageRoot, 'docs', 'deploy.md'), 'utf8'));
    assert.deepEqual(documented, passed);
  });

  it('passes only parameters main.bicep declares', async () => {
    const main = fileNamed(await loadTemplates(), 'main.bicep');
    const declared = declarations(main.root, 'parameter_declaration').map(declarationName);
    assert.deepEqual(passed.filter((name) => !declared.includes(name)), []);
  });
});
