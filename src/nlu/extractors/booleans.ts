import type { Candidate, ScannedTurn } from './turn.js';

type Polarity = 'yes' | 'no' | 'unsure';

const PHRASES: Record<Polarity, readonly string[]> = {
  yes: [
    'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'sure', 'certainly', 'correct', 'absolutely', 'definitely',
    'of course', 'affirmative', 'ok', 'okay', 'indeed', 'true', 'y', 'i did', 'i have', 'i do', 'i am', 'we did',
    'we have', 'it is', 'it does', 'it was', 'it has', 'already did', 'i already did', 'i think so', "that's right",
    'that is right', "that's correct", 'done',
  ],
  no: [
    'no', 'nope', 'nah', 'negative', 'never', 'false', 'n', 'not yet', 'not really', 'no way', "i didn't", 'i did not',
    "i haven't", 'i have not', "i don't", 'i do not', "i'm not", 'i am not', "we didn't", "we haven't", "it isn't",
    'it is not', "it's not", "it doesn't", 'it does not', "it wasn't", 'it was not', "it hasn't", "haven't yet",
    "didn't", "haven't", "i don't think so",
  ],
  unsure: [
    "i don't know", 'i do not know', "don't know", 'dunno', 'idk', 'not sure', "i'm not sure", 'no idea', 'maybe',
    'perhaps', 'not certain', "can't remember", "don't remember", 'i forget',
  ],
};

/** Phrases as word lists, longest first so "i did not" wins over "i did". */
const PHRASE_WORDS = (Object.entries(PHRASES) as [Polarity, readonly string[]][])
  .flatMap(([polarity, phrases]) => phrases.map((phrase) => ({ polarity, words: phrase.split(' ') })))
  .sort((a, b) => b.words.length - a.words.length);

interface Hit {
  polarity: Polarity;
  start: number;
  end: number;
  first: boolean;
}

function hits(words: readonly { lower: string; start: number; end: number }[]): Hit[] {
  const found: Hit[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = PHRASE_WORDS.find((p) => p.words.every((word, k) => words[i + k]?.lower === word));
    if (!phrase) {
      i += 1;
      continue;
    }
    const last = words[i + phrase.words.length - 1];
    found.push({ polarity: phrase.polarity, start: words[i]?.start ?? 0, end: last?.end ?? 0, first: i === 0 });
    i += phrase.words.length;
  }
  return found;
}

/**
 * A yes or no answer to the pending question ("yeah", "I did", "not yet"). An answer that opens
 * with yes or no counts as that; otherwise mixed signals and "not sure" give nothing.
 */
export function booleanCandidates(turn: ScannedTurn, pending: boolean): Candidate[] {
  if (!pending) return [];
  const found = hits(turn.tokens);
  const opening = found[0];
  if (!opening || found.some((hit) => hit.polarity === 'unsure')) return [];
  const decided = opening.first ? opening : found.every((hit) => hit.polarity === opening.polarity) ? opening : null;
  if (!decided) return [];
  const single = decided.first && found.every((hit) => hit.polarity === decided.polarity);
  return [{ start: decided.start, end: decided.end, value: decided.polarity === 'yes', confidence: single ? 0.9 : 0.75, evident: false }];
}
