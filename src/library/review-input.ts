import { z } from 'zod';
import type { ReviewAction } from './review.js';
import { attributeTypes, idSchema } from './schema.js';

const ids = z.array(idSchema).min(1, 'must name at least one intent').max(500);
const attributeRef = z.object({ intentId: idSchema, name: z.string().min(1).max(64) }).strict();

/** Review steps as a client sends them (the library review page, `POST /api/library/changes`); the same steps as `library review`. */
export const reviewActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approve'), ids }).strict(),
  z.object({ kind: z.literal('discard'), ids }).strict(),
  z.object({ kind: z.literal('approve-attributes'), attributes: z.array(attributeRef).min(1).max(500) }).strict(),
  z.object({ kind: z.literal('discard-attributes'), attributes: z.array(attributeRef).min(1).max(500) }).strict(),
  z.object({ kind: z.literal('rename'), id: idSchema, name: z.string().trim().min(1, 'must not be empty').max(200) }).strict(),
  z.object({ kind: z.literal('merge'), into: idSchema, ids }).strict(),
  z.object({ kind: z.literal('move'), id: idSchema, groupId: idSchema }).strict(),
  z
    .object({
      kind: z.literal('edit-attribute'),
      attribute: attributeRef,
      changes: z
        .object({
          label: z.string().trim().min(1, 'must not be empty').max(80).optional(),
          question: z.string().trim().min(1, 'must not be empty').max(500).optional(),
          type: z.enum(attributeTypes).optional(),
          required: z.boolean().optional(),
          values: z.array(z.string().trim().min(1, 'must not be empty').max(200)).max(200).nullable().optional(),
          pattern: z.string().max(500).nullable().optional(),
        })
        .strict(),
    })
    .strict(),
]) satisfies z.ZodType<ReviewAction>;

/** A change to the pending review: the version it was made on and the steps, applied in order, all or none. */
export const reviewChangeSchema = z.object({ etag: z.string().min(1, 'must be the etag of the review you read'), actions: z.array(reviewActionSchema).min(1, 'must hold at least one step').max(100) }).strict();

export const reviewPublishSchema = z.object({ etag: z.string().min(1), liveEtag: z.string().min(1) }).strict();

export const reviewDiscardSchema = z.object({ etag: z.string().min(1) }).strict();
