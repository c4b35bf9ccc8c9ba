import assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { configSchema } from '../../src/config.js';
import {
  declarationName,
  declarations,
  descendants,
  fileNamed,
  loadTemplates,
  moduleBody,
  objectProperties,
  propertyAt,
  resources,
  secureParameters,
  stringValue,
  type BicepFile,
  type BicepResource,
} from './bicep.js';
import {
  apiVersionsReviewedOn,
  credentialExpression,
  credentialName,
  isPlatformSetting,
  keyVaultReferencePrefix,
  newestStableApiVersion,
  settingsNotSetOnAzure,
} from './policy.js';

const files: BicepFile[] = await loadTemplates();
const allResources: BicepResource[] = resources(files);
const main = fileNamed(files, 'main.bicep');
const schemaKeys = Object.keys(configSchema.shape);

function resourcesOfType(type: string): BicepResource[] {
  return allResources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}

function only(type: string): BicepResource {
  const found = resourcesOfType(type);
  assert.equal(found.length, 1, `expected one ${type}, found ${found.length}`);
  return found[0]!;
}

/** App settings: main.bicep's `appSettings` object and the literal keys the appsettings module adds. */
function appSettings(): Map<string, Node> {
  const variable = declarations(main.root, 'variable_declaration').find((node) => declarationName(node) === 'appSettings');
  const object = variable?.namedChild(1);
  assert.equal(object?.type, 'object', 'main.bicep must declare `var appSettings = { ... }`');
  const settings = new Map(objectProperties(object!));
  const config = only('Microsoft.Web/sites/config');
  assert.equal(stringValue(propertyAt(config.body, 'name')!), 'appsettings');
  const written = propertyAt(config.body, 'properties');
  for (const literal of descendants(written!).filter((node) => node.type === 'object')) {
    for (const [key, value] of objectProperties(literal)) settings.set(key, value);
  }
  return settings;
}

function outputs(): { file: string; name: string; value: Node }[] {
  return files.flatMap((file) =>
    declarations(file.root, 'output_declaration').map((output) => ({
      file: file.name,
      name: declarationName(output),
      value: output.namedChildren.at(-1)!,
    })),
  );
}

function identifiers(node: Node): Set<string> {
  return new Set(descendants(node).filter((child) => child.type === 'identifier').map((child) => child.text));
}

describe('deploy templates: app settings', () => {
  const settings = appSettings();

  it('sets every setting the code reads, except the documented ones left to their defaults', () => {
    const unset = schemaKeys.filter((key) => !settings.has(key) && !(key in settingsNotSetOnAzure));
    assert.deepEqual(unset, []);
  });

  it('sets no setting the code does not read', () => {
    const unknown = [...settings.keys()].filter((key) => !schemaKeys.includes(key) && !isPlatformSetting(key));
    assert.deepEqual(unknown, []);
  });

  it('keeps its list of unset settings true: each is a real setting and is really unset', () => {
    for (const key of Object.keys(settingsNotSetOnAzure)) {
      assert.ok(schemaKeys.includes(key), `${key} is not in configSchema`);
      assert.ok(!settings.has(key), `${key} is listed as unset but the template sets it`);
    }
  });

  it('puts no key, password or secure parameter in an app setting; the bot secret is a Key Vault reference', () => {
    const secure = new Set(files.flatMap((file) => secureParameters(file.root)));
    assert.ok(secure.size > 0, 'the bot secret parameter must be @secure()');
    for (const [name, value] of settings) {
      const used = [...identifiers(value)].filter((id) => secure.has(id));
      assert.deepEqual(used, [], `${name} uses a secure parameter`);
      if (name === 'APPLICATIONINSIGHTS_CONNECTION_STRING') continue;
      assert.doesNotMatch(value.text, credentialExpression, `${name} reads a credential`);
      if (!credentialName.test(name)) continue;
      const strings = descendants(value).filter((node) => node.type === 'string');
      assert.ok(strings.length > 0, `${name} must be a literal Key Vault reference or empty`);
      for (const literal of strings) {
        assert.ok(literal.text === "''" || literal.text.startsWith(`'${keyVaultReferencePrefix}`), `${name} is neither empty nor a Key Vault reference`);
      }
    }
  });
});

describe('deploy templates: outputs', () => {
  it('never output a key, secret, connection string or secure parameter', () => {
    const secureByFile = new Map(files.map((file) => [file.name, new Set(secureParameters(file.root))]));
    const all = outputs();
    assert.ok(all.length > 0);
    for (const output of all) {
      const where = `deploy/${output.file} output ${output.name}`;
      assert.doesNotMatch(output.name, credentialName, where);
      assert.doesNotMatch(output.value.text, credentialExpression, where);
      const used = [...identifiers(output.value)].filter((id) => secureByFile.get(output.file)?.has(id));
      assert.deepEqual(used, [], where);
    }
  });

  it('gives the endpoint and the skill manifest URL', () => {
    const names = declarations(main.root, 'output_declaration').map(declarationName);
    for (const name of ['SKILL_ENDPOINT', 'SKILL_MANIFEST_URL', 'BOT_APP_ID', 'BOT_TENANT_ID', 'PUBLIC_URL']) assert.ok(names.includes(name), name);
    const manifest = declarations(main.root, 'output_declaration').find((node) => declarationName(node) === 'SKILL_MANIFEST_URL');
    assert.match(manifest!.text, /\/manifests\/skill-manifest\.json/);
  });
});

describe('deploy templates: web app', () => {
  const site = allResources.find((resource) => resource.type === 'Microsoft.Web/sites' && propertyAt(resource.body, 'properties'))!;

  it('serves https only with TLS 1.2 or later', () => {
    assert.equal(propertyAt(site.body, 'properties', 'httpsOnly')?.text, 'true');
    const tls = stringValue(propertyAt(site.body, 'properties', 'siteConfig', 'minTlsVersion')!);
    assert.ok(tls === '1.2' || tls === '1.3', `minTlsVersion is ${tls}`);
  });

  it('is always on, checks /healthz and runs as the user-assigned identity', () => {
    assert.equal(propertyAt(site.body, 'properties', 'siteConfig', 'alwaysOn')?.text, 'true');
    assert.equal(stringValue(propertyAt(site.body, 'properties', 'siteConfig', 'healthCheckPath')!), '/healthz');
    assert.equal(stringValue(propertyAt(site.body, 'identity', 'type')!), 'UserAssigned');
  });
});

describe('deploy templates: data-plane access', () => {
  it('disables local auth (keys) on Cosmos DB, Azure AI Search, Azure OpenAI and Azure Web PubSub', () => {
    for (const type of ['Microsoft.DocumentDB/databaseAccounts', 'Microsoft.Search/searchServices', 'Microsoft.CognitiveServices/accounts', 'Microsoft.SignalRService/webPubSub']) {
      const resource = only(type);
      assert.equal(propertyAt(resource.body, 'properties', 'disableLocalAuth')?.text, 'true', `${type} in deploy/${resource.file}`);
    }
  });

  it('partitions every Cosmos DB container by /id and keeps TTL on for conversations', () => {
    const cosmos = fileNamed(files, 'modules/cosmos.bicep');
    const container = only('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    assert.match(container.body!.text, /partitionKey:\s*\{\s*paths:\s*\['\/id'\]/);
    assert.match(cosmos.root.text, /name:\s*conversationsContainer,\s*defaultTtl:\s*-1/);
  });

  it('creates one user-assigned identity and gives every role to it alone', () => {
    only('Microsoft.ManagedIdentity/userAssignedIdentities');
    const assignments = allResources.filter((resource) => /\/(sql)?roleAssignments$/i.test(resource.type));
    assert.ok(assignments.length >= 5, 'Cosmos DB, Search, OpenAI, Web PubSub and Key Vault each need a role assignment');
    for (const assignment of assignments) {
      assert.equal(propertyAt(assignment.body, 'properties', 'principalId')?.text, 'identityPrincipalId', `${assignment.symbol} in deploy/${assignment.file}`);
      if (assignment.type.startsWith('Microsoft.Authorization/')) {
        assert.equal(stringValue(propertyAt(assignment.body, 'properties', 'principalType')!), 'ServicePrincipal');
      }
    }
    const passed = declarations(main.root, 'module_declaration').flatMap((module) => {
      const value = propertyAt(moduleBody(module), 'params', 'identityPrincipalId');
      return value ? [value.text] : [];
    });
    assert.ok(passed.length >= 5);
    assert.deepEqual([...new Set(passed)], ['identity.outputs.principalId']);
  });

  it('gives the identity "Web PubSub Service Owner" on the Web PubSub resource (no keys), with a hub that refuses anonymous clients', () => {
    const webPubSub = fileNamed(files, 'modules/webpubsub.bicep');
    const owner = resources([webPubSub]).find((resource) => resource.type === 'Microsoft.Authorization/roleAssignments');
    assert.ok(owner, 'deploy/modules/webpubsub.bicep assigns a role');
    assert.equal(propertyAt(owner.body, 'scope')?.text, 'webPubSub');
    assert.match(webPubSub.root.text, /webPubSubServiceOwner = '12cf5a90-567b-43ae-8102-96cf46c7d9b4'/);
    const hub = only('Microsoft.SignalRService/webPubSub/hubs');
    assert.equal(stringValue(propertyAt(hub.body, 'properties', 'anonymousConnectPolicy')!), 'deny');
    const settings = appSettings();
    assert.equal(settings.get('AZURE_WEB_PUBSUB_ENDPOINT')?.text, 'webPubSub.outputs.endpoint');
    assert.equal(settings.get('AZURE_WEB_PUBSUB_HUB')?.text, 'webPubSub.outputs.hubName');
  });
});

describe('deploy templates: API versions', () => {
  const cutoff = new Date(`${apiVersionsReviewedOn}T00:00:00Z`);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - 2);

  it(`uses stable API versions no older than two years on the review of ${apiVersionsReviewedOn}, or the newest stable one where none is newer`, () => {
    for (const resource of allResources) {
      const where = `${resource.type}@${resource.apiVersion} in deploy/${resource.file}`;
      assert.match(resource.apiVersion, /^\d{4}-\d{2}-\d{2}$/, `${where} is not a stable version`);
      const pinned = newestStableApiVersion[resource.type];
      if (pinned) assert.equal(resource.apiVersion, pinned, where);
      else assert.ok(new Date(`${resource.apiVersion}T00:00:00Z`) >= cutoff, `${where} was older than two years on ${apiVersionsReviewedOn}`);
    }
  });
});
