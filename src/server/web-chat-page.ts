import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Server } from 'restify';
import { packageRoot } from '../config.js';
import { HttpError } from './errors.js';

const pageDir = path.join(packageRoot, 'web', 'chat');

/** Web Chat's prebuilt bundle from the botframework-webchat package (served locally, no CDN). */
function webChatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return path.join(path.dirname(entry), '..', 'dist', 'webchat.js');
}

const files: Record<string, { file: () => string; type: string }> = {
  '/chat': { file: () => path.join(pageDir, 'index.html'), type: 'text/html; charset=utf-8' },
  '/chat/chat.js': { file: () => path.join(pageDir, 'chat.js'), type: 'text/javascript; charset=utf-8' },
  '/chat/webchat.js': { file: webChatBundlePath, type: 'text/javascript; charset=utf-8' },
};

/** The /chat page: Web Chat talking to the local Direct Line endpoint. Files are read once, on first request. */
export function mountWebChatPage(server: Server): void {
  const cache = new Map<string, Promise<Buffer>>();
  for (const [route, { file, type }] of Object.entries(files)) {
    server.get(route, async (_req, res) => {
      let body = cache.get(route);
      if (!body) {
        body = readFile(file());
        cache.set(route, body);
      }
      try {
        res.sendRaw(200, await body, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      } catch {
        cache.delete(route);
        throw new HttpError(500, 'ServerError', `${route} is missing from this installation`);
      }
    });
  }
}
