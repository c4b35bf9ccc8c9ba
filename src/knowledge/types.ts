import { z } from 'zod';

/** A knowledge-base article (or its best chunk) returned as a solution; conversations store them as they came. */
export const solutionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().optional(),
    snippet: z.string(),
    score: z.number(),
    tags: z.array(z.string()),
  })
  .strict();

export type Solution = z.output<typeof solutionSchema>;

export interface SolutionQuery {
  text: string;
  /** Prefer (or filter to) articles tagged with this intent id. */
  intentId?: string;
  top?: number;
  /** Aborts the search when its caller gives up on it (the turn's search deadline). */
  signal?: AbortSignal;
}

/** The port every knowledge backend implements (embedded MiniSearch/FTS, Azure AI Search). */
export interface SolutionSearch {
  search(query: SolutionQuery): Promise<Solution[]>;
}
