import { attributeStatus, type Attribute, type Intent, type IntentGroup, type IntentLibrary } from './schema.js';

/** One intent or group that differs between two libraries, with each difference said in words. */
export interface LibraryChange {
  kind: 'added' | 'removed' | 'changed';
  what: 'intent' | 'group';
  id: string;
  name: string;
  details: string[];
}

const ATTRIBUTE_FIELDS = ['label', 'question', 'type', 'required', 'values', 'pattern'] as const;

function shown(value: unknown): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function attributeDetails(before: readonly Attribute[], after: readonly Attribute[]): string[] {
  const details: string[] = [];
  const old = new Map(before.map((a) => [a.name, a] as const));
  for (const attribute of after) {
    const was = old.get(attribute.name);
    old.delete(attribute.name);
    if (!was) {
      details.push(`attribute ${attribute.name}: added (${attributeStatus(attribute)})`);
      continue;
    }
    if (attributeStatus(was) !== attributeStatus(attribute)) details.push(`attribute ${attribute.name}: ${attributeStatus(was)} → ${attributeStatus(attribute)}`);
    for (const field of ATTRIBUTE_FIELDS) {
      if (!same(was[field], attribute[field])) details.push(`attribute ${attribute.name}: ${field} ${shown(was[field])} → ${shown(attribute[field])}`);
    }
  }
  for (const name of old.keys()) details.push(`attribute ${name}: removed`);
  return details;
}

function intentDetails(before: Intent, after: Intent, groupName: (id: string) => string): string[] {
  const details: string[] = [];
  if (before.name !== after.name) details.push(`name ${shown(before.name)} → ${shown(after.name)}`);
  if (before.status !== after.status) details.push(`status ${before.status} → ${after.status}`);
  if (before.groupId !== after.groupId) details.push(`group ${groupName(before.groupId)} → ${groupName(after.groupId)}`);
  if (before.examples.length !== after.examples.length) details.push(`examples ${before.examples.length} → ${after.examples.length}`);
  const conversations = (i: Intent) => i.stats?.conversations ?? 0;
  if (conversations(before) !== conversations(after)) details.push(`conversations ${conversations(before)} → ${conversations(after)}`);
  return [...details, ...settingDetails(before, after), ...attributeDetails(before.attributes, after.attributes)];
}

function groupDetails(before: IntentGroup, after: IntentGroup): string[] {
  const details = before.name === after.name ? [] : [`name ${shown(before.name)} → ${shown(after.name)}`];
  if (before.lineOfBusinessId !== after.lineOfBusinessId) details.push(`line of business ${shown(before.lineOfBusinessId)} → ${shown(after.lineOfBusinessId)}`);
  return [...details, ...settingDetails(before, after)];
}

/** Changes of the routing (field by field) and of the instructions of an intent or group. */
function settingDetails(before: Pick<Intent, 'routing' | 'instructions'>, after: Pick<Intent, 'routing' | 'instructions'>): string[] {
  const details: string[] = [];
  for (const field of ['queue', 'skills', 'priority'] as const) {
    const [was, now] = [before.routing?.[field], after.routing?.[field]];
    if (!same(was, now)) details.push(`routing ${field} ${shown(was)} → ${shown(now)}`);
  }
  if (before.instructions !== after.instructions) details.push(after.instructions === undefined ? 'instructions removed' : 'instructions changed');
  return details;
}

/** What publishing `after` over `before` would change, intents first (in `after`'s order, removed ones last), then groups. */
export function diffLibraries(before: IntentLibrary, after: IntentLibrary): LibraryChange[] {
  const names = new Map([...before.groups, ...after.groups].map((g) => [g.id, g.name] as const));
  const groupName = (id: string) => `"${names.get(id) ?? id}"`;
  const changes: LibraryChange[] = [];
  const compare = <T extends { id: string; name: string }>(what: LibraryChange['what'], old: readonly T[], now: readonly T[], details: (a: T, b: T) => string[]) => {
    const byId = new Map(old.map((item) => [item.id, item] as const));
    for (const item of now) {
      const was = byId.get(item.id);
      byId.delete(item.id);
      if (!was) changes.push({ kind: 'added', what, id: item.id, name: item.name, details: [] });
      else {
        const found = details(was, item);
        if (found.length) changes.push({ kind: 'changed', what, id: item.id, name: item.name, details: found });
      }
    }
    for (const item of byId.values()) changes.push({ kind: 'removed', what, id: item.id, name: item.name, details: [] });
  };
  compare('intent', before.intents, after.intents, (a, b) => intentDetails(a, b, groupName));
  compare('group', before.groups, after.groups, groupDetails);
  return changes;
}
