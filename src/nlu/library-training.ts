import { nameInWords } from '../library/formats.js';
import { type Intent, liveIntents, type IntentLibrary } from '../library/schema.js';
import { topicStems } from '../text/topic-words.js';
import { conversationalBackground, otherDomainBackground, OUT_OF_SCOPE_LABEL } from './background.js';
import { type TrainOptions, trainIntentClassifier } from './classifier/train.js';
import type { Classification, IntentClassifier, LabelledUtterance } from './types.js';

/**
 * An intent with fewer examples than this also learns requests made of its own words (see `requestsFromWords`).
 * Below it, the few texts an intent has cannot stand against intents with dozens: a customer's "I'd like to ..."
 * goes to whichever intent's examples hold most such words.
 */
export const FEW_EXAMPLES = 5;

/**
 * The training utterances of a library: every live intent's examples, name and description, labelled with its id;
 * and for an intent with few examples beside others with many, requests made of its own words. Where no intent has
 * many there is nothing to balance: the framing words would only pull every request to the few ("I want to ..."),
 * and a library of one or two intents has nothing to balance them against but the background.
 */
export function libraryExamples(library: IntentLibrary): LabelledUtterance[] {
  const intents = liveIntents(library);
  const balancing = intents.length >= MIN_CLAIMING_INTENTS && intents.some((intent) => intent.examples.length >= FEW_EXAMPLES);
  return intents.flatMap((intent) =>
    [...intent.examples, intent.name, intent.description, ...(balancing && intent.examples.length < FEW_EXAMPLES ? requestsFromWords(intent) : [])]
      .filter((text) => text.trim() !== '')
      .map((text) => ({ text, intent: intent.id })),
  );
}

/**
 * Requests written from an intent's own words, for an intent added with a name and a description and no (or few)
 * examples: the name and phrase as a customer frames a request ("I want to transfer money", "can you help me
 * transfer money"), and what the intent asks about, its attributes' labels and values ("account type checking
 * savings"), which customers name when they ask for it. Nothing here is specific to one library.
 */
function requestsFromWords(intent: Intent): string[] {
  const wants = [...new Set([intent.phrase, intent.name].filter((text): text is string => text !== undefined).map((text) => text.trim().toLowerCase()))];
  const framed = wants.flatMap((want) => [`I want to ${want}`, `can you help me ${want}`, `I need to ${want}`, ...soughtFrames(want)]);
  const asked = intent.attributes
    .filter((attribute) => attribute.status !== 'discarded')
    .map((attribute) => [attribute.label ?? nameInWords(attribute.name), ...(attribute.values ?? []).map(nameInWords)].join(' '));
  return asked.length > 0 ? [...framed, `${intent.name} ${asked.join(' ')}`] : framed;
}

/** Verbs of looking something up: customers name what they look for more often than the verb ("any good restaurants?"). */
const SEEKING = /^(?:find|search(?: for)?|look(?: up| for)|lookup|browse|discover|explore|get|show)\s+(.+)$/;

/** Verbs of booking: "Reserve hotel" is asked as "book a hotel", "I'd like a reservation". */
const BOOKING = /^(?:reserve|book|schedule)\s+(.+)$/;

/**
 * A request as customers also word it: "Find restaurants" as "I'm looking for restaurants", "show me some
 * restaurants"; "Reserve hotel" as "book a hotel", "make a reservation for a hotel".
 */
function soughtFrames(want: string): string[] {
  const sought = SEEKING.exec(want)?.[1];
  if (sought) return [`I'm looking for ${sought}`, `show me some ${sought}`, `are there any ${sought}`, `can you find me ${sought}`];
  const booked = BOOKING.exec(want)?.[1];
  return booked ? [`I'd like to book a ${booked}`, `can you reserve a ${booked} for me`, `make a reservation for a ${booked}`] : [];
}

/**
 * A library classifier that also learned what is nobody's intent (greetings, small talk, other domains) as a
 * background class. The background class never appears in the ranking; its share against the best intent
 * raises the out-of-scope score, so "hello" is out of scope rather than the nearest intent.
 */
class LibraryClassifier implements IntentClassifier {
  readonly intents: readonly string[];

  constructor(
    private readonly inner: IntentClassifier,
    private readonly nameWords: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {
    this.intents = inner.intents.filter((intent) => intent !== OUT_OF_SCOPE_LABEL);
  }

  classify(text: string, top?: number): Classification {
    const all = this.inner.classify(text, this.inner.intents.length);
    const named = this.named(text);
    const scores = named.size === 0 ? all.ranking : withNamed(all.ranking, named);
    const background = scores.find((score) => score.intent === OUT_OF_SCOPE_LABEL)?.confidence ?? 0;
    const ranking = scores.filter((score) => score.intent !== OUT_OF_SCOPE_LABEL).slice(0, Math.max(1, top ?? 3));
    const best = ranking[0]?.confidence ?? 0;
    const backgroundShare = background + best > 0 ? background / (background + best) : 0;
    // A text that names an intent is less likely out of scope by as much as it moved to that intent.
    const lift = Math.max(0, ...named.values()) * NAMED_SHIFT;
    const outOfScopeScore = Math.max(all.outOfScopeScore * (1 - lift), backgroundShare);
    return { ranking, outOfScopeScore };
  }

  /** The few-example intents whose name's defining words the text says, with the share of those words it says. */
  private named(text: string): Map<string, number> {
    const found = new Map<string, number>();
    if (this.nameWords.size === 0) return found;
    const said = topicStems(text);
    for (const [intent, words] of this.nameWords) {
      const hits = [...words].filter((word) => said.has(word)).length;
      if (hits > 0) found.set(intent, hits / words.size);
    }
    return found;
  }
}

/** How far naming an intent's defining words moves probability to it: all of them, half the rest of the mass. */
const NAMED_SHIFT = 0.5;

function withNamed(ranking: readonly { intent: string; confidence: number }[], named: ReadonlyMap<string, number>): { intent: string; confidence: number }[] {
  const shifted = ranking.map((score) => ({ ...score, confidence: score.confidence + (1 - score.confidence) * NAMED_SHIFT * (named.get(score.intent) ?? 0) }));
  const total = shifted.reduce((sum, score) => sum + score.confidence, 0);
  return shifted.map((score) => ({ ...score, confidence: score.confidence / total })).sort((a, b) => b.confidence - a.confidence);
}

/** A library with no live intent that has any text: nothing to detect. */
export class NothingToTrainError extends RangeError {
  override name = 'NothingToTrainError';
}

/**
 * At least this probability for one intent, from a quick model of the library's own examples, and a content word
 * shared with that intent's name or description, and an other-domain background request is the library's. Chosen on
 * two libraries: nothing of the retail demo library's background is claimed (its highest with a shared word, "i want
 * to buy bitcoin" for "Buy a protection plan", is 0.83), while a travel library built from SGD claims its own
 * requests at 0.86 to 1.00 ("book me a flight to paris" 0.88, "call me a taxi" 1.00).
 */
const CLAIM_CONFIDENCE = 0.85;
/** Libraries with fewer live intents claim nothing. */
const MIN_CLAIMING_INTENTS = 3;
/**
 * The quick model: words without character n-grams, five epochs and no calibration folds, about an eighth of the
 * real model's cost; its probability is uncalibrated, which the threshold above was chosen for.
 */
const CLAIM_OPTIONS: TrainOptions = { calibrationFolds: 0, features: { minCharNgram: 1, maxCharNgram: 0, charWeight: 0 }, softmax: { epochs: 5 } };

/**
 * The other-domain background requests that a library claims as its own: a model of the library's examples puts
 * them in scope, and the intent it chooses shares a topic word with them in its name or description (request framing
 * such as "I want" or "help me" names no domain; "i need a
 * hotel room for two nights" for a travel library's "Reserve hotel"). Learned as out of scope, they would push the
 * library's own customers out. Trains the quick model only when some request shares a word with an intent.
 */
export function claimedBackground(library: IntentLibrary, examples: readonly LabelledUtterance[], options?: TrainOptions): string[] {
  const intents = liveIntents(library);
  // Over one or two intents a model is sure of anything: its probability says nothing about other domains.
  if (intents.length < MIN_CLAIMING_INTENTS) return [];
  const defining = definingWords(intents);
  const shares = (text: string, intent: string): boolean => {
    const own = defining.get(intent);
    return own !== undefined && [...topicStems(text)].some((word) => own.has(word));
  };
  const candidates = otherDomainBackground.filter((text) => [...defining.keys()].some((intent) => shares(text, intent)));
  if (candidates.length === 0) return [];
  // A model cannot vouch for an intent it has (almost) no examples of: a defining word of its name is enough ("hotel"
  // in "Search hotel"; the description's words are too loose: "new" in "needs a new password" is not the news).
  const nameWords = new Set(
    intents
      .filter((intent) => intent.examples.length < FEW_EXAMPLES)
      .flatMap((intent) => [...topicStems(intent.name)].filter((word) => defining.get(intent.id)?.has(word))),
  );
  const byWords = new Set(candidates.filter((text) => [...topicStems(text)].some((word) => nameWords.has(word))));
  const rest = candidates.filter((text) => !byWords.has(text));
  if (rest.length === 0) return [...byWords];
  const model = trainIntentClassifier(examples, { ...options, ...CLAIM_OPTIONS });
  return candidates.filter((text) => {
    if (byWords.has(text)) return true;
    const best = model.classify(text, 1).ranking[0];
    return best !== undefined && best.confidence >= CLAIM_CONFIDENCE && shares(text, best.intent);
  });
}

/**
 * Each intent's defining words: the content words of its name and description that few intents share (at most a
 * quarter of them, and at least one), so "flight" defines "Book flight" while "want" in "The customer wants to ..."
 * defines nothing.
 */
function definingWords(intents: ReadonlyArray<{ id: string; name: string; description: string }>): Map<string, Set<string>> {
  const words = new Map(intents.map((intent) => [intent.id, topicStems(`${intent.name} ${intent.description}`)]));
  const spread = new Map<string, number>();
  for (const own of words.values()) for (const word of own) spread.set(word, (spread.get(word) ?? 0) + 1);
  const most = Math.max(1, Math.floor(intents.length / 4));
  return new Map([...words].map(([id, own]) => [id, new Set([...own].filter((word) => (spread.get(word) ?? 0) <= most))]));
}

/** The defining words of the names of the intents with few examples, beside intents with many. */
function fewExampleNameWords(library: IntentLibrary): Map<string, Set<string>> {
  const intents = liveIntents(library);
  if (intents.length < MIN_CLAIMING_INTENTS || !intents.some((intent) => intent.examples.length >= FEW_EXAMPLES)) return new Map();
  // A word in one intent's name only: "transfer" names "Transfer money"; "movie" in three names names none of them.
  const names = new Map(intents.map((intent) => [intent.id, topicStems(intent.name)]));
  const spread = new Map<string, number>();
  for (const words of names.values()) for (const word of words) spread.set(word, (spread.get(word) ?? 0) + 1);
  const defining = definingWords(intents);
  return new Map(
    intents
      .filter((intent) => intent.examples.length < FEW_EXAMPLES)
      .map((intent) => [intent.id, new Set([...(names.get(intent.id) ?? [])].filter((word) => spread.get(word) === 1 && defining.get(intent.id)?.has(word)))] as const)
      .filter(([, words]) => words.size > 0),
  );
}

/** Trains the lexical classifier on a library; throws when no live intent has any text to learn from. */
export function trainFromLibrary(library: IntentLibrary, options?: TrainOptions): IntentClassifier {
  const examples = libraryExamples(library);
  if (examples.length === 0) throw new NothingToTrainError(`library "${library.id}" has no approved or draft intent to train on`);
  const claimed = new Set(claimedBackground(library, examples, options));
  const background = [...conversationalBackground, ...otherDomainBackground.filter((text) => !claimed.has(text))].map((text) => ({
    text,
    intent: OUT_OF_SCOPE_LABEL,
  }));
  return new LibraryClassifier(trainIntentClassifier([...examples, ...background], options), fewExampleNameWords(library));
}
