import type { Intent } from '../library/schema.js';
import type { ConversationState } from './state.js';

/** Attribute types whose values say something about the solution (an error code, a device type), unlike an order number or an email. */
const searchableTypes = new Set(['enum', 'text', 'identifier']);
const MAX_QUERY = 300;

/**
 * The knowledge-base query for the intent and what is known: the intent's `solutionQuery` template with
 * `{attribute}` placeholders filled (unknown ones dropped), or the intent name plus the searchable values.
 */
export function buildQuery(intent: Intent, attributes: ConversationState['attributes']): string {
  const valueOf = (name: string): string | undefined => {
    const known = attributes[name];
    if (known === undefined) return undefined;
    // "Something else": the customer's own words say what ("smartwatch"), the value does not.
    return known.value === 'other' && known.text.trim() !== '' ? known.text : String(known.value);
  };
  if (intent.solutionQuery) {
    return squeeze(intent.solutionQuery.replace(/\{(\w+)\}/g, (_, name: string) => valueOf(name) ?? ''));
  }
  const values = intent.attributes
    .filter((attribute) => searchableTypes.has(attribute.type))
    .map((attribute) => valueOf(attribute.name))
    .filter((value): value is string => value !== undefined);
  return squeeze([intent.name, ...values].join(' '));
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
}
