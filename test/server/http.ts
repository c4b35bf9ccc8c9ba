import assert from 'node:assert/strict';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One request as a client sends it: a string body goes as it is, anything else as JSON. */
export async function request(origin: string, method: string, route: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { body, headers = {} } = options;
  const response = await fetch(`${origin}${route}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Kept as text: the assertion below then says what came instead of JSON.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * The one error shape, exactly: JSON `{"error": {"code", "message"}}` with nothing else, the expected status and code,
 * and a message matching `message`.
 */
export function assertError(answer: Answer, status: number, code: string, message: RegExp, label = ''): void {
  const shown = `${label ? `${label}: ` : ''}${JSON.stringify(answer.body)}`;
  assert.equal(answer.status, status, shown);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/, shown);
  assert.ok(typeof answer.body === 'object' && answer.body !== null, shown);
  assert.deepEqual(Object.keys(answer.body), ['error'], shown);
  const error = (answer.body as { error: unknown }).error;
  assert.ok(typeof error === 'object' && error !== null, shown);
  assert.deepEqual(Object.keys(error).sort(), ['code', 'message'], shown);
  const { code: actualCode, message: actualMessage } = error as { code: unknown; message: unknown };
  assert.equal(actualCode, code, shown);
  assert.equal(typeof actualMessage, 'string', shown);
  assert.match(actualMessage as string, message, shown);
}
