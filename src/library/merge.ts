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
  /**
   * New examples for live intents (draft entries with `provenance.examplesFor`, from `discover --misses`) that a person
   * approved, with how many were new to the intent; proposals left as drafts or discarded add nothing.
   */
  examplesAdded: Array<{ intentId: string; examples: number }>;
}

/** Cosine similarity of examples an intent must reach to be the same intent as a live one. */
export const SAME_INTENT = 0.4;
/**
 * Share of a draft intent's sample requests (and name) the live classifier must decide for one live intent, and
 * by how much more than for any other: a draft is often a mix, so a clear plurality is enough.
 */
export const CLASSIFIER_PLURALITY = 0.4;
export const CLASSIFIER_MARGIN = 0.15;
/**
 * Share of the words of the shorter question (or name and label) the other must say, more than which two attributes ask the
 * same: more than half, so that "tracking number" and "order number", sharing only the kind of value, stay two.
 */
const SAME_ATTRIBUTE = 0.5;

/**
 * The live library's classifier, as a merge asks it (built by the caller, e.g. from `src/nlu/`): the share of
 * some texts it decides for each live intent it knows.
 */
export interface LiveClassifier {
  readonly intents: readonly string[];
  votes(texts: readonly string[]): ReadonlyMap<string, number>;
}

export interface MergeOptions {
  now?: Date;
  /** Without it, intents are matched by the words of their examples alone. */
  classifier?: LiveClassifier;
}

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

/** The texts a draft intent is known by: its sample requests and its name. */
function textsOf(intent: Intent): string[] {
  return [...intent.examples, intent.name].filter((text) => text.trim() !== '');
}

/**
 * Draft intents matched by what the live classifier decides for their sample requests and name: the live intent
 * that takes a clear plurality. Several drafts may match one live intent (a run that split it in two).
 */
function classify(live: readonly Intent[], draft: readonly Intent[], classifier: LiveClassifier): Pair[] {
  const byId = new Map(live.map((intent) => [intent.id, intent] as const));
  return draft.flatMap((d) => {
    const [best, second] = [...classifier.votes(textsOf(d))].filter(([id]) => byId.has(id)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const clear = best !== undefined && best[1] >= CLASSIFIER_PLURALITY && best[1] - (second?.[1] ?? 0) >= CLASSIFIER_MARGIN;
    return clear ? [{ live: byId.get(best[0])!, draft: d, similarity: best[1] }] : [];
  });
}

/** Conversations add up, the share is the latest run's, last seen is the later of the two. */
function volumes(live: Intent, draft: Intent): Pick<Intent, 'stats'> {
  if (!live.stats && !draft.stats) return {};
  const conversations = (live.stats?.conversations ?? 0) + (draft.stats?.conversations ?? 0);
  const lastSeen = [live.stats?.lastSeen, draft.stats?.lastSeen].filter((t): t is string => t !== undefined).sort().at(-1);
  return { stats: { conversations, share: draft.stats?.share ?? live.stats?.share ?? 0, ...(lastSeen ? { lastSeen } : {}) } };
}

/** "returnAuthorization" -> "return Authorization". */
function nameWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

/**
 * Words that say what kind of value a question asks (a date, a number, a type), not which one: the attributes'
 * types compare that ("one" stands for the thing itself: "the new one"). "What day did it arrive?" and "When did it
 * arrive?" ask one thing, as do "New value" and "New one"; "tracking number" and "order number" ask two, told apart by the words left.
 */
const VALUE_KIND_STEMS: ReadonlySet<string> = new Set(['when', 'day', 'date', 'time', 'number', 'type', 'kind', 'sort', 'item', 'amount', 'value', 'one'].map(stemOf));

/** The stems of a text that say what is asked, without those of the kind of value. */
function stemsOf(text: string): Set<string> {
  return new Set(topicWords(text).map(stemOf).filter((stem) => !VALUE_KIND_STEMS.has(stem)));
}

/** Shared stems over the smaller set: how much of the shorter text the longer one says. */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : [...a].filter((stem) => b.has(stem)).length / smaller;
}

/** Types whose values cannot be the other's: a date is never an email. Text, identifiers, numbers and enums often hold one value drafted two ways. */
const STRICT_TYPES = new Set(['date', 'email', 'phone', 'boolean']);
/** Types whose answers are values of their own kind, so that an intent rarely asks two of one: "How much is it there?" is its one amount. */
const VALUE_TYPES = new Set(['date', 'number', 'email', 'phone', 'boolean']);

/**
 * Whether a draft attribute asks what a live one asks: the same name; or, of compatible types, most of the
 * enum values shared, or the question (or the name and label) saying more than half the words of the other,
 * leaving out the words of the kind of value.
 */
function sameAttribute(live: Attribute, draft: Attribute): boolean {
  if (live.name === draft.name) return true;
  if ((STRICT_TYPES.has(live.type) || STRICT_TYPES.has(draft.type)) && live.type !== draft.type) return false;
  if (live.values && draft.values) {
    const values = new Set(live.values.map((v) => v.toLowerCase()));
    const shared = draft.values.filter((v) => values.has(v.toLowerCase())).length;
    if (shared >= Math.min(live.values.length, draft.values.length) / 2) return true;
  }
  const questions = containment(stemsOf(live.question), stemsOf(draft.question));
  const names = containment(stemsOf(`${nameWords(live.name)} ${live.label ?? ''}`), stemsOf(`${nameWords(draft.name)} ${draft.label ?? ''}`));
  return Math.max(questions, names) > SAME_ATTRIBUTE;
}

/**
 * Whether a known attribute asks what a draft one asks (see `sameAttribute`); a draft question that says nothing but
 * the kind of value ("How much is it there?") asks for the one known attribute of its value type, when there is one.
 */
function askedAlready(known: readonly Attribute[], draft: Attribute): boolean {
  if (known.some((attribute) => sameAttribute(attribute, draft))) return true;
  if (!VALUE_TYPES.has(draft.type) || stemsOf(draft.question).size > 0) return false;
  return known.filter((attribute) => attribute.type === draft.type).length === 1;
}

/** Draft attributes that ask nothing the live intent (or an earlier draft attribute) asks already: one already there is never replaced. */
function freshAttributes(live: Intent, draft: Intent): Attribute[] {
  const kept: Attribute[] = [];
  for (const attribute of draft.attributes) {
    if (askedAlready([...live.attributes, ...kept], attribute)) continue;
    kept.push(attribute);
  }
  return kept.slice(0, Math.max(0, MAX_ATTRIBUTES - live.attributes.length));
}

/** `source`'s value of a setting `target` does not have, to spread over `target`: routing or instructions are never dropped by a merge. */
function fillIn<T extends object, K extends keyof T>(target: T, source: T, key: K): Partial<T> {
  return target[key] === undefined && source[key] !== undefined ? ({ [key]: source[key] } as unknown as Partial<T>) : {};
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
      ...fillIn(draft, live, 'instructions'),
      ...fillIn(draft, live, 'routing'),
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
 * Pairs of draft and live intents. With the live classifier, a draft intent is the live intent the classifier
 * decides for most of its sample requests; a draft the classifier places nowhere is compared by words only with
 * the live intents it does not know (discarded ones). Without it, by the words of the examples alone, one to one.
 * Kept drafts claim their live matches first, so a discarded look-alike cannot take one from them.
 */
function pairUp(live: IntentLibrary, draft: IntentLibrary, classifier: LiveClassifier | undefined): Pair[] {
  const kept = draft.intents.filter((i) => i.status !== 'discarded');
  const discarded = draft.intents.filter((i) => i.status === 'discarded');
  if (!classifier) {
    const first = correlate(live.intents, kept, new Set());
    return [...first, ...correlate(live.intents, discarded, new Set(first.map((p) => p.live)))];
  }
  const known = new Set(classifier.intents);
  const classified = classify(live.intents.filter((i) => known.has(i.id)), draft.intents, classifier);
  const placed = new Set(classified.map((p) => p.draft));
  const unknown = live.intents.filter((i) => !known.has(i.id));
  return [...classified, ...correlate(unknown, draft.intents.filter((i) => !placed.has(i)), new Set())];
}

/**
 * The live group for a draft group: the group most of its matched intents are in; else, with the classifier,
 * the live group it decides most of the group's sample requests for; else one of the same name; else none.
 */
function liveGroupOf(draftGroup: IntentGroup, live: IntentLibrary, draft: IntentLibrary, pairs: readonly Pair[], classifier: LiveClassifier | undefined): string | undefined {
  const count = (votes: Map<string, number>, group: string, by: number) => votes.set(group, (votes.get(group) ?? 0) + by);
  const matched = new Map<string, number>();
  for (const pair of pairs) if (pair.draft.groupId === draftGroup.id) count(matched, pair.live.groupId, 1);
  const top = (votes: Map<string, number>) => [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const byMatches = top(matched);
  if (byMatches) return byMatches[0];
  if (classifier) {
    const groupOf = new Map(live.intents.map((i) => [i.id, i.groupId] as const));
    const texts = draft.intents.filter((i) => i.groupId === draftGroup.id).flatMap(textsOf);
    const byGroup = new Map<string, number>();
    for (const [intent, share] of classifier.votes(texts)) {
      const group = groupOf.get(intent);
      if (group !== undefined) count(byGroup, group, share);
    }
    const best = top(byGroup);
    if (best && best[1] >= CLASSIFIER_PLURALITY) return best[0];
  }
  return live.groups.find((g) => g.name.toLowerCase() === draftGroup.name.toLowerCase())?.id;
}

/** A live intent with the examples a person approved for it added (the new ones, up to the schema's limit). */
function withApprovedExamples(intent: Intent, proposals: readonly Intent[], summary: MergeSummary): Intent {
  const approved = proposals.filter((p) => p.provenance?.examplesFor === intent.id && p.status === 'approved').flatMap((p) => p.examples);
  if (approved.length === 0) return intent;
  const known = new Set(intent.examples.map((e) => e.toLowerCase()));
  const fresh = [...new Set(approved)].filter((e) => !known.has(e.toLowerCase())).slice(0, Math.max(0, 5000 - intent.examples.length));
  summary.examplesAdded.push({ intentId: intent.id, examples: fresh.length });
  return fresh.length === 0 ? intent : { ...intent, examples: [...intent.examples, ...fresh] };
}

/** The live lines of business, then those only the draft has (a new group may name one). */
function linesOfBusiness(live: IntentLibrary, draft: IntentLibrary): Pick<IntentLibrary, 'linesOfBusiness'> {
  const known = new Set((live.linesOfBusiness ?? []).map((line) => line.id));
  const lines = [...(live.linesOfBusiness ?? []), ...(draft.linesOfBusiness ?? []).filter((line) => !known.has(line.id))];
  return lines.length > 0 ? { linesOfBusiness: lines } : {};
}

/**
 * Merges a (reviewed) draft into the live library, so that runs over new transcripts add up. Draft intents
 * are matched to live ones (see `pairUp`); a match keeps the live id and updates the live intent (see
 * `updated`), so a discarded intent found again stays discarded, and its attributes are added only when they
 * ask what no live attribute asks. Other draft intents are added with the status the draft gives them, in
 * the live group their group matches (see `liveGroupOf`) or a new one.
 */
export function mergeDraft(live: IntentLibrary, draft: IntentLibrary, options: MergeOptions = {}): { library: IntentLibrary; summary: MergeSummary } {
  const summary: MergeSummary = { matched: [], added: [], discarded: [], draftAttributes: [], examplesAdded: [] };
  const examplesFor = draft.intents.filter((i) => i.provenance?.examplesFor !== undefined);
  // Example proposals nobody reviewed yet join the live library as draft intents of their live intent's group, for the
  // review at /library (merge them into their intent there, or discard them); approved ones are added to it here.
  const pendingExamples = examplesFor.filter((i) => i.status === 'draft' && live.intents.some((l) => l.id === i.provenance!.examplesFor));
  draft = { ...draft, intents: draft.intents.filter((i) => i.provenance?.examplesFor === undefined) };
  const pairs = pairUp(live, draft, options.classifier);
  const intents = live.intents.map((intent) =>
    pairs
      .filter((p) => p.live === intent)
      .reduce(
        (current, pair) => {
          summary.matched.push({ draftId: pair.draft.id, liveId: intent.id, similarity: Math.round(pair.similarity * 1000) / 1000, liveStatus: intent.status });
          return updated(current, pair.draft, summary);
        },
        withApprovedExamples(intent, examplesFor, summary),
      ),
  );
  const groups: IntentGroup[] = [...live.groups];
  const groupIds = new Set(groups.map((g) => g.id));
  const groupFor = new Map<string, string>();
  const intentIds = new Set(intents.map((i) => i.id));
  const paired = new Set(pairs.map((p) => p.draft));
  for (const intent of draft.intents.filter((i) => !paired.has(i))) {
    if (!groupFor.has(intent.groupId)) {
      const draftGroup = draft.groups.find((g) => g.id === intent.groupId)!;
      const existing = liveGroupOf(draftGroup, live, draft, pairs, options.classifier);
      if (existing) groupFor.set(intent.groupId, existing);
      else {
        const id = uniqueSlug(draftGroup.id, groupIds, 'group');
        const { instructions, routing, lineOfBusinessId } = draftGroup;
        groups.push({
          id,
          name: draftGroup.name,
          description: draftGroup.description,
          ...(instructions !== undefined ? { instructions } : {}),
          ...(routing !== undefined ? { routing } : {}),
          ...(lineOfBusinessId !== undefined ? { lineOfBusinessId } : {}),
        });
        groupFor.set(intent.groupId, id);
      }
    }
    const id = uniqueSlug(intent.id, intentIds);
    intents.push({ ...intent, id, groupId: groupFor.get(intent.groupId)! });
    (intent.status === 'discarded' ? summary.discarded : summary.added).push(id);
  }
  for (const proposal of pendingExamples) {
    const target = live.intents.find((l) => l.id === proposal.provenance!.examplesFor)!;
    const id = uniqueSlug(`${target.id}-new-examples`, intentIds);
    intents.push({ ...proposal, id, groupId: target.groupId });
    summary.added.push(id);
  }
  const library = parseLibrary(
    { ...live, ...fillIn(live, draft, 'instructions'), ...linesOfBusiness(live, draft), groups, intents, updatedAt: (options.now ?? new Date()).toISOString() },
    'merged library',
  );
  return { library, summary };
}
