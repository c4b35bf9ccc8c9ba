import type { z } from 'zod';

/** One validation problem with the exact place it is at: `intents[3].attributes[1].type`. */
export interface Problem {
  path: string;
  message: string;
}

/** `['intents', 3, 'attributes', 1, 'type']` -> `intents[3].attributes[1].type` (prefixed with `root` when given). */
export function formatPath(path: ReadonlyArray<PropertyKey>, root = ''): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, root);
}

/**
 * The one way this product words zod issues: each with its path (under `root`, such as `body` or `activity`),
 * and a missing field said as "is required" instead of zod's "expected string, received undefined".
 * Parse with `{ reportInput: true }` so a missing field can be told from a wrong one.
 */
export function problemsOf(issues: readonly z.core.$ZodIssue[], root = ''): Problem[] {
  return issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
    return { path: formatPath(issue.path, root) || root, message: missing ? `is required (${issue.expected})` : issue.message };
  });
}

/**
 * The first problem as a sentence with its path as the subject: `turns[0].role must be "customer", "agent" or "bot"`
 * (for messages that read as prose, such as the reason a row was skipped).
 */
export function describeFirstIssue(issues: readonly z.core.$ZodIssue[], root = ''): string {
  const [problem] = problemsOf(issues.slice(0, 1), root);
  if (problem === undefined) return '';
  return problem.path ? `${problem.path} ${problem.message}` : problem.message;
}

/** The problems as one line: `text: is required (string); top: must be at most 10`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root = ''): string {
  return problemsOf(issues, root)
    .map((problem) => `${problem.path || '(root)'}: ${problem.message}`)
    .join('; ');
}
