/** A command the engine refuses because of what the caller asked; edges turn each into their own error shape. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly code: 'unknown-conversation' | 'unknown-intent' | 'nothing-to-search' | 'search-unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** The message was taken before (same message id): nothing was changed. */
export class DuplicateMessageError extends Error {
  override name = 'DuplicateMessageError';
  constructor(
    readonly conversationId: string,
    readonly messageId: string,
  ) {
    super(`message "${messageId}" of conversation "${conversationId}" was already taken`);
  }
}
