import { parseLibrary } from '../../library/io.js';
import type { Discovery } from '../discover.js';
import { uniqueSlug } from '../../library/slug.js';
import type { ModelNames } from './name-intents.js';

/**
 * The discovery with the model's names and descriptions where it has them; ids are slugged from the
 * names they end up with, as discovery slugs them, in the same order as before.
 */
export function renameDiscovery(discovery: Discovery, names: ModelNames): Discovery {
  const { library } = discovery;
  const groupIds = new Set<string>();
  const groupId = new Map<string, string>();
  const groups = library.groups.map((group) => {
    const named = names.groups.get(group.id);
    const id = uniqueSlug(named?.name ?? group.name, groupIds, 'group');
    groupId.set(group.id, id);
    return { ...group, id, ...named };
  });
  const intentIds = new Set<string>();
  const intentId = new Map<string, string>();
  const intents = library.intents.map((intent) => {
    const named = names.intents.get(intent.id);
    const id = uniqueSlug(named?.name ?? intent.name, intentIds);
    intentId.set(intent.id, id);
    return { ...intent, id, groupId: groupId.get(intent.groupId) ?? intent.groupId, ...named };
  });
  const renamed = parseLibrary({ ...library, groups, intents }, 'discovered library');
  const byId = new Map(renamed.intents.map((intent) => [intent.id, intent] as const));
  return {
    ...discovery,
    library: renamed,
    intents: discovery.intents.map((found) => ({ ...found, intent: byId.get(intentId.get(found.intent.id)!)! })),
  };
}
