import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import type { Insight } from '../engine/insight.js';
import type { ConversationState } from '../engine/state.js';
import { composeReply, type Reply } from '../engine/reply.js';

interface ChatOptions {
  conversation?: string;
  debug?: boolean;
}

export function renderReply(reply: Reply): string {
  const lines = [reply.text];
  if (reply.choices.length > 0) lines.push(`  (${reply.choices.join(' | ')})`);
  reply.solutions.forEach((solution, index) => {
    lines.push(`  ${index + 1}. ${solution.title}${solution.url ? ` <${solution.url}>` : ''}`);
    if (solution.snippet) lines.push(`     ${solution.snippet.replace(/\s+/g, ' ').slice(0, 160)}`);
  });
  return lines.join('\n');
}

export function renderDebug(insight: Insight): string {
  const intent = insight.intent ? `${insight.intent.id} ${(insight.intent.confidence * 100).toFixed(0)}%` : 'none';
  const runnersUp = insight.candidates.map((c) => `${c.id} ${(c.confidence * 100).toFixed(0)}%`).join(', ');
  const answered = insight.answered.map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(', ');
  return `  [status ${insight.status} | intent ${intent}${runnersUp ? ` | runners-up ${runnersUp}` : ''}${answered ? ` | answered ${answered}` : ''}${insight.query ? ` | query "${insight.query}"` : ''}]`;
}

/** What `--conversation ID` resumes, or that nothing is stored under it: said before the first turn, on stderr. */
function describeResumed(conversationId: string, stored: ConversationState | null): string {
  if (!stored) return `no stored conversation "${conversationId}"; starting a new one with that id`;
  const intent = stored.intent ? `intent ${stored.intent.id}` : 'no intent yet';
  return `resuming conversation "${conversationId}": ${stored.turnCount} turns so far, ${intent}${stored.phase === 'assisted' ? ', handed to a representative' : ''}`;
}

export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .description('hold a self-service conversation in the terminal: you type as the customer, the skill answers')
    .option('--conversation <id>', 'resume the stored conversation with this id; an id nothing is stored under starts a new conversation with it, and says so (default: a new id)')
    .option('--debug', 'show the intent, confidence, runner-up intents and extracted values after each turn')
    .action(async (options: ChatOptions) => {
      // Loaded on use, so other commands start without the whole service.
      const { openApp } = await import('../app/app.js');
      const app = await openApp(loadConfig());
      const conversationId = options.conversation ?? `terminal-${randomUUID()}`;
      const input = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
      const say = (text: string) => process.stdout.write(`skill> ${text}\n`);
      try {
        if (options.conversation !== undefined) {
          process.stderr.write(`${describeResumed(conversationId, await app.conversations.get(conversationId))}\n`);
        }
        say(`Hi! This is ${app.live().catalog.library.name}. How can I help? (type "quit" to leave)`);
        const interactive = process.stdin.isTTY === true;
        const prompt = () => {
          if (interactive) input.prompt();
        };
        input.setPrompt('you> ');
        prompt();
        for await (const line of input) {
          const text = line.trim();
          if (/^(quit|exit|bye)$/i.test(text)) break;
          if (text === '') {
            prompt();
            continue;
          }
          if (!interactive) process.stdout.write(`you> ${text}\n`);
          const { insight } = await app.conversations.turn(conversationId, { role: 'customer', text }, { channel: 'terminal' });
          say(renderReply(composeReply(insight, app.live().catalog)));
          if (options.debug) process.stdout.write(`${renderDebug(insight)}\n`);
          prompt();
        }
        say(`Goodbye. (conversation ${conversationId})`);
      } finally {
        input.close();
        await app.close();
      }
    });
}
