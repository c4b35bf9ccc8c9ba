import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import { runAction } from '../actions/run.js';
import type { ActionServices, SkillAction } from '../actions/types.js';
import { toolResult, toolsOf } from './tools.js';

/** The channel recorded on conversations that MCP calls start. */
export const MCP_CHANNEL = 'mcp';

export interface McpEdgeOptions {
  name: string;
  version: string;
  /** What the host's model reads first about this server (InitializeResult.instructions). */
  instructions: string;
}

/**
 * The MCP protocol side of the edge, knowing no transport: a factory of servers that list the catalogue's tools and run
 * a call through the same `runAction` the skill uses (so the engine stays the only writer of conversations). The tool
 * list is generated once; each request gets a fresh server, which keeps the edge stateless: any instance answers any call.
 *
 * The SDK's low-level `Server` rather than `McpServer`: the tools come from the catalogue with their schemas already
 * made, and `runAction` checks inputs and words failures the same way for every edge.
 */
export function mcpServerFactory(actions: readonly SkillAction[], services: ActionServices, logger: Logger, options: McpEdgeOptions): () => Server {
  const tools: Tool[] = toolsOf(actions);
  const names = new Set(tools.map((tool) => tool.name));
  // Each Server would build its own Ajv (most of a request's protocol cost); one, made once, serves them all.
  const jsonSchemaValidator = new AjvJsonSchemaValidator();
  return () => {
    const server = new Server(
      { name: options.name, version: options.version },
      { capabilities: { tools: { listChanged: false } }, instructions: options.instructions, jsonSchemaValidator },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const { name, arguments: value } = request.params;
      if (!names.has(name)) throw protocolError(ErrorCode.InvalidParams, `unknown tool "${name}"; the tools are ${[...names].join(', ')}`);
      // Without a conversationId a call starts a conversation of its own; its id comes back in the outputs.
      const outcome = await runAction(actions, { name, value, conversationId: `mcp-${randomUUID()}`, channel: MCP_CHANNEL }, services, logger);
      return toolResult(outcome);
    });
    return server;
  };
}

/**
 * A JSON-RPC error the SDK sends as it is (code and message). Its McpError would send "MCP error -32602: " inside the
 * message, and a client's McpError adds that prefix again.
 */
function protocolError(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(message), { code });
}
