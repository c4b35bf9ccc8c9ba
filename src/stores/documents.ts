import type { z } from 'zod';
import { describeIssues } from '../text/issues.js';

/** A write refused because the document does not match its schema; nothing was written. */
export class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError';
  constructor(
    readonly kind: string,
    readonly id: string,
    issues: readonly z.core.$ZodIssue[],
  ) {
    super(`refused to store ${kind} "${id}": it does not match the schema: ${describeIssues(issues)}`);
  }
}

/** A stored row that cannot be read back as a valid document. The row is left untouched for a person to inspect. */
export class CorruptDocumentError extends Error {
  override name = 'CorruptDocumentError';
  constructor(
    readonly table: string,
    readonly id: string,
    detail: string,
  ) {
    super(`table "${table}", id "${id}": the stored document is corrupt and was left as it is: ${detail}`);
  }
}

/** The arguments of ConversationStore.updatedSince, checked the same way by every adapter. */
export function checkPaging(since: Date, pageSize: number): void {
  if (!(since instanceof Date) || Number.isNaN(since.getTime())) throw new RangeError(`updatedSince: "since" must be a valid Date, got ${String(since)}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`updatedSince: "pageSize" must be a whole number of at least 1, got ${String(pageSize)}`);
}
