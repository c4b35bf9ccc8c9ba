import { assist } from './assist.js';
import { detectIntent } from './detect-intent.js';
import { getNextQuestions } from './get-next-questions.js';
import { handoff } from './handoff.js';
import { listIntents } from './list-intents.js';
import { searchSolutions } from './search-solutions.js';
import type { SkillAction } from './types.js';

/** Every action the service offers: the skill handler and the MCP tools dispatch on these; the manifest and the tool list are generated from them. */
export const skillActions: readonly SkillAction[] = [detectIntent, getNextQuestions, searchSolutions, assist, handoff, listIntents];
