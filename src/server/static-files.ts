import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Response, Server } from 'restify';
import { packageRoot } from '../config.js';
import { HttpError } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Sends the files of one folder of web/ (read once, then from memory); a missing file is a server error naming it. */
function webFolder(folder: string): (res: Response, file: string) => Promise<void> {
  const dir = path.join(packageRoot, 'web', folder);
  const cache = new Map<string, Promise<Buffer>>();
  return async (res, file) => {
    let body = cache.get(file);
    if (!body) {
      body = readFile(path.join(dir, file));
      cache.set(file, body);
    }
    try {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      res.sendRaw(200, await body, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    } catch {
      cache.delete(file);
      throw new HttpError(500, 'ServerError', `web/${folder}/${file} is missing from this installation`);
    }
  };
}

/**
 * Serves the `assets` of web/<folder> at /<folder>-files/<file> (anything else is a 404) and returns the sender,
 * for the folder's pages.
 */
export function mountWebFiles(server: Server, folder: string, assets: ReadonlySet<string>): (res: Response, file: string) => Promise<void> {
  const serve = webFolder(folder);
  server.get(`/${folder}-files/:file`, async (req, res) => {
    const file = String(req.params?.file ?? '');
    if (!assets.has(file)) throw new HttpError(404, 'NotFound', `no file "${file}"`);
    await serve(res, file);
  });
  return serve;
}
