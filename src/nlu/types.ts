import type { Attribute } from '../library/schema.js';

/** One labelled training or evaluation utterance. */
export interface LabelledUtterance {
  text: string;
  intent: string;
}

export interface IntentScore {
  intent: string;
  /** Calibrated probability in [0, 1]; scores of one ranking sum to at most 1. */
  confidence: number;
}

export interface Classification {
  /** Best first; at least the top candidate when the model knows any intent. */
  ranking: IntentScore[];
  /** How unlike every known intent the text is, in [0, 1]; 1 = surely out of scope. */
  outOfScopeScore: number;
}

/** A trained intent classifier: pure, synchronous, safe to share across conversations. */
export interface IntentClassifier {
  readonly intents: readonly string[];
  classify(text: string, top?: number): Classification;
}

/** Anything that ranks intents for a text: the local classifier, or a model behind the same shape (the engine's port). */
export interface IntentRanker {
  /** `exclude`: intents the conversation rejected; a ranker that chooses among a few (a model) is not offered them. */
  classify(text: string, top?: number, exclude?: readonly string[]): Classification | Promise<Classification>;
}

/** What the engine decides from a classification. */
export type IntentDecision =
  | { kind: 'intent'; intent: string; confidence: number }
  | { kind: 'clarify'; between: [IntentScore, IntentScore] }
  | { kind: 'out-of-scope'; best: IntentScore | null };

export type AttributeValue = string | number | boolean;

/** A value found in a customer's text for one attribute. */
export interface Extraction {
  attribute: string;
  /** Normalized value: ISO date (YYYY-MM-DD) for dates, a number for numbers and money, E.164 for phones, the canonical enum value, ... */
  value: AttributeValue;
  /** The span of the text it came from. */
  text: string;
  confidence: number;
}

export interface ExtractionContext {
  /** The attribute whose question was asked last: a bare answer binds to it. */
  pendingAttribute?: string;
  /** Reference time for relative dates ("last Tuesday"). */
  now: Date;
  /** Default region for phone numbers without a country code, e.g. "US". */
  defaultRegion?: string;
}

/** Finds values for a set of attributes in one customer turn. */
export interface AttributeExtractor {
  extract(text: string, attributes: readonly Attribute[], context: ExtractionContext): Extraction[];
  /**
   * What in an answer to `attribute`'s question looks like an attempt at its value that does not fit its type or
   * pattern ("RMA-1234567" for six digits after RMA-), or null; the policy then says what is expected. With the
   * intent's `attributes` in `context`, a value that fits one of them (an order number while a serial number was
   * asked) is no attempt.
   */
  malformed?(text: string, attribute: Attribute, context?: MalformedContext): string | null;
}

export interface MalformedContext {
  /** The attributes of the conversation's intent. */
  attributes?: readonly Attribute[];
  /** Default region for phone numbers without a country code, e.g. "US". */
  defaultRegion?: string;
}
