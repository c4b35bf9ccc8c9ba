import { newConversationState, type ConversationState } from '../../src/engine/state.js';
import { LIBRARY_SCHEMA_VERSION, type IntentLibrary } from '../../src/library/schema.js';

export function sampleLibrary(id: string, name = `Library ${id}`): IntentLibrary {
  return {
    schemaVersion: LIBRARY_SCHEMA_VERSION,
    id,
    name,
    locale: 'en-US',
    groups: [{ id: 'orders', name: 'Orders', description: 'Order questions' }],
    intents: [
      {
        id: 'order.status',
        groupId: 'orders',
        name: 'Order status',
        description: 'Where is my order',
        status: 'approved',
        selfService: true,
        examples: ['where is my order', 'has my package shipped'],
        attributes: [
          {
            name: 'orderNumber',
            description: 'The order number',
            type: 'identifier',
            pattern: '^\\d{4}-\\d{2}$',
            question: 'What is your order number?',
            required: true,
            weight: 0.9,
          },
        ],
      },
    ],
    updatedAt: '2024-05-01T10:00:00.000Z',
  };
}

export function sampleConversation(conversationId: string, updatedAt = '2024-05-01T10:00:00.000Z'): ConversationState {
  return {
    ...newConversationState(conversationId, 'webchat', new Date('2024-05-01T09:59:00.000Z')),
    intent: { id: 'order.status', confidence: 0.92 },
    intentHistory: [{ intent: 'order.status', confidence: 0.92, turn: 0, at: '2024-05-01T09:59:30.000Z', text: 'where is my order' }],
    attributes: { orderNumber: { value: '4471-22', text: '4471-22', confidence: 1, turn: 1, source: 'self-service' } },
    asked: ['orderNumber'],
    status: 'ready',
    turns: [
      { role: 'customer', text: 'where is my order' },
      { role: 'bot', text: 'What is your order number?' },
      { role: 'customer', text: "It's 4471-22" },
    ],
    turnCount: 3,
    updatedAt,
  };
}
