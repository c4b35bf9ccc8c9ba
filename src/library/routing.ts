import type { Catalog } from './catalog.js';
import type { IntentGroup, Routing } from './schema.js';

/** Where a handed-off conversation should go, with the levels it was resolved from. */
export interface Route {
  intentId: string;
  intentName: string;
  groupId: string;
  groupName: string;
  lineOfBusinessId?: string;
  lineOfBusinessName?: string;
  queue?: string;
  /** Empty when no level names any. */
  skills: string[];
  /** 1 is the most urgent, 10 the least. */
  priority?: number;
}

type Levels = Pick<Catalog, 'intent' | 'group' | 'lineOfBusiness'>;

/** The intent's group and its parent groups, nearest first; a parent loop (refused by the schema) ends the chain. */
export function groupChain(catalog: Pick<Catalog, 'group'>, groupId: string): IntentGroup[] {
  const chain: IntentGroup[] = [];
  for (let group = catalog.group(groupId); group && !chain.includes(group); group = group.parentId ? catalog.group(group.parentId) : undefined) {
    chain.push(group);
  }
  return chain;
}

/**
 * The route of a live intent, field by field from the most specific level that sets it: the intent, its group, the
 * group's parent groups (nearest first), then the line of business. The line of business is the nearest group's that
 * names one. Null for an intent the catalog does not serve.
 */
export function resolveRoute(catalog: Levels, intentId: string): Route | null {
  const intent = catalog.intent(intentId);
  if (!intent) return null;
  const groups = groupChain(catalog, intent.groupId);
  const lineId = groups.find((group) => group.lineOfBusinessId !== undefined)?.lineOfBusinessId;
  const line = lineId ? catalog.lineOfBusiness(lineId) : undefined;
  const levels: Array<Routing | undefined> = [intent.routing, ...groups.map((group) => group.routing), line?.routing];
  const first = <K extends keyof Routing>(field: K): Routing[K] => levels.find((routing) => routing?.[field] !== undefined)?.[field];
  const queue = first('queue');
  const priority = first('priority');
  return {
    intentId: intent.id,
    intentName: intent.name,
    groupId: intent.groupId,
    groupName: groups[0]?.name ?? intent.groupId,
    ...(line ? { lineOfBusinessId: line.id, lineOfBusinessName: line.name } : {}),
    ...(queue !== undefined ? { queue } : {}),
    skills: first('skills') ?? [],
    ...(priority !== undefined ? { priority } : {}),
  };
}
