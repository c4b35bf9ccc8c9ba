import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { LibraryValidationError } from '../library/io.js';
import { LibraryReview, NoLiveLibraryError, ReviewConflictError, type ReviewState } from '../library/review-copy.js';
import { reviewChangeSchema, reviewDiscardSchema, reviewPublishSchema } from '../library/review-input.js';
import { ReviewError } from '../library/review.js';
import { MIN_EXAMPLES, type LibraryQuality } from '../nlu/library-overlap.js';
import { libraryQualityInThread } from '../nlu/library-quality-thread.js';
import { describeIssues } from '../text/issues.js';
import { authenticate, createAssistAuth } from './assist-auth.js';
import { BODY_LIMITS } from './body-limits.js';
import { HttpError } from './errors.js';
import { jsonBody } from './json-body.js';
import { reviewView } from './library-view.js';
import type { ServerParts } from './parts.js';
import { mountWebFiles } from './static-files.js';

/**
 * The library review page (/library) and its API: read the pending review of the live library (LIBRARY_ID) with
 * its diff, change it, publish it. Callers are the assist API's (ASSIST_API_KEY, ASSIST_ENTRA_*); with an Entra ID
 * token, changing needs the LIBRARY_MANAGER_ROLE app role. Every change names the version it was made on.
 */
export function mountLibraryReview(server: Server, app: ServerParts, logger: Logger): void {
  const auth = createAssistAuth(app.config);
  const role = app.config.LIBRARY_MANAGER_ROLE;
  const review = new LibraryReview(app.libraries, app.config.LIBRARY_ID);
  const readBody = jsonBody(BODY_LIMITS.assistApi);
  // The last check, by the versions it read: one check per version, however many pages ask.
  let quality: { key: string; value: Promise<LibraryQuality> } | undefined;

  const canChange = async (req: Request) => {
    const caller = await authenticate(auth, req);
    return caller.roles === null || caller.roles.includes(role);
  };
  const manager = async (req: Request) => {
    if (!(await canChange(req))) throw new HttpError(403, 'Forbidden', `changing the library needs the "${role}" app role in your token; reading it does not`);
  };

  const post = <S extends z.ZodType>(route: string, schema: S, handle: (input: z.output<S>) => Promise<ReviewState>) => {
    server.post(route, manager, readBody, async (req: Request, res: Response) => {
      if (req.body === undefined) throw new HttpError(400, 'BadArgument', 'body: a JSON object is required');
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) throw new HttpError(400, 'BadArgument', describeIssues(parsed.error.issues));
      res.send(200, reviewView(await inReviewTerms(() => handle(parsed.data)), { canChange: true, managerRole: role }));
    });
  };

  server.get('/api/library', async (req: Request, res: Response) => {
    const allowed = await canChange(req);
    res.send(200, reviewView(await inReviewTerms(() => review.state()), { canChange: allowed, managerRole: role }));
  });

  server.get('/api/library/quality', async (req: Request, res: Response) => {
    await authenticate(auth, req);
    const state = await inReviewTerms(() => review.state());
    const key = `${state.etag} ${state.liveEtag}`;
    if (quality?.key !== key) {
      const check = { key, value: libraryQualityInThread(state.draft) };
      quality = check;
      check.value.catch(() => {
        if (quality === check) quality = undefined;
      });
    }
    res.send(200, { etag: state.etag, minExamples: MIN_EXAMPLES, ...(await quality.value) });
  });

  post('/api/library/changes', reviewChangeSchema, (input) => review.change(input.etag, input.actions));
  post('/api/library/discard', reviewDiscardSchema, (input) => review.discardPending(input.etag));
  post('/api/library/publish', reviewPublishSchema, async (input) => {
    const published = await review.publish(input.etag, input.liveEtag);
    logger.info({ library: published.live.id }, 'published the reviewed intent library');
    // This instance serves the new library at once; the others within LIBRARY_RELOAD_SECONDS.
    await app.reload().catch((error: unknown) => logger.warn({ err: error }, 'published the library but could not reload it; the next check will'));
    return published;
  });

  const serve = mountWebFiles(server, 'library', new Set(['library.js', 'library.css']));
  server.get('/library', async (_req, res) => serve(res, 'index.html'));
}

/** Review steps that cannot apply and invalid results are the caller's to fix (400); a stale version is a 409. */
async function inReviewTerms<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ReviewError || error instanceof LibraryValidationError) throw new HttpError(400, 'BadArgument', error.message);
    if (error instanceof ReviewConflictError) throw new HttpError(409, 'Conflict', error.message);
    if (error instanceof NoLiveLibraryError) throw new HttpError(503, 'NotReady', error.message);
    throw error;
  }
}
