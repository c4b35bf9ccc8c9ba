import assert from 'node:assert/strict';
import { skillActions } from '../../src/actions/index.js';
import { SKILL_MANIFEST_SCHEMA, type SkillManifest } from '../../src/actions/skill-manifest.js';
import { startService, type RunningService } from './helpers/service.js';

const COPILOT_STUDIO = { actions: 100, fields: 25, bytes: 500 * 1024 };

function typesIn(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(typesIn);
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) => [...(key === 'type' ? [value].flat().map(String) : []), ...typesIn(value)]);
}

describe('the skill manifest', () => {
  let service: RunningService;
  let manifest: SkillManifest;
  let bytes: number;

  before(async () => {
    service = await startService({ PUBLIC_URL: 'https://intent.example.com' });
    const response = await fetch(`${service.origin}/manifests/skill-manifest.json`);
    assert.equal(response.status, 200);
    const text = await response.text();
    bytes = Buffer.byteLength(text);
    manifest = JSON.parse(text) as SkillManifest;
  });

  after(async () => {
    await service.close();
  });

  it('declares every action the handler runs, and nothing else', () => {
    assert.deepEqual(Object.keys(manifest.activities), skillActions.map((action) => action.name));
    for (const [name, activity] of Object.entries(manifest.activities)) {
      assert.equal(activity.type, 'event');
      assert.equal(activity.name, name);
      assert.ok(manifest.definitions[activity.value.$ref.replace('#/definitions/', '')], `${name}: its inputs are defined`);
      assert.ok(manifest.definitions[activity.resultValue.$ref.replace('#/definitions/', '')], `${name}: its outputs are defined`);
    }
  });

  it("stays within Copilot Studio's limits: actions, inputs and outputs per action, no arrays, size", () => {
    assert.ok(Object.keys(manifest.activities).length <= COPILOT_STUDIO.actions);
    for (const [name, definition] of Object.entries(manifest.definitions)) {
      const fields = Object.keys((definition.properties ?? {}) as object);
      assert.ok(fields.length > 0 && fields.length <= COPILOT_STUDIO.fields, `${name} has ${fields.length} fields`);
      assert.ok(!typesIn(definition).includes('array'), `${name} uses an array type`);
      assert.ok(!typesIn(definition).includes('object') || definition.type === 'object', `${name} nests an object`);
      for (const field of fields) assert.ok(typesIn((definition.properties as Record<string, unknown>)[field]).length > 0, `${name}.${field} has a type`);
    }
    assert.ok(bytes <= COPILOT_STUDIO.bytes, `${bytes} bytes`);
  });

  it('offers conversationId as an optional input of every action and reports errors as outputs', () => {
    for (const action of skillActions) {
      const input = manifest.definitions[`${action.name}Input`]!;
      const output = manifest.definitions[`${action.name}Output`]!;
      assert.ok((input.properties as Record<string, unknown>).conversationId, `${action.name} takes conversationId`);
      assert.ok(!((input.required ?? []) as string[]).includes('conversationId'));
      assert.ok((output.properties as Record<string, unknown>).errorMessage, `${action.name} returns errorMessage`);
    }
  });

  it("names the endpoint on the manifest's own origin, with the schema, name and app id Copilot Studio reads", () => {
    assert.equal(manifest.$schema, SKILL_MANIFEST_SCHEMA);
    assert.ok(manifest.$id && manifest.name && manifest.version && manifest.publisherName);
    const [endpoint] = manifest.endpoints;
    assert.equal(endpoint?.endpointUrl, 'https://intent.example.com/api/messages');
    assert.equal(endpoint?.protocol, 'BotFrameworkV3');
    assert.match(endpoint?.msAppId ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('uses the origin the request came in on when PUBLIC_URL is not set', async () => {
    const plain = await startService();
    try {
      const served = (await (await fetch(`${plain.origin}/manifests/skill-manifest.json`, { headers: { 'x-forwarded-proto': 'https' } })).json()) as SkillManifest;
      assert.equal(served.endpoints[0]?.endpointUrl, `${plain.origin.replace('http:', 'https:')}/api/messages`);
    } finally {
      await plain.close();
    }
  });
});
