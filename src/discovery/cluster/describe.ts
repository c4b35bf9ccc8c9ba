import type { UtteranceAnalysis } from '../text/analyze.js';
import { PERSON, SUPPORT_VERBS } from '../text/lexicon.js';
import { pairText } from '../text/verb-object.js';
import { similarity, type Centroids } from './centroids.js';
import type { FeatureMatrix } from './features.js';

export interface ClusterDescription {
  /** What a person would call the cluster: "Cancel plan", "Check account balance". */
  readonly label: string;
  /** Most distinctive phrases, best first. */
  readonly keyphrases: string[];
  /** Indices of the members closest to the centroid, most typical first. */
  readonly representatives: number[];
}

/** A candidate label must occur in at least this share of the cluster's members. */
const LABEL_MIN_SHARE = 0.08;
/** A compound object ("policy number") replaces its head ("number") when it keeps this share of its uses. */
const COMPOUND_SHARE = 0.5;
const KEYPHRASES = 6;
const REPRESENTATIVES = 3;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countDistinct<T>(members: readonly number[], values: (i: number) => Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const i of members) for (const v of new Set(values(i))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Words each utterance mentions, as terms or as objects (the person placeholder included). */
function mentionsOf(analysis: UtteranceAnalysis): string[] {
  return [...analysis.terms.map((t) => t.text), ...analysis.pairs.map((p) => p.object)];
}

/** Number of utterances of the corpus that mention each word; computed once for all clusters. */
export function corpusMentions(analyses: readonly UtteranceAnalysis[]): Map<string, number> {
  return countDistinct(
    analyses.map((_, i) => i),
    (i) => mentionsOf(analyses[i]!),
  );
}

/** A word counts toward a label when it is at least this much more common in the cluster than in the corpus. */
const LABEL_MIN_LIFT = 1.5;
/** Past this lift a word is simply the cluster's: how many say it decides, so that one template's odd word does not win. */
const LABEL_FULL_LIFT = 4;

/** The word of one part of speech that most of `members` say, weighed by how much more often than the corpus (see `commonWordsLabel`). */
function commonWord(
  members: readonly number[],
  analyses: readonly UtteranceAnalysis[],
  corpus: ReadonlyMap<string, number>,
  pos: 'VERB' | 'NOUN',
  minCount: number,
  not?: string,
): string | undefined {
  const counts = countDistinct(members, (i) => analyses[i]!.terms.filter((t) => t.pos === pos && t.text !== PERSON && t.text !== not).map((t) => t.text));
  let best: { word: string; score: number } | undefined;
  for (const [word, count] of counts) {
    if (count < minCount) continue;
    const lift = count / members.length / (Math.max(count, corpus.get(word) ?? 0) / analyses.length);
    if (lift < LABEL_MIN_LIFT) continue;
    const score = count * Math.log(Math.min(lift, LABEL_FULL_LIFT)) * (pos === 'VERB' && SUPPORT_VERBS.has(word) ? 0.5 : 1);
    if (!best || score > best.score || (score === best.score && word < best.word)) best = { word, score };
  }
  return best?.word;
}

/**
 * The request in the cluster's most common words, as verb + object ("Track order", "Return damaged item"): the
 * noun members say most, weighed by how much more often they say it than the corpus does (members saying it ×
 * log of that lift, capped at LABEL_FULL_LIFT), so that the words of the whole corpus ("order", "help") give way
 * to what the cluster is about; then, among the members who say that noun, the verb they say most, weighed
 * alike (a support verb such as "get" half). The object takes the compound form most members who pair the verb
 * with it use ("damaged item"). The noun alone when no verb is common among them; the verb alone without a noun.
 */
function commonWordsLabel(
  members: readonly number[],
  analyses: readonly UtteranceAnalysis[],
  corpus: ReadonlyMap<string, number>,
): string | undefined {
  const minCount = Math.max(2, LABEL_MIN_SHARE * members.length);
  const object = commonWord(members, analyses, corpus, 'NOUN', minCount);
  if (!object) return commonWord(members, analyses, corpus, 'VERB', minCount);
  const saying = members.filter((i) => analyses[i]!.terms.some((t) => t.text === object));
  const verb = commonWord(saying, analyses, corpus, 'VERB', Math.max(2, LABEL_MIN_SHARE * saying.length), object);
  if (!verb) return object;
  const uses = saying.flatMap((i) => analyses[i]!.pairs.filter((p) => p.verb === verb && p.object === object));
  const compounds = new Map<string, number>();
  for (const p of uses) compounds.set(p.compound, (compounds.get(p.compound) ?? 0) + 1);
  const [compound, count] = [...compounds].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0] ?? [object, 0];
  const chosen = uses.find((p) => p.compound === compound);
  return chosen ? pairText(chosen, count >= COMPOUND_SHARE * uses.length) : `${verb} ${object}`;
}

/**
 * Phrases that set the cluster apart: each feature scored by how much more often members use it
 * than the corpus does (share in cluster × log lift); a word already inside a chosen phrase is skipped.
 */
function keyphrases(members: readonly number[], features: FeatureMatrix, total: number): string[] {
  const counts = countDistinct(members, (i) => features.rows[i]!.indices);
  const scored = [...counts]
    .map(([column, count]) => {
      const share = count / members.length;
      const base = features.documentFrequency[column]! / total;
      return { text: features.features[column]!.text, score: share * Math.log(share / base) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1));
  const chosen: string[] = [];
  for (const { text } of scored) {
    if (chosen.length >= KEYPHRASES) break;
    const words = text.split(' ');
    if (chosen.some((c) => c === text || words.every((w) => c.split(' ').includes(w)))) continue;
    chosen.push(text);
  }
  return chosen;
}

/** Label, keyphrases and most typical members (distinct texts) of cluster `cluster`. */
export function describeCluster(
  cluster: number,
  members: readonly number[],
  analyses: readonly UtteranceAnalysis[],
  features: FeatureMatrix,
  centroids: Centroids,
  texts: readonly string[],
  corpus: ReadonlyMap<string, number>,
): ClusterDescription {
  const phrases = keyphrases(members, features, analyses.length);
  const seen = new Set<string>();
  const representatives = [...members]
    .map((i) => ({ i, s: similarity(features.rows[i]!, centroids, cluster) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .filter(({ i }) => {
      const key = texts[i]!.trim().toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, REPRESENTATIVES)
    .map((r) => r.i);
  const label = commonWordsLabel(members, analyses, corpus) ?? phrases[0] ?? 'Unclear requests';
  return { label: capitalize(label), keyphrases: phrases, representatives };
}

/** A group's label from its two most distinctive phrases: "Bill / Payment". */
export function groupLabel(members: readonly number[], features: FeatureMatrix, total: number): string {
  return keyphrases(members, features, total).slice(0, 2).map(capitalize).join(' / ') || 'Other';
}

/** Makes repeated labels distinct by adding, to the later ones, their first keyphrase the label lacks. */
export function distinctLabels(descriptions: readonly ClusterDescription[]): string[] {
  const seen = new Set<string>();
  return descriptions.map(({ label, keyphrases: phrases }) => {
    let distinct = label;
    if (seen.has(label.toLowerCase())) {
      const extra = phrases.find((p) => !label.toLowerCase().includes(p) && !seen.has(`${label} (${p})`.toLowerCase()));
      distinct = extra === undefined ? label : `${label} (${extra})`;
    }
    seen.add(distinct.toLowerCase());
    return distinct;
  });
}
