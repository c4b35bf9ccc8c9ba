import type { SkippedRow } from './types.js';

/** What reading a transcripts file gave: the conversations read and the rows skipped, counted by reason. */
export interface ReadTally {
  conversationsRead: number;
  skipped: number;
  /** Skipped rows by the kind of reason ("not valid JSON", "turns[0].role must be ..."), in the order first seen. */
  reasons: Map<string, number>;
}

export function emptyTally(): ReadTally {
  return { conversationsRead: 0, skipped: 0, reasons: new Map() };
}

/** The kind of a skip reason, without the detail that differs row by row ("not valid JSON (Unexpected token '#' ...)" -> "not valid JSON"). */
function reasonKind(reason: string): string {
  return reason.replace(/\s*\(.*\)\s*$/s, '');
}

export function countSkip(tally: ReadTally, row: SkippedRow): void {
  tally.skipped += 1;
  const kind = reasonKind(row.reason);
  tally.reasons.set(kind, (tally.reasons.get(kind) ?? 0) + 1);
}

/** The input was not transcripts: nothing was read, or most rows were skipped. Nothing is written. */
export class DiscoveryInputError extends Error {
  override name = 'DiscoveryInputError';
}

const SHOWN_REASONS = 3;

/**
 * Why a file is not transcripts discovery can use, or null when it is: no conversation read, or more rows
 * skipped than read (a file of another kind whose few lines happen to parse is not a corpus).
 */
export function inputProblem(file: string, tally: ReadTally): string | null {
  const { conversationsRead: read, skipped } = tally;
  if (read > 0 && skipped <= read) return null;
  const expected = 'expected JSONL {conversationId, turns: [{role, text}]} or {id, text} a line, or CSV with conversationId,role,text or id,text columns';
  if (read === 0 && skipped === 0) return `${file} holds no conversation (it is empty or blank); ${expected}`;
  const reasons = [...tally.reasons.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SHOWN_REASONS)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  const what = read === 0 ? 'no conversation could be read' : `most rows were skipped`;
  return `${file} does not look like transcripts: ${what} (${read} conversations read, ${skipped} rows skipped: ${reasons}); ${expected}`;
}
