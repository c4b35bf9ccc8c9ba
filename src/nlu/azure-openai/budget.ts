/** A model call did not answer within its budget. */
export class BudgetExceededError extends Error {
  override name = 'BudgetExceededError';
  constructor(readonly budgetMs: number) {
    super(`no answer within ${budgetMs} ms`);
  }
}

/**
 * Runs `call` with a signal that aborts after `budgetMs`, and stops waiting then even if the call
 * ignores the signal (an SDK sleeping before a retry), so the caller always gets control back in time.
 */
export async function withBudget<T>(budgetMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new BudgetExceededError(budgetMs);
      controller.abort(error);
      reject(error);
    }, budgetMs);
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
