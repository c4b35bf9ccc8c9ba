import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';

/** What every failure answers, on every route: `{"error": {"code", "message"}}`. Codes are stable words a client can branch on. */
export type ErrorCode =
  | 'BadArgument'
  | 'Unauthorized'
  | 'Forbidden'
  | 'TokenExpired'
  | 'NotFound'
  | 'Conflict'
  | 'MethodNotAllowed'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'Unreachable'
  | 'ServerError'
  | 'Busy'
  | 'Unavailable'
  | 'NotReady';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** A refusal a route means to send: thrown (or rejected) from any handler, answered by the one handler below. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const SERVER_ERROR = 'the request failed; the details are in the service log';

/** The code for a status that restify or a plugin chose (a route's own refusals carry their code). */
const codeForStatus: Record<number, ErrorCode> = {
  400: 'BadArgument',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
};

/** restify's own errors (restify-errors) carry their HTTP status as `statusCode`. */
function restifyStatus(error: unknown): number | null {
  if (!(error instanceof Error) || !('statusCode' in error)) return null;
  return typeof error.statusCode === 'number' ? error.statusCode : null;
}

/** At most 200 characters of a client's path, for a message that names it. */
function shown(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/**
 * The answer for any error that reached restify: a route's HttpError as it is; restify's unknown route (404) and wrong
 * method (405, restify has set `Allow`) in our words; anything else is a 500 whose detail goes to the log only.
 * Null when there is no one left to answer (the client went away).
 */
export function toHttpError(error: unknown, req: Request, res: Response, logger: Logger): HttpError | null {
  if (error instanceof HttpError) return error;
  const status = restifyStatus(error);
  const path = shown(req.getUrl().pathname ?? req.url ?? '');
  if (status === 404) return new HttpError(404, 'NotFound', `${req.method} ${path}: no such route`);
  if (status === 405) {
    const allowed = String(res.getHeader('Allow') ?? '');
    return new HttpError(405, 'MethodNotAllowed', `${req.method} is not allowed on ${path}; allowed: ${allowed}`);
  }
  // restify's name for a request whose client closed the connection before the answer.
  if (status === 444) return null;
  const code = status === null ? undefined : codeForStatus[status];
  if (status !== null && code) return new HttpError(status, code, (error as Error).message);
  logger.error({ err: error, method: req.method, path }, 'request failed');
  return new HttpError(500, 'ServerError', SERVER_ERROR);
}

export function sendError(res: Response, error: HttpError): void {
  res.send(error.status, errorBody(error.code, error.message), { 'X-Content-Type-Options': 'nosniff' });
}

/**
 * Every failure on every route leaves through here: restify emits `restifyError` for a route that threw or rejected,
 * for a handler that passed an error to `next`, and for its own unknown-route and wrong-method answers.
 */
export function answerErrorsInOneShape(server: Server, logger: Logger): void {
  server.on('restifyError', (req: Request, res: Response, error: unknown, done: () => void) => {
    const answer = toHttpError(error, req, res, logger);
    if (answer && !res.headersSent) sendError(res, answer);
    done();
  });
}
