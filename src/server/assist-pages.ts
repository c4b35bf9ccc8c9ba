import type { Server } from 'restify';
import { HttpError } from './errors.js';
import { webFolder } from './static-files.js';

const assets = new Set(['assist.js', 'list.js', 'common.js', 'assist.css']);

/** The representative's page (/assist/{conversationId}), the supervisor's list (/assist) and their static files. */
export function mountAssistPages(server: Server): void {
  const serve = webFolder('assist');
  server.get('/assist', async (_req, res) => serve(res, 'list.html'));
  server.get('/assist-files/:file', async (req, res) => {
    const file = String(req.params?.file ?? '');
    if (!assets.has(file)) throw new HttpError(404, 'NotFound', `no file "${file}"`);
    await serve(res, file);
  });
  server.get('/assist/:conversationId', async (_req, res) => serve(res, 'index.html'));
}
