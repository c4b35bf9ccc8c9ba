/** Personal-data placeholders with the words that introduce them: "my email is [EMAIL]", "(Email: [EMAIL])". */
const PLACEHOLDER_CLAUSE = /[,(]?\s*(?:(?:and\s+)?(?:my|the)\s+)?(?:e-?mail|phone(?: number)?|name|address|card|account(?: number)?)?\s*(?:is|:)?\s*\[(?:EMAIL|PHONE|CARD|ACCOUNT|NAME|ADDRESS)\]\)?/giu;
/** Order, serial, return and invoice numbers with their lead-in: "my order number is BL-123", "(YO95764900)". */
const IDENTIFIER_CLAUSE = /[,(]?\s*(?:(?:and\s+)?(?:my|the)\s+)?(?:(?:order|serial|return|rma|invoice|tracking)\s+(?:number|no\.?|#)\s*(?:is|:)?\s*)?\b(?:\p{L}{1,5}-?\d{4,}|\p{L}{2}\d{6,})\b\)?/giu;
/** Words that set the tone and not the topic. */
const FILLER =
  /\b(?:quick question|hi(?: there| again)?|hello|hey|good (?:morning|afternoon|evening)|thanks(?: in advance)?|thank you|thx|tnx|asap(?: please)?|please help|i need this sorted today|this is (?:really )?frustrating|i hope you can help|just checking in|um+|uh+|ok so|one more thing|actually|also)\b[!.,:]*/giu;

/**
 * The part of a request that says what it is about, for clustering: without greetings, fillers,
 * masked personal data or the identifiers customers paste in. The request itself is kept as it was.
 */
export function intentText(text: string): string {
  const cleaned = text.replace(PLACEHOLDER_CLAUSE, ' ').replace(IDENTIFIER_CLAUSE, ' ').replace(FILLER, ' ').replace(/\s+([.,!?])/g, '$1').replace(/^[\s.,!?:;-]+/, '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? text : cleaned;
}
