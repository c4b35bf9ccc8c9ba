import winkNLP, { type ItsFunction, type PartOfSpeech, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type { PartOfSpeech };

export interface TaggedToken {
  /** Lower-cased surface form. */
  readonly text: string;
  readonly lemma: string;
  /** Universal Dependencies tag. */
  readonly pos: PartOfSpeech;
  readonly sentence: number;
}

let nlp: WinkMethods | undefined;

/** Tokenizes, tags and lemmatizes English text with the model shipped in the npm package (no download). */
export function tagText(text: string): TaggedToken[] {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const tokens: TaggedToken[] = [];
  nlp.readDoc(text).sentences().each((sentence, index) => {
    const words = sentence.tokens();
    const values = words.out(its.value);
    // wink's typings declare `its.lemma` with the add-on argument the runtime supplies itself.
    const lemmas = words.out(its.lemma as ItsFunction<string>);
    const tags = words.out(its.pos) as PartOfSpeech[];
    values.forEach((value, i) => {
      tokens.push({
        text: value.toLowerCase(),
        lemma: (lemmas[i] ?? value).toLowerCase(),
        pos: tags[i] ?? 'X',
        sentence: index,
      });
    });
  });
  return tokens;
}
