import { parseLibrary } from './io.js';
import type { Attribute, Intent, IntentGroup, IntentLibrary, IntentStatus } from './schema.js';
import { uniqueSlug } from './slug.js';
import { stemOf, topicWords } from '../text/topic-words.js';

export interface MergeSummary {
  /** Draft intents recognised as live ones: the live id is kept; `liveStatus` is the live intent's status before the merge. */
  matched: Array<{ draftId: string; liveId: string; similarity: number; liveStatus: IntentStatus }>;
  /** Draft intents added as new live intents (with the status the draft gave them), by their live ids. */
  added: string[];
  /** Draft intents discarded in review and found nowhere live: kept as discarded, so later runs do not propose them again. */
  discarded: string[];
  /** Attributes found for reviewed intents, added to them as drafts for a person to approve or discard. */
  draftAttributes: Array<{ intentId: string; attribute: string }>;
}

/** Cosine similarity of examples an intent must reach to be the same intent as a live one. */
export const SAME_INTENT = 0.4;

const MAX_ATTRIBUTES = 50;

type Vector = Map<string, number>;
type Pair = { live: Intent; draft: Intent; similarity: number };

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

/** One-to-one pairs of draft and live intents, most similar first, above SAME_INTENT; live intents in `taken` are skipped. */
function correlate(live: readonly Intent[], draft: readonly Intent[], taken: ReadonlySet<Intent>): Pair[] {
  const free = live.filter((intent) => !taken.has(intent));
  const liveVectors = free.map(vectorOf);
  const candidates = draft.flatMap((d) => {
    const vector = vectorOf(d);
    return free.map((l, i) => ({ live: l, draft: d, similarity: cosine(vector, liveVectors[i]!) })).filter((c) => c.similarity >= SAME_INTENT);
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

/** Conversations add up, the share is the latest run's, last seen is the later of the two. */
function volumes(live: Intent, draft: Intent): Pick<Intent, 'stats'> {
  if (!live.stats && !draft.stats) return {};
  const conversations = (live.stats?.conversations ?? 0) + (draft.stats?.conversations ?? 0);
  const lastSeen = [live.stats?.lastSeen, draft.stats?.lastSeen].filter((t): t is string => t !== undefined).sort().at(-1);
  return { stats: { conversations, share: draft.stats?.share ?? live.stats?.share ?? 0, ...(lastSeen ? { lastSeen } : {}) } };
}

/** Draft attributes whose names the live intent does not have yet: an attribute already there is never replaced. */
function freshAttributes(live: Intent, draft: Intent): Attribute[] {
  const known = new Set(live.attributes.map((a) => a.name));
  return draft.attributes.filter((a) => !known.has(a.name)).slice(0, Math.max(0, MAX_ATTRIBUTES - live.attributes.length));
}

/**
 * A live intent updated by the draft intent it matched. A reviewed one keeps every field but its volumes; an
 * approved one also gains the new attributes as drafts. A live draft is refreshed: it takes the new run's
 * name, description and status, gains its examples and new attributes, and keeps its id, group and attributes.
 */
function updated(live: Intent, draft: Intent, summary: MergeSummary): Intent {
  const fresh = freshAttributes(live, draft);
  if (live.status === 'draft') {
    return {
      ...draft,
      id: live.id,
      groupId: live.groupId,
      attributes: [...live.attributes, ...fresh],
      examples: [...new Set([...live.examples, ...draft.examples])].slice(0, 5000),
      ...volumes(live, draft),
    };
  }
  if (live.status === 'discarded' || draft.status === 'discarded') return { ...live, ...volumes(live, draft) };
  for (const attribute of fresh) summary.draftAttributes.push({ intentId: live.id, attribute: attribute.name });
  const drafts = fresh.map((attribute): Attribute => ({ ...attribute, status: attribute.status === 'discarded' ? 'discarded' : 'draft' }));
  return { ...live, attributes: [...live.attributes, ...drafts], ...volumes(live, draft) };
}

/**
 * Merges a (reviewed) draft into the live library, so that runs over new transcripts add up. Draft intents
 * are correlated with live ones, discarded ones included, by the similarity of their examples; a match keeps
 * the live id and updates the live intent (see `updated`), so a discarded intent found again stays discarded.
 * Other draft intents are added with the status the draft gives them, in a live group of the same name or a new one.
 */
export function mergeDraft(live: IntentLibrary, draft: IntentLibrary, now = new Date()): { library: IntentLibrary; summary: MergeSummary } {
  const summary: MergeSummary = { matched: [], added: [], discarded: [], draftAttributes: [] };
  // Kept intents claim their live matches first, so a discarded look-alike cannot take one from them.
  const kept = correlate(live.intents, draft.intents.filter((i) => i.status !== 'discarded'), new Set());
  const pairs = [...kept, ...correlate(live.intents, draft.intents.filter((i) => i.status === 'discarded'), new Set(kept.map((p) => p.live)))];
  const matchOf = new Map(pairs.map((p) => [p.live, p] as const));
  const intents = live.intents.map((intent) => {
    const pair = matchOf.get(intent);
    if (!pair) return intent;
    summary.matched.push({ draftId: pair.draft.id, liveId: intent.id, similarity: Math.round(pair.similarity * 1000) / 1000, liveStatus: intent.status });
    return updated(intent, pair.draft, summary);
  });
  const groups: IntentGroup[] = [...live.groups];
  const groupIds = new Set(groups.map((g) => g.id));
  const groupFor = new Map<string, string>();
  const intentIds = new Set(intents.map((i) => i.id));
  const paired = new Set(pairs.map((p) => p.draft));
  for (const intent of draft.intents.filter((i) => !paired.has(i))) {
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
    (intent.status === 'discarded' ? summary.discarded : summary.added).push(id);
  }
  const library = parseLibrary({ ...live, groups, intents, updatedAt: now.toISOString() }, 'merged library');
  return { library, summary };
}
