import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** An MCP key only these tests use. */
export const MCP_KEY = 'test-mcp-key-0123456789';

export interface Connected {
  client: Client;
  transport: StreamableHTTPClientTransport;
  close(): Promise<void>;
}

/** The official SDK client over Streamable HTTP, as an MCP host connects: initialize, then its calls. */
export async function connectMcp(origin: string, headers: Record<string, string> = { authorization: `Bearer ${MCP_KEY}` }): Promise<Connected> {
  const client = new Client({ name: 'intent-skill-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${origin}/mcp`), { requestInit: { headers } });
  await client.connect(transport);
  return { client, transport, close: () => client.close() };
}

export type Outputs = Record<string, unknown>;

/** Calls a tool and returns the result with its structured outputs (the SDK client has already checked them against the tool's outputSchema). */
export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult & { outputs: Outputs }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { ...result, outputs: (result.structuredContent ?? {}) as Outputs };
}

/** The text of a result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

/** One JSON-RPC message POSTed by hand, for what the SDK client does not let a test choose (protocol version, bad bodies). */
export async function postRpc(origin: string, message: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${origin}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${MCP_KEY}`, ...headers },
    body: typeof message === 'string' ? message : JSON.stringify(message),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
