import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ConfigError, configSchema, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('documents every setting the service reads in .env.example', async () => {
    const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const missing = Object.keys(configSchema.shape).filter((key) => !new RegExp(`^#?\\s*${key}=`, 'm').test(example));
    assert.deepEqual(missing, []);
  });

  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3978);
    assert.match(config.sqlitePath, /data[/\\]intent-skill\.db$/);
  });

  it('names every bad variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DEFAULT_PHONE_REGION: 'usa', LIBRARY_RELOAD_SECONDS: '-5' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /PORT: /.test(error.message) &&
        /DEFAULT_PHONE_REGION: must be a two-letter region code/.test(error.message) &&
        /LIBRARY_RELOAD_SECONDS: /.test(error.message),
    );
  });

  it('names a Web PubSub endpoint that is not https and a hub name the service would refuse', () => {
    assert.throws(
      () => loadConfig({ AZURE_WEB_PUBSUB_ENDPOINT: 'http://example.webpubsub.azure.com', AZURE_WEB_PUBSUB_HUB: '1-assist' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /AZURE_WEB_PUBSUB_ENDPOINT: must be the https endpoint of an Azure Web PubSub resource/.test(error.message) &&
        /AZURE_WEB_PUBSUB_HUB: must be a hub name/.test(error.message),
    );
  });
});
