import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { CliError } from '../../src/cli/errors.js';
import { registerKbCommand } from '../../src/cli/kb.js';
import { articles, knowledgeBase, LOCAL_SEARCH_KEY } from './azure-helpers.js';
import { testCertificate } from './peers/certificate.js';
import { startSearchPeer, type SearchPeer } from './peers/search-peer.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

describe('intent-skill kb index', () => {
  let peer: SearchPeer;
  let kb: ReturnType<typeof knowledgeBase>;
  let caFile: string;

  before(async () => {
    peer = await startSearchPeer();
    kb = knowledgeBase(articles);
    caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intent-skill-ca-')), 'ca.pem');
    fs.writeFileSync(caFile, (await testCertificate()).cert);
  });
  after(async () => {
    kb.remove();
    fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
    await peer.close();
  });

  function kbIndex(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AZURE_')));
    return run(process.execPath, ['--import', 'tsx', path.join(here, 'kb-cli.ts'), 'kb', 'index', kb.dir], { env: { ...clean, ...env } });
  }

  it('pushes the folder to the configured index, trusting the service certificate through NODE_EXTRA_CA_CERTS', async () => {
    const { stdout } = await kbIndex({ NODE_EXTRA_CA_CERTS: caFile, AZURE_SEARCH_ENDPOINT: peer.endpoint, AZURE_SEARCH_KEY: LOCAL_SEARCH_KEY, AZURE_SEARCH_INDEX: 'cli-index' });
    assert.match(stdout, /indexed 3 articles as 3 chunks into "cli-index" \(keywords only: no embedding deployment configured\)/);
    assert.equal(peer.documents('cli-index').size, 3);
  });

  it('says what to set when Azure AI Search is not configured', async () => {
    const saved = process.env.AZURE_SEARCH_ENDPOINT;
    delete process.env.AZURE_SEARCH_ENDPOINT;
    try {
      const program = new Command().exitOverride();
      registerKbCommand(program);
      await assert.rejects(program.parseAsync(['kb', 'index', kb.dir], { from: 'user' }), (error: Error) => {
        assert.ok(error instanceof CliError);
        assert.match(error.message, /kb index pushes to Azure AI Search: set AZURE_SEARCH_ENDPOINT/);
        return true;
      });
    } finally {
      if (saved !== undefined) process.env.AZURE_SEARCH_ENDPOINT = saved;
    }
  });
});
