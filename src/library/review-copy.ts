import { diffLibraries, type LibraryChange } from './diff.js';
import { parseLibrary } from './io.js';
import { applyReview, type ReviewAction } from './review.js';
import type { IntentLibrary } from './schema.js';
import { ConcurrencyError, type LibraryStore } from './store.js';

/*
 * The pending review of a live library, kept in the same store under `<live id>.review` so every instance and every
 * manager sees the same changes. Each change names the version it was made on (optimistic concurrency): a change
 * made on an older version is refused and nothing is written, so no manager's work silently replaces another's.
 *
 * The review copy keeps the live library's `updatedAt` from when the review began: when the live library has been
 * written since (a `library merge` from the command line), the review is stale and cannot be published over it.
 * A store has no delete, so a finished review is written as an idle copy: one without intents or groups.
 */

/** The version of "no review under way" (nothing stored yet, or an idle copy). */
export const NO_REVIEW = 'none';

export interface ReviewState {
  live: IntentLibrary;
  liveEtag: string;
  /** The library as it would be published: the pending review, or the live library when none is under way. */
  draft: IntentLibrary;
  /** The version to send with the next change or publish. */
  etag: string;
  /** What publishing would change. */
  changes: LibraryChange[];
  /** The live library was written after this review began: publishing is refused until the review starts over. */
  stale: boolean;
}

/** A change or publish made on an older version than the stored one; `current` is what is stored now. */
export class ReviewConflictError extends Error {
  override name = 'ReviewConflictError';
}

/** No live library is stored under the id the service serves. */
export class NoLiveLibraryError extends Error {
  override name = 'NoLiveLibraryError';
}

export function reviewCopyId(liveId: string): string {
  return `${liveId}.review`;
}

function isIdle(copy: IntentLibrary): boolean {
  return copy.intents.length === 0 && copy.groups.length === 0;
}

export class LibraryReview {
  constructor(
    private readonly store: LibraryStore,
    private readonly liveId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async state(): Promise<ReviewState> {
    const live = await this.store.get(this.liveId);
    if (!live) throw new NoLiveLibraryError(`no library "${this.liveId}" is stored`);
    const copy = await this.store.get(reviewCopyId(this.liveId));
    const pending = copy && !isIdle(copy.value) ? copy.value : null;
    const draft = pending ?? live.value;
    return {
      live: live.value,
      liveEtag: live.etag,
      draft,
      etag: copy?.etag ?? NO_REVIEW,
      changes: diffLibraries(live.value, draft),
      stale: pending !== null && pending.updatedAt !== live.value.updatedAt,
    };
  }

  /** Applies review steps to the pending review (starting one from the live library when none is under way). */
  async change(expectedEtag: string, actions: readonly ReviewAction[]): Promise<ReviewState> {
    const current = await this.state();
    this.expect(current, expectedEtag);
    const reviewed = applyReview(current.draft, actions, this.now());
    // The copy keeps the live version it began from (see above), and its own id.
    await this.write({ ...reviewed, id: reviewCopyId(this.liveId), updatedAt: current.draft === current.live ? current.live.updatedAt : current.draft.updatedAt }, current.etag);
    return this.state();
  }

  /** Writes the pending review to the live library, if neither changed since the caller read them, and ends the review. */
  async publish(expectedEtag: string, expectedLiveEtag: string): Promise<ReviewState> {
    const current = await this.state();
    this.expect(current, expectedEtag);
    if (current.liveEtag !== expectedLiveEtag) throw new ReviewConflictError('the live library was changed since you read it: reload, check the changes again and publish');
    if (current.stale) throw new ReviewConflictError('the live library was changed after this review began (by a library merge or import): start the review over from the live library');
    if (current.changes.length === 0) throw new ReviewConflictError('there is nothing to publish: no change is pending');
    const published = parseLibrary({ ...current.draft, id: this.liveId, updatedAt: this.now().toISOString() }, 'published library');
    try {
      await this.store.put(published, current.liveEtag);
    } catch (error) {
      if (error instanceof ConcurrencyError) throw new ReviewConflictError('the live library was changed while publishing: reload and publish again');
      throw error;
    }
    await this.end(current.etag, published);
    return this.state();
  }

  /** Drops every pending change: the review starts over from the live library. */
  async discardPending(expectedEtag: string): Promise<ReviewState> {
    const current = await this.state();
    this.expect(current, expectedEtag);
    if (current.etag !== NO_REVIEW) await this.end(current.etag, current.live);
    return this.state();
  }

  private expect(current: ReviewState, expectedEtag: string): void {
    if (current.etag !== expectedEtag) {
      throw new ReviewConflictError('someone else changed the review since you read it; nothing was changed: reload to see their changes, then apply yours again');
    }
  }

  private async end(etag: string, live: IntentLibrary): Promise<void> {
    await this.write({ ...live, id: reviewCopyId(this.liveId), groups: [], intents: [] }, etag);
  }

  private async write(copy: IntentLibrary, etag: string): Promise<void> {
    try {
      await this.store.put(copy, etag === NO_REVIEW ? null : etag);
    } catch (error) {
      if (error instanceof ConcurrencyError) throw new ReviewConflictError('someone else changed the review at the same moment; nothing was changed: reload and apply yours again');
      throw error;
    }
  }
}
