/** A knowledge-base article or chunk returned as a solution. */
export interface Solution {
  id: string;
  title: string;
  url?: string;
  snippet: string;
  score: number;
  tags: string[];
}

export interface SolutionQuery {
  text: string;
  /** Prefer (or filter to) articles tagged with this intent id. */
  intentId?: string;
  top?: number;
}

/** The port every knowledge backend implements (embedded MiniSearch/FTS, Azure AI Search). */
export interface SolutionSearch {
  search(query: SolutionQuery): Promise<Solution[]>;
}
