import { topicStems } from './words.js';

export interface QuestionCluster {
  /** Distinct phrasings with how often each was asked, most frequent first. */
  phrasings: Array<{ text: string; count: number }>;
  stems: Map<string, number>;
}

const SIMILARITY = 0.5;

function similarity(stems: ReadonlySet<string>, cluster: QuestionCluster): number {
  if (stems.size === 0) return 0;
  const total = cluster.phrasings.reduce((sum, p) => sum + p.count, 0);
  let shared = 0;
  let weight = 0;
  for (const [stem, count] of cluster.stems) {
    const share = count / total;
    weight += share;
    if (stems.has(stem)) shared += share;
  }
  return (2 * shared) / (weight + stems.size);
}

/**
 * Groups agent questions that ask for the same thing: each distinct phrasing, most frequent first,
 * joins the cluster whose typical topic words it shares most (weighted Dice >= 0.5) or starts one.
 * O(phrasings x clusters x words).
 */
export function clusterQuestions(questions: ReadonlyMap<string, number>): QuestionCluster[] {
  const clusters: QuestionCluster[] = [];
  const ordered = [...questions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [text, count] of ordered) {
    const stems = topicStems(text);
    if (stems.size === 0) continue;
    let best: QuestionCluster | undefined;
    let bestScore = SIMILARITY;
    for (const cluster of clusters) {
      const score = similarity(stems, cluster);
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    const target = best ?? { phrasings: [], stems: new Map<string, number>() };
    if (!best) clusters.push(target);
    target.phrasings.push({ text, count });
    for (const stem of stems) target.stems.set(stem, (target.stems.get(stem) ?? 0) + count);
  }
  return clusters;
}

function topStem(cluster: QuestionCluster): string {
  return [...cluster.stems].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

/**
 * Joins clusters whose most asked-about word is the same ("What time?" and "What time is the reservation
 * for?") when `sameKind` agrees they hold the same kind of value; the largest absorbs the others.
 */
export function mergeByTopic(clusters: readonly QuestionCluster[], sameKind: (a: QuestionCluster, b: QuestionCluster) => boolean): QuestionCluster[] {
  const merged: QuestionCluster[] = [];
  for (const cluster of clusters) {
    const into = merged.find((other) => topStem(other) === topStem(cluster) && sameKind(other, cluster));
    if (!into) {
      merged.push({ phrasings: [...cluster.phrasings], stems: new Map(cluster.stems) });
      continue;
    }
    into.phrasings.push(...cluster.phrasings);
    into.phrasings.sort((a, b) => b.count - a.count);
    for (const [stem, count] of cluster.stems) into.stems.set(stem, (into.stems.get(stem) ?? 0) + count);
  }
  return merged;
}

/** Share of the smaller set found in the larger. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

const SAME_ANSWERS = 0.3;

/**
 * Joins clusters that customers answer with the same values ("Where are you?" and "Which city?" both get
 * "San Jose"): `valuesOf` gives a cluster's answer values, `sameKind` must agree; the earlier absorbs the later.
 */
export function mergeByAnswers(
  clusters: readonly QuestionCluster[],
  valuesOf: (cluster: QuestionCluster) => ReadonlySet<string>,
  sameKind: (a: QuestionCluster, b: QuestionCluster) => boolean,
): QuestionCluster[] {
  const merged: Array<{ cluster: QuestionCluster; values: Set<string> }> = [];
  for (const cluster of clusters) {
    const values = valuesOf(cluster);
    const into = merged.find((other) => sameKind(other.cluster, cluster) && overlap(other.values, values) >= SAME_ANSWERS);
    if (!into) {
      merged.push({ cluster: { phrasings: [...cluster.phrasings], stems: new Map(cluster.stems) }, values: new Set(values) });
      continue;
    }
    into.cluster.phrasings.push(...cluster.phrasings);
    into.cluster.phrasings.sort((a, b) => b.count - a.count);
    for (const [stem, count] of cluster.stems) into.cluster.stems.set(stem, (into.cluster.stems.get(stem) ?? 0) + count);
    for (const value of values) into.values.add(value);
  }
  return merged.map((m) => m.cluster);
}

/** The key a question is counted under: its wording without case, spacing or end punctuation. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?.!]+$/u, '').trim();
}
