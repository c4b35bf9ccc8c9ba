import { MAX_BATCH_SIZE } from '@modelcontextprotocol/sdk/server/requestBody.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ErrorCode,
  isInitializeRequest,
  isJSONRPCErrorResponse,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  JSONRPCMessageSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';

/** What the HTTP layer sends back for one POST: a status and, unless it is 202, a JSON body. */
export interface TransportAnswer {
  status: number;
  body?: unknown;
}

/** The headers of the POST that the Streamable HTTP rules look at. */
export interface PostHeaders {
  accept: string | undefined;
  protocolVersion: string | undefined;
}

/**
 * The SDK's `Transport` for one POST of Streamable HTTP in its stateless, JSON-response form: the body's JSON-RPC
 * messages go to the SDK's protocol core (`Server`), and the answer is the responses to its requests as one JSON body
 * (202 with none when it holds only notifications or responses). No session, no event stream: this server opens none.
 *
 * The POST rules are the SDK's own transport's, with its schemas and version list: both media types accepted (406),
 * valid JSON-RPC messages (400, -32700), at most one initialize and no more than the SDK's batch limit (400, -32600),
 * and a known MCP-Protocol-Version after initialization (400). The SDK's transport converts each request to a web
 * Request and its answer from a web Response and stream, which cost more than the protocol itself (bench/mcp.ts).
 */
export class JsonResponseTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly waiting = new Map<RequestId, (response: JSONRPCMessage) => void>();

  async start(): Promise<void> {}

  async close(): Promise<void> {
    this.waiting.clear();
    this.onclose?.();
  }

  /** The protocol core's answers: a response to a request of this POST is kept for the body; anything else has nowhere to go. */
  async send(message: JSONRPCMessage): Promise<void> {
    if (!isJSONRPCResultResponse(message) && !isJSONRPCErrorResponse(message)) return;
    if (message.id === undefined) return;
    this.waiting.get(message.id)?.(message);
  }

  /** Runs one POST body (already parsed JSON) through the protocol core and returns what to answer. */
  async handle(body: unknown, headers: PostHeaders): Promise<TransportAnswer> {
    const accept = headers.accept ?? '';
    if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
      return rpcError(406, -32000, 'Not Acceptable: Client must accept both application/json and text/event-stream');
    }
    const raw = Array.isArray(body) ? body : [body];
    if (raw.length > MAX_BATCH_SIZE) return rpcError(400, ErrorCode.InvalidRequest, `Invalid Request: Batch must not exceed ${MAX_BATCH_SIZE} messages`);
    const messages: JSONRPCMessage[] = [];
    for (const candidate of raw) {
      const parsed = JSONRPCMessageSchema.safeParse(candidate);
      if (!parsed.success) return rpcError(400, ErrorCode.ParseError, 'Parse error: Invalid JSON-RPC message');
      messages.push(parsed.data);
    }
    if (messages.some(isInitializeRequest)) {
      if (messages.length > 1) return rpcError(400, ErrorCode.InvalidRequest, 'Invalid Request: Only one initialization request is allowed');
    } else if (headers.protocolVersion !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(headers.protocolVersion)) {
      return rpcError(400, -32000, `Bad Request: Unsupported protocol version: ${headers.protocolVersion} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`);
    }
    const answers = messages.filter(isJSONRPCRequest).map((request) => new Promise<JSONRPCMessage>((resolve) => this.waiting.set(request.id, resolve)));
    for (const message of messages) this.onmessage?.(message);
    if (answers.length === 0) return { status: 202 };
    const responses = await Promise.all(answers);
    return { status: 200, body: Array.isArray(body) ? responses : responses[0] };
  }
}

function rpcError(status: number, code: number, message: string): TransportAnswer {
  return { status, body: { jsonrpc: '2.0', error: { code, message }, id: null } };
}
