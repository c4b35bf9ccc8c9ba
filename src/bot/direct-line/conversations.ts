import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface DirectLineLimits {
  /** Conversations kept at once; the oldest is dropped to make room. */
  conversations: number;
  /** Activities kept per conversation; a conversation that reaches it takes no more. */
  activities: number;
  /** How long a token (and its conversation) lives. */
  ttlMs: number;
}

/**
 * The service URL of activities of the local Direct Line: not an address (the bot runs in-process and its replies are
 * appended to the transcript), a mark that tells a stored reference to such a conversation from a channel's.
 */
export const LOCAL_DIRECT_LINE_SERVICE_URL = 'urn:intent-skill:local-direct-line';

export const defaultDirectLineLimits: DirectLineLimits = { conversations: 1000, activities: 500, ttlMs: 60 * 60 * 1000 };

interface Conversation {
  id: string;
  token: string;
  expiresAt: number;
  started: boolean;
  activities: Activity[];
}

export class ConversationFullError extends Error {
  override name = 'ConversationFullError';
}

/**
 * The transcripts of the local Direct Line endpoint, in memory: one per token, each an ordered list of activities
 * that clients read from a watermark (the count already read), as Direct Line 3.0's polling does.
 */
export class DirectLineConversations {
  private readonly byId = new Map<string, Conversation>();
  private readonly byToken = new Map<string, Conversation>();

  constructor(
    private readonly limits: DirectLineLimits = defaultDirectLineLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new conversation and the token that opens it. */
  issue(): { conversationId: string; token: string; expiresInSeconds: number } {
    this.dropExpired();
    while (this.byId.size >= this.limits.conversations) {
      const oldest = this.byId.values().next().value;
      if (!oldest) break;
      this.remove(oldest);
    }
    const conversation: Conversation = {
      id: randomUUID(),
      token: randomBytes(24).toString('base64url'),
      expiresAt: this.now() + this.limits.ttlMs,
      started: false,
      activities: [],
    };
    this.byId.set(conversation.id, conversation);
    this.byToken.set(conversation.token, conversation);
    return { conversationId: conversation.id, token: conversation.token, expiresInSeconds: Math.round(this.limits.ttlMs / 1000) };
  }

  /** The conversation a bearer token opens, if the token is known and current. */
  forToken(token: string): { id: string; token: string; expiresInSeconds: number } | null {
    const conversation = this.byToken.get(token);
    if (!conversation || conversation.expiresAt <= this.now()) return null;
    return { id: conversation.id, token: conversation.token, expiresInSeconds: Math.round((conversation.expiresAt - this.now()) / 1000) };
  }

  /** Whether the conversation is still held and its token current (what a message sent to it later needs). */
  isOpen(conversationId: string): boolean {
    const conversation = this.byId.get(conversationId);
    return conversation !== undefined && conversation.expiresAt > this.now();
  }

  /** Marks the conversation started; true the first time only. */
  start(conversationId: string): boolean {
    const conversation = this.byId.get(conversationId);
    if (!conversation || conversation.started) return false;
    conversation.started = true;
    return true;
  }

  /** Adds what the user sent; refused once the conversation holds its maximum of activities. */
  post(conversationId: string, activity: Partial<Activity>): string {
    const held = this.byId.get(conversationId)?.activities.length ?? 0;
    if (held >= this.limits.activities) {
      throw new ConversationFullError(`the conversation holds its maximum of ${this.limits.activities} activities; start a new one`);
    }
    return this.append(conversationId, activity);
  }

  /** Adds an activity, giving it the next id in the conversation (`<conversation>|<seq>`); returns the id. */
  append(conversationId: string, activity: Partial<Activity>): string {
    const conversation = this.byId.get(conversationId);
    if (!conversation) throw new Error(`no local Direct Line conversation "${conversationId}"`);
    const id = `${conversationId}|${String(conversation.activities.length).padStart(7, '0')}`;
    conversation.activities.push(JSON.parse(JSON.stringify({ ...activity, id })) as Activity);
    return id;
  }

  /** The activities after the watermark, and the new watermark. */
  since(conversationId: string, watermark: number): { activities: Activity[]; watermark: string } {
    const activities = this.byId.get(conversationId)?.activities ?? [];
    const from = Math.min(Math.max(0, watermark), activities.length);
    return { activities: activities.slice(from), watermark: String(activities.length) };
  }

  private dropExpired(): void {
    const now = this.now();
    for (const conversation of this.byId.values()) if (conversation.expiresAt <= now) this.remove(conversation);
  }

  private remove(conversation: Conversation): void {
    this.byId.delete(conversation.id);
    this.byToken.delete(conversation.token);
  }
}
