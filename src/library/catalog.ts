import { isLiveAttribute, liveIntents, type Attribute, type Intent, type IntentGroup, type IntentLibrary, type LineOfBusiness } from './schema.js';

/**
 * The live library indexed for the step: only live intents take part (see `liveIntents`), and of their
 * attributes only approved ones (draft and discarded attributes are never asked, extracted or shown).
 */
export interface Catalog {
  library: IntentLibrary;
  intent(id: string): Intent | undefined;
  group(id: string): IntentGroup | undefined;
  lineOfBusiness(id: string): LineOfBusiness | undefined;
  attribute(intentId: string, name: string): Attribute | undefined;
}

export function buildCatalog(library: IntentLibrary): Catalog {
  const intents = new Map(
    liveIntents(library).map((intent) => [intent.id, { ...intent, attributes: intent.attributes.filter(isLiveAttribute) }]),
  );
  const groups = new Map(library.groups.map((group) => [group.id, group]));
  const linesOfBusiness = new Map((library.linesOfBusiness ?? []).map((line) => [line.id, line]));
  return {
    library,
    intent: (id) => intents.get(id),
    group: (id) => groups.get(id),
    lineOfBusiness: (id) => linesOfBusiness.get(id),
    attribute: (intentId, name) => intents.get(intentId)?.attributes.find((attribute) => attribute.name === name),
  };
}
