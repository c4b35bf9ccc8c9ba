import type { Catalog } from './catalog.js';
import { groupChain } from './routing.js';

/**
 * The instructions that apply to an intent, most specific last: the library's, then its groups' from the outermost
 * parent to its own group, then the intent's. Empty when no level has any.
 */
export function instructionsFor(catalog: Pick<Catalog, 'library' | 'intent' | 'group'>, intentId: string): string[] {
  const intent = catalog.intent(intentId);
  if (!intent) return [];
  const groups = groupChain(catalog, intent.groupId).reverse();
  return [catalog.library.instructions, ...groups.map((group) => group.instructions), intent.instructions].filter(
    (text): text is string => text !== undefined && text.trim() !== '',
  );
}
