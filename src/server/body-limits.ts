/**
 * The largest request body each surface takes, in bytes: stated once here, and in the docs where a user of that surface
 * looks (docs/skill.md for /api/messages and the local Direct Line endpoint, docs/assist.md for the assist API;
 * test/server/body-limits.test.ts keeps them equal). A larger body is answered 413 PayloadTooLarge.
 */
export const BODY_LIMITS = {
  /** Bot Framework activities: an action's inputs or a message, with the channel's envelope; far smaller in practice. */
  botMessages: 256 * 1024,
  /** The local Direct Line endpoint behind /chat: one typed message (its text is at most 10,000 characters). */
  directLine: 64 * 1024,
  /** The assist API: one message (at most 4,000 characters), a hand-off with its attributes, or a query. */
  assistApi: 64 * 1024,
  /** MCP: one JSON-RPC message, such as a tool call with a customer's message (at most 4,000 characters) or known values. */
  mcp: 64 * 1024,
} as const;

/** "256 KiB": how the docs and the 413 message state a limit. */
export function describeLimit(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
