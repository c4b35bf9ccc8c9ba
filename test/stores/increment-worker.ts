// Run by sqlite.test.ts in a child process: `node --import tsx increment-worker.ts <db> <conversationId> <count>`.
// Prints "ready" once the database is open, waits for a line on stdin, then does <count> read-modify-write
// increments of the conversation's turnCount and prints "done".
import { once } from 'node:events';
import { newConversationState } from '../../src/engine/state.js';
import { openSqliteStores } from '../../src/stores/sqlite/index.js';
import { updateWithRetry } from '../../src/library/update.js';

const [filePath, conversationId, count] = process.argv.slice(2);
if (!filePath || !conversationId || !count) throw new Error('usage: increment-worker.ts <db> <conversationId> <count>');

const stores = openSqliteStores(filePath);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.pause();

for (let i = 0; i < Number(count); i += 1) {
  await updateWithRetry(
    stores.conversations,
    conversationId,
    (state) => ({ ...state, turnCount: state.turnCount + 1, updatedAt: new Date().toISOString() }),
    { create: () => newConversationState(conversationId, 'test', new Date()), attempts: 1000 },
  );
}
stores.close();
process.stdout.write('done\n');
