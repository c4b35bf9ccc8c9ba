import type { SkillAction } from './types.js';
import { buildSkillManifest } from './skill-manifest.js';

interface PropertySchema {
  type?: string;
  enum?: unknown[];
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** The reference of every action's inputs and outputs, in Markdown, from the same schemas as the manifest. */
export function actionsMarkdown(actions: readonly SkillAction[]): string {
  const manifest = buildSkillManifest(actions, { endpointUrl: 'https://example.invalid/api/messages', appId: undefined, version: '0', name: 'doc', description: 'doc' });
  const sections = actions.map((action) => {
    const input = manifest.definitions[`${action.name}Input`] ?? {};
    const output = manifest.definitions[`${action.name}Output`] ?? {};
    return [
      `### ${action.name}`,
      '',
      action.description,
      '',
      '| input | type | required | description |',
      '|---|---|---|---|',
      ...rows(input, true),
      '',
      '| output | type | description |',
      '|---|---|---|',
      ...rows(output, false),
    ].join('\n');
  });
  return `${sections.join('\n\n')}\n`;
}

function rows(definition: Record<string, unknown>, withRequired: boolean): string[] {
  const properties = (definition.properties ?? {}) as Record<string, PropertySchema>;
  const required = new Set((definition.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const cells = [`\`${name}\``, typeOf(schema), ...(withRequired ? [required.has(name) ? 'yes' : 'no'] : []), cell(schema.description ?? '')];
    return `| ${cells.join(' | ')} |`;
  });
}

function typeOf(schema: PropertySchema): string {
  if (schema.enum) return `${schema.type ?? 'string'}: ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  const bounds = [schema.minimum !== undefined ? `>= ${schema.minimum}` : '', schema.maximum !== undefined ? `<= ${schema.maximum}` : '', schema.maxLength !== undefined ? `<= ${schema.maxLength} chars` : '']
    .filter((bound) => bound !== '')
    .join(', ');
  return `${schema.type ?? 'any'}${bounds ? ` (${bounds})` : ''}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const SECTION_START = '<!-- actions:start (generated from src/actions by `npm run docs`) -->\n';
const SECTION_END = '<!-- actions:end -->';

/** The document with its generated action reference replaced by the current one; throws if the markers are missing. */
export function withActionsSection(doc: string, actions: readonly SkillAction[]): string {
  const from = doc.indexOf(SECTION_START);
  const to = doc.indexOf(SECTION_END);
  if (from < 0 || to < from) throw new Error(`the document needs the markers ${SECTION_START.trim()} and ${SECTION_END}`);
  return `${doc.slice(0, from + SECTION_START.length)}${actionsMarkdown(actions)}${doc.slice(to)}`;
}
