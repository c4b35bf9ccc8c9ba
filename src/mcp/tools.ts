import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ActionOutcome } from '../actions/run.js';
import type { OutputValues, SkillAction } from '../actions/types.js';

/**
 * The MCP tools, generated from the action catalogue: one tool per action, under the action's name, with its
 * description, its inputs and outputs as JSON Schema (2020-12, MCP's default dialect) and annotations from whether
 * it only reads. Nothing here is written by hand per tool, so the tools and the skill manifest cannot drift apart.
 */
export function toolsOf(actions: readonly SkillAction[]): Tool[] {
  return actions.map((action) => ({
    name: action.name,
    title: titleOf(action.name),
    description: action.description,
    inputSchema: jsonSchemaOf(action.input, 'input'),
    outputSchema: jsonSchemaOf(action.output, 'output'),
    annotations: action.readOnly
      ? { title: titleOf(action.name), readOnlyHint: true, openWorldHint: false }
      : // Writes add to a conversation's record; they never delete or overwrite what it holds.
        { title: titleOf(action.name), readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  }));
}

/** "DetectIntent" -> "Detect intent". */
function titleOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type ObjectSchema = Tool['inputSchema'];

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): ObjectSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io }) as Record<string, unknown>;
  return { ...json, type: 'object' } as ObjectSchema;
}

/**
 * An action's outcome as a tool result: the outputs as `structuredContent` with the same outputs as readable lines
 * for hosts that show text only; a failure as `isError` with the message that names the problem (bad or missing input,
 * unknown intent, a timeout), so the model can correct the call.
 */
export function toolResult(outcome: ActionOutcome): CallToolResult {
  if (!outcome.ok) {
    // No structuredContent: a failure has none of the outputs the schema requires.
    return { isError: true, content: [{ type: 'text', text: outcome.message }] };
  }
  return { content: [{ type: 'text', text: readable(outcome.output) }], structuredContent: outcome.output };
}

/** `name: value`, one output a line, in the order the action declares them; unset outputs are left out. */
function readable(output: OutputValues): string {
  return Object.entries(output)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('\n');
}
