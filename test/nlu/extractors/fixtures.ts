import { attributeSchema, type Attribute } from '../../../src/library/schema.js';
import { createAttributeExtractor } from '../../../src/nlu/extractors/index.js';
import type { Extraction } from '../../../src/nlu/types.js';

/** Wednesday 12 March 2025, 15:00 UTC: every test reads relative dates against this. */
export const NOW = new Date('2025-03-12T15:00:00Z');

export function attribute(fields: Record<string, unknown>): Attribute {
  return attributeSchema.parse(fields);
}

export const orderNumber = attribute({
  name: 'orderNumber',
  type: 'identifier',
  pattern: '\\bBL-\\d{7}\\b',
  description: 'The order number from the confirmation email',
  question: 'What is your order number?',
});
export const serialNumber = attribute({
  name: 'serialNumber',
  type: 'identifier',
  pattern: '[A-Z]{2}\\d{8}',
  question: 'What is the serial number on the back of the device?',
});
export const errorCode = attribute({ name: 'errorCode', type: 'identifier', pattern: 'E\\d{2,3}', question: 'Which error code does the screen show?' });
export const rmaNumber = attribute({ name: 'rmaNumber', type: 'identifier', pattern: 'RMA-\\d{6}', question: 'What is your return authorization number?' });
export const referenceNumber = attribute({ name: 'referenceNumber', type: 'identifier', question: 'What is the reference number on your letter?' });
export const purchaseDate = attribute({ name: 'purchaseDate', type: 'date', question: 'When did you buy it?' });
export const deliveryDate = attribute({ name: 'deliveryDate', type: 'date', question: 'When was it delivered?' });
export const newDeliveryDate = attribute({ name: 'newDeliveryDate', type: 'date', question: 'Which day would you like the new delivery?' });
export const missingItems = attribute({ name: 'missingItems', type: 'number', question: 'How many items are missing?' });
export const itemPrice = attribute({ name: 'itemPrice', type: 'number', question: 'What was the price of the item?' });
export const refundAmount = attribute({ name: 'refundAmount', type: 'number', question: 'How much refund do you expect?' });
export const email = attribute({ name: 'email', type: 'email', question: 'What email address is on the account?' });
export const workEmail = attribute({ name: 'workEmail', type: 'email', question: 'What is your work email?' });
export const phone = attribute({ name: 'phone', type: 'phone', question: 'Which phone number can we call you on?' });
export const deviceType = attribute({
  name: 'deviceType',
  type: 'enum',
  values: ['Phone', 'Laptop', 'TV', 'Headphones', 'Smart home device'],
  question: 'Which kind of device is it?',
});
export const color = attribute({ name: 'color', type: 'enum', values: ['Blue', 'Black', 'Silver'], question: 'Which color did you order?' });
export const deliveryOption = attribute({
  name: 'deliveryOption',
  type: 'enum',
  values: ['Standard delivery', 'Express delivery', 'Store pickup'],
  question: 'Which delivery option would you like?',
});
export const triedRestart = attribute({ name: 'triedRestart', type: 'boolean', question: 'Have you tried restarting the device?' });
export const issueDescription = attribute({ name: 'issueDescription', type: 'text', question: 'What is happening with the device?' });

const extractor = createAttributeExtractor();

export function extract(text: string, attributes: readonly Attribute[], pendingAttribute?: string, defaultRegion?: string): Extraction[] {
  return extractor.extract(text, attributes, {
    now: NOW,
    ...(pendingAttribute ? { pendingAttribute } : {}),
    ...(defaultRegion ? { defaultRegion } : {}),
  });
}

/** name -> value of what was extracted, for compact assertions. */
export function values(extractions: readonly Extraction[]): Record<string, Extraction['value']> {
  return Object.fromEntries(extractions.map((extraction) => [extraction.attribute, extraction.value]));
}
