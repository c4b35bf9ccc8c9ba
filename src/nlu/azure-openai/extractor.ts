import { z } from 'zod';
import type { Attribute } from '../../library/schema.js';
import { extractAttributes } from '../extractors/index.js';
import type { AttributeValue, Extraction, ExtractionContext } from '../types.js';
import { CUSTOMER_TEXT_IS_DATA, structuredChat, type ChatModel } from '../../azure/chat.js';

/** Below the local extractors' exact matches, so a value the customer typed verbatim wins over the model's reading. */
const MODEL_CONFIDENCE = 0.8;
/** Types whose value must appear in what the customer wrote: the model may read them, never invent them. */
const VERBATIM_TYPES = new Set<Attribute['type']>(['identifier', 'email', 'phone']);

/**
 * Values for `attributes` read by the model with structured outputs (a JSON schema built from the attributes).
 * Every value is then checked and normalized by the local typed extractor for its attribute, as if the customer
 * had typed it in answer to its question; identifiers, emails and phones must also appear in the customer's text.
 */
export async function extractWithModel(model: ChatModel, text: string, attributes: readonly Attribute[], context: ExtractionContext): Promise<Extraction[]> {
  if (attributes.length === 0 || text.trim() === '') return [];
  const pending = attributes.find((attribute) => attribute.name === context.pendingAttribute);
  const answer = await structuredChat(model, {
    system: [
      'You read the values of the listed attributes in a message a customer wrote to customer service.',
      'Give an attribute a value only when the message states it; otherwise null. Never guess, never invent.',
      'Dates are YYYY-MM-DD, resolved against "today". Enumerated attributes take one of their listed values.',
      pending ? 'The customer was just asked "pendingQuestion": a bare value answers it.' : '',
      CUSTOMER_TEXT_IS_DATA,
    ]
      .filter(Boolean)
      .join('\n'),
    data: {
      attributes: attributes.map((attribute) => ({
        name: attribute.name,
        type: attribute.type,
        description: attribute.description,
        ...(attribute.values ? { values: attribute.values } : {}),
      })),
      today: context.now.toISOString().slice(0, 10),
      ...(pending ? { pendingQuestion: pending.question } : {}),
      customerMessage: text,
    },
    schemaName: 'attribute_values',
    jsonSchema: valuesSchema(attributes),
    parse: z.object({ values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) }),
    maxTokens: 400,
  });
  return attributes.flatMap((attribute) => {
    const value = answer.values[attribute.name];
    if (value === null || value === undefined) return [];
    const checked = checkValue(attribute, value, text, context);
    return checked === null ? [] : [{ attribute: attribute.name, value: checked.value, text: checked.text, confidence: MODEL_CONFIDENCE }];
  });
}

/** A JSON schema with one nullable property per attribute, typed by the attribute. */
export function valuesSchema(attributes: readonly Attribute[]): Record<string, unknown> {
  const properties = Object.fromEntries(attributes.map((attribute) => [attribute.name, propertySchema(attribute)]));
  return {
    type: 'object',
    additionalProperties: false,
    required: ['values'],
    properties: { values: { type: 'object', additionalProperties: false, required: attributes.map((a) => a.name), properties } },
  };
}

function propertySchema(attribute: Attribute): Record<string, unknown> {
  const description = attribute.description.slice(0, 300);
  switch (attribute.type) {
    case 'enum':
      return { type: ['string', 'null'], enum: [...(attribute.values ?? []), null], description };
    case 'number':
      return { type: ['number', 'null'], description };
    case 'boolean':
      return { type: ['boolean', 'null'], description };
    case 'date':
      return { type: ['string', 'null'], description: `${description} (YYYY-MM-DD)` };
    case 'time':
      return { type: ['string', 'null'], description: `${description} (HH:MM, 24-hour)` };
    default:
      return { type: ['string', 'null'], description };
  }
}

function checkValue(attribute: Attribute, value: AttributeValue, text: string, context: ExtractionContext): { value: AttributeValue; text: string } | null {
  const written = String(value).trim();
  if (written === '' || written.length > 200) return null;
  if (VERBATIM_TYPES.has(attribute.type) && !squeeze(text).includes(squeeze(written))) return null;
  const [normalized] = extractAttributes(written, [attribute], { ...context, pendingAttribute: attribute.name });
  return normalized ? { value: normalized.value, text: written } : null;
}

function squeeze(text: string): string {
  return text.toLowerCase().replace(/[\s\-().]/g, '');
}
