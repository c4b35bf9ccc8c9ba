import { Command } from 'commander';
import sinon from 'sinon';
import { registerReviewCommands } from '../../src/cli/review.js';
import type { WithStores } from '../../src/cli/with-stores.js';

/** Runs `library review|merge` in process on the given stores (live library `liveId`) and returns what it printed. */
export async function runReviewCli(args: string[], open: WithStores, liveId: string): Promise<string> {
  const program = new Command().exitOverride();
  registerReviewCommands(program.command('library'), open, () => liveId);
  const log = sinon.stub(console, 'log');
  try {
    await program.parseAsync(['node', 'intent-skill', 'library', ...args]);
    return log.args.map((a) => a.join(' ')).join('\n');
  } finally {
    log.restore();
  }
}
