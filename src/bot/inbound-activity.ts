import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { describeIssues } from '../text/issues.js';

const account = z.looseObject({ id: z.string().max(1000), role: z.string().max(100).optional() });

/** The fields the service relies on; the rest of an activity passes through untouched. */
const inboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1000).optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1).max(1000) }),
  from: account.optional(),
  recipient: account.optional(),
  name: z.string().max(200).optional(),
  text: z.string().max(100_000).optional(),
  deliveryMode: z.string().max(100).optional(),
});

export type InboundCheck = { ok: true; activity: Activity } | { ok: false; message: string };

/** Checks a request body before botbuilder sees it; the message names each field that is wrong. */
export function checkInboundActivity(body: unknown): InboundCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'the body must be a JSON object (an activity) sent with Content-Type: application/json' };
  }
  const parsed = inboundActivitySchema.safeParse(withChannelId(body as Record<string, unknown>), { reportInput: true });
  if (!parsed.success) {
    return { ok: false, message: describeIssues(parsed.error.issues, 'activity') };
  }
  const activity = parsed.data as unknown as Activity & { rawTimestamp?: string };
  // botbuilder keeps timestamps as Dates, with the text as sent alongside.
  if (typeof parsed.data.timestamp === 'string') {
    activity.rawTimestamp = parsed.data.timestamp;
    activity.timestamp = new Date(parsed.data.timestamp);
  }
  return { ok: true, activity };
}

/**
 * The Microsoft 365 Agents SDK's AgentClient (1.8) posts its Activity object as JSON.stringify leaves it, with the
 * channel in `_channelId` (the field behind its `channelId` accessor); the SDK's own receivers read it back the
 * same way (normalizeIncomingActivity), and so does this one, so that an Agents SDK root agent can call the skill.
 */
function withChannelId(body: Record<string, unknown>): Record<string, unknown> {
  if (body.channelId !== undefined || typeof body._channelId !== 'string') return body;
  const { _channelId: channelId, ...rest } = body;
  return { ...rest, channelId };
}
