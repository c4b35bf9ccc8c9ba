import type { ConversationRecord, Corpus } from './corpus.js';
import { buildIntent, draftLibrary, SAMPLE_IDS, type DiscoverOptions, type Discovery, type FittedIntents } from './discover.js';
import { Reservoir } from './reservoir.js';
import type { Exchange } from './turns.js';
import type { ConversationTurn } from './types.js';
import { Random } from '../text/random.js';

/** Conversations per intent whose questions attributes are mined from; beyond it, a uniform sample of this many. */
export const MINED_CONVERSATIONS = 1000;

interface Tally {
  conversations: number;
  lastSeen?: string;
  exchanges: Reservoir<Exchange[]>;
  /** The first SAMPLE_IDS conversations of more than one turn, with their masked transcripts. */
  withTurns: Array<[string, ConversationTurn[]]>;
  /** The first SAMPLE_IDS conversations of one turn. */
  withoutTurns: string[];
}

/**
 * The intents fitted on a sample, counted over every conversation of the input as it streams past: per intent,
 * its conversations, when it was last seen, its first sample conversations and a uniform sample of
 * MINED_CONVERSATIONS conversations' questions for attribute mining. Memory O(intents · MINED_CONVERSATIONS),
 * whatever the number of conversations; the same input in the same order gives the same discovery.
 */
export class IntentTally {
  readonly #fitted: FittedIntents;
  readonly #options: DiscoverOptions;
  readonly #tallies = new Map<string, Tally>();
  #conversations = 0;
  #requests = 0;
  #unclear = 0;

  constructor(fitted: FittedIntents, options: DiscoverOptions) {
    this.#fitted = fitted;
    this.#options = options;
    fitted.discovery.intents.forEach(({ intent }, i) => {
      this.#tallies.set(intent.id, { conversations: 0, exchanges: new Reservoir(MINED_CONVERSATIONS, Random.forItem(options.seed ?? 1, i)), withTurns: [], withoutTurns: [] });
    });
  }

  /** Counts a conversation whose requests were placed in `intentIds` (one per request, null for an unclear one). */
  add(record: ConversationRecord, intentIds: ReadonlyArray<string | null>): void {
    if (intentIds.length !== record.requests.length) throw new RangeError(`${intentIds.length} intents given for ${record.requests.length} requests`);
    this.#conversations += 1;
    this.#requests += record.requests.length;
    const exchangesOf = new Map<string, Exchange[]>();
    intentIds.forEach((id, i) => {
      if (id === null) this.#unclear += 1;
      else (exchangesOf.get(id) ?? exchangesOf.set(id, []).get(id)!).push(...record.requests[i]!.exchanges);
    });
    for (const [id, exchanges] of exchangesOf) {
      const tally = this.#tallies.get(id);
      if (!tally) throw new RangeError(`no intent "${id}" was fitted`);
      tally.conversations += 1;
      if (record.lastAt && (!tally.lastSeen || record.lastAt > tally.lastSeen)) tally.lastSeen = record.lastAt;
      tally.exchanges.offer(exchanges);
      if (record.turns && tally.withTurns.length < SAMPLE_IDS) tally.withTurns.push([record.conversationId, record.turns]);
      else if (!record.turns && tally.withoutTurns.length < SAMPLE_IDS) tally.withoutTurns.push(record.conversationId);
    }
  }

  /** The discovery over every conversation added; intents no conversation was placed in are left out. */
  discovery(counts: Pick<Corpus, 'nonBusiness' | 'askedForPerson'>): Discovery {
    const fitted = this.#fitted.discovery;
    const samples = new Map<string, ConversationTurn[]>();
    const intents = fitted.intents.flatMap(({ intent, keyphrases }) => {
      const tally = this.#tallies.get(intent.id)!;
      if (tally.conversations === 0) return [];
      const sampleConversationIds = [...tally.withTurns.map(([id]) => id), ...tally.withoutTurns].slice(0, SAMPLE_IDS);
      for (const [id, turns] of tally.withTurns) if (sampleConversationIds.includes(id)) samples.set(id, turns);
      const parts = {
        label: intent.name,
        keyphrases,
        examples: intent.examples,
        conversations: tally.conversations,
        exchanges: tally.exchanges.items(),
        ...(tally.lastSeen ? { lastSeen: tally.lastSeen } : {}),
        sampleConversationIds,
      };
      return [buildIntent(parts, intent.groupId, intent.id, this.#conversations, this.#options, this.#fitted.totals)];
    });
    return {
      library: draftLibrary(fitted.library.groups, intents, this.#options),
      intents,
      conversations: this.#conversations,
      requests: this.#requests,
      unclearRequests: this.#unclear,
      nonBusiness: { ...counts.nonBusiness },
      askedForPerson: counts.askedForPerson,
      samples,
    };
  }
}
