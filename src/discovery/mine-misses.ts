import { distance } from 'fastest-levenshtein';
import { defaultWordVectors } from '../nlu/classifier/word-vectors.js';
import { clusterUtterances, type DiscoveredCluster } from './cluster/index.js';
import { nonBusinessKind } from './non-business.js';
import { intentText } from './request-text.js';
import { isSmallTalk, isVague } from './turns.js';
import { distinctExamples, SAMPLE_IDS } from './discover.js';
import type { Miss } from '../engine/misses.js';
import { parseLibrary } from '../library/io.js';
import type { LiveClassifier } from '../library/merge.js';
import { LIBRARY_SCHEMA_VERSION, type Intent, type IntentGroup, type IntentLibrary } from '../library/schema.js';
import { uniqueSlug } from '../library/slug.js';
import { addTerm, cosine, type TermVector } from '../text/term-vectors.js';
import { stemOf, topicStems, topicWords } from '../text/topic-words.js';

/**
 * The choices of the misses miner (docs/discovery.md, "Misses", explains each). Shares are of the requests kept
 * for clustering, so the bar rises with the volume of misses: a handful of odd turns among thousands is noise.
 */
export const MISS_MINING = {
  /** Topic words a miss must have to be a request worth clustering ("yes please", "ok" have none). */
  minTopicWords: 2,
  /** Distinct conversations a cluster needs to become a new draft intent, whatever the volume. */
  minConversations: 5,
  /** Share of the clustered requests a cluster needs to become a new draft intent. */
  minShare: 0.02,
  /** Share of a cluster's members that must say the topic word its members share most: a cluster of unrelated turns is no intent. */
  minCoherence: 0.4,
  /** Share of a cluster the live classifier must decide for one live intent for the cluster to be new examples of it. */
  examplesShare: 0.5,
  /**
   * Share of a cluster's misses (among those a person or bot replied to) after which the agent asked for a value: an
   * intent of this library is worked on with follow-up questions; a request answered in one reply ("we don't sell
   * those", "sure, what's the problem?") is not one to automate. Applied when any of its misses was replied to.
   */
  minAskedShare: 0.5,
  /** Cosine of topic words above which two proposed intents are one. */
  sameIntent: 0.5,
  /**
   * Cosine of the agents' follow-up questions above which two proposed intents are one: customers word one want many
   * ways ("it stops charging", "the battery dies"), but agents ask for the same values to serve it.
   */
  sameFollowUps: 0.5,
  /** Cosine of topic words with a live intent's examples above which a proposal is new examples for it. */
  sameLiveIntent: 0.5,
} as const;

export interface MissMiningOptions {
  run: string;
  now: Date;
  seed?: number;
  /** The live library's classifier: clusters it places in a live intent become new examples of it. */
  classifier?: LiveClassifier;
  /** Told what became of each cluster, for benches and reports. */
  onCluster?: (cluster: ClusterOutcome) => void;
}

export interface ClusterOutcome {
  label: string;
  misses: number;
  conversations: number;
  coherence: number;
  /** Share of the misses replied to that the agent followed with a question; null when none was replied to. */
  askedShare: number | null;
  outcome: 'examples' | 'small' | 'incoherent' | 'answered' | 'proposed';
  examples: string[];
}

export interface MinedMisses {
  /** A draft for `library merge`: new draft intents and new examples for live intents (provenance `misses`). */
  draft: IntentLibrary;
  /** Misses read, and why the ones not clustered were left out. */
  read: number;
  clustered: number;
  left: { answers: number; vague: number; nonBusiness: number; tooShort: number };
  /** Clusters left out for being too small or incoherent (the noise of misses). */
  smallClusters: number;
  incoherentClusters: number;
  /** Clusters the agents answered in one reply, without asking for anything. */
  answeredClusters: number;
  newIntents: string[];
  examplesFor: Array<{ intentId: string; examples: number }>;
}

interface Candidate {
  miss: Miss;
  text: string;
  stems: Set<string>;
}

type Left = MinedMisses['left'];

function candidateOf(miss: Miss, left: Left): Candidate | null {
  if (miss.afterQuestion) {
    left.answers += 1;
    return null;
  }
  if (miss.followedBy === 'prompt' || isVague(miss.text)) {
    left.vague += 1;
    return null;
  }
  if (nonBusinessKind(miss.text) !== null || isSmallTalk(miss.text)) {
    left.nonBusiness += 1;
    return null;
  }
  const text = intentText(miss.text);
  const stems = topicStems(text);
  if (stems.size < MISS_MINING.minTopicWords) {
    left.tooShort += 1;
    return null;
  }
  return { miss, text, stems };
}

type Vector = TermVector;

function vectorOf(members: readonly Candidate[]): Vector {
  const vector: Vector = new Map();
  for (const member of members) for (const stem of member.stems) addTerm(vector, stem);
  return vector;
}

/** The share of members that say the topic word the members share most. */
function coherence(members: readonly Candidate[]): number {
  const top = Math.max(0, ...vectorOf(members).values());
  return top / Math.max(1, members.length);
}

interface Proposal {
  label: string;
  members: Candidate[];
  representative: string[];
  groupId: string;
}

function conversationsOf(members: readonly Candidate[]): string[] {
  return [...new Set(members.map((m) => m.miss.conversationId))];
}

/** Of some names, the one whose topic words the most requests say (the first on a tie). */
function widestLabel(labels: readonly string[], members: readonly Candidate[]): string {
  const said = (label: string) => {
    const stems = topicStems(label);
    return members.filter((m) => [...stems].some((stem) => m.stems.has(stem))).length;
  };
  return labels.reduce((best, label) => (said(label) > said(best) ? label : best));
}

/**
 * A name that says the two topic words most of the requests share: the label as it is when it does, else the missing
 * ones first ("Battery: charge phone"), so the reviewer recognises the want at a glance.
 */
function withSharedWords(label: string, members: readonly Candidate[]): string {
  const counts = new Map<string, Map<string, number>>();
  for (const member of members) {
    for (const word of topicWords(member.text)) {
      const stem = stemOf(word);
      const forms = counts.get(stem) ?? counts.set(stem, new Map()).get(stem)!;
      forms.set(word.toLowerCase(), (forms.get(word.toLowerCase()) ?? 0) + 1);
    }
  }
  const said = (forms: Map<string, number>) => [...forms.values()].reduce((a, b) => a + b, 0);
  foldTypos(counts, said);
  const top = [...counts].sort((a, b) => said(b[1]) - said(a[1]) || (a[0] < b[0] ? -1 : 1)).slice(0, 2);
  const inLabel = topicStems(label);
  const missing = top.filter(([stem]) => !inLabel.has(stem)).map(([, forms]) => [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
  if (missing.length === 0) return label;
  const words = missing.join(' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}: ${label.charAt(0).toLowerCase()}${label.slice(1)}`.slice(0, 200);
}

/** Words this long or longer are typed wrong by one letter often enough to count a misspelling as the word. */
const TYPO_MIN_LENGTH = 5;

/**
 * Counts a misspelt word ("batery") as the word customers spell more often within one letter of it ("battery"), so a
 * name says what most requests say however they typed it. A misspelling is a form English does not have (not among
 * the word vectors' words) next to one it has: "charge" and "change" are both words and stay apart. Without the word
 * vectors nothing is folded.
 */
export function foldTypos(counts: Map<string, Map<string, number>>, said: (forms: Map<string, number>) => number): void {
  const english = defaultWordVectors();
  if (!english) return;
  const usual = (forms: Map<string, number>) => [...forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const byCount = [...counts].sort((a, b) => said(b[1]) - said(a[1]));
  for (const [stem, forms] of [...byCount].reverse()) {
    if (stem.length < TYPO_MIN_LENGTH || !counts.has(stem) || english.rank(usual(forms)) !== undefined) continue;
    const into = byCount.find(
      ([other, otherForms]) => other !== stem && counts.has(other) && said(otherForms) > said(forms) && distance(other, stem) === 1 && english.rank(usual(otherForms)) !== undefined,
    );
    if (!into) continue;
    const [, target] = into;
    for (const [form, count] of forms) target.set(form, (target.get(form) ?? 0) + count);
    counts.delete(stem);
  }
}

function followUpsOf(members: readonly Candidate[]): Vector {
  const vector: Vector = new Map();
  for (const member of members) if (member.miss.followUp) for (const stem of topicStems(member.miss.followUp)) addTerm(vector, stem);
  return vector;
}

/**
 * Proposals that say the same thing in words, or whose agents asked for the same values, are one. A merged proposal
 * takes the name of its parts that says what most of its requests say (`widestLabel`).
 */
function mergeNearDuplicates(proposals: Proposal[]): Proposal[] {
  const merged: Array<Proposal & { vector: Vector; followUps: Vector; labels: string[] }> = [];
  for (const proposal of [...proposals].sort((a, b) => b.members.length - a.members.length)) {
    const vector = vectorOf(proposal.members);
    const followUps = followUpsOf(proposal.members);
    const same = merged.find((kept) => cosine(kept.vector, vector) >= MISS_MINING.sameIntent || cosine(kept.followUps, followUps) >= MISS_MINING.sameFollowUps);
    if (!same) {
      merged.push({ ...proposal, members: [...proposal.members], vector, followUps, labels: [proposal.label] });
      continue;
    }
    same.members.push(...proposal.members);
    same.labels.push(proposal.label);
    for (const [stem, count] of vector) addTerm(same.vector, stem, count);
    for (const [stem, count] of followUps) addTerm(same.followUps, stem, count);
  }
  return merged.map((proposal) => ({ ...proposal, label: withSharedWords(widestLabel(proposal.labels, proposal.members), proposal.members) }));
}

/**
 * Mines misses back into the library: the misses that are requests (not answers to a question, chat moves or a word
 * or two) are clustered with the discovery pipeline; a cluster the live classifier mostly places in one live intent
 * becomes new examples for it; a cluster large enough for the volume of misses and coherent becomes a new draft intent
 * (near-duplicates merged); the rest is left as noise. Everything proposed is a draft for a person to review.
 */
export function mineMisses(misses: Iterable<Miss>, live: IntentLibrary, options: MissMiningOptions): MinedMisses {
  const left: Left = { answers: 0, vague: 0, nonBusiness: 0, tooShort: 0 };
  let read = 0;
  const candidates: Candidate[] = [];
  for (const miss of misses) {
    read += 1;
    const candidate = candidateOf(miss, left);
    if (candidate) candidates.push(candidate);
  }
  const clusters: DiscoveredCluster[] =
    candidates.length === 0 ? [] : clusterUtterances(
          candidates.map((c, i) => ({ id: String(i), text: c.text })),
          // What the agent asked next, as discovery reads a request's follow-up questions: requests that need the same values go together.
          { seed: options.seed ?? 1, context: candidates.map((c) => (c.miss.followUp ? [...topicStems(c.miss.followUp)].map((stem) => `asked:${stem}`) : [])) },
        ).clusters;
  const minConversations = Math.max(MISS_MINING.minConversations, Math.ceil(MISS_MINING.minShare * candidates.length));
  const liveIntents = new Map(live.intents.map((i) => [i.id, i] as const));
  const examples = new Map<string, Candidate[]>();
  const proposals: Proposal[] = [];
  let smallClusters = 0;
  let incoherentClusters = 0;
  let answeredClusters = 0;
  for (const cluster of clusters) {
    if (cluster.unclear) continue;
    const members = cluster.members.map((id) => candidates[Number(id)]!);
    const placed = options.classifier ? liveIntentOf(members, options.classifier, liveIntents) : undefined;
    const replied = members.filter((m) => m.miss.followedBy !== null);
    const tell = (outcome: ClusterOutcome['outcome']) =>
      options.onCluster?.({
        label: cluster.label,
        misses: members.length,
        conversations: conversationsOf(members).length,
        coherence: coherence(members),
        askedShare: replied.length === 0 ? null : replied.filter((m) => m.miss.followedBy === 'question').length / replied.length,
        outcome,
        examples: cluster.representative.slice(0, 3),
      });
    if (placed) {
      (examples.get(placed) ?? examples.set(placed, []).get(placed)!).push(...members);
      tell('examples');
      continue;
    }
    if (conversationsOf(members).length < minConversations) {
      smallClusters += 1;
      tell('small');
      continue;
    }
    if (coherence(members) < MISS_MINING.minCoherence) {
      incoherentClusters += 1;
      tell('incoherent');
      continue;
    }
    if (!workedOn(members)) {
      answeredClusters += 1;
      tell('answered');
      continue;
    }
    tell('proposed');
    proposals.push({ label: cluster.label, members, representative: cluster.representative, groupId: cluster.groupId });
  }
  const newIntents: Proposal[] = [];
  for (const proposal of mergeNearDuplicates(proposals)) {
    const same = sameLiveIntent(proposal.members, live);
    if (same) (examples.get(same) ?? examples.set(same, []).get(same)!).push(...proposal.members);
    else newIntents.push(proposal);
  }
  const draft = draftOf(newIntents, examples, live, options);
  return {
    draft,
    read,
    clustered: candidates.length,
    left,
    smallClusters,
    incoherentClusters,
    answeredClusters,
    newIntents: draft.intents.filter((i) => !i.provenance?.examplesFor).map((i) => i.id),
    examplesFor: draft.intents.filter((i) => i.provenance?.examplesFor).map((i) => ({ intentId: i.provenance!.examplesFor!, examples: i.examples.length })),
  };
}

/** Whether the agents worked on the cluster's requests with follow-up questions (or no reply is known to tell). */
function workedOn(members: readonly Candidate[]): boolean {
  const replied = members.filter((m) => m.miss.followedBy !== null);
  if (replied.length === 0) return true;
  return replied.filter((m) => m.miss.followedBy === 'question').length / replied.length >= MISS_MINING.minAskedShare;
}

/**
 * The live intent whose examples say what a proposal's requests say (cosine of topic words, as `library merge` compares
 * intents by words, with a stricter bar): such a proposal is new examples for it, not a new intent.
 */
function sameLiveIntent(members: readonly Candidate[], live: IntentLibrary): string | undefined {
  const vector = vectorOf(members);
  let best: { id: string; similarity: number } | undefined;
  for (const intent of live.intents) {
    if (intent.status === 'discarded') continue;
    const words: Vector = new Map();
    for (const text of [...intent.examples, intent.name]) for (const stem of topicStems(text)) addTerm(words, stem);
    const similarity = cosine(vector, words);
    if (similarity >= MISS_MINING.sameLiveIntent && (!best || similarity > best.similarity)) best = { id: intent.id, similarity };
  }
  return best?.id;
}

function liveIntentOf(members: readonly Candidate[], classifier: LiveClassifier, liveIntents: ReadonlyMap<string, Intent>): string | undefined {
  const [best] = [...classifier.votes(members.map((m) => m.text))].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= MISS_MINING.examplesShare && liveIntents.has(best[0]) ? best[0] : undefined;
}

const MISSES_GROUP: IntentGroup = { id: 'from-misses', name: 'From misses', description: 'Requests self-service did not understand, mined back by intent-skill discover --misses.' };

function draftOf(proposals: readonly Proposal[], examples: ReadonlyMap<string, Candidate[]>, live: IntentLibrary, options: MissMiningOptions): IntentLibrary {
  const provenance = (members: readonly Candidate[]) => ({
    source: 'misses' as const,
    run: options.run.slice(0, 200),
    sampleConversationIds: conversationsOf(members).slice(0, SAMPLE_IDS).map((id) => id.slice(0, 200)),
  });
  const ids = new Set(live.intents.map((i) => i.id));
  const intents: Intent[] = proposals.map((proposal) => {
    const conversations = conversationsOf(proposal.members).length;
    return {
      id: uniqueSlug(proposal.label, ids),
      groupId: MISSES_GROUP.id,
      name: proposal.label.slice(0, 200),
      description: `Found in ${proposal.members.length} misses of ${conversations} conversations.`,
      status: 'draft',
      selfService: true,
      examples: distinctExamples([...proposal.representative, ...proposal.members.map((m) => m.text)]),
      attributes: [],
      provenance: provenance(proposal.members),
    };
  });
  const groups = new Map<string, IntentGroup>(intents.length > 0 ? [[MISSES_GROUP.id, MISSES_GROUP]] : []);
  for (const [intentId, members] of examples) {
    const liveIntent = live.intents.find((i) => i.id === intentId)!;
    const known = new Set(liveIntent.examples.map((e) => e.toLowerCase()));
    const fresh = distinctExamples(members.map((m) => m.text).filter((text) => !known.has(text.toLowerCase())));
    if (fresh.length === 0) continue;
    const group = live.groups.find((g) => g.id === liveIntent.groupId);
    // The live group only places the proposal; what else it has (its line of business, parent, routing) stays live.
    if (group) groups.set(group.id, { id: group.id, name: group.name, description: group.description });
    intents.push({
      id: liveIntent.id,
      groupId: liveIntent.groupId,
      name: `New examples for ${liveIntent.name}`.slice(0, 200),
      description: `New examples for "${liveIntent.name}" from ${members.length} misses: approve them to add them to it (library review, then library merge), or merge this draft into it at /library.`,
      status: 'draft',
      selfService: liveIntent.selfService,
      examples: fresh,
      attributes: [],
      provenance: { ...provenance(members), examplesFor: liveIntent.id },
    });
  }
  return parseLibrary(
    {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      id: `${live.id}-misses`.slice(0, 100),
      name: `Proposals from the misses of ${live.name}`.slice(0, 200),
      locale: live.locale,
      groups: [...groups.values()],
      intents,
      updatedAt: options.now.toISOString(),
    },
    'misses draft',
  );
}
