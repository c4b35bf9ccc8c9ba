import { nameInWords } from '../../library/formats.js';
import type { Attribute } from '../../library/schema.js';
import type { Candidate } from './turn.js';

/** Words that make a question or an attribute ask for a place: "Which city?", "Where are you traveling to?", `pickupLocation`. */
const PLACE_WORDS = /\b(?:where|city|cities|town|area|location|place|destination|neighbou?rhood|county|region|country)\b/i;
/**
 * Words that make an attribute itself a place, by its name, label or description ("city", `pickupLocation`): only such
 * an attribute takes a place the customer names without being asked. A question that merely starts with "where"
 * ("Where in the setup are you stuck?") does not make its attribute one.
 */
const PLACE_ATTRIBUTE_WORDS = /\b(?:city|cities|town|area|location|destination|neighbou?rhood|county|region|country)\b/i;
/** Lower-case words inside a place's name: "Frankfurt am Main", "Stratford upon Avon". */
const JOINERS = 'de|del|la|le|of|upon|am';

/** A run of capitalised words (with joiners) after one of `prepositions`, which may open a sentence ("In San Jose"). */
function placeAfter(prepositions: readonly string[]): RegExp {
  const words = prepositions.map((word) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`).join('|');
  return new RegExp(`\\b(?:${words})\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}'.-]*)(?:\\s+(?:\\p{Lu}[\\p{L}'.-]*|${JOINERS}))*)`, 'gu');
}
/**
 * A place after a preposition, written with capitals as names are ("in San Jose", "to Berkeley", "around the LAX
 * area"): the capitalised run is the value; the preposition, an article and a trailing common noun are not.
 */
const NAMED_PLACE = placeAfter(['in', 'at', 'to', 'near', 'around', 'from', 'for', 'within']);
/**
 * Where the customer says where they want something without being asked ("an apartment in Livermore", "hotels near
 * Union Square"): "in", "near", "around" and "within" locate; "at", "to", "for" and "from" as often name a restaurant,
 * a person or a direction, which only the question asked can tell.
 */
const UNPROMPTED_PLACE = placeAfter(['in', 'near', 'around', 'within']);
/** A sentence that ends after a word of a name ("in Mountain View. It has to ..."): the name stops there. */
const SENTENCE_END = /(?<=\p{L}{3,})\.(?=\s|$)/u;
/** A joiner that ended the run without a name after it. */
const TRAILING_JOINER = new RegExp(`\\s+(?:${JOINERS})$`, 'i');
/** Capitalised words that are not places when they follow a preposition. */
const NOT_A_PLACE = /^(?:I|I'm|I'd|I'll|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Whether an attribute asks for a place, by its question, name or label. */
export function asksForPlace(attribute: Attribute): boolean {
  return [attribute.question, nameInWords(attribute.name), attribute.label ?? ''].some((text) => PLACE_WORDS.test(text));
}

/**
 * Narrows a free-text answer to a place question to the place it names ("I want an apartment in San Jose" -> "San
 * Jose"); the answer as it was when it names none with capitals, so a lower-case or unnamed place stays whole.
 */
export function namedPlace(candidate: Candidate, text: string): Candidate {
  const place = placesIn(text.slice(candidate.start, candidate.end), NAMED_PLACE).at(-1);
  if (!place) return candidate;
  const start = candidate.start + place.index;
  return { ...candidate, start, end: start + place.value.length, value: place.value };
}

/** The attribute of `attributes` that is a place, when exactly one is: where an unasked place goes. */
export function placeAttribute(attributes: readonly Attribute[]): Attribute | undefined {
  const places = attributes.filter(
    (attribute) => attribute.type === 'text' && [nameInWords(attribute.name), attribute.label ?? '', attribute.description].some((text) => PLACE_ATTRIBUTE_WORDS.test(text)),
  );
  return places.length === 1 ? places[0] : undefined;
}

/** A place the customer names unasked ("find me an apartment in Vacaville"), when the turn names exactly one. */
export function unpromptedPlace(text: string): Candidate | null {
  const places = placesIn(text, UNPROMPTED_PLACE);
  const place = places.length === 1 ? places[0] : undefined;
  if (!place) return null;
  return { start: place.index, end: place.index + place.value.length, value: place.value, confidence: UNPROMPTED_CONFIDENCE, evident: false };
}

/** Less sure than an answer to the question: the customer was not asked, and the words only look like a name. */
const UNPROMPTED_CONFIDENCE = 0.6;

function placesIn(text: string, pattern: RegExp): Array<{ value: string; index: number }> {
  return [...text.matchAll(pattern)]
    .map((match) => {
      const run = match[1] ?? '';
      const value = run.split(SENTENCE_END)[0]?.replace(TRAILING_JOINER, '') ?? '';
      return { value, index: (match.index ?? 0) + match[0].length - run.length };
    })
    .filter((place) => place.value !== '' && !NOT_A_PLACE.test(place.value.split(/\s+/)[0] ?? ''));
}
