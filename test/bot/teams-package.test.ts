import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { buildTeamsPackage, readTeamsTemplate, teamsManifestProblems, teamsTemplateDir } from '../../src/bot/teams-package.js';

const APP_ID = '5b2e8f14-7c3a-4d69-b0e1-2a9c6d8f3e71';
const BOT_ID = '3c9f6a1e-52b7-4d08-a1e3-6f2d9b7c4a51';

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the Teams app package', () => {
  it('ships a manifest at a current schema version that passes the Teams schema', async () => {
    const template = await readTeamsTemplate();
    assert.ok(Number((template.manifestVersion as string).split('.')[1]) >= 24, `manifestVersion ${String(template.manifestVersion)}`);
    assert.deepEqual(await teamsManifestProblems(template), []);
  });

  it('ships the two icons Teams asks for: 192x192 color and 32x32 outline', async () => {
    const template = await readTeamsTemplate();
    assert.deepEqual(pngSize(await readFile(path.join(teamsTemplateDir, template.icons.color))), { width: 192, height: 192 });
    assert.deepEqual(pngSize(await readFile(path.join(teamsTemplateDir, template.icons.outline))), { width: 32, height: 32 });
  });

  it('zips the manifest with the ids and domain from config, and the icons, at the root', async () => {
    const { zip } = await buildTeamsPackage({ appId: APP_ID, botId: BOT_ID, publicUrl: 'https://intent.example.com', version: '1.2.3' });
    const files = unzipSync(zip);
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Awaited<ReturnType<typeof readTeamsTemplate>>;
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.version, '1.2.3');
    assert.deepEqual(manifest.bots?.map((bot) => bot.botId), [BOT_ID]);
    assert.deepEqual(manifest.validDomains, ['intent.example.com']);
    assert.equal(manifest.developer.websiteUrl, 'https://intent.example.com');
  });

  it('refuses to package a manifest the schema rejects, naming the field', async () => {
    await assert.rejects(buildTeamsPackage({ appId: 'not-a-guid', botId: BOT_ID }), /the Teams manifest is not valid:\n {2}\/id/);
  });
});
