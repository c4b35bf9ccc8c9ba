import type { UtteranceAnalysis } from '../text/analyze.js';
import { sparseCentroids } from './centroids.js';
import type { ClusteringSpace } from './embedding-features.js';
import { corpusMentions, describeCluster, distinctLabels, groupLabel } from './describe.js';
import type { FeatureMatrix } from './features.js';
import { groupClusters } from './hierarchy.js';

export interface DiscoveredCluster {
  readonly id: string;
  /** What a person would call it, e.g. "Cancel plan", "Get policy number". */
  readonly label: string;
  readonly keyphrases: string[];
  /** Ids of the utterances in the cluster. */
  readonly members: string[];
  /** Texts of the most typical members, most typical first. */
  readonly representative: string[];
  readonly groupId: string;
  /** True for the cluster of utterances with nothing to cluster on ("Sure!", "Okay."). */
  readonly unclear: boolean;
}

export interface ClusterGroup {
  readonly id: string;
  readonly label: string;
  /** Ids of its clusters, largest first. */
  readonly clusters: string[];
}

export interface ClusteringResult {
  /** Largest first; the unclear cluster, if any, last. */
  readonly clusters: DiscoveredCluster[];
  /** Utterance id -> cluster id, for every utterance. */
  readonly assignments: Map<string, string>;
  readonly groups: ClusterGroup[];
}

const UNCLEAR_LABEL = 'Unclear requests';

/**
 * Clusters ranked by size (ids c1, c2, ...), described, grouped into families (`groupClusters`), plus an
 * "unclear" cluster for utterances labelled -1 (nothing to cluster on). Clusters are grouped in the
 * space they were clustered in (`space`, words by default) and described by their words.
 */
export function assembleResult(
  rows: ReadonlyArray<{ id: string; text: string }>,
  analyses: readonly UtteranceAnalysis[],
  features: FeatureMatrix,
  labels: Int32Array,
  count: number,
  space: ClusteringSpace = { rows: features.rows, columns: features.features.length },
): ClusteringResult {
  const columns = features.features.length;
  const membersOf = Array.from({ length: count }, (): number[] => []);
  const unclear: number[] = [];
  labels.forEach((label, i) => (label >= 0 ? membersOf[label]!.push(i) : unclear.push(i)));
  const order = membersOf
    .map((members, label) => ({ members, label }))
    .filter((c) => c.members.length > 0)
    .sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  const ranked = new Int32Array(labels.length).fill(-1);
  order.forEach((c, rank) => c.members.forEach((i) => (ranked[i] = rank)));
  const centroids = sparseCentroids(features.rows, ranked, order.length, columns);
  const spaceCentroids = space.rows === features.rows ? centroids : sparseCentroids(space.rows, ranked, order.length, space.columns);
  const groupOf = groupClusters(spaceCentroids, order.map((c) => c.members.length));

  const texts = rows.map((r) => r.text);
  const mentions = corpusMentions(analyses);
  const descriptions = order.map((c, rank) => describeCluster(rank, c.members, analyses, features, centroids, texts, mentions));
  const labelsShown = distinctLabels(descriptions);
  const clusters: DiscoveredCluster[] = order.map((c, rank) => {
    const description = descriptions[rank]!;
    return {
      id: `c${rank + 1}`,
      label: labelsShown[rank]!,
      keyphrases: description.keyphrases,
      members: c.members.map((i) => rows[i]!.id),
      representative: description.representatives.map((i) => texts[i]!),
      groupId: `g${groupOf[rank]! + 1}`,
      unclear: false,
    };
  });
  const groupIds = [...new Set(clusters.map((c) => c.groupId))];
  if (unclear.length > 0) {
    clusters.push({
      id: 'unclear',
      label: UNCLEAR_LABEL,
      keyphrases: [],
      members: unclear.map((i) => rows[i]!.id),
      representative: [...new Set(unclear.map((i) => texts[i]!))].slice(0, 3),
      groupId: 'unclear',
      unclear: true,
    });
    groupIds.push('unclear');
  }
  const indicesOf = new Map([...order.map((c, rank) => [`c${rank + 1}`, c.members] as const), ['unclear', unclear]]);
  const groups: ClusterGroup[] = groupIds.map((id) => {
    const inGroup = clusters.filter((c) => c.groupId === id);
    const members = inGroup.flatMap((c) => indicesOf.get(c.id) ?? []);
    const label = id === 'unclear' ? UNCLEAR_LABEL : groupLabel(members, features, rows.length);
    return { id, label, clusters: inGroup.map((c) => c.id) };
  });
  const assignments = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) assignments.set(m, c.id);
  return { clusters, assignments, groups };
}
