import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLibraryJson } from '../../src/library/io.js';
import type { IntentLibrary } from '../../src/library/schema.js';
import { decideIntent } from '../../src/nlu/decision.js';
import { claimedBackground, libraryExamples, trainFromLibrary } from '../../src/nlu/library-training.js';

const library = parseLibraryJson(readFileSync(new URL('../fixtures/nlu/library.json', import.meta.url), 'utf8'), 'library.json');

describe('training from an intent library', () => {
  it("learns every live intent from its examples, name and description, by intent id", () => {
    const examples = libraryExamples(library);
    assert.deepEqual(
      examples.filter((e) => e.intent === 'cancel_order').map((e) => e.text),
      ['I want to cancel my order', 'Please stop the order before it ships', 'Cancel order', 'The customer wants to cancel an order'],
    );
    const classifier = trainFromLibrary(library, { wordVectors: null });
    assert.deepEqual([...classifier.intents].sort(), ['cancel_order', 'order_status', 'reset_password']);
    assert.equal(classifier.classify('where is my parcel').ranking[0]?.intent, 'order_status');
    assert.equal(classifier.classify('I need a new password').ranking[0]?.intent, 'reset_password');
  });

  it("learns requests made of an intent's own words while it has few examples beside intents with many", () => {
    const more = ['where is my parcel', 'has my order shipped', 'track my package', 'when will my order come'];
    const withAttributes = {
      ...library,
      intents: library.intents.map((intent) => {
        if (intent.id === 'order_status') return { ...intent, examples: [...intent.examples, ...more] };
        if (intent.id === 'cancel_order') {
          return { ...intent, attributes: [{ name: 'accountType', type: 'enum' as const, values: ['checking', 'savings'], question: 'Which account?', description: '', required: true, weight: 0.5 }] };
        }
        return intent;
      }),
    };
    const texts = (lib: IntentLibrary, id: string) => libraryExamples(lib).filter((e) => e.intent === id).map((e) => e.text);
    assert.deepEqual(texts(withAttributes, 'cancel_order').slice(4), [
      'I want to cancel order',
      'can you help me cancel order',
      'I need to cancel order',
      'Cancel order account type checking savings',
    ]);
    assert.deepEqual(texts(withAttributes, 'order_status').slice(-2), ['Order status', 'The customer asks where an order or delivery is'], 'an intent with enough examples learns only its own texts');
    assert.equal(texts(library, 'cancel_order').length, 4, 'where no intent has many examples there is nothing to balance');
    const twoIntents = { ...withAttributes, intents: withAttributes.intents.filter((intent) => intent.id !== 'reset_password') };
    assert.equal(texts(twoIntents, 'cancel_order').length, 4, 'nor in a library of two intents');
  });

  it('leaves discarded intents out', () => {
    assert.ok(!libraryExamples(library).some((e) => e.intent === 'close_account'));
  });

  it('learns draft intents only while nothing is approved, so a merged-in discovery run waits for review', () => {
    const statuses = (lib: typeof library) => new Set(libraryExamples(lib).map((e) => e.intent));
    const withDraft = { ...library, intents: library.intents.map((intent) => (intent.id === 'reset_password' ? { ...intent, status: 'draft' as const } : intent)) };
    assert.deepEqual([...statuses(withDraft)].sort(), ['cancel_order', 'order_status']);
    const allDraft = { ...library, intents: library.intents.map((intent) => (intent.status === 'discarded' ? intent : { ...intent, status: 'draft' as const })) };
    assert.deepEqual([...statuses(allDraft)].sort(), ['cancel_order', 'order_status', 'reset_password']);
  });

  it('words a request to look something up or book it as customers do, for an intent with few examples', () => {
    const withBare = travelWithBareIntents([
      ['find-restaurants', 'Find restaurants', 'Find restaurants by city and cuisine'],
      ['reserve-hotel', 'Reserve hotel', 'Reserve a room at a hotel for given dates'],
    ]);
    const texts = (id: string) => libraryExamples(withBare).filter((e) => e.intent === id).map((e) => e.text);
    assert.ok(texts('find-restaurants').includes("I'm looking for restaurants"), texts('find-restaurants').join(' | '));
    assert.ok(texts('reserve-hotel').includes("I'd like to book a hotel"), texts('reserve-hotel').join(' | '));
    const classifier = trainFromLibrary(withBare, { wordVectors: null });
    assert.equal(classifier.classify("I'm looking for a restaurant in Denver").ranking[0]?.intent, 'find-restaurants');
    assert.equal(classifier.classify('can you book a hotel for me').ranking[0]?.intent, 'reserve-hotel');
    assert.equal(classifier.classify('reserve a table for two at 7').ranking[0]?.intent, 'reserve-restaurant');
  });

  it('moves a request that says the one word naming an intent with few examples to that intent', () => {
    const withBare = travelWithBareIntents([
      ['transfer-money', 'Transfer money', 'Send money to another person'],
      ['check-balance', 'Check balance', 'Tell the balance of an account'],
    ]);
    const classifier = trainFromLibrary(withBare, { wordVectors: null });
    assert.equal(classifier.classify('Transfer one thousand three hundred dollars to Mom').ranking[0]?.intent, 'transfer-money');
    // Without the name, "what is my balance" is the retailer background's "what is my bank balance": out of scope.
    const decision = decideIntent(classifier.classify('what is my balance'));
    assert.equal(decision.kind === 'intent' ? decision.intent : decision.kind, 'check-balance');
  });

  it('refuses a library with nothing live to learn from', () => {
    const empty = { ...library, intents: library.intents.map((intent) => ({ ...intent, status: 'discarded' as const })) };
    assert.throws(() => trainFromLibrary(empty, { wordVectors: null }), /library "shop-demo" has no approved or draft intent to train on/);
  });
});

/** The travel library with intents added by a name and a description only: [id, name, description]. */
function travelWithBareIntents(bare: ReadonlyArray<readonly [string, string, string]>): IntentLibrary {
  const travel = travelLibrary();
  return { ...travel, intents: [...travel.intents, ...bare.map(([id, name, description]) => ({ ...travel.intents[0]!, id, name, description, examples: [] }))] };
}

/** A small travel company's library: its own requests are what a retailer's background calls other domains. */
function travelLibrary(): IntentLibrary {
  const intent = (id: string, name: string, description: string, examples: string[]) => ({
    ...library.intents[0]!,
    id,
    name,
    description,
    examples,
    groupId: library.intents[0]!.groupId,
    status: 'approved' as const,
    attributes: [],
  });
  return {
    ...library,
    id: 'travel-demo',
    intents: [
      intent('book-flight', 'Book flight', 'Book a flight to a destination', [
        'I need a flight to Denver on Monday',
        'can you find me flights from Boston to Miami',
        'I want to fly to Rome next week',
        'one way flight to Seattle please',
        'get me a plane ticket to Dallas',
      ]),
      intent('get-ride', 'Get ride', 'Call a taxi to a destination', [
        'I need a cab to the station',
        'get me a ride downtown',
        'can you send a car to pick me up',
        'I need a taxi for two people',
        'book a ride to the stadium',
      ]),
      intent('reserve-restaurant', 'Reserve restaurant', 'Make a table reservation at a restaurant', [
        'book a table at an Italian place tonight',
        'I want to reserve dinner for four at 7',
        'can you get us a table at Nopa tomorrow',
        'make a reservation for lunch on Friday',
        'reserve a spot for two at the sushi bar',
      ]),
    ],
  };
}

describe('background requests a library claims as its own', () => {
  it('keeps requests of other domains out of scope for a retailer, and in scope for a library whose intents they are', () => {
    const travel = travelLibrary();
    const claimed = claimedBackground(travel, libraryExamples(travel));
    assert.ok(claimed.includes('book me a flight to paris'), `claimed: ${claimed.join(' | ')}`);
    assert.ok(claimed.includes('call me a taxi'), `claimed: ${claimed.join(' | ')}`);
    assert.ok(!claimed.some((text) => /weather|pizza|homework|poem/.test(text)), `claimed: ${claimed.join(' | ')}`);
    assert.deepEqual(claimedBackground(library, libraryExamples(library)), []);
    // An intent added with a name and a description only claims the requests that name its topic.
    const withHotels = { ...travel, intents: [...travel.intents, { ...travel.intents[0]!, id: 'search-hotel', name: 'Search hotel', description: 'Find a hotel at a given location', examples: [] }] };
    const claimedWithHotels = claimedBackground(withHotels, libraryExamples(withHotels));
    assert.ok(claimedWithHotels.includes('i need a hotel room for two nights'), `claimed: ${claimedWithHotels.join(' | ')}`);
    assert.ok(!claimedWithHotels.some((text) => /weather|pizza|homework|poem|news/.test(text)), `claimed: ${claimedWithHotels.join(' | ')}`);
    const twoIntents = { ...travel, intents: travel.intents.slice(0, 2) };
    assert.deepEqual(claimedBackground(twoIntents, libraryExamples(twoIntents)), [], 'a model over two intents is sure of anything');

    const classifier = trainFromLibrary(travel);
    const decision = decideIntent(classifier.classify('please book me a flight to Paris'));
    assert.equal(decision.kind === 'intent' ? decision.intent : decision.kind, 'book-flight');
    assert.equal(decideIntent(classifier.classify("what's the weather like today")).kind, 'out-of-scope');
    const retail = trainFromLibrary(library);
    assert.equal(decideIntent(retail.classify('book me a flight to paris')).kind, 'out-of-scope');
  });
});
