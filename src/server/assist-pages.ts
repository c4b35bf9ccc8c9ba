import type { Server } from 'restify';
import { mountWebFiles } from './static-files.js';

/** The representative's page (/assist/{conversationId}), the supervisor's list (/assist) and their static files. */
export function mountAssistPages(server: Server): void {
  const serve = mountWebFiles(server, 'assist', new Set(['assist.js', 'list.js', 'common.js', 'assist.css']));
  server.get('/assist', async (_req, res) => serve(res, 'list.html'));
  server.get('/assist/:conversationId', async (_req, res) => serve(res, 'index.html'));
}
