import type { Request, Response, Server } from 'restify';
import { InsightRangeError } from '../insights/service.js';
import { authenticate, createAssistAuth } from './assist-auth.js';
import { HttpError } from './errors.js';
import type { ServerParts } from './parts.js';
import { mountWebFiles } from './static-files.js';

/**
 * `GET /api/insights?from=&to=&by=day|week`: outcome counts by intent and group (docs/insights.md), protected like the
 * assist API; and the /insights page that charts them.
 */
export function mountInsights(server: Server, app: ServerParts): void {
  const auth = createAssistAuth(app.config);
  server.get('/api/insights', async (req: Request, res: Response) => {
    await authenticate(auth, req);
    const query = (req.query ?? {}) as Record<string, unknown>;
    try {
      res.send(200, await app.insights.report({ from: query.from, to: query.to, by: query.by }));
    } catch (error) {
      if (error instanceof InsightRangeError) throw new HttpError(400, 'BadArgument', error.message);
      throw error;
    }
  });
  const serve = mountWebFiles(server, 'insights', new Set(['insights.js', 'charts.js', 'insights.css']));
  server.get('/insights', async (_req, res) => serve(res, 'index.html'));
}
