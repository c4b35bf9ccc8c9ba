import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Response, Server } from 'restify';
import { packageRoot } from '../config.js';
import { HttpError } from './errors.js';

const pageDir = path.join(packageRoot, 'web', 'assist');

const assets: Record<string, string> = {
  'assist.js': 'text/javascript; charset=utf-8',
  'list.js': 'text/javascript; charset=utf-8',
  'common.js': 'text/javascript; charset=utf-8',
  'assist.css': 'text/css; charset=utf-8',
};

/** The representative's page (/assist/{conversationId}), the supervisor's list (/assist) and their static files. */
export function mountAssistPages(server: Server): void {
  const cache = new Map<string, Promise<Buffer>>();
  const serve = async (res: Response, file: string, type: string) => {
    let body = cache.get(file);
    if (!body) {
      body = readFile(path.join(pageDir, file));
      cache.set(file, body);
    }
    try {
      res.sendRaw(200, await body, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    } catch {
      cache.delete(file);
      throw new HttpError(500, 'ServerError', `web/assist/${file} is missing from this installation`);
    }
  };
  server.get('/assist', async (_req, res) => serve(res, 'list.html', 'text/html; charset=utf-8'));
  server.get('/assist-files/:file', async (req, res) => {
    const file = String(req.params?.file ?? '');
    const type = assets[file];
    if (!type) throw new HttpError(404, 'NotFound', `no file "${file}"`);
    await serve(res, file, type);
  });
  server.get('/assist/:conversationId', async (_req, res) => serve(res, 'index.html', 'text/html; charset=utf-8'));
}
