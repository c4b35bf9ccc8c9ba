/**
 * Schema-Guided Dialogue (any split: dialogues_NNN.json files and schema.json) -> an intent library and labelled
 * conversations for `intent-skill eval conversations`:
 *
 *   npx tsx bench/sgd-to-eval.ts DIR --library-files 1-3 --eval-files 4-6 --out-library L.json --out-conversations C.jsonl
 *     [--examples-per-intent 50] [--reference-date 2019-03-01]
 *
 * The library comes from schema.json (a group per service, its intents with their required and optional slots as
 * attributes) and from the library files' dialogues (questions as the system asks, examples as users start each
 * intent, weights as how often the system asks); the labelled conversations come from the eval files only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { LabelledConversation, LabelledCustomerTurn, LabelledTurn } from '../src/evaluation/labelled-conversations.js';
import { LibraryValidationError, parseLibrary, serializeLibrary } from '../src/library/io.js';
import type { Attribute, AttributeType, IntentLibrary, IntentLibraryInput } from '../src/library/schema.js';
import { stripBom } from '../src/text/bom.js';
import { describeIssues } from '../src/text/issues.js';

const sgdSlotSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().default(''),
  is_categorical: z.boolean(),
  possible_values: z.array(z.string()).default([]),
});
const sgdIntentSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().default(''),
  required_slots: z.array(z.string()),
  optional_slots: z.record(z.string(), z.string()).default({}),
});
const sgdServiceSchema = z.looseObject({
  service_name: z.string().min(1),
  description: z.string().default(''),
  slots: z.array(sgdSlotSchema),
  intents: z.array(sgdIntentSchema),
});
export const sgdSchemaSchema = z.array(sgdServiceSchema);

const sgdActionSchema = z.looseObject({
  act: z.string(),
  slot: z.string(),
  values: z.array(z.string()).default([]),
  canonical_values: z.array(z.string()).optional(),
});
const sgdFrameSchema = z.looseObject({
  service: z.string().min(1),
  actions: z.array(sgdActionSchema),
  slots: z.array(z.looseObject({ slot: z.string(), start: z.number().int(), exclusive_end: z.number().int() })).default([]),
  state: z.looseObject({ active_intent: z.string(), slot_values: z.record(z.string(), z.array(z.string())).default({}) }).optional(),
});
const sgdTurnSchema = z.looseObject({
  speaker: z.enum(['USER', 'SYSTEM']),
  utterance: z.string(),
  frames: z.array(sgdFrameSchema),
});
export const sgdDialoguesSchema = z.array(z.looseObject({ dialogue_id: z.string().min(1), turns: z.array(sgdTurnSchema) }));

export type SgdService = z.output<typeof sgdServiceSchema>;
export type SgdSlot = z.output<typeof sgdSlotSchema>;
export type SgdDialogue = z.output<typeof sgdDialoguesSchema>[number];
type SgdFrame = z.output<typeof sgdFrameSchema>;

/** The SGD files cannot be read as SGD: the file and every problem with its path. */
export class SgdInputError extends Error {
  override name = 'SgdInputError';
}

export function parseSgdJson<T>(text: string, file: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    throw new SgdInputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new SgdInputError(`${file}: ${describeIssues(parsed.error.issues.slice(0, 5))}`);
  return parsed.data;
}

const NONE = 'NONE';
const DONTCARE = 'dontcare';
const isNumeric = (value: string) => /^-?\d+(?:\.\d+)?$/.test(value.trim());

/** "Restaurants_2" -> "restaurants_2": a group id, and the first part of its intents' ids. */
export const serviceId = (service: string) => service.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
/** "ReserveRestaurant" -> "reserve-restaurant". */
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
/** "SearchOnewayFlight" -> "Search oneway flight". */
const words = (name: string) => {
  const spaced = name.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};
/** Intent ids are unique across services: `restaurants_2.reserve-restaurant`. */
export const intentId = (service: string, intent: string) => `${serviceId(service)}.${kebab(intent)}`;
/** An attribute name the library accepts (SGD's slot names already are: `number_of_seats`). */
const attributeName = (slot: string) => {
  const name = slot.replace(/[^A-Za-z0-9_]+/g, '_');
  return /^[A-Za-z]/.test(name) ? name.slice(0, 64) : `s_${name}`.slice(0, 64);
};

/**
 * The attribute type of a slot: categorical slots whose values are all numbers are `number`, other categorical
 * ones `enum`; free slots are `date` when clearly a date (a `date` word in the name, or "date" in the description
 * without "time"), `time` for a time of day (a `time` word in the name and "time" in the description: not
 * `transfer_time`, "Number of days ..."), `number` when clearly a count or amount (`number_of_*`, `*_amount`), otherwise `text`.
 */
export function slotType(slot: SgdSlot): AttributeType {
  if (slot.is_categorical && slot.possible_values.length > 0) return slot.possible_values.every(isNumeric) ? 'number' : 'enum';
  const parts = slot.name.toLowerCase().split('_');
  if (parts.includes('date') || (/\bdates?\b/i.test(slot.description) && !/\btimes?\b/i.test(slot.description))) return 'date';
  if (parts.includes('time') && /\btime\b/i.test(slot.description)) return 'time';
  if (slot.name.startsWith('number_of_') || slot.name.endsWith('_amount')) return 'number';
  return 'text';
}

const BOOLEAN_LEAD = /^(?:boolean flag\s+)?(?:indicating\s+)?(?:whether|if)\s+(?:or not\s+)?/i;
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
const listed = (values: readonly string[]) => (values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);

/** A question written from the slot's description, for slots the library dialogues never ask for on their own. */
export function questionFromDescription(slot: SgdSlot, type: AttributeType): string {
  const description = lowerFirst(slot.description.trim().replace(/[.?!]+$/, '').replace(/^the\s+/i, '')) || slot.name.replace(/_/g, ' ');
  const values = slot.possible_values;
  if (type === 'enum' && values.every((value) => /^(?:true|false)$/i.test(value))) {
    return `Does it matter whether ${description.replace(BOOLEAN_LEAD, '')}?`;
  }
  if (type === 'enum') return values.length <= 6 ? `What is the ${description}: ${listed(values)}?` : `What is the ${description}?`;
  const count = /^number of\s+(.+)$/i.exec(description);
  if (type === 'number' && count) return `How many ${count[1]}?`;
  return `What is the ${description}?`;
}

function increment<K>(counts: Map<K, number>, key: K, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** The frame a user turn speaks in: one with actions and an active intent, else one with an active intent, else the first. */
function mainFrame(frames: readonly SgdFrame[]): SgdFrame | undefined {
  const active = (frame: SgdFrame) => frame.state !== undefined && frame.state.active_intent !== NONE;
  return frames.find((frame) => active(frame) && frame.actions.length > 0) ?? frames.find(active) ?? frames[0];
}

/** What the library files teach, per service and intent: questions, examples, how often each slot is asked. */
interface DialogueEvidence {
  /** `service\0slot` -> delexicalised question -> count, in order of first appearance. */
  questions: Map<string, Map<string, number>>;
  /** Intent id -> user turns that start it. */
  examples: Map<string, string[]>;
  /** Intent id -> dialogues it is active in. */
  dialogues: Map<string, number>;
  /** `intentId\0slot` -> dialogues in which the system asks for the slot while the intent is active. */
  asked: Map<string, number>;
}

/** A system turn's text with every value the dialogue has mentioned so far replaced by its slot, `{slot}`. */
function delexicalise(utterance: string, values: ReadonlyMap<string, string>): string {
  let text = utterance;
  for (const [value, slot] of [...values].sort((a, b) => b[0].length - a[0].length)) {
    if (value.length >= 2) text = text.split(value).join(`{${slot}}`);
  }
  return text;
}

function gatherEvidence(dialogues: readonly SgdDialogue[]): DialogueEvidence {
  const evidence: DialogueEvidence = { questions: new Map(), examples: new Map(), dialogues: new Map(), asked: new Map() };
  for (const dialogue of dialogues) {
    const activeOf = new Map<string, string>();
    const mentioned = new Map<string, string>();
    const intents = new Set<string>();
    const asked = new Set<string>();
    for (const turn of dialogue.turns) {
      for (const frame of turn.frames) {
        for (const action of frame.actions) for (const value of action.values) if (action.slot) mentioned.set(value, action.slot);
      }
      if (turn.speaker === 'USER') {
        for (const frame of turn.frames) {
          const active = frame.state?.active_intent;
          if (!active || active === NONE) continue;
          const id = intentId(frame.service, active);
          intents.add(id);
          if (activeOf.get(frame.service) === active) continue;
          activeOf.set(frame.service, active);
          // Only where the user states the intent: a bare "yes, please" to the system's offer is no example of it.
          if (frame.actions.some((action) => action.act === 'INFORM_INTENT')) {
            const examples = evidence.examples.get(id) ?? [];
            examples.push(turn.utterance.trim());
            evidence.examples.set(id, examples);
          }
        }
        continue;
      }
      for (const frame of turn.frames) {
        const active = activeOf.get(frame.service);
        for (const action of frame.actions.filter((a) => a.act === 'REQUEST')) if (active) asked.add(`${intentId(frame.service, active)}\u0000${action.slot}`);
        const [only] = frame.actions;
        if (frame.actions.length !== 1 || only?.act !== 'REQUEST' || only.values.length > 0) continue;
        const question = delexicalise(turn.utterance.trim(), mentioned);
        const key = `${frame.service}\u0000${only.slot}`;
        const counts = evidence.questions.get(key) ?? new Map<string, number>();
        increment(counts, question);
        evidence.questions.set(key, counts);
      }
    }
    for (const id of intents) increment(evidence.dialogues, id);
    for (const key of asked) increment(evidence.asked, key);
  }
  return evidence;
}

/** The most common question the system asks for the slot on its own with no value in it, if any. */
function askedQuestion(counts: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: [string, number] | undefined;
  for (const [question, count] of counts ?? []) {
    if (question.includes('{') || !question.endsWith('?')) continue;
    if (!best || count > best[1]) best = [question, count];
  }
  return best?.[0];
}

export interface LibraryOptions {
  id: string;
  name: string;
  examplesPerIntent: number;
  now: Date;
}

export interface LibraryStats {
  questionsFromDialogues: number;
  questionsFromDescriptions: number;
}

/** The intent library: a group per service, an intent per service intent, its required and optional slots as attributes. */
export function sgdLibrary(services: readonly SgdService[], libraryDialogues: readonly SgdDialogue[], options: LibraryOptions): { library: IntentLibrary; stats: LibraryStats } {
  const evidence = gatherEvidence(libraryDialogues);
  const stats: LibraryStats = { questionsFromDialogues: 0, questionsFromDescriptions: 0 };
  const input: IntentLibraryInput = {
    schemaVersion: 1,
    id: options.id,
    name: options.name,
    locale: 'en-US',
    groups: services.map((service) => ({ id: serviceId(service.service_name), name: words(service.service_name), description: service.description })),
    intents: services.flatMap((service) =>
      service.intents.map((intent) => {
        const id = intentId(service.service_name, intent.name);
        const seenIn = evidence.dialogues.get(id) ?? 0;
        const slots = [...intent.required_slots.map((slot) => ({ slot, required: true })), ...Object.keys(intent.optional_slots).map((slot) => ({ slot, required: false }))];
        const attributes = slots.map(({ slot: name, required }): Attribute => {
          const slot = service.slots.find((candidate) => candidate.name === name) ?? { name, description: '', is_categorical: false, possible_values: [] };
          const type = slotType(slot);
          const asked = askedQuestion(evidence.questions.get(`${service.service_name}\u0000${name}`));
          if (asked) stats.questionsFromDialogues += 1;
          else stats.questionsFromDescriptions += 1;
          return {
            name: attributeName(name),
            description: slot.description,
            type,
            ...(type === 'enum' ? { values: slot.possible_values } : {}),
            question: asked ?? questionFromDescription(slot, type),
            required,
            // How often the system asked for it where the intent was active; the schema's default where never seen.
            weight: seenIn > 0 ? Number(((evidence.asked.get(`${id}\u0000${name}`) ?? 0) / seenIn).toFixed(2)) : 0.5,
          };
        });
        return {
          id,
          groupId: serviceId(service.service_name),
          name: words(intent.name),
          description: intent.description,
          status: 'approved' as const,
          examples: uniqueTexts(evidence.examples.get(id) ?? []).slice(0, options.examplesPerIntent),
          attributes,
          provenance: { source: 'manual' as const, run: 'sgd-to-eval', sampleConversationIds: [] },
        };
      }),
    ),
    updatedAt: options.now.toISOString(),
  };
  return { library: parseLibrary(input, 'the converted library'), stats };
}

function uniqueTexts(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    if (text === '' || text.length > 1000 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The gold value of an INFORM: the canonical value for enums, numbers and dates, the words the user said for text. */
function goldValue(action: z.output<typeof sgdActionSchema>, type: AttributeType): string | number | undefined {
  const said = action.values[0];
  const canonical = action.canonical_values?.[0] ?? said;
  if (said === undefined || canonical === undefined || canonical === DONTCARE || said === DONTCARE) return undefined;
  if (type === 'number') return isNumeric(canonical) ? Number(canonical) : canonical;
  return type === 'text' ? said : canonical;
}

const ENDING_ACTS = new Set(['GOODBYE', 'THANK_YOU']);

/**
 * Labelled conversations from dialogues: user turns with the active intent ("NONE" -> "none"), the values informed
 * in the turn, `end` on a closing GOODBYE / THANK_YOU; system turns with the slots their REQUEST acts ask for.
 */
export function sgdConversations(services: readonly SgdService[], dialogues: readonly SgdDialogue[], referenceDate: string): LabelledConversation[] {
  const typeOf = new Map(services.flatMap((service) => service.slots.map((slot) => [`${service.service_name}\u0000${slot.name}`, slotType(slot)] as const)));
  return dialogues.map((dialogue) => {
    const lastUser = dialogue.turns.findLastIndex((turn) => turn.speaker === 'USER');
    const turns = dialogue.turns.map((turn, index): LabelledTurn => {
      if (turn.speaker === 'SYSTEM') {
        const asks = [...new Set(turn.frames.flatMap((frame) => frame.actions.filter((a) => a.act === 'REQUEST').map((a) => attributeName(a.slot))))];
        return { role: 'agent', text: turn.utterance, ...(asks.length > 0 ? { asks } : {}) };
      }
      const frame = mainFrame(turn.frames);
      const active = frame?.state?.active_intent;
      const values: Record<string, string | number> = {};
      for (const informing of turn.frames) {
        for (const action of informing.actions.filter((a) => a.act === 'INFORM' && a.slot)) {
          const value = goldValue(action, typeOf.get(`${informing.service}\u0000${action.slot}`) ?? 'text');
          if (value !== undefined) values[attributeName(action.slot)] ??= value;
        }
      }
      const ends = index === lastUser && turn.frames.some((f) => f.actions.some((a) => ENDING_ACTS.has(a.act)));
      const labelled: LabelledCustomerTurn = {
        role: 'customer',
        text: turn.utterance,
        ...(frame && active ? { intent: active === NONE ? 'none' : intentId(frame.service, active) } : {}),
        ...(Object.keys(values).length > 0 ? { values } : {}),
        ...(ends ? { end: true } : {}),
      };
      return labelled;
    });
    return { conversationId: dialogue.dialogue_id, referenceDate, turns };
  });
}

/** The date SGD's "today" stands for in these dialogues (2019-03-01 in the released data): the most common canonical date of a "today". */
export function inferToday(dialogues: readonly SgdDialogue[]): string | null {
  const counts = new Map<string, number>();
  for (const frame of dialogues.flatMap((d) => d.turns.flatMap((t) => t.frames))) {
    for (const action of frame.actions) {
      action.values.forEach((value, i) => {
        const canonical = action.canonical_values?.[i];
        if (value.trim().toLowerCase() === 'today' && canonical && /^\d{4}-\d{2}-\d{2}$/.test(canonical)) increment(counts, canonical);
      });
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** "1-3", "4", "2,5-6" -> the file numbers. */
export function parseFileRange(text: string, option: string): number[] {
  const numbers = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const from = Number(match?.[1]);
    const to = Number(match?.[2] ?? match?.[1]);
    if (!match || to < from) throw new SgdInputError(`${option}: "${text}" is not a range of file numbers such as 1-3, 4 or 1-2,5`);
    for (let n = from; n <= to; n += 1) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

/** The dialogue files of DIR with those numbers (dialogues_001.json is 1); a number with no file is an error. */
export function dialogueFiles(dir: string, numbers: readonly number[], option: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new SgdInputError(`cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const byNumber = new Map(names.flatMap((name) => {
    const match = /^dialogues_(\d+)\.json$/.exec(name);
    return match ? [[Number(match[1]), path.join(dir, name)] as const] : [];
  }));
  return numbers.map((n) => {
    const file = byNumber.get(n);
    if (!file) throw new SgdInputError(`${option}: ${dir} has no dialogues file number ${n} (dialogues_${String(n).padStart(3, '0')}.json; it has ${byNumber.size} dialogues files)`);
    return file;
  });
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SgdInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseSgdJson(text, file, schema);
}

/** The command: converts, writes both files and returns what to print; throws SgdInputError on bad input. */
export function runSgdToEval(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'library-files': { type: 'string' },
      'eval-files': { type: 'string' },
      'out-library': { type: 'string' },
      'out-conversations': { type: 'string' },
      'examples-per-intent': { type: 'string', default: '50' },
      'reference-date': { type: 'string' },
    },
  });
  const [dir] = positionals;
  const missing = ['library-files', 'eval-files', 'out-library', 'out-conversations'].filter((name) => values[name as keyof typeof values] === undefined);
  if (!dir || missing.length > 0) {
    throw new SgdInputError(`usage: bench/sgd-to-eval.ts DIR --library-files A-B --eval-files C-D --out-library L.json --out-conversations C.jsonl${missing.length > 0 ? ` (missing ${missing.map((m) => `--${m}`).join(', ')})` : ''}`);
  }
  const examplesPerIntent = Number(values['examples-per-intent']);
  if (!Number.isInteger(examplesPerIntent) || examplesPerIntent < 0) throw new SgdInputError(`--examples-per-intent: must be a whole number, got "${values['examples-per-intent']}"`);
  const started = performance.now();
  const libraryNumbers = parseFileRange(values['library-files'] as string, '--library-files');
  const evalNumbers = parseFileRange(values['eval-files'] as string, '--eval-files');
  const shared = libraryNumbers.filter((n) => evalNumbers.includes(n));
  if (shared.length > 0) throw new SgdInputError(`--library-files and --eval-files share file ${shared.join(', ')}: evaluation must be on dialogues the library did not see`);
  const services = readJson(path.join(dir, 'schema.json'), sgdSchemaSchema);
  const read = (files: string[]) => files.flatMap((file) => readJson(file, sgdDialoguesSchema));
  const libraryDialogues = read(dialogueFiles(dir, libraryNumbers, '--library-files'));
  const evalDialogues = read(dialogueFiles(dir, evalNumbers, '--eval-files'));
  const referenceDate = values['reference-date'] ?? inferToday([...libraryDialogues, ...evalDialogues]);
  if (!referenceDate || !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new SgdInputError(`no reference date: no "today" in the dialogues tells which day they take place; give --reference-date YYYY-MM-DD`);
  }
  const { library, stats } = sgdLibrary(services, libraryDialogues, {
    id: 'sgd',
    name: `Schema-Guided Dialogue: ${path.basename(path.resolve(dir))}`,
    examplesPerIntent,
    now: new Date(),
  });
  const conversations = sgdConversations(services, evalDialogues, referenceDate);
  writeFileSync(values['out-library'] as string, serializeLibrary(library));
  writeFileSync(values['out-conversations'] as string, conversations.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const customerTurns = conversations.flatMap((c) => c.turns).filter((t) => t.role === 'customer');
  const agentTurns = conversations.flatMap((c) => c.turns).filter((t) => t.role === 'agent');
  const attributes = library.intents.flatMap((intent) => intent.attributes);
  const types = [...new Set(attributes.map((a) => a.type))].map((type) => `${type} ${attributes.filter((a) => a.type === type).length}`).join(', ');
  const examples = library.intents.reduce((n, intent) => n + intent.examples.length, 0);
  return [
    `library: ${library.groups.length} services, ${library.intents.length} intents, ${examples} examples from ${libraryDialogues.length} dialogues, ${attributes.length} attributes (${types})`,
    `questions: ${stats.questionsFromDialogues} as the system asks them, ${stats.questionsFromDescriptions} written from the slot description`,
    `conversations: ${conversations.length}, ${customerTurns.length} user and ${agentTurns.length} system turns, ` +
      `${customerTurns.reduce((n, t) => n + Object.keys(t.values ?? {}).length, 0)} values stated, ` +
      `${agentTurns.reduce((n, t) => n + (t.asks ?? []).length, 0)} slots asked for, reference date ${referenceDate}`,
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(runSgdToEval(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof SgdInputError) && !(error instanceof LibraryValidationError)) throw error;
    console.error(`sgd-to-eval: ${error.message}`);
    process.exitCode = 1;
  }
}
