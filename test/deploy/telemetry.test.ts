import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.js';
import { startTelemetry } from '../../src/app/telemetry.js';

describe('telemetry', () => {
  it('stays off without an Application Insights connection string', async () => {
    assert.equal(await startTelemetry(loadConfig({})), null);
  });

  it('reads the connection string from APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
    const value = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/';
    assert.equal(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value }).APPLICATIONINSIGHTS_CONNECTION_STRING, value);
  });
});
