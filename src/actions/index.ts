import { assist } from './assist.js';
import { detectIntent } from './detect-intent.js';
import { getNextQuestions } from './get-next-questions.js';
import { handoff } from './handoff.js';
import { searchSolutions } from './search-solutions.js';
import type { SkillAction } from './types.js';

/** Every action the skill offers: the handler dispatches on these and the manifest is generated from them. */
export const skillActions: readonly SkillAction[] = [detectIntent, getNextQuestions, searchSolutions, assist, handoff];
