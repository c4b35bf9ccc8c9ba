/**
 * Scoring mined attributes against a labelled corpus, shared by the SGD and demo benches. Each discovered
 * intent is matched to the gold intent of most of its requests (when that is at least half of them); each
 * mined attribute to the gold attribute its question wordings ask most often. Gold attributes of an intent:
 * those asked in at least `minWeight` of its conversations (the miner's own threshold), and every one ever
 * asked. Precision: mined attributes that name a distinct gold attribute; recall: gold attributes found.
 * Micro-averaged over matched intents.
 */
import type { CorpusDiscovery } from '../../src/discovery/discover.js';
import { questionKey } from '../../src/discovery/question-clusters.js';
import { topicStems } from '../../src/text/topic-words.js';
import { scoreClustering } from './cluster-metrics.js';

export interface AttributeGold {
  /** Gold intent by request id (`conversationId`, then `conversationId#2`...). */
  intentOfRequest: ReadonlyMap<string, string>;
  /** Gold attributes an agent question (by question key) asks, with counts. */
  attributesOfQuestion: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Conversations per gold intent. */
  conversationsOf: ReadonlyMap<string, number>;
  /** Conversations per gold intent in which each gold attribute was asked. */
  askedIn: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** What the gold calls an intent and an attribute (name, label, description), for name agreement; without it, not scored. */
  goldText?: { intent: (intent: string) => string; attribute: (intent: string, attribute: string) => string };
}

/** "returnAuthorization" -> "return Authorization", so a name's words can be compared. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ');
}

/** Whether a discovered name shares a content word (stemmed) with the gold's name or description. */
function agrees(name: string, gold: string): boolean {
  const wanted = topicStems(words(gold));
  return [...topicStems(words(name))].some((stem) => wanted.has(stem));
}

export function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The inner map under `key`, created on first use. */
export function inner<K, V>(map: Map<K, Map<V, number>>, key: K): Map<V, number> {
  return map.get(key) ?? map.set(key, new Map()).get(key)!;
}

interface Totals {
  tp: number;
  mined: number;
  gold: number;
}

function goldAttributes(gold: AttributeGold, intent: string, threshold: number): Set<string> {
  const total = gold.conversationsOf.get(intent) ?? 0;
  return new Set([...(gold.askedIn.get(intent) ?? [])].filter(([, n]) => n > 0 && n / total >= threshold).map(([name]) => name));
}

function attributeOf(gold: AttributeGold, phrasings: ReadonlyArray<{ text: string; count: number }>): string | undefined {
  const votes = new Map<string, number>();
  for (const { text, count } of phrasings) {
    const counts = gold.attributesOfQuestion.get(questionKey(text));
    if (!counts) continue;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    for (const [name, n] of counts) increment(votes, name, (count * n) / total);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function figure(t: Totals): string {
  const p = t.mined ? t.tp / t.mined : 0;
  const r = t.gold ? t.tp / t.gold : 0;
  return `precision ${p.toFixed(3)} (${t.tp}/${t.mined}), recall ${r.toFixed(3)} (${t.tp}/${t.gold})`;
}

/** Per-intent lines and the two summary lines, ready to print. */
export function scoreAttributes(discovery: CorpusDiscovery, gold: AttributeGold, minWeight: number): { matched: number; report: string } {
  const votesOf = new Map<string, Map<string, number>>();
  for (const { id, intentId } of discovery.assignments) {
    const intent = gold.intentOfRequest.get(id);
    if (intentId && intent) increment(inner(votesOf, intentId), intent);
  }
  const strict: Totals = { tp: 0, mined: 0, gold: 0 };
  const all: Totals = { tp: 0, mined: 0, gold: 0 };
  const lines: string[] = [];
  let matched = 0;
  const intentNames = { agree: 0, all: 0 };
  const attributeNames = { agree: 0, all: 0 };
  for (const { intent, attributes } of discovery.intents) {
    const votes = [...(votesOf.get(intent.id) ?? [])].sort((a, b) => b[1] - a[1]);
    const size = votes.reduce((sum, [, n]) => sum + n, 0);
    if (votes.length === 0 || votes[0]![1] / size < 0.5) continue;
    matched += 1;
    const goldIntent = votes[0]![0];
    const found = attributes.map((a) => attributeOf(gold, a.phrasings));
    for (const [totals, threshold] of [[strict, minWeight], [all, 0]] as const) {
      const wanted = goldAttributes(gold, goldIntent, threshold);
      totals.tp += new Set(found.filter((s): s is string => s !== undefined && wanted.has(s))).size;
      totals.mined += attributes.length;
      totals.gold += wanted.size;
    }
    if (gold.goldText) {
      intentNames.all += 1;
      if (agrees(intent.name, gold.goldText.intent(goldIntent))) intentNames.agree += 1;
      attributes.forEach((a, i) => {
        const goldAttribute = found[i];
        if (goldAttribute === undefined) return;
        attributeNames.all += 1;
        if (agrees(`${a.name} ${a.label ?? ''}`, gold.goldText!.attribute(goldIntent, goldAttribute))) attributeNames.agree += 1;
      });
    }
    const shown = attributes.map((a, i) => `${a.name}=${found[i] ?? '?'}`).join(', ') || '-';
    lines.push(`  ${intent.id} "${intent.name}" -> ${goldIntent} (${votes[0]![1]}/${size}): mined ${shown}; gold ${[...goldAttributes(gold, goldIntent, minWeight)].join(', ') || '-'}`);
  }
  lines.push(`gold = asked in >= ${minWeight} of the intent's conversations: ${figure(strict)}`);
  lines.push(`gold = every attribute ever asked for the intent:  ${figure(all)}`);
  if (gold.goldText) {
    const share = (n: { agree: number; all: number }) => `${(n.all ? n.agree / n.all : 0).toFixed(3)} (${n.agree}/${n.all})`;
    lines.push(`name agreement (a content word shared with the gold's name or description): intents ${share(intentNames)}, attributes ${share(attributeNames)}`);
  }
  return { matched, report: lines.join('\n') };
}

/**
 * How the discovered groups match gold groups (a gold intent's group or domain), over the requests
 * placed in a discovered intent that have a gold intent: ACC (one-to-one), NMI, ARI.
 */
export function scoreGroups(discovery: CorpusDiscovery, intentOfRequest: ReadonlyMap<string, string>, groupOfIntent: (intent: string) => string | undefined): string {
  const groupOfDiscovered = new Map(discovery.library.intents.map((i) => [i.id, i.groupId] as const));
  const predicted: string[] = [];
  const gold: string[] = [];
  for (const { id, intentId } of discovery.assignments) {
    const goldIntent = intentOfRequest.get(id);
    const goldGroup = goldIntent === undefined ? undefined : groupOfIntent(goldIntent);
    if (!intentId || goldGroup === undefined) continue;
    predicted.push(groupOfDiscovered.get(intentId)!);
    gold.push(goldGroup);
  }
  const scores = scoreClustering(predicted, gold);
  return `groups of the ${predicted.length} placed requests: ACC ${scores.acc.toFixed(3)}, NMI ${scores.nmi.toFixed(3)}, ARI ${scores.ari.toFixed(3)}, ${scores.clusters} groups for ${scores.labels} gold groups`;
}
