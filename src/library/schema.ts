import { z } from 'zod';

/** The current library format version; bump with a migration in `src/library/io.ts` when the shape changes. */
export const LIBRARY_SCHEMA_VERSION = 1;

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'must be 1-128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit');

export const attributeTypes = ['text', 'enum', 'date', 'time', 'number', 'email', 'phone', 'identifier', 'boolean'] as const;
export const intentStatuses = ['draft', 'approved', 'discarded'] as const;
export const attributeStatuses = intentStatuses;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/*
 * Cross-reference checks (duplicate ids and names, unknown group ids, enum values) run even when other parts
 * of the document are wrong, so one run of `library validate` reports every problem. zod skips a refinement
 * after a failed field unless told otherwise, and then hands it the value as far as it parsed: the checks
 * read that value as unknown and look only at what has the right shape.
 */
const always = { when: () => true };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a list with their indexes; anything else in it (or a list that is not one) is another check's problem. */
function records(list: unknown): Array<[number, Record<string, unknown>]> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index): Array<[number, Record<string, unknown>]> => (isRecord(item) ? [[index, item]] : []));
}

/** The first index of each `key` in the list `owner[list]`; a later repeat is reported as a duplicate at its own path. */
function firstIndexes(ctx: z.RefinementCtx, owner: Record<string, unknown>, list: string, key: string, what: string): Map<string, number> {
  const first = new Map<string, number>();
  for (const [index, item] of records(owner[list])) {
    const value = item[key];
    if (typeof value !== 'string') continue;
    const at = first.get(value);
    if (at === undefined) first.set(value, index);
    else ctx.addIssue({ code: 'custom', path: [list, index, key], message: `duplicate ${what} "${value}" (first at ${list}[${at}])` });
  }
  return first;
}

/** Whether following parentId from the group leads back to it (a self-parent is reported on its own). */
function inParentLoop(parentOf: ReadonlyMap<unknown, unknown>, id: unknown): boolean {
  const seen = new Set<unknown>([id]);
  for (let parent = parentOf.get(id); typeof parent === 'string'; parent = parentOf.get(parent)) {
    if (parent === id) return true;
    if (seen.has(parent)) return false;
    seen.add(parent);
  }
  return false;
}

export const attributeSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be an identifier: a letter, then letters, digits or "_"'),
    description: z.string().max(1000).default(''),
    type: z.enum(attributeTypes),
    values: z.array(z.string().min(1).max(200)).max(200).optional(),
    pattern: z.string().max(500).refine(isValidRegex, 'is not a valid regular expression').optional(),
    question: z.string().min(1, 'must not be empty').max(500),
    /** What customers and representatives read for the attribute: "Order number" rather than `orderNumber`. */
    label: z.string().min(1).max(80).optional(),
    /** A value of the right form, shown when a customer's answer does not fit ("BL-4471220"). */
    example: z.string().min(1).max(200).optional(),
    /** What customers read for each enum value: {"credit-card": "Credit card"}. */
    valueLabels: z.record(z.string(), z.string().min(1).max(80)).optional(),
    required: z.boolean().default(false),
    weight: z.number().min(0).max(1).default(0.5),
    // Optional rather than defaulted: a missing status means approved, so existing files stay as they are
    // and code that builds attributes need not say it. Only approved attributes are ever asked.
    status: z.enum(attributeStatuses).optional().meta({ default: 'approved' }),
  })
  .strict()
  .superRefine((attribute: unknown, ctx) => {
    if (!isRecord(attribute)) return;
    const values = Array.isArray(attribute.values) ? attribute.values : [];
    if (attribute.type === 'enum' && values.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum attribute needs at least one value' });
    }
    if (isRecord(attribute.valueLabels)) {
      for (const value of Object.keys(attribute.valueLabels)) {
        if (!values.includes(value)) ctx.addIssue({ code: 'custom', path: ['valueLabels', value], message: `"${value}" is not one of the attribute's values` });
      }
    }
    if (typeof attribute.example === 'string' && typeof attribute.pattern === 'string' && isValidRegex(attribute.pattern)) {
      if (!new RegExp(attribute.pattern, 'u').test(attribute.example)) {
        ctx.addIssue({ code: 'custom', path: ['example'], message: `does not match the attribute's pattern ${attribute.pattern}` });
      }
    }
  }, always);

export const intentStatsSchema = z
  .object({
    conversations: z.number().int().min(0),
    share: z.number().min(0).max(1),
    lastSeen: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const provenanceSchema = z
  .object({
    /** `misses`: mined from the customer turns self-service did not understand (`intent-skill discover --misses`). */
    source: z.enum(['discovered', 'manual', 'misses']),
    run: z.string().max(200).optional(),
    sampleConversationIds: z.array(z.string().max(200)).max(100).default([]),
    /**
     * In a draft, the live intent whose examples these are: not a new intent but new examples for it, added to it by
     * `library merge` once a person approves them.
     */
    examplesFor: idSchema.optional(),
  })
  .strict();

/**
 * Where a contact-center router should send a conversation that is handed off: a queue, the skills a representative needs
 * and a priority. Each field is resolved on its own, the most specific level first (src/library/routing.ts).
 */
export const routingSchema = z
  .object({
    queue: z.string().min(1, 'must not be empty').max(200).optional(),
    /** Skill names; no commas, since Copilot Studio receives them as one comma-separated text. */
    skills: z.array(z.string().regex(/^[^,]{1,100}$/, 'must be 1-100 characters without commas')).max(20).optional(),
    /** 1 is the most urgent, 10 the least. */
    priority: z.number().int('must be a whole number').min(1).max(10).optional(),
  })
  .strict();

/** Guidance for representatives and suggested responses; the library's, a group's and an intent's all apply. */
const instructionsSchema = z.string().max(4000);

export const intentSchema = z
  .object({
    id: idSchema,
    groupId: idSchema,
    name: z.string().min(1, 'must not be empty').max(200),
    description: z.string().max(2000).default(''),
    /** What the customer wants, as the skill says it back: "I can help you {phrase}" ("check where your order is"). */
    phrase: z.string().min(1).max(160).optional(),
    status: z.enum(intentStatuses).default('approved'),
    selfService: z.boolean().default(true),
    examples: z.array(z.string().min(1).max(1000)).max(5000).default([]),
    attributes: z.array(attributeSchema).max(50).default([]),
    solutionQuery: z.string().max(500).optional(),
    instructions: instructionsSchema.optional(),
    /** Only where it differs from the intent's group (or line of business). */
    routing: routingSchema.optional(),
    stats: intentStatsSchema.optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict()
  .superRefine((intent: unknown, ctx) => {
    if (isRecord(intent)) firstIndexes(ctx, intent, 'attributes', 'name', 'attribute name');
  }, always);

export const intentGroupSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1, 'must not be empty').max(200),
    description: z.string().max(2000).default(''),
    parentId: idSchema.optional(),
    /** The line of business the group belongs to; a group without one takes its parent group's. */
    lineOfBusinessId: idSchema.optional(),
    instructions: instructionsSchema.optional(),
    routing: routingSchema.optional(),
  })
  .strict();

/** A level above groups (retail orders, billing, ...), as contact centers organise their work. */
export const lineOfBusinessSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1, 'must not be empty').max(200),
    description: z.string().max(2000).optional(),
    routing: routingSchema.optional(),
  })
  .strict();

export const intentLibrarySchema = z
  .object({
    schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
    id: idSchema,
    name: z.string().min(1, 'must not be empty').max(200),
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en" or "en-US"').default('en-US'),
    /** Instructions for every intent, before its groups' and its own. */
    instructions: instructionsSchema.optional(),
    linesOfBusiness: z.array(lineOfBusinessSchema).max(200).optional(),
    groups: z.array(intentGroupSchema).max(1000).default([]),
    intents: z.array(intentSchema).max(5000),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .superRefine((library: unknown, ctx) => {
    if (!isRecord(library)) return;
    const linesOfBusiness = firstIndexes(ctx, library, 'linesOfBusiness', 'id', 'line of business id');
    const groupIds = firstIndexes(ctx, library, 'groups', 'id', 'group id');
    const parentOf = new Map(records(library.groups).map(([, group]) => [group.id, group.parentId] as const));
    for (const [index, group] of records(library.groups)) {
      if (typeof group.lineOfBusinessId === 'string' && !linesOfBusiness.has(group.lineOfBusinessId)) {
        const known = [...linesOfBusiness.keys()];
        ctx.addIssue({
          code: 'custom',
          path: ['groups', index, 'lineOfBusinessId'],
          message: `unknown line of business id "${group.lineOfBusinessId}" (${known.length ? `known: ${known.join(', ')}` : 'the library has no linesOfBusiness'})`,
        });
      }
      if (typeof group.parentId !== 'string') continue;
      if (!groupIds.has(group.parentId)) {
        ctx.addIssue({ code: 'custom', path: ['groups', index, 'parentId'], message: `unknown group id "${group.parentId}"` });
      }
      if (group.parentId === group.id) {
        ctx.addIssue({ code: 'custom', path: ['groups', index, 'parentId'], message: 'a group cannot be its own parent' });
      } else if (inParentLoop(parentOf, group.id)) {
        ctx.addIssue({ code: 'custom', path: ['groups', index, 'parentId'], message: `the parent groups of "${String(group.id)}" lead back to it` });
      }
    }
    firstIndexes(ctx, library, 'intents', 'id', 'intent id');
    for (const [index, intent] of records(library.intents)) {
      // Without a valid groups list there is nothing to check references against; its own problem is reported.
      if (typeof intent.groupId === 'string' && Array.isArray(library.groups) && !groupIds.has(intent.groupId)) {
        ctx.addIssue({ code: 'custom', path: ['intents', index, 'groupId'], message: `unknown group id "${intent.groupId}"` });
      }
    }
  }, always);

export type AttributeType = (typeof attributeTypes)[number];
export type IntentStatus = (typeof intentStatuses)[number];
export type AttributeStatus = (typeof attributeStatuses)[number];
export type Attribute = z.output<typeof attributeSchema>;
export type Intent = z.output<typeof intentSchema>;
export type IntentGroup = z.output<typeof intentGroupSchema>;
export type LineOfBusiness = z.output<typeof lineOfBusinessSchema>;
export type Routing = z.output<typeof routingSchema>;
export type IntentLibrary = z.output<typeof intentLibrarySchema>;
/** What a user may write: defaults not filled in yet. */
export type IntentLibraryInput = z.input<typeof intentLibrarySchema>;

/** The status an attribute has when it says none. */
export function attributeStatus(attribute: Attribute): AttributeStatus {
  return attribute.status ?? 'approved';
}

/** Whether the runtime may ask for and extract the attribute: drafts wait for review, discarded ones never come back. */
export function isLiveAttribute(attribute: Attribute): boolean {
  return attributeStatus(attribute) === 'approved';
}

/**
 * The intents the skill detects: never discarded ones, and draft ones only while nothing is approved yet
 * (so a fresh discovery draft can be tried at once, but a reviewed library is not changed by the new
 * intents a later run merges in until a person approves them).
 */
export function liveIntents(library: IntentLibrary): Intent[] {
  const kept = library.intents.filter((intent) => intent.status !== 'discarded');
  return kept.some((intent) => intent.status === 'approved') ? kept.filter((intent) => intent.status === 'approved') : kept;
}
