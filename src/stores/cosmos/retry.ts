import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; it doubles (with jitter) for each later one, unless the service says how long. */
  baseDelayMs: number;
  /** No single wait is longer, whatever the service asks. */
  maxDelayMs: number;
}

export const defaultRetryOptions: RetryOptions = { attempts: 4, baseDelayMs: 50, maxDelayMs: 2000 };

/** What a failed call tells the retry loop. */
export interface FailureKind {
  transient: boolean;
  /** The request may have been carried out although no answer came back (a write must then be reconciled). */
  ambiguous: boolean;
  retryAfterMs: number | undefined;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET']);

/** Classifies an error of the Cosmos SDK: 429 and 449 were refused before any work; 408, 503 and dropped connections may not have been. */
export function classifyCosmosError(error: unknown): FailureKind {
  const code = (error as { code?: unknown } | null)?.code;
  const retryAfterMs = retryAfter(error);
  if (code === 429 || code === 449) return { transient: true, ambiguous: false, retryAfterMs };
  if (code === 408 || code === 503 || code === 'TimeoutError' || (typeof code === 'string' && NETWORK_CODES.has(code))) {
    return { transient: true, ambiguous: true, retryAfterMs };
  }
  return { transient: false, ambiguous: false, retryAfterMs: undefined };
}

function retryAfter(error: unknown): number | undefined {
  const candidate = error as { retryAfterInMs?: unknown; headers?: Record<string, unknown> } | null;
  const header = candidate?.headers?.['x-ms-retry-after-ms'];
  const value = typeof candidate?.retryAfterInMs === 'number' ? candidate.retryAfterInMs : Number(header);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Runs `operation` again after transient failures, waiting what the service asked for (x-ms-retry-after-ms)
 * or a growing jittered delay. `ambiguous` tells each try whether an earlier one may have been carried out.
 */
export async function withRetry<T>(
  operation: (context: { ambiguous: boolean }) => Promise<T>,
  classify: (error: unknown) => FailureKind,
  options: RetryOptions = defaultRetryOptions,
): Promise<T> {
  let ambiguous = false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation({ ambiguous });
    } catch (error) {
      const failure = classify(error);
      if (!failure.transient || attempt >= options.attempts) throw error;
      ambiguous ||= failure.ambiguous;
      const backoff = options.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
      await sleep(Math.min(options.maxDelayMs, failure.retryAfterMs ?? backoff));
    }
  }
}
