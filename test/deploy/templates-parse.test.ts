import assert from 'node:assert/strict';
import { bicepFileNames, loadTemplates, parseBicep, syntaxProblems } from './bicep.js';

describe('deploy templates: syntax', () => {
  it('has main.bicep and one module per resource kind', () => {
    const names = bicepFileNames();
    assert.ok(names.includes('main.bicep'));
    for (const kind of ['identity', 'appservice', 'appsettings', 'bot', 'cosmos', 'search', 'openai', 'monitoring', 'keyvault']) {
      assert.ok(names.includes(`modules/${kind}.bicep`), `deploy/modules/${kind}.bicep is missing`);
    }
  });

  it('parses every .bicep file with no syntax error or missing token', async () => {
    for (const file of await loadTemplates()) {
      assert.deepEqual(syntaxProblems(file.root), [], `deploy/${file.name}`);
    }
  });

  it('reports a broken template with the line of the error', async () => {
    const root = await parseBicep("param name string\nresource site 'Microsoft.Web/sites@2025-03-01' = {\n  name: name\n  properties: { httpsOnly: true \n");
    const problems = syntaxProblems(root);
    assert.ok(problems.length > 0);
    assert.match(problems.join('\n'), /^\d+:\d+ /m);
  });
});
