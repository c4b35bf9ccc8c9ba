import { nameInWords } from '../../library/formats.js';
import type { Attribute } from '../../library/schema.js';
import type { Candidate } from './turn.js';

/** Words that make a question or an attribute ask for a place: "Which city?", "Where are you traveling to?", `pickupLocation`. */
const PLACE_WORDS = /\b(?:where|city|cities|town|area|location|place|destination|neighbou?rhood|county|region|country)\b/i;
/** Lower-case words inside a place's name: "Frankfurt am Main", "Stratford upon Avon". */
const JOINERS = 'de|del|la|le|of|upon|am';
/**
 * A place after a preposition, written with capitals as names are ("in San Jose", "to Berkeley", "around the LAX
 * area"): the capitalised run is the value; the preposition, an article and a trailing common noun are not.
 */
const NAMED_PLACE = new RegExp(`\\b(?:in|at|to|near|around|from|for|within)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}'.-]*)(?:\\s+(?:\\p{Lu}[\\p{L}'.-]*|${JOINERS}))*)`, 'gu');
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
  const answer = text.slice(candidate.start, candidate.end);
  const places = [...answer.matchAll(NAMED_PLACE)]
    .map((match) => ({ value: (match[1] ?? '').replace(TRAILING_JOINER, ''), index: (match.index ?? 0) + match[0].length - (match[1] ?? '').length }))
    .filter((place) => place.value !== '' && !NOT_A_PLACE.test(place.value.split(/\s+/)[0] ?? ''));
  const place = places[places.length - 1];
  if (!place) return candidate;
  const start = candidate.start + place.index;
  return { ...candidate, start, end: start + place.value.length, value: place.value };
}
