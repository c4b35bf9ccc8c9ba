import path from 'node:path';
import { packageRoot } from '../../src/config.js';
import { readLibraryFile } from '../../src/library/io.js';
import type { Intent } from '../../src/library/schema.js';
import type { RunningService } from '../bot/helpers/service.js';

let counter = 0;

/** A library id of its own for each review test, so publishing never changes the library other tests serve. */
export function reviewLibraryId(prefix: string): string {
  counter += 1;
  return `review-${prefix}-${process.pid}-${counter}`;
}

/** A draft intent as discovery proposes it: named from its words, with the conversations behind it and a draft attribute. */
export const DISCOVERED: Intent = {
  id: 'crack',
  groupId: 'orders',
  name: 'Crack',
  description: 'Discovered in 14 conversations; key phrases: cracked, arrived broken.',
  status: 'draft',
  selfService: true,
  examples: [
    'my tv arrived with a crack in the screen, call me on 07700 900123',
    'the speaker came cracked',
    'package arrived and the monitor is broken',
    'screen cracked on delivery',
    'the box was crushed and the tablet is cracked',
  ],
  attributes: [{ name: 'numberOrder', description: '', type: 'identifier', question: 'Can you give me the order number?', required: false, weight: 0.6, status: 'draft' }],
  stats: { conversations: 14, share: 0.05, lastSeen: '2026-11-02T10:00:00.000Z' },
  provenance: { source: 'discovered', run: 'discover 2026-11-03', sampleConversationIds: ['conv-0042', 'conv-0107'] },
};

/** A draft whose requests are another intent's ("where's my order" named for a word in it): the classifier confuses the two. */
export const OVERLAPPING: Intent = {
  id: 'ship-to-canada',
  groupId: 'orders',
  name: 'Ship to canada',
  description: '',
  status: 'draft',
  selfService: true,
  examples: ['where is my order, it ships to canada', 'wheres my order', 'has my order shipped yet', 'when will my order arrive', 'my package hasnt moved, what is the status of my order', 'tracking says my order is still processing'],
  attributes: [],
  stats: { conversations: 9, share: 0.03 },
};

/** A draft with too few requests to learn from. */
export const THIN: Intent = {
  id: 'pay-visit',
  groupId: 'account',
  name: 'Pay visit',
  description: '',
  status: 'draft',
  selfService: true,
  examples: ['can I pay for a technician visit', 'pay for the home visit'],
  attributes: [],
  stats: { conversations: 2, share: 0.01 },
};

/** Stores the demo library, with discovered draft intents, under `id` in the service's store. */
export async function seedReviewLibrary(service: RunningService, id: string): Promise<void> {
  const demo = await readLibraryFile(path.join(packageRoot, 'samples', 'library.json'));
  await service.app.libraries.put({ ...demo, id, intents: [...demo.intents, DISCOVERED, OVERLAPPING, THIN] }, null);
}
