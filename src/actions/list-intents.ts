import { z } from 'zod';
import { liveIntents } from '../library/schema.js';
import { commonOutput, conversationInput } from './fields.js';
import { ActionError, defineAction } from './types.js';

/** The live library as a caller needs it to choose intents and know their attributes; nothing is changed. */
export const listIntents = defineAction({
  name: 'ListIntents',
  description:
    "Lists the intents this service recognises, with their groups, descriptions, whether each can be self-served and the attributes each needs (name, type, whether required, the question that asks for it, allowed values). Call it to learn what customers can be helped with, or to find an intentId or attribute name for GetNextQuestions and SearchSolutions. Changes nothing.",
  readOnly: true,
  input: z.object({
    groupId: z.string().max(128).optional().describe('Only the intents of this group. Default: every intent.'),
    ...conversationInput,
  }),
  output: z.object({
    libraryId: z.string().describe('The id of the live intent library.'),
    libraryName: z.string().describe('Its name.'),
    intentCount: z.number().describe('How many intents are listed.'),
    intentsJson: z
      .string()
      .describe('JSON array of the intents: {id, name, groupId, groupName, description, selfService, attributes: [{name, type, required, question, values?}]}.'),
    groupsJson: z.string().describe('JSON array of the intent groups: {id, name, description}.'),
    ...commonOutput,
  }),
  async run(input, { services, conversationId }) {
    const catalog = services.conversations.catalog();
    const { library } = catalog;
    const groupId = input.groupId || undefined;
    if (groupId !== undefined && !catalog.group(groupId)) {
      throw new ActionError('invalid-input', `groupId: "${groupId}" is not a group of the live library (its groups: ${library.groups.map((group) => group.id).join(', ')})`);
    }
    const intents = liveIntents(library)
      .filter((intent) => groupId === undefined || intent.groupId === groupId)
      .map((intent) => catalog.intent(intent.id) ?? intent)
      .map((intent) => ({
        id: intent.id,
        name: intent.name,
        groupId: intent.groupId,
        groupName: catalog.group(intent.groupId)?.name ?? intent.groupId,
        description: intent.description,
        selfService: intent.selfService,
        attributes: intent.attributes.map(({ name, type, required, question, values }) => ({ name, type, required, question, ...(values ? { values } : {}) })),
      }));
    return {
      libraryId: library.id,
      libraryName: library.name,
      intentCount: intents.length,
      intentsJson: JSON.stringify(intents),
      groupsJson: JSON.stringify(library.groups.map(({ id, name, description }) => ({ id, name, description }))),
      conversationId,
    };
  },
});
