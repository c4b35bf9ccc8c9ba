import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'restify';
import { describeLimit } from './body-limits.js';
import { HttpError } from './errors.js';

/** application/json, with or without parameters, and the `+json` types (application/activity+json, ...). */
function isJson(contentType: string): boolean {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Reads the whole body, keeping at most `limitBytes` of it; a larger one is read to its end (so the client hears the
 * answer instead of a reset connection) and refused.
 */
async function readBody(req: Request, limitBytes: number): Promise<Buffer> {
  const kept: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received <= limitBytes) kept.push(chunk);
    }
  } catch (error) {
    throw new HttpError(400, 'BadArgument', `the request body could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (received > limitBytes) {
    throw new HttpError(413, 'PayloadTooLarge', `the body has ${received} bytes; this route takes at most ${limitBytes} (${describeLimit(limitBytes)})`);
  }
  return Buffer.concat(kept);
}

/**
 * A route's JSON body: `req.body` becomes the parsed value (undefined for an empty body). Refuses, naming what is wrong,
 * a compressed body or one that is not JSON (415), one over `limitBytes` (413) and one that does not parse (400).
 * A body without a Content-Type is read as JSON.
 */
export function jsonBody(limitBytes: number): (req: Request) => Promise<void> {
  return async function readJsonBody(req: Request): Promise<void> {
    const body = await readBody(req, limitBytes);
    const encoding = header(req.headers, 'content-encoding');
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      throw new HttpError(415, 'UnsupportedMediaType', `Content-Encoding "${encoding}" is not supported: send the body uncompressed`);
    }
    const type = header(req.headers, 'content-type');
    if (body.length > 0 && type !== undefined && !isJson(type)) {
      throw new HttpError(415, 'UnsupportedMediaType', `Content-Type "${type}" is not supported: send application/json`);
    }
    const text = body.toString('utf8');
    if (text.trim() === '') {
      req.body = undefined;
      return;
    }
    try {
      req.body = JSON.parse(text) as unknown;
    } catch (error) {
      throw new HttpError(400, 'BadArgument', `body: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  };
}
