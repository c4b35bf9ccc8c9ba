/** A call did not answer within its time. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * Runs `call` with a signal that aborts after `ms`, and stops waiting then even if the call ignores the signal
 * (an SDK sleeping before a retry), so the caller always gets control back in time. The one timeout helper:
 * every deadline in the product goes through it, and every one aborts the work it gives up on.
 */
export async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceededError(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  const running = call(controller.signal);
  // The losing call's rejection (usually the abort) is expected: keep it from surfacing as unhandled.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}
