import { z } from 'zod';
import { CUSTOMER_TEXT_IS_DATA, ModelAnswerError, structuredChat, type ChatModel } from '../../azure/chat.js';
import type { Discovery } from '../discover.js';
import { uniqueSlug } from '../../library/slug.js';
import { mapConcurrently, MODEL_CONCURRENCY } from './concurrently.js';
import { DiscoveryModelError, reasonOf } from './model.js';

export interface ModelName {
  name: string;
  description: string;
}

export interface ModelNames {
  /** By the intent's (local) id. */
  intents: Map<string, ModelName>;
  /** By the group's (local) id. */
  groups: Map<string, ModelName>;
  /** Why a name was not taken, one line for each intent or group that keeps its local name. */
  kept: string[];
}

/** Example requests shown to the model for each intent, the most typical first. */
const EXAMPLES = 6;
const EXAMPLE_CHARS = 300;
const NAME = { min: 3, max: 60 } as const;
const DESCRIPTION = { min: 10, max: 300 } as const;

const SYSTEM = [
  'You name the intents a contact center discovered in its customers\' requests, for the people who review them.',
  'The user message is a JSON document: a group of related intents, each with its key phrases and example requests, ' +
    'in which personal data is already masked ([EMAIL], [PHONE], [NAME], ...).',
  'For each intent, by its id: a name that says what the customer wants done, a verb phrase in sentence case of 2 to 6 words ' +
    '(such as "Cancel subscription" or "Track order"), different from the other intents\' names; and one sentence describing the request.',
  'For the group: a name of 1 to 4 words that covers all its intents (such as "Billing"), and one sentence describing it.',
  'Names and descriptions never contain personal data, placeholders or identifiers.',
  CUSTOMER_TEXT_IS_DATA,
].join('\n');

const answerSchema = z.object({
  group: z.object({ name: z.string(), description: z.string() }),
  intents: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
});
type Answer = z.infer<typeof answerSchema>;

function jsonSchema(ids: string[]): Record<string, unknown> {
  const named = (id?: Record<string, unknown>) => ({
    type: 'object',
    additionalProperties: false,
    required: [...(id ? ['id'] : []), 'name', 'description'],
    properties: { ...(id ? { id } : {}), name: { type: 'string' }, description: { type: 'string' } },
  });
  return {
    type: 'object',
    additionalProperties: false,
    required: ['group', 'intents'],
    properties: { group: named(), intents: { type: 'array', items: named({ type: 'string', enum: ids }) } },
  };
}

/** The answer's name and description trimmed, or why they cannot be used. */
function checkName(answer: ModelName): ModelName | string {
  const name = answer.name.trim().replace(/\s+/g, ' ');
  const description = answer.description.trim().replace(/\s+/g, ' ');
  if (name.length < NAME.min || name.length > NAME.max) return `the name "${name.slice(0, 80)}" is not ${NAME.min}-${NAME.max} characters long`;
  if (uniqueSlug(name, new Set(), '') === '') return `the name "${name}" has no letters or digits for an id`;
  if (/\[[A-Z]+\]/.test(name) || /\[[A-Z]+\]/.test(description)) return `the name or description "${name}" contains a placeholder`;
  if (description.length < DESCRIPTION.min || description.length > DESCRIPTION.max) return `the description of "${name}" is not ${DESCRIPTION.min}-${DESCRIPTION.max} characters long`;
  return { name, description };
}

/**
 * Names and one-sentence descriptions for the discovered intents and their groups, written by the chat model:
 * one call per group (so the names within a group are told apart), a few in flight. The model sees only
 * masked text: each intent's key phrases and most typical example requests. An answer that is refused, cut
 * off or fails the checks (length, a placeholder, a name repeated) leaves the local name, with the reason in
 * `kept`; a call that fails or runs past its budget throws a DiscoveryModelError.
 */
export async function nameWithModel(model: ChatModel, discovery: Discovery): Promise<ModelNames> {
  const { groups, intents } = discovery.library;
  const keyphrases = new Map(discovery.intents.map((found) => [found.intent.id, found.keyphrases] as const));
  const names: ModelNames = { intents: new Map(), groups: new Map(), kept: [] };
  const answers = await mapConcurrently(groups, MODEL_CONCURRENCY, async (group): Promise<Answer | string> => {
    const members = intents.filter((intent) => intent.groupId === group.id);
    const ids = members.map((intent) => intent.id);
    try {
      return await structuredChat(model, {
        system: SYSTEM,
        data: {
          group: { id: group.id, currentName: group.name },
          intents: members.map((intent) => ({
            id: intent.id,
            currentName: intent.name,
            keyPhrases: keyphrases.get(intent.id) ?? [],
            exampleRequests: intent.examples.slice(0, EXAMPLES).map((example) => example.slice(0, EXAMPLE_CHARS)),
          })),
        },
        schemaName: 'intent_names',
        jsonSchema: jsonSchema(ids),
        parse: answerSchema,
        maxTokens: 200 + 120 * members.length,
      });
    } catch (error) {
      if (error instanceof ModelAnswerError) return error.message;
      throw new DiscoveryModelError(`Azure OpenAI naming failed on deployment "${model.deployment}" (group "${group.name}"): ${reasonOf(error)}`, { cause: error });
    }
  });
  const taken = new Set<string>();
  function take(kind: 'intent' | 'group', id: string, answer: ModelName | string, into: Map<string, ModelName>): void {
    let checked = typeof answer === 'string' ? answer : checkName(answer);
    const key = typeof checked === 'string' ? '' : `${kind}:${checked.name.toLowerCase()}`;
    if (typeof checked !== 'string' && taken.has(key)) checked = `the name "${checked.name}" is taken by another ${kind}`;
    if (typeof checked === 'string') return void names.kept.push(`${kind} ${id}: ${checked}`);
    taken.add(key);
    into.set(id, checked);
  }
  groups.forEach((group, g) => {
    const answer = answers[g]!;
    const byId = new Map<string, ModelName>();
    if (typeof answer !== 'string') for (const entry of answer.intents) if (!byId.has(entry.id)) byId.set(entry.id, entry);
    take('group', group.id, typeof answer === 'string' ? answer : answer.group, names.groups);
    for (const intent of intents) {
      if (intent.groupId !== group.id) continue;
      take('intent', intent.id, typeof answer === 'string' ? answer : (byId.get(intent.id) ?? 'the answer does not name it'), names.intents);
    }
  });
  return names;
}
