import type { Catalog } from '../../library/catalog.js';
import type { Attribute } from '../../library/schema.js';
import { readDialogueActs, withModelActs, type DialogueActReader, type DialogueActs } from '../dialogue-acts.js';
import type { AttributeExtractor, Classification, Extraction, IntentRanker } from '../types.js';
import type { ChatModel } from '../../azure/chat.js';
import { rankWithModel, shortlistOf } from './classifier.js';
import { extractWithModel } from './extractor.js';

export interface ModelUnderstandingOptions {
  /** The local classifier and extractors: they make the shortlist and stand whenever the model does not answer. */
  local: { ranker: IntentRanker; extractor: AttributeExtractor };
  catalog: () => Catalog;
  model: ChatModel;
  /** How many of the local classifier's best intents the model chooses from. */
  shortlist: number;
  now: () => Date;
  /** Told why a model answer was not used (for logs); never given customer text. */
  onFallback?(reason: string): void;
}

/** The understanding the step uses: an intent ranker, an attribute extractor and a reader of dialogue acts. */
export interface Understanding {
  ranker: IntentRanker;
  extractor: AttributeExtractor;
  acts: DialogueActReader;
}

/** Model readings kept for the turns in flight; a turn reads them right after classifying. */
const REMEMBERED_TEXTS = 256;

/**
 * Azure OpenAI understanding over the local one. On each customer turn the ranker asks the model, in parallel
 * and within one budget, to rank the shortlisted intents and to read the values of their attributes. The step's
 * extractor port is synchronous, so the extractor serves those readings from memory, adding them to what the
 * local extractors found (local values win). A failed, late or invalid model answer leaves the local result as it is.
 */
export function modelUnderstanding(options: ModelUnderstandingOptions): Understanding {
  const readings = new Map<string, { values: Map<string, Extraction>; acts: DialogueActs | null }>();

  function remember(text: string, extractions: Extraction[], acts: DialogueActs | null): void {
    readings.delete(text);
    readings.set(text, { values: new Map(extractions.map((extraction) => [extraction.attribute, extraction])), acts });
    for (const oldest of readings.keys()) {
      if (readings.size <= REMEMBERED_TEXTS) break;
      readings.delete(oldest);
    }
  }

  async function orLocal<T>(call: Promise<T>, fallback: T): Promise<T> {
    try {
      return await call;
    } catch (error) {
      options.onFallback?.(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      return fallback;
    }
  }

  return {
    ranker: {
      async classify(text, top, exclude = []): Promise<Classification> {
        const local = await options.local.ranker.classify(text, Math.max(top ?? 0, options.shortlist + exclude.length));
        const offered = { ...local, ranking: local.ranking.filter((score) => !exclude.includes(score.intent)) };
        const shortlist = shortlistOf(offered, options.catalog(), options.shortlist);
        if (shortlist.length === 0 || text.trim() === '') return local;
        const attributes = distinctAttributes(shortlist.flatMap((intent) => intent.attributes));
        const [ranked, extractions] = await Promise.all([
          orLocal(rankWithModel(options.model, text, shortlist, local), null),
          orLocal(extractWithModel(options.model, text, attributes, { now: options.now() }), []),
        ]);
        remember(text, extractions, ranked?.acts ?? null);
        return ranked?.classification ?? local;
      },
    },
    acts: {
      read(text) {
        const local = readDialogueActs(text);
        const model = readings.get(text)?.acts;
        return model ? withModelActs(text, local, model) : local;
      },
    },
    extractor: {
      ...(options.local.extractor.malformed ? { malformed: options.local.extractor.malformed } : {}),
      extract(text, attributes, context) {
        const found = options.local.extractor.extract(text, attributes, context);
        const read = readings.get(text);
        if (!read) return found;
        const taken = new Set(found.map((extraction) => extraction.attribute));
        const added = attributes.flatMap((attribute) => {
          const extraction = read.values.get(attribute.name);
          return extraction && !taken.has(attribute.name) ? [extraction] : [];
        });
        return [...found, ...added];
      },
    },
  };
}

/** One definition per attribute name: the first intent's, which the local classifier ranked higher. */
function distinctAttributes(attributes: Attribute[]): Attribute[] {
  const byName = new Map<string, Attribute>();
  for (const attribute of attributes) if (!byName.has(attribute.name)) byName.set(attribute.name, attribute);
  return [...byName.values()];
}
