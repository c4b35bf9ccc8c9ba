import type { Attribute } from '../../library/schema.js';
import type { AttributeExtractor, Extraction, ExtractionContext } from '../types.js';
import { bindValues } from './bind.js';
import { findMalformed } from './malformed.js';
import { phoneRegion } from './phones.js';
import { prepareText } from './scan.js';
import { scanTurn } from './turn.js';

/**
 * Values for an intent's attributes in one customer turn: one small typed extractor per attribute
 * type, then the binding rules (a bare answer binds to the pending question; other attributes take
 * only unambiguous values; one span fills one attribute). Pure, offline, never throws.
 */
export function extractAttributes(text: string, attributes: readonly Attribute[], context: ExtractionContext): Extraction[] {
  const scanned = prepareText(text);
  if (scanned.trim() === '' || !Array.isArray(attributes) || attributes.length === 0) return [];
  const now = context?.now instanceof Date ? context.now : new Date(Number.NaN);
  return bindValues(scanTurn(scanned, now, phoneRegion(context?.defaultRegion)), attributes, context?.pendingAttribute);
}

export function createAttributeExtractor(): AttributeExtractor {
  return { extract: extractAttributes, malformed: findMalformed };
}
