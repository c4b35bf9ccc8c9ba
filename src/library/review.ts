import { describeIssues } from '../text/issues.js';
import { parseLibrary } from './io.js';
import { attributeSchema, type Attribute, type AttributeType, type Intent, type IntentLibrary } from './schema.js';

/** An attribute of an intent, written `intentId.attributeName` on the command line. */
export interface AttributeRef {
  intentId: string;
  name: string;
}

export type ReviewAction =
  | { kind: 'approve'; ids: string[] }
  | { kind: 'discard'; ids: string[] }
  | { kind: 'approve-attributes'; attributes: AttributeRef[] }
  | { kind: 'discard-attributes'; attributes: AttributeRef[] }
  | { kind: 'rename'; id: string; name: string }
  | { kind: 'merge'; into: string; ids: string[] }
  | { kind: 'move'; id: string; groupId: string }
  | { kind: 'edit-attribute'; attribute: AttributeRef; changes: AttributeChanges };

/** What a reviewer may change of an attribute; null removes values or pattern. */
export interface AttributeChanges {
  label?: string;
  question?: string;
  type?: AttributeType;
  required?: boolean;
  values?: string[] | null;
  pattern?: string | null;
}

/** A review step that cannot apply: an unknown id, a merge into itself... */
export class ReviewError extends Error {
  override name = 'ReviewError';
}

function find(intents: readonly Intent[], id: string, action: string): Intent {
  const intent = intents.find((i) => i.id === id);
  if (!intent) throw new ReviewError(`${action}: no intent with id "${id}" (known: ${intents.map((i) => i.id).slice(0, 20).join(', ')})`);
  return intent;
}

function setAttributeStatus(intents: Intent[], refs: readonly AttributeRef[], status: 'approved' | 'discarded', action: string): Intent[] {
  for (const ref of refs) {
    const intent = find(intents, ref.intentId, action);
    if (!intent.attributes.some((a) => a.name === ref.name)) {
      throw new ReviewError(`${action}: intent "${ref.intentId}" has no attribute "${ref.name}" (it has: ${intent.attributes.map((a) => a.name).join(', ') || 'none'})`);
    }
  }
  const chosen = (intent: Intent, name: string) => refs.some((ref) => ref.intentId === intent.id && ref.name === name);
  return intents.map((i) => ({ ...i, attributes: i.attributes.map((a) => (chosen(i, a.name) ? { ...a, status } : a)) }));
}

/** The attribute with `changes` applied, checked alone so a problem names the attribute and the field. */
function editAttribute(attribute: Attribute, changes: AttributeChanges, where: string): Attribute {
  const { values, pattern, ...rest } = changes;
  const { values: _values, pattern: _pattern, valueLabels, ...kept } = attribute;
  const nextValues = values === null ? undefined : (values ?? attribute.values);
  const nextPattern = pattern === null ? undefined : (pattern ?? attribute.pattern);
  const labels = valueLabels && nextValues ? Object.fromEntries(Object.entries(valueLabels).filter(([value]) => nextValues.includes(value))) : undefined;
  const edited = {
    ...kept,
    ...rest,
    ...(nextValues !== undefined ? { values: nextValues } : {}),
    ...(nextPattern !== undefined ? { pattern: nextPattern } : {}),
    ...(labels && Object.keys(labels).length ? { valueLabels: labels } : {}),
  };
  const parsed = attributeSchema.safeParse(edited);
  if (!parsed.success) throw new ReviewError(`edit-attribute ${where}: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** `into` takes the examples, volumes, sample conversations and attributes it lacks of each intent in `from`. */
function absorb(into: Intent, from: readonly Intent[]): Intent {
  const all = [into, ...from];
  const names = new Set(into.attributes.map((a) => a.name));
  const conversations = all.reduce((sum, i) => sum + (i.stats?.conversations ?? 0), 0);
  const share = Math.min(1, all.reduce((sum, i) => sum + (i.stats?.share ?? 0), 0));
  const lastSeen = all.map((i) => i.stats?.lastSeen).filter((t): t is string => t !== undefined).sort().at(-1);
  return {
    ...into,
    examples: unique(all.flatMap((i) => i.examples)).slice(0, 5000),
    attributes: [...into.attributes, ...from.flatMap((i) => i.attributes).filter((a) => !names.has(a.name) && (names.add(a.name), true))].slice(0, 50),
    ...(into.stats || from.some((i) => i.stats) ? { stats: { conversations, share, ...(lastSeen ? { lastSeen } : {}) } } : {}),
    ...(into.provenance
      ? { provenance: { ...into.provenance, sampleConversationIds: unique(all.flatMap((i) => i.provenance?.sampleConversationIds ?? [])).slice(0, 100) } }
      : {}),
  };
}

function apply(intents: Intent[], action: ReviewAction, library: IntentLibrary): Intent[] {
  switch (action.kind) {
    case 'approve':
    case 'discard': {
      const status = action.kind === 'approve' ? 'approved' : 'discarded';
      for (const id of action.ids) find(intents, id, action.kind);
      return intents.map((i) => (action.ids.includes(i.id) ? { ...i, status } : i));
    }
    case 'approve-attributes':
      return setAttributeStatus(intents, action.attributes, 'approved', 'approve-attribute');
    case 'discard-attributes':
      return setAttributeStatus(intents, action.attributes, 'discarded', 'discard-attribute');
    case 'rename': {
      find(intents, action.id, 'rename');
      if (action.name.trim() === '') throw new ReviewError(`rename: the new name of "${action.id}" is empty`);
      return intents.map((i) => (i.id === action.id ? { ...i, name: action.name.trim() } : i));
    }
    case 'move': {
      find(intents, action.id, 'move');
      if (!library.groups.some((g) => g.id === action.groupId)) {
        throw new ReviewError(`move: no group with id "${action.groupId}" (known: ${library.groups.map((g) => g.id).join(', ')})`);
      }
      return intents.map((i) => (i.id === action.id ? { ...i, groupId: action.groupId } : i));
    }
    case 'edit-attribute': {
      const { intentId, name } = action.attribute;
      const intent = find(intents, intentId, 'edit-attribute');
      const attribute = intent.attributes.find((a) => a.name === name);
      if (!attribute) throw new ReviewError(`edit-attribute: intent "${intentId}" has no attribute "${name}" (it has: ${intent.attributes.map((a) => a.name).join(', ') || 'none'})`);
      const edited = editAttribute(attribute, action.changes, `${intentId}.${name}`);
      return intents.map((i) => (i.id === intentId ? { ...i, attributes: i.attributes.map((a) => (a.name === name ? edited : a)) } : i));
    }
    case 'merge': {
      const into = find(intents, action.into, 'merge');
      if (action.ids.includes(action.into)) throw new ReviewError(`merge: cannot merge "${action.into}" into itself`);
      const from = action.ids.map((id) => find(intents, id, 'merge'));
      const merged = absorb(into, from);
      return intents.filter((i) => !action.ids.includes(i.id)).map((i) => (i.id === into.id ? merged : i));
    }
  }
}

/** The library after each review step in order; the result is validated against the schema. */
export function applyReview(library: IntentLibrary, actions: readonly ReviewAction[], now = new Date()): IntentLibrary {
  const intents = actions.reduce((current, action) => apply(current, action, library), library.intents);
  return parseLibrary({ ...library, intents, updatedAt: now.toISOString() }, 'reviewed library');
}
