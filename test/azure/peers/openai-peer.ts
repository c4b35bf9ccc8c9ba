import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault, FaultPlan, type RecordedRequest } from './faults.js';
import { close, listen, readJson, sendJson } from './http.js';

export interface ChatRequest {
  deployment: string;
  body: {
    model?: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
    [key: string]: unknown;
  };
  request: RecordedRequest;
}

/** An answer Azure's content filter withholds (finish_reason `content_filter`), with the severity of each category it filtered. */
export class FilteredAnswer {
  constructor(readonly severities: Readonly<Record<string, 'low' | 'medium' | 'high'>>) {}
}

/** What the fake model answers: a JSON value for the structured output, a raw message content, or a FilteredAnswer. */
export type ChatResponder = (request: ChatRequest) => unknown;

const CATEGORIES = ['hate', 'self_harm', 'sexual', 'violence'] as const;

/** Azure's content-filter annotations: each category with its severity, filtered when the answer was withheld for it. */
function contentFilterResults(severities: FilteredAnswer['severities'] = {}): Record<string, { filtered: boolean; severity: string }> {
  return Object.fromEntries(
    CATEGORIES.map((category) => {
      const severity = severities[category];
      return [category, { filtered: severity !== undefined, severity: severity ?? 'safe' }];
    }),
  );
}

export interface OpenAIPeer {
  endpoint: string;
  faults: FaultPlan;
  chats: ChatRequest[];
  embeddings: Array<{ deployment: string; body: Record<string, unknown>; request: RecordedRequest }>;
  /** Sets how the chat deployment answers, by response schema name. */
  answer(schemaName: string, responder: ChatResponder): void;
  close(): Promise<void>;
}

/** A deterministic embedding: texts sharing words get similar vectors. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[hash % dimensions]! += 1;
  }
  return vector;
}

function base64Floats(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

/** A small Azure OpenAI data plane: chat completions with structured outputs and embeddings, per deployment. */
export async function startOpenAIPeer(): Promise<OpenAIPeer> {
  const faults = new FaultPlan();
  const chats: ChatRequest[] = [];
  const embeddings: OpenAIPeer['embeddings'] = [];
  const responders = new Map<string, ChatResponder>();

  async function handle(req: IncomingMessage, res: ServerResponse, request: RecordedRequest): Promise<void> {
    const body = (await readJson(req)) as Record<string, unknown>;
    if (!request.headers['api-key'] && !request.headers.authorization) return sendJson(res, 401, { error: { code: '401', message: 'Access denied' } });
    const route = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/.exec(request.path);
    if (!route || !request.query.get('api-version')) return sendJson(res, 404, { error: { code: '404', message: 'Resource not found' } });
    const deployment = decodeURIComponent(route[1]!);
    if (route[2] === 'embeddings') {
      embeddings.push({ deployment, body, request });
      const inputs = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
      const dimensions = Number(body.dimensions ?? 8);
      const base64 = body.encoding_format === 'base64';
      return sendJson(res, 200, {
        object: 'list',
        model: deployment,
        data: inputs.map((input, index) => {
          const vector = fakeEmbedding(input, dimensions);
          return { object: 'embedding', index, embedding: base64 ? base64Floats(vector) : vector };
        }),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    const chat: ChatRequest = { deployment, body: body as ChatRequest['body'], request };
    chats.push(chat);
    const name = chat.body.response_format?.json_schema?.name ?? '';
    const responder = responders.get(name);
    if (!responder) return sendJson(res, 400, { error: { code: 'peer', message: `no answer set for ${name}` } });
    const answer = responder(chat);
    const filtered = answer instanceof FilteredAnswer;
    const content = filtered ? null : typeof answer === 'string' ? answer : JSON.stringify(answer);
    return sendJson(res, 200, {
      id: `chatcmpl-${chats.length}`,
      object: 'chat.completion',
      created: 0,
      model: deployment,
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: { ...contentFilterResults(), jailbreak: { filtered: false, detected: false } } }],
      choices: [
        {
          index: 0,
          finish_reason: filtered ? 'content_filter' : 'stop',
          message: { role: 'assistant', content, refusal: null },
          content_filter_results: contentFilterResults(filtered ? answer.severities : {}),
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }

  const server = http.createServer((req, res) => {
    const { request, fault } = faults.record(req);
    applyFault(fault, req, res, () => {
      handle(req, res, request).catch((error: Error) => sendJson(res, 500, { error: { code: 'peer', message: error.message } }));
    });
  });
  const port = await listen(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults,
    chats,
    embeddings,
    answer: (schemaName, responder) => void responders.set(schemaName, responder),
    close: () => close(server),
  };
}

/** A model's reading of a message that does nothing but name a request (the `acts` of an intent ranking). */
export const NO_ACTS = {
  asksForPerson: false,
  closing: 'none',
  cancel: false,
  affirm: false,
  deny: false,
  cannotAnswer: 'none',
  correction: false,
  switchTo: '',
  smallTalk: false,
  unhelped: false,
  offersInstead: false,
  asksWhy: false,
  holdOn: false,
  misunderstood: false,
  asksIfBot: false,
} as const;

/** The JSON document the client sent as the user message. */
export function userData(chat: ChatRequest): Record<string, unknown> {
  const user = chat.body.messages.find((message) => message.role === 'user');
  return JSON.parse(user?.content ?? '{}') as Record<string, unknown>;
}
