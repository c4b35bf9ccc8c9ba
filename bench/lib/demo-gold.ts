/**
 * What the demo generator knows of its transcripts, shared by the demo benches: the gold intent of each request
 * discovery finds, and the attribute an agent question asks.
 */
import { questionKey } from '../../src/discovery/question-clusters.js';
import type { Corpus } from '../../src/discovery/corpus.js';
import type { IntentLibrary } from '../../src/library/schema.js';
import { maskPersonalData } from '../../src/nlu/redact.js';
import { questionPhrasings } from '../../src/synthetic/questions.js';
import type { Transcript } from '../../src/synthetic/types.js';

/** The attribute an agent sentence asks, by the wording it ends with (every wording of every attribute of the library, masked as discovery sees it). */
export function attributeAskedBy(library: IntentLibrary): (sentence: string) => string | undefined {
  const wordings = library.intents.flatMap((intent) => intent.attributes.flatMap((attribute) => questionPhrasings(attribute).map((text) => ({ key: questionKey(maskPersonalData(text).text), name: attribute.name }))));
  return (sentence) => {
    const key = questionKey(sentence);
    return wordings.filter((w) => key.endsWith(w.key)).sort((a, b) => b.key.length - a.key.length)[0]?.name;
  };
}

/**
 * Gold intent by request id (`conversationId`, then `conversationId#2`...): the i-th request found is taken as the
 * i-th labelled intent when the counts agree; conversations where they do not are left out.
 */
export function goldOfRequests(corpus: Corpus, transcripts: readonly Transcript[]): Map<string, string> {
  const labels = new Map(transcripts.map((t) => [t.conversationId, t.meta?.intents ?? []] as const));
  const intentOfRequest = new Map<string, string>();
  for (const record of corpus.records) {
    const intents = labels.get(record.conversationId) ?? [];
    if (intents.length !== record.requests.length) continue;
    intents.forEach((intent, i) => intentOfRequest.set(i === 0 ? record.conversationId : `${record.conversationId}#${i + 1}`, intent));
  }
  return intentOfRequest;
}
