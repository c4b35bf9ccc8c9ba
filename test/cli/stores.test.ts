import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployDatabase, openStores } from '../azure/cosmos-helpers.js';
import { testCertificate } from '../azure/peers/certificate.js';
import { LOCAL_COSMOS_KEY, startCosmosPeer, type CosmosPeer } from '../azure/peers/cosmos-peer.js';
import { repoRoot, runCli } from './run-cli.js';

const minimal = path.join(repoRoot, 'test', 'fixtures', 'library', 'minimal.json');

describe('library commands use the stores the service uses (the real command)', function () {
  this.timeout(120_000);
  let peer: CosmosPeer;
  let dir: string;

  before(async () => {
    peer = await startCosmosPeer();
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-stores-'));
    await writeFile(path.join(dir, 'ca.pem'), (await testCertificate()).cert);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await peer.close();
  });

  it('imports into and exports from Cosmos DB when AZURE_COSMOS_ENDPOINT is set, and creates no SQLite file', async () => {
    const database = await deployDatabase(peer);
    const data = path.join(dir, 'data');
    const env = {
      DATA_DIR: data,
      NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem'),
      AZURE_COSMOS_ENDPOINT: peer.endpoint,
      AZURE_COSMOS_KEY: LOCAL_COSMOS_KEY,
      AZURE_COSMOS_DATABASE: database,
    };
    const imported = await runCli(['library', 'import', minimal], { env });
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /imported "mini"/);

    const cosmos = await openStores(peer, database);
    try {
      const stored = await cosmos.stores.libraries.get('mini');
      assert.equal(stored?.value.name, 'Minimal library');
    } finally {
      cosmos.close();
    }
    assert.equal(existsSync(path.join(data, 'intent-skill.db')), false, 'nothing went to SQLite');

    const exported = await runCli(['library', 'export', '--id', 'mini'], { env });
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(JSON.parse(exported.stdout).intents[0].examples, JSON.parse(await readFile(minimal, 'utf8')).intents[0].examples);
  });

  it('says what to deploy when the Cosmos DB database does not exist, without a stack trace, and stores nothing', async () => {
    const run = await runCli(['library', 'import', minimal], {
      env: {
        DATA_DIR: path.join(dir, 'data-2'),
        NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem'),
        AZURE_COSMOS_ENDPOINT: peer.endpoint,
        AZURE_COSMOS_KEY: LOCAL_COSMOS_KEY,
        AZURE_COSMOS_DATABASE: 'never-deployed',
      },
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^intent-skill: .*database "never-deployed".*does not exist/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.equal(existsSync(path.join(dir, 'data-2', 'intent-skill.db')), false);
  });
});
