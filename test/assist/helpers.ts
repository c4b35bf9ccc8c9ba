import { startService, type RunningService } from '../bot/helpers/service.js';

/** An API key only these tests use. */
export const API_KEY = 'test-assist-key-0123456789';

export interface Sent {
  status: number;
  body: {
    view?: AssistViewLike;
    duplicate?: boolean;
    delivery?: DeliveryLike | null;
    error?: { code: string; message: string };
    conversations?: unknown[];
  };
}

export interface DeliveryLike {
  status: string;
  reason?: string;
}

/** The parts of the view the tests look at. */
export interface AssistViewLike {
  conversationId: string;
  phase: string;
  escalated: boolean;
  handoff: { at: string; reason?: string } | null;
  replyChannel: string | null;
  feedback?: string | null;
  intent: { id: string; name: string; groupName: string; confidence: number } | null;
  route: { groupId: string; lineOfBusinessId?: string; queue?: string; skills: string[]; priority?: number } | null;
  earlierIntents: Array<{ id: string; text?: string; rejected: boolean }>;
  known: Array<{ name: string; value: unknown; source: string }>;
  questions: Array<{ attribute: string; answered: boolean; answer?: string }>;
  solutions: Array<{ id: string; title: string; url?: string }>;
  rejectedIntents: string[];
  responses: { source: string; items: string[] };
  turns: Array<{ role: string; text: string; messageId?: string; delivery?: DeliveryLike }>;
  turnCount: number;
}

export function startAssistService(env: Record<string, string> = { ASSIST_API_KEY: API_KEY }): Promise<RunningService> {
  return startService(env);
}

export async function call(origin: string, method: string, route: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${API_KEY}` }): Promise<Sent> {
  const response = await fetch(`${origin}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Sent['body']) };
}

let counter = 0;
export function newConversationId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Date.now().toString(36)}`;
}

export function message(id: string, role: 'customer' | 'representative', text: string): Record<string, string> {
  return { id, role, text };
}
