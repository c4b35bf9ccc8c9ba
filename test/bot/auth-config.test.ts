import assert from 'node:assert/strict';
import { botAuthProblems, type BotAuthConfig } from '../../src/bot/auth.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startService } from './helpers/service.js';

const APP_ID = '3c9f6a1e-52b7-4d08-a1e3-6f2d9b7c4a51';
const TENANT = '7e1f3c52-0d4b-4a8e-9c61-2f5b8d3a9e10';

function settings(env: Record<string, string>): BotAuthConfig {
  return loadConfig(env);
}

describe('Bot Framework authentication settings', () => {
  it('accepts a single-tenant app with secret and tenant, and a managed identity without secret', () => {
    assert.deepEqual(botAuthProblems(settings({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'placeholder', MicrosoftAppTenantId: TENANT })), []);
    assert.deepEqual(botAuthProblems(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT })), []);
  });

  it('refuses the ALLOWED_CALLERS wildcard while authentication is on, and accepts it while off', () => {
    const on = botAuthProblems(settings({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'placeholder', MicrosoftAppTenantId: TENANT, ALLOWED_CALLERS: '*' }));
    assert.equal(on.length, 1);
    assert.match(on[0]!, /ALLOWED_CALLERS: "\*" .* refused while authentication is on/);
    assert.deepEqual(botAuthProblems(settings({ ALLOWED_CALLERS: '*' })), []);
  });

  it('names each half-configured setting', () => {
    assert.match(botAuthProblems(settings({ MicrosoftAppPassword: 'placeholder' })).join('\n'), /MicrosoftAppPassword is set but MicrosoftAppId is not/);
    assert.match(botAuthProblems(settings({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'placeholder' })).join('\n'), /MicrosoftAppTenantId is required/);
    assert.match(botAuthProblems(settings({ MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT })).join('\n'), /MicrosoftAppPassword \(the client secret\) is required/);
    assert.match(
      botAuthProblems(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'placeholder' })).join('\n'),
      /must not be set with MicrosoftAppType=UserAssignedMSI/,
    );
  });

  it('rejects malformed ids and an unknown app type when the configuration is read', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: 'my-bot' }), /MicrosoftAppId: must be the app registration id/);
    assert.throws(() => loadConfig({ ALLOWED_CALLERS: `${APP_ID}, not-an-id` }), /ALLOWED_CALLERS\[1\]: each entry must be an app id/);
    assert.throws(() => loadConfig({ MicrosoftAppType: 'MultiTenant' }), /MicrosoftAppType/);
  });

  it('refuses to start with the wildcard and authentication on', async () => {
    await assert.rejects(
      startService({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'placeholder', MicrosoftAppTenantId: TENANT, ALLOWED_CALLERS: '*' }),
      (error: unknown) => error instanceof ConfigError && /ALLOWED_CALLERS/.test(error.message),
    );
  });

  it('starts with authentication off only without an app id, and says so loudly', async () => {
    const service = await startService();
    try {
      const warning = service.logs.find((line) => /AUTHENTICATION IS OFF/.test(line.msg));
      assert.ok(warning, 'expected the authentication-off warning');
      assert.equal(warning.level, 40);
    } finally {
      await service.close();
    }
  });
});
