import type { Attribute, Intent, IntentGroup, IntentLibrary } from '../library/schema.js';

/** The live library indexed for the step: only intents that are not discarded take part. */
export interface Catalog {
  library: IntentLibrary;
  intent(id: string): Intent | undefined;
  group(id: string): IntentGroup | undefined;
  attribute(intentId: string, name: string): Attribute | undefined;
}

export function buildCatalog(library: IntentLibrary): Catalog {
  const intents = new Map(library.intents.filter((intent) => intent.status !== 'discarded').map((intent) => [intent.id, intent]));
  const groups = new Map(library.groups.map((group) => [group.id, group]));
  return {
    library,
    intent: (id) => intents.get(id),
    group: (id) => groups.get(id),
    attribute: (intentId, name) => intents.get(intentId)?.attributes.find((attribute) => attribute.name === name),
  };
}
