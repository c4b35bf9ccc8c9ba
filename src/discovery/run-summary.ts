import type { Discovery } from './discover.js';
import { NON_BUSINESS_KINDS, type NonBusinessKind } from './non-business.js';

/** The figures of a discovery run, as `discover --summary` writes them (JSON) and the CLI prints them. */
export interface RunSummary {
  source: string;
  conversationsRead: number;
  skippedRows: number;
  conversationsWithRequest: number;
  requests: number;
  unclearRequests: number;
  intents: number;
  groups: number;
  /** Conversations in which the customer asked for a person. */
  askedForPerson: number;
  /** Requests that were not intents of the business, by kind. */
  notIntents: Record<NonBusinessKind, number>;
}

export function runSummary(discovery: Discovery, source: string, conversationsRead: number, skippedRows: number): RunSummary {
  return {
    source,
    conversationsRead,
    skippedRows,
    conversationsWithRequest: discovery.conversations,
    requests: discovery.requests,
    unclearRequests: discovery.unclearRequests,
    intents: discovery.library.intents.length,
    groups: discovery.library.groups.length,
    askedForPerson: discovery.askedForPerson,
    notIntents: { ...discovery.nonBusiness },
  };
}

/** "not intents: 120 asking for a person, 14 greetings and small talk" (only the kinds seen), or ''. */
export function notIntentsText(summary: RunSummary): string {
  const parts = (Object.keys(NON_BUSINESS_KINDS) as NonBusinessKind[])
    .filter((kind) => summary.notIntents[kind] > 0)
    .map((kind) => `${summary.notIntents[kind]} ${NON_BUSINESS_KINDS[kind].replace(/ \(.*\)$/, '')}`);
  return parts.length ? `not intents: ${parts.join(', ')}` : '';
}
