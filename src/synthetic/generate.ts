import type { Attribute, Intent, IntentLibrary } from '../library/schema.js';
import { writeConversation, type ConversationPlan, type ConversationSettings, type Line } from './conversation.js';
import { DEMO_POPULARITY } from './popularity.js';
import { Random, type RandomStream } from '../text/random.js';
import type { Transcript, TranscriptTurn } from './types.js';

export interface GenerateTranscriptsOptions {
  /** Number of conversations. */
  count: number;
  /** The same seed, library and options always give the same transcripts. */
  seed: number;
  library: IntentLibrary;
  /** Time of the first conversation; later ones follow minutes apart. Default 2025-01-06T09:00:00Z. */
  start?: Date;
  /** Share of conversations about nothing the library covers. Default 0.08. */
  offTopicShare?: number;
  /** Share of in-scope conversations in which the customer raises a second intent. Default 0.12. */
  multiIntentShare?: number;
  /** Share of customer turns (of 12 characters or more) with a typo. Default 0.12. */
  typoRate?: number;
}

export const DEFAULT_START = new Date('2025-01-06T09:00:00Z');
const AGENT_NAMES = ['Sam', 'Priya', 'Marcus', 'Elena', 'Jordan', 'Aisha', 'Tom', 'Mei', 'Carlos', 'Nina', 'Devon', 'Hannah', 'Luis', 'Grace', 'Omar', 'Kate'];
/** Without known popularities, frequency falls off gently over a seed-dependent ranking (Zipf exponent). */
const POPULARITY_EXPONENT = 0.6;
/** The stream the demo transcripts, samples/transcripts.jsonl and the benchmark corpora were generated with. */
const STREAM: RandomStream = 'xoroshiro128plus';

function checkShare(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${name} must be a number from 0 to 1, got ${value}`);
}

function validate(options: GenerateTranscriptsOptions, intents: readonly Intent[], offTopicShare: number): void {
  if (!Number.isSafeInteger(options.count) || options.count < 0) throw new RangeError(`count must be a whole number of 0 or more, got ${options.count}`);
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be a whole number, got ${options.seed}`);
  if (options.start && Number.isNaN(options.start.getTime())) throw new RangeError('start must be a valid date');
  checkShare('offTopicShare', offTopicShare);
  checkShare('multiIntentShare', options.multiIntentShare ?? 0);
  checkShare('typoRate', options.typoRate ?? 0);
  if (intents.length === 0 && offTopicShare < 1) {
    throw new RangeError(`library "${options.library.id}" has no intent that is not discarded, so only off-topic conversations (offTopicShare 1) can be generated`);
  }
}

function brandOf(library: IntentLibrary): string {
  return library.name.replace(/\s+(customer\s+)?(support|service|care)$/iu, '') || library.name;
}

function topicsOf(library: IntentLibrary): string {
  const names = library.groups.slice(0, 3).map((group) => group.name.toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'your questions');
}

function popularity(intents: readonly Intent[], seed: number): number[] {
  if (intents.every((intent) => DEMO_POPULARITY[intent.id] !== undefined)) return intents.map((intent) => DEMO_POPULARITY[intent.id] ?? 1);
  const ranked = new Random(seed, STREAM).shuffle(intents);
  return intents.map((intent) => 1 / (ranked.indexOf(intent) + 1) ** POPULARITY_EXPONENT);
}

function secondIntent(random: Random, first: Intent, intents: readonly Intent[], weights: readonly number[]): Intent | undefined {
  const sameGroup = intents.filter((intent) => intent.groupId === first.groupId && intent.id !== first.id);
  if (sameGroup.length > 0 && random.chance(0.5)) return random.pick(sameGroup);
  const others = intents.filter((intent) => intent.id !== first.id);
  if (others.length === 0) return undefined;
  return random.weighted(others, others.map((intent) => weights[intents.indexOf(intent)] ?? 1));
}

function channelFor(random: Random, first: Intent | undefined): ConversationPlan['channel'] {
  const roll = random.float();
  if (roll < 0.6) return 'agent';
  if (roll < 0.85 || (first && !first.selfService)) return 'bot-handoff';
  return 'bot-only';
}

function secondsBefore(random: Random, line: Line): number {
  switch (line.role) {
    case 'bot':
      return random.int(1, 3);
    case 'agent':
      return random.int(8, 75);
    case 'customer':
      return random.int(4, 30) + Math.round(line.text.length / 5);
  }
}

function stamp(random: Random, lines: readonly Line[], start: Date): TranscriptTurn[] {
  let time = start.getTime();
  return lines.map((line, index) => {
    if (index > 0) time += secondsBefore(random, line) * 1000;
    return { role: line.role, text: line.text, at: new Date(time).toISOString().replace(/\.\d{3}Z$/u, 'Z') };
  });
}

/**
 * Believable customer-service conversations about the intents of `library`, one at a time, so that any count
 * streams in constant memory. Each transcript carries its gold labels in `meta`. Bad options throw a RangeError
 * at once, before the first transcript.
 */
export function generateTranscripts(options: GenerateTranscriptsOptions): Generator<Transcript> {
  const offTopicShare = options.offTopicShare ?? 0.08;
  const intents = options.library.intents.filter((intent) => intent.status !== 'discarded');
  validate(options, intents, offTopicShare);
  return transcripts(options, intents, offTopicShare);
}

function* transcripts(options: GenerateTranscriptsOptions, intents: readonly Intent[], offTopicShare: number): Generator<Transcript> {
  const { library, seed, count } = options;
  const multiIntentShare = options.multiIntentShare ?? 0.12;
  const weights = popularity(intents, seed);
  const attributes = new Map<string, Attribute>();
  for (const intent of intents) for (const attribute of intent.attributes) if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
  const baseSettings: Omit<ConversationSettings, 'now'> = {
    brand: brandOf(library),
    groupNames: new Map(library.groups.map((group) => [group.id, group.name])),
    topics: topicsOf(library),
    attributes,
    typoRate: options.typoRate ?? 0.12,
  };
  let time = (options.start ?? DEFAULT_START).getTime();
  for (let index = 0; index < count; index++) {
    const random = Random.forItem(seed, index, STREAM);
    if (index > 0) time += random.int(60, 3600) * 1000;
    const now = new Date(time);
    const first = intents.length > 0 && !random.chance(offTopicShare) ? random.weighted(intents, weights) : undefined;
    const second = first && random.chance(multiIntentShare) ? secondIntent(random, first, intents, weights) : undefined;
    const plan: ConversationPlan = {
      intents: [first, second].filter((intent): intent is Intent => intent !== undefined),
      channel: channelFor(random, first),
      agentName: random.pick(AGENT_NAMES),
    };
    const lines = writeConversation(random, plan, { ...baseSettings, now });
    yield {
      conversationId: `conv-${seed}-${String(index + 1).padStart(6, '0')}`,
      turns: stamp(random, lines, now),
      meta: { intents: plan.intents.map((intent) => intent.id) },
    };
  }
}
