import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../src/config.js';
import { conversationStateSchema } from '../../src/engine/state.js';
import { intentLibrarySchema } from '../../src/library/schema.js';
import { conversationStates } from '../../src/synthetic/conversation-states.js';

describe('demo conversation states for the insights', () => {
  it('covers every intent over the days asked for, as valid states, the same for the same seed', async () => {
    const library = intentLibrarySchema.parse(JSON.parse(await readFile(path.join(packageRoot, 'samples', 'library.json'), 'utf8')));
    const options = { library, count: 2000, seed: 3, start: new Date('2026-10-01T00:00:00Z'), days: 30 };
    const states = [...conversationStates(options)];
    for (const state of states.slice(0, 50)) conversationStateSchema.parse(state);
    const intents = new Set(states.map((state) => state.intent?.id ?? null));
    for (const intent of library.intents) assert.ok(intents.has(intent.id), intent.id);
    assert.ok(intents.has(null), 'some conversations find no intent');
    const days = new Set(states.map((state) => state.createdAt.slice(0, 10)));
    assert.equal(days.size, 30);
    assert.ok([...days].every((day) => day >= '2026-10-01' && day <= '2026-10-30'));
    assert.deepEqual([...conversationStates({ ...options, count: 20 })], states.slice(0, 20));
    const kinds = new Set(states.map((state) => state.handoff?.kind).filter(Boolean));
    assert.deepEqual([...kinds].sort(), ['asked', 'caller', 'gave-up', 'out-of-scope']);
  });
});
