import { LIBRARY_SCHEMA_VERSION, type IntentLibrary } from '../../src/library/schema.js';

/** A small library with three intents and typed attributes, for the model tests. */
export function supportLibrary(): IntentLibrary {
  return {
    schemaVersion: LIBRARY_SCHEMA_VERSION,
    id: 'support',
    name: 'Support',
    locale: 'en-US',
    groups: [{ id: 'orders', name: 'Orders', description: 'Orders and accounts' }],
    intents: [
      {
        id: 'order.status',
        groupId: 'orders',
        name: 'Order status',
        description: 'The customer asks where their order is',
        status: 'approved',
        selfService: true,
        examples: ['where is my order', 'has my package shipped'],
        attributes: [
          { name: 'orderNumber', description: 'The order number', type: 'identifier', pattern: '^\\d{4}-\\d{2}$', question: 'What is your order number?', required: true, weight: 0.9 },
          { name: 'deliveryDate', description: 'The promised delivery date', type: 'date', question: 'When was it due?', required: false, weight: 0.4 },
        ],
      },
      {
        id: 'order.cancel',
        groupId: 'orders',
        name: 'Cancel an order',
        description: 'The customer wants to cancel an order',
        status: 'approved',
        selfService: true,
        examples: ['cancel my order', 'I do not want the order anymore'],
        attributes: [
          { name: 'orderNumber', description: 'The order number', type: 'identifier', pattern: '^\\d{4}-\\d{2}$', question: 'What is your order number?', required: true, weight: 0.9 },
          { name: 'reason', description: 'Why they cancel', type: 'enum', values: ['too-late', 'changed-mind', 'wrong-item'], question: 'Why do you cancel?', required: false, weight: 0.3 },
        ],
      },
      {
        id: 'account.close',
        groupId: 'orders',
        name: 'Close the account',
        description: 'The customer wants to delete their account',
        status: 'approved',
        selfService: false,
        examples: ['close my account', 'delete my account'],
        attributes: [{ name: 'email', description: 'The account email', type: 'email', question: 'What is the email of the account?', required: true, weight: 0.8 }],
      },
    ],
    updatedAt: '2024-05-01T10:00:00.000Z',
  };
}
