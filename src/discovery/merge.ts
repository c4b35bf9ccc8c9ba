import { parseLibrary } from '../library/io.js';
import type { Attribute, Intent, IntentGroup, IntentLibrary } from '../library/schema.js';
import { uniqueSlug } from './slug.js';
import { stemOf, topicWords } from './words.js';

export interface MergeSummary {
  /** Draft intents recognised as live ones: the live id is kept. */
  matched: Array<{ draftId: string; liveId: string; similarity: number }>;
  /** Draft intents added, with their ids in the live library. */
  added: string[];
  /** Attributes found for reviewed intents that were not added, for a person to look at. */
  proposedAttributes: Array<{ intentId: string; attribute: string }>;
}

/** Cosine similarity of examples an intent must reach to be the same intent as a live one. */
export const SAME_INTENT = 0.4;

type Vector = Map<string, number>;

function vectorOf(intent: Intent): Vector {
  const vector: Vector = new Map();
  for (const example of intent.examples) for (const word of topicWords(example)) vector.set(stemOf(word), (vector.get(stemOf(word)) ?? 0) + 1);
  const norm = Math.sqrt([...vector.values()].reduce((sum, v) => sum + v * v, 0)) || 1;
  for (const [key, value] of vector) vector.set(key, value / norm);
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  for (const [key, value] of a) sum += value * (b.get(key) ?? 0);
  return sum;
}

function reviewed(intent: Intent): boolean {
  return intent.status !== 'draft';
}

/** One-to-one pairs of draft and live intents, most similar first, above SAME_INTENT. */
function correlate(live: readonly Intent[], draft: readonly Intent[]): Array<{ live: Intent; draft: Intent; similarity: number }> {
  const liveVectors = live.map(vectorOf);
  const candidates = draft.flatMap((d) => {
    const vector = vectorOf(d);
    return live.map((l, i) => ({ live: l, draft: d, similarity: cosine(vector, liveVectors[i]!) })).filter((c) => c.similarity >= SAME_INTENT);
  });
  candidates.sort((a, b) => b.similarity - a.similarity);
  const usedLive = new Set<Intent>();
  const usedDraft = new Set<Intent>();
  return candidates.filter((c) => {
    if (usedLive.has(c.live) || usedDraft.has(c.draft)) return false;
    usedLive.add(c.live);
    usedDraft.add(c.draft);
    return true;
  });
}

function updated(live: Intent, draft: Intent, summary: MergeSummary): Intent {
  const conversations = (live.stats?.conversations ?? 0) + (draft.stats?.conversations ?? 0);
  const lastSeen = [live.stats?.lastSeen, draft.stats?.lastSeen].filter((t): t is string => t !== undefined).sort().at(-1);
  const stats = { conversations, share: draft.stats?.share ?? live.stats?.share ?? 0, ...(lastSeen ? { lastSeen } : {}) };
  const known = new Set(live.attributes.map((a) => a.name));
  const fresh: Attribute[] = draft.attributes.filter((a) => !known.has(a.name));
  if (reviewed(live)) {
    for (const a of fresh) summary.proposedAttributes.push({ intentId: live.id, attribute: a.name });
    return { ...live, stats };
  }
  return {
    ...draft,
    id: live.id,
    groupId: live.groupId,
    status: 'draft',
    attributes: [...live.attributes, ...fresh].slice(0, 50),
    examples: [...new Set([...live.examples, ...draft.examples])].slice(0, 5000),
    stats,
  };
}

/**
 * Merges a reviewed draft into the live library. Draft intents are correlated with live ones by the
 * similarity of their examples; a match keeps the live id, and updates the volumes (a reviewed intent
 * keeps everything else; an unreviewed one takes the new examples and attributes). Other draft intents
 * are added with their draft status (discarded ones are left out), in a live group of the same name or a new one.
 */
export function mergeDraft(live: IntentLibrary, draft: IntentLibrary, now = new Date()): { library: IntentLibrary; summary: MergeSummary } {
  const summary: MergeSummary = { matched: [], added: [], proposedAttributes: [] };
  const candidates = draft.intents.filter((i) => i.status !== 'discarded');
  const pairs = correlate(live.intents, candidates);
  const matchOf = new Map(pairs.map((p) => [p.live, p] as const));
  const intents = live.intents.map((intent) => {
    const pair = matchOf.get(intent);
    if (!pair) return intent;
    summary.matched.push({ draftId: pair.draft.id, liveId: intent.id, similarity: Math.round(pair.similarity * 1000) / 1000 });
    return updated(intent, pair.draft, summary);
  });
  const groups: IntentGroup[] = [...live.groups];
  const groupIds = new Set(groups.map((g) => g.id));
  const groupFor = new Map<string, string>();
  const intentIds = new Set(intents.map((i) => i.id));
  const paired = new Set(pairs.map((p) => p.draft));
  for (const intent of candidates.filter((i) => !paired.has(i))) {
    if (!groupFor.has(intent.groupId)) {
      const draftGroup = draft.groups.find((g) => g.id === intent.groupId)!;
      const existing = groups.find((g) => g.name.toLowerCase() === draftGroup.name.toLowerCase());
      if (existing) groupFor.set(intent.groupId, existing.id);
      else {
        const id = uniqueSlug(draftGroup.id, groupIds, 'group');
        groups.push({ id, name: draftGroup.name, description: draftGroup.description });
        groupFor.set(intent.groupId, id);
      }
    }
    const id = uniqueSlug(intent.id, intentIds);
    intents.push({ ...intent, id, groupId: groupFor.get(intent.groupId)! });
    summary.added.push(id);
  }
  const library = parseLibrary({ ...live, groups, intents, updatedAt: now.toISOString() }, 'merged library');
  return { library, summary };
}
