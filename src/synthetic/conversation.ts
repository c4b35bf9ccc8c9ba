import type { Attribute, Intent } from '../library/schema.js';
import { chatStyle } from './noise.js';
import { questionPhrasings } from './questions.js';
import type { Random } from '../text/random.js';
import { ESCALATIONS, GENERIC_RESOLUTIONS, RESOLUTIONS } from './resolutions.js';
import * as script from './script.js';
import type { TranscriptRole } from './types.js';
import { intentUtterance, leadInto } from './utterances.js';
import { fakeValue, humanize, standsOut, type FakeValue } from './values.js';

export interface Line {
  role: TranscriptRole;
  text: string;
}

/** What a conversation is about and who answers the customer first. */
export interface ConversationPlan {
  /** The intents, in the order the customer raises them; empty for an off-topic conversation. */
  intents: readonly Intent[];
  /** `agent`: a representative from the start; `bot-handoff`: the bot collects the request and transfers;
   * `bot-only`: the bot asks the questions and answers, and transfers only if the customer is not satisfied. */
  channel: 'agent' | 'bot-handoff' | 'bot-only';
  agentName: string;
}

export interface ConversationSettings {
  brand: string;
  /** Group names by group id, in library order. */
  groupNames: ReadonlyMap<string, string>;
  /** What the bot says it can help with: "orders and delivery, returns and refunds and device support". */
  topics: string;
  /** Attributes of the whole library by name. */
  attributes: ReadonlyMap<string, Attribute>;
  /** Start of the conversation; relative dates ("last Tuesday") are relative to it. */
  now: Date;
  /** Share of customer turns with a typo. */
  typoRate: number;
}

const SMALL_TALK_CHANCE = 0.2;
const ESCALATION_CHANCE = 0.08;
const FRESH_REFERENCES: Record<string, (random: Random) => string> = {
  rma: (random) => `RMA-${random.digits(6)}`,
  invoice: (random) => `INV-${random.digits(8)}`,
};

class ConversationWriter {
  readonly lines: Line[] = [];
  readonly #known = new Map<string, FakeValue>();
  #smallTalkDone = false;

  constructor(
    private readonly random: Random,
    private readonly plan: ConversationPlan,
    private readonly settings: ConversationSettings,
  ) {}

  write(): Line[] {
    const [first, second] = this.plan.intents;
    if (!first) {
      this.offTopic();
      return this.lines;
    }
    let resolvedByBot = false;
    if (this.plan.channel === 'agent') this.openWithAgent(first);
    else resolvedByBot = this.openWithBot(first);
    if (!resolvedByBot) this.handleIntent(first, 'agent');
    if (second) {
      this.secondIntent(second, resolvedByBot);
      this.close();
    } else if (resolvedByBot) {
      this.say('bot', this.random.pick(script.BOT_GOODBYES));
    } else {
      this.close();
    }
    return this.lines;
  }

  private fill(template: string, intent?: Intent): string {
    return template
      .replaceAll('{brand}', this.settings.brand)
      .replaceAll('{agent}', this.plan.agentName)
      .replaceAll('{groups}', this.settings.topics)
      .replaceAll('{group}', intent ? this.groupOf(intent) : '')
      .replaceAll('{intent}', intent ? intent.name.toLowerCase() : '');
  }

  private groupOf(intent: Intent): string {
    return (this.settings.groupNames.get(intent.groupId) ?? intent.groupId).toLowerCase();
  }

  private say(role: TranscriptRole, text: string, intent?: Intent): void {
    const filled = this.fill(text, intent).trim();
    this.lines.push({ role, text: role === 'customer' ? chatStyle(this.random, filled, this.settings.typoRate) : filled });
  }

  /** The customer's statement of `intent`; the values it mentions become known. */
  private statement(intent: Intent): string {
    const context = { now: this.settings.now, known: this.knownValues(), attributes: this.settings.attributes };
    const firstMessage = !this.lines.some((line) => line.role === 'customer');
    const utterance = intentUtterance(this.random, intent, context, firstMessage);
    for (const [name, value] of utterance.known) this.#known.set(name, value);
    return utterance.text;
  }

  private knownValues(): Map<string, string> {
    return new Map([...this.#known].map(([name, value]) => [name, value.value]));
  }

  private openWithAgent(intent: Intent): void {
    const agentGreets = this.random.chance(0.6);
    if (agentGreets) this.say('agent', this.random.pick(script.AGENT_GREETINGS));
    const opening = this.random.float();
    if (opening < 0.15 && !agentGreets) {
      this.say('customer', this.random.pick(script.CUSTOMER_HELLOS));
      this.say('agent', this.random.pick(script.AGENT_REPLIES_TO_HELLO));
    } else if (opening >= 0.8) {
      this.say('customer', this.random.pick(script.CUSTOMER_VAGUE), intent);
      this.say('agent', this.random.pick(script.AGENT_REPLIES_TO_VAGUE));
    }
    this.say('customer', this.statement(intent));
  }

  /** Returns whether the bot resolved the intent without an agent. */
  private openWithBot(intent: Intent): boolean {
    this.say('bot', this.random.pick(script.BOT_GREETINGS));
    if (this.random.chance(0.12)) {
      this.say('customer', this.random.pick(script.CUSTOMER_WANTS_AGENT));
      this.say('bot', this.random.pick(script.BOT_ASK_TOPIC));
    }
    this.say('customer', this.statement(intent));
    if (this.plan.channel === 'bot-only') {
      if (this.random.chance(0.5)) this.say('bot', this.random.pick(script.BOT_UNDERSTOOD), intent);
      this.askAttributes(intent, 'bot');
      this.say('bot', this.random.pick(script.BOT_RESOLUTION_INTROS) + this.resolution(intent));
      this.say('bot', this.random.pick(script.BOT_CHECK));
      if (this.random.chance(0.7)) {
        this.say('customer', this.random.pick(script.CUSTOMER_REACTIONS));
        return true;
      }
      this.say('customer', this.random.pick(script.CUSTOMER_UNHAPPY));
    }
    this.handOff();
    return false;
  }

  private handOff(): void {
    this.say('bot', this.random.pick(script.BOT_HANDOFFS));
    this.say('agent', this.random.pick(script.AGENT_HANDOFF_GREETINGS));
  }

  private secondIntent(intent: Intent, botResolvedFirst: boolean): void {
    const agentAsks = !botResolvedFirst && this.random.chance(0.5);
    if (agentAsks) this.say('agent', this.random.pick(script.ANYTHING_ELSE));
    const lead = this.random.pick(agentAsks ? script.SECOND_INTENT_WHEN_ASKED : script.SECOND_INTENT_LEADS);
    this.say('customer', leadInto(lead, this.statement(intent)));
    if (botResolvedFirst) this.handOff();
    this.handleIntent(intent, 'agent');
  }

  private handleIntent(intent: Intent, asker: 'agent' | 'bot'): void {
    this.askAttributes(intent, asker);
    this.maybeSmallTalk();
    if (this.random.chance(0.4)) this.say('agent', this.random.pick(script.AGENT_FILLERS));
    const escalate = this.random.chance(ESCALATION_CHANCE);
    this.say('agent', escalate ? this.random.pick(ESCALATIONS) : this.resolution(intent));
    if (this.random.chance(0.85)) this.say('customer', this.random.pick(script.CUSTOMER_REACTIONS));
  }

  /** Attributes in the order agents tend to ask: required ones first, then by weight, with some shuffling. */
  private askingOrder(intent: Intent): Attribute[] {
    const order = [...intent.attributes].sort((a, b) => Number(b.required) - Number(a.required) || b.weight - a.weight);
    if (order.length > 1 && this.random.chance(0.3)) {
      const i = this.random.int(0, order.length - 2);
      [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
    }
    return order;
  }

  private askAttributes(intent: Intent, asker: 'agent' | 'bot'): void {
    let asked = 0;
    for (const attribute of this.askingOrder(intent)) {
      if (this.#known.has(attribute.name) || !this.random.chance(attribute.weight)) continue;
      const lead = this.random.pick(asked === 0 ? script.EMPATHY : script.ACKNOWLEDGEMENTS);
      const question = asker === 'bot' ? attribute.question : this.random.pick(questionPhrasings(attribute));
      this.lines.push({ role: asker, text: lead + question });
      this.answer(intent, attribute, asker);
      asked++;
      if (asker === 'agent' && this.random.chance(0.3)) this.maybeSmallTalk();
    }
  }

  private answer(intent: Intent, attribute: Attribute, asker: 'agent' | 'bot'): void {
    const roll = this.random.float();
    const lookedUp = ['identifier', 'date', 'email', 'phone', 'number'].includes(attribute.type);
    if (asker === 'agent' && lookedUp && roll < 0.07) {
      this.say('customer', this.random.pick(script.CUSTOMER_DONT_KNOW));
      this.say('agent', this.random.pick(script.AGENT_AFTER_DONT_KNOW));
      return;
    }
    const value = fakeValue(this.random, attribute, { now: this.settings.now, known: this.knownValues() });
    this.#known.set(attribute.name, value);
    if (lookedUp && roll < 0.15) this.say('customer', this.random.pick(script.CUSTOMER_HOLD_ON));
    let text = value.answer;
    const extra = intent.attributes.find((a) => !this.#known.has(a.name) && standsOut(a));
    if (extra && this.random.chance(0.1)) {
      const extraValue = fakeValue(this.random, extra, { now: this.settings.now, known: this.knownValues() });
      this.#known.set(extra.name, extraValue);
      text = `${text}, and my ${humanize(extra.name)} is ${extraValue.mention}`;
    }
    this.say('customer', text);
  }

  private maybeSmallTalk(): void {
    if (this.#smallTalkDone || !this.random.chance(SMALL_TALK_CHANCE)) return;
    this.#smallTalkDone = true;
    const [starter, first, reply] = this.random.pick(script.SMALL_TALK);
    this.say(starter, first);
    this.say(starter === 'customer' ? 'agent' : 'customer', reply);
  }

  private resolution(intent: Intent): string {
    const lines = RESOLUTIONS[intent.id] ?? GENERIC_RESOLUTIONS;
    const usable = lines.filter((line) =>
      [...line.matchAll(/\{(\w+)\}/gu)].every(([, name]) => name !== undefined && (this.#known.has(name) || name in FRESH_REFERENCES)),
    );
    const line = this.random.pick(usable.length > 0 ? usable : GENERIC_RESOLUTIONS);
    return line.replace(/\{(\w+)\}/gu, (_, name: string) => this.#known.get(name)?.mention ?? FRESH_REFERENCES[name]?.(this.random) ?? name);
  }

  private close(): void {
    if (this.random.chance(0.15)) return;
    const customerSpokeLast = this.lines.at(-1)?.role === 'customer';
    if (customerSpokeLast && this.random.chance(0.7)) {
      this.say('agent', this.random.pick(script.ANYTHING_ELSE));
      this.say('customer', this.random.pick(script.CUSTOMER_NOTHING_ELSE));
    }
    const thanked = this.lines.at(-1)?.role === 'customer';
    this.say('agent', this.random.pick(thanked && this.random.chance(0.6) ? script.AGENT_GOODBYES_TO_THANKS : script.AGENT_GOODBYES));
    if (this.random.chance(0.3)) this.say('customer', this.random.pick(script.CUSTOMER_GOODBYES));
  }

  private offTopic(): void {
    const [request, answer] = this.random.pick(script.OFF_TOPIC);
    if (this.plan.channel !== 'agent') {
      this.say('bot', this.random.pick(script.BOT_GREETINGS));
      this.say('customer', request);
      this.say('bot', this.random.pick(script.BOT_NOT_UNDERSTOOD));
      if (this.random.chance(0.5)) {
        this.say('customer', this.random.pick(script.CUSTOMER_GIVES_UP));
        return;
      }
      this.say('customer', this.random.pick(script.CUSTOMER_WANTS_AGENT));
      this.handOff();
      this.say('customer', request);
    } else {
      if (this.random.chance(0.6)) this.say('agent', this.random.pick(script.AGENT_GREETINGS));
      else if (this.random.chance(0.4)) {
        this.say('customer', this.random.pick(script.CUSTOMER_HELLOS));
        this.say('agent', this.random.pick(script.AGENT_REPLIES_TO_HELLO));
      }
      this.say('customer', request);
    }
    this.say('agent', answer);
    this.say('customer', this.random.pick(script.OFF_TOPIC_FOLLOW_UPS));
    if (this.random.chance(0.25)) {
      const [another, anotherAnswer] = this.random.pick(script.OFF_TOPIC);
      if (another !== request && another.includes(' ')) {
        this.say('customer', leadInto(this.random.pick(['Also, ', 'And ', 'One more: ']), another));
        this.say('agent', anotherAnswer);
      }
    }
    this.close();
  }
}

/** The lines of one conversation following `plan`, before timestamps are added. */
export function writeConversation(random: Random, plan: ConversationPlan, settings: ConversationSettings): Line[] {
  return new ConversationWriter(random, plan, settings).write();
}
