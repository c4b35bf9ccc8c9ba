import type { UtteranceAnalysis } from '../text/analyze.js';
import { pairText } from '../text/verb-object.js';
import { l2Normalize, sparseRow, type SparseRow } from './vectors.js';

export interface FeatureOptions {
  /** Weight of a verb-object pair feature relative to a single word. */
  readonly pair: number;
  /** How much a word's weight drops when it mostly qualifies a category head (see `slotValueShare`). */
  readonly slotDamping: number;
  /** Heads with at least this many distinct modifiers are categories whose modifiers are slot values. */
  readonly categoryModifiers: number;
  /** Features seen in fewer utterances are dropped: they cannot link utterances. */
  readonly minCount: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { pair: 1, slotDamping: 1, categoryModifiers: 8, minCount: 2 };

export type FeatureKind = 'term' | 'pair';

export interface Feature {
  readonly kind: FeatureKind;
  /** Readable form: "claim", "file claim", "enroll in plan". */
  readonly text: string;
}

export interface FeatureMatrix {
  /** One L2-normalized TF-IDF row per utterance. */
  readonly rows: readonly SparseRow[];
  readonly features: readonly Feature[];
  /** Number of utterances each feature occurs in. */
  readonly documentFrequency: Int32Array;
  /** The row of another utterance in these columns, weighted as these were (for utterances placed after clustering). */
  readonly encode: (analysis: UtteranceAnalysis) => SparseRow;
}

/**
 * Share of each word's uses spent modifying a category head: "life", "pet", "car" mostly qualify
 * "insurance", a head seen with many modifiers, so they name a slot value (the kind of insurance)
 * rather than what the customer wants done. Learned from the corpus itself.
 */
export function slotValueShare(analyses: readonly UtteranceAnalysis[], categoryModifiers: number): Map<string, number> {
  const modifiersOf = new Map<string, Set<string>>();
  for (const a of analyses) {
    for (const t of a.terms) {
      if (t.head === undefined) continue;
      const set = modifiersOf.get(t.head) ?? new Set<string>();
      set.add(t.text);
      modifiersOf.set(t.head, set);
    }
  }
  const uses = new Map<string, { total: number; slot: number }>();
  for (const a of analyses) {
    for (const t of a.terms) {
      const u = uses.get(t.text) ?? { total: 0, slot: 0 };
      u.total += 1;
      if (t.head !== undefined && (modifiersOf.get(t.head)?.size ?? 0) >= categoryModifiers) u.slot += 1;
      uses.set(t.text, u);
    }
  }
  return new Map([...uses].map(([text, u]) => [text, u.slot / u.total]));
}

interface Occurrence {
  readonly key: string;
  readonly feature: Feature;
  readonly weight: number;
}

function occurrences(analysis: UtteranceAnalysis, options: FeatureOptions, slot: ReadonlyMap<string, number>): Occurrence[] {
  const make = (kind: FeatureKind, text: string, weight: number): Occurrence => ({ key: `${kind}:${text}`, feature: { kind, text }, weight });
  return [
    ...analysis.terms.map((t) => make('term', t.text, 1 - options.slotDamping * (slot.get(t.text) ?? 0))),
    ...analysis.pairs.map((pair) => make('pair', pairText(pair), options.pair)),
  ].filter((o) => o.weight > 0);
}

/**
 * Sublinear TF-IDF over words and verb-object pairs; each occurrence is scaled by its weight
 * (pair weight, slot-value damping), a feature taking its strongest use.
 */
export function buildFeatures(analyses: readonly UtteranceAnalysis[], overrides: Partial<FeatureOptions> = {}): FeatureMatrix {
  const options = { ...DEFAULT_FEATURE_OPTIONS, ...overrides };
  const slot = slotValueShare(analyses, options.categoryModifiers);
  const perUtterance = analyses.map((a) => occurrences(a, options, slot));
  const counts = new Map<string, { feature: Feature; df: number }>();
  for (const found of perUtterance) {
    for (const o of new Map(found.map((f) => [f.key, f])).values()) {
      const entry = counts.get(o.key);
      if (entry) entry.df += 1;
      else counts.set(o.key, { feature: o.feature, df: 1 });
    }
  }
  const kept = [...counts.entries()].filter(([, e]) => e.df >= options.minCount).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const column = new Map(kept.map(([key], i) => [key, i]));
  const n = analyses.length;
  const idf = kept.map(([, e]) => Math.log((1 + n) / (1 + e.df)) + 1);
  const rowOf = (found: readonly Occurrence[]): SparseRow => {
    const stats = new Map<number, { count: number; weight: number }>();
    for (const o of found) {
      const c = column.get(o.key);
      if (c === undefined) continue;
      const s = stats.get(c);
      if (s) {
        s.count += 1;
        s.weight = Math.max(s.weight, o.weight);
      } else {
        stats.set(c, { count: 1, weight: o.weight });
      }
    }
    const values = new Map<number, number>();
    for (const [c, s] of stats) values.set(c, (1 + Math.log(s.count)) * s.weight * idf[c]!);
    return l2Normalize(sparseRow(values));
  };
  const rows = perUtterance.map(rowOf);
  return {
    rows,
    features: kept.map(([, e]) => e.feature),
    documentFrequency: Int32Array.from(kept, ([, e]) => e.df),
    encode: (analysis) => rowOf(occurrences(analysis, options, slot)),
  };
}
