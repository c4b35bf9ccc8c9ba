import { z } from 'zod';
import type { SkillAction } from './types.js';

export const SKILL_MANIFEST_SCHEMA = 'https://schemas.botframework.com/schemas/skills/v2.0/skill-manifest.json';

/** The app id Bot Framework tools expect in a manifest when the skill runs without authentication. */
const NO_APP_ID = '00000000-0000-0000-0000-000000000000';

export interface SkillManifestOptions {
  /** The full URL of the messages endpoint, e.g. https://intent.example.com/api/messages. */
  endpointUrl: string;
  appId: string | undefined;
  version: string;
  name: string;
  description: string;
}

export interface SkillManifestActivity {
  type: 'event';
  name: string;
  description: string;
  value: { $ref: string };
  resultValue: { $ref: string };
}

export interface SkillManifest {
  $schema: string;
  $id: string;
  name: string;
  version: string;
  description: string;
  publisherName: string;
  license: string;
  tags: string[];
  endpoints: Array<{ name: string; protocol: 'BotFrameworkV3'; description: string; endpointUrl: string; msAppId: string }>;
  activities: Record<string, SkillManifestActivity>;
  definitions: Record<string, Record<string, unknown>>;
}

/**
 * The skill manifest (schema 2.0, which 2.1 and 2.2 readers also accept), generated from the same action
 * definitions the handler dispatches on, so the two cannot drift apart.
 */
export function buildSkillManifest(actions: readonly SkillAction[], options: SkillManifestOptions): SkillManifest {
  const activities: Record<string, SkillManifestActivity> = {};
  const definitions: Record<string, Record<string, unknown>> = {};
  for (const action of actions) {
    definitions[`${action.name}Input`] = schemaOf(action.input, 'input', `The inputs of ${action.name}.`);
    definitions[`${action.name}Output`] = schemaOf(action.output, 'output', `The outputs of ${action.name}.`);
    activities[action.name] = {
      type: 'event',
      name: action.name,
      description: action.description,
      value: { $ref: `#/definitions/${action.name}Input` },
      resultValue: { $ref: `#/definitions/${action.name}Output` },
    };
  }
  return {
    $schema: SKILL_MANIFEST_SCHEMA,
    $id: options.name,
    name: options.name,
    version: options.version,
    description: options.description,
    publisherName: options.name,
    license: 'MIT',
    tags: ['customer service', 'intent', 'self-service'],
    endpoints: [
      {
        name: 'default',
        protocol: 'BotFrameworkV3',
        description: 'The production endpoint of the skill.',
        endpointUrl: options.endpointUrl,
        msAppId: options.appId ?? NO_APP_ID,
      },
    ],
    activities,
    definitions,
  };
}

/** A JSON Schema (draft 7) of an action's inputs or outputs. Outputs are all optional: a failed call returns only the error ones. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', description: string): Record<string, unknown> {
  const { $schema: _dialect, required, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io }) as Record<string, unknown>;
  return { ...json, ...(io === 'input' && required ? { required } : {}), description };
}
