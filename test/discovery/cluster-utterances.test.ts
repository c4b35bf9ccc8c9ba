import assert from 'node:assert/strict';
import { clusterUtterances, type Utterance } from '../../src/discovery/cluster/index.js';

const INTENTS: Record<string, string[]> = {
  cancel: [
    'I want to cancel my subscription',
    'Please cancel my subscription today',
    'How do I cancel the subscription?',
    "I'd like to cancel my monthly subscription",
    'Can you cancel my subscription please',
    'I need to cancel the subscription I signed up for',
    'Cancel my subscription, I am moving abroad',
    'I would like to cancel my premium subscription',
    'Hi, I want to cancel the subscription on my account',
    'Yes, I called to cancel my subscription',
    'Can I cancel my subscription online?',
    'I wish to cancel my subscription effective now',
  ],
  password: [
    'I forgot my password and need to reset it',
    'I need to reset my password',
    'Can you reset my password please',
    "I can't log in, I need a new password",
    'Help me reset the password on my account',
    'My password stopped working, I want to reset it',
    'I would like to reset my password',
    'How do I reset my password?',
    'Please reset the password for the app',
    'Reset my password please, I am locked out',
    'I need to reset my password, I forgot it',
    'Hi, my password does not work and I need to reset my password',
  ],
  bill: [
    'I want to pay my bill',
    'Can I pay my bill by card?',
    "I'd like to pay the bill for this month",
    'I need to pay my electricity bill',
    'How can I pay my bill online?',
    'Please help me pay my bill',
    'I would like to pay my bill now',
    'Yes, I called to pay my bill',
    'Can you take a payment for my bill',
    'I want to pay the outstanding bill',
    'I need to pay my last bill',
    'Hi, I am calling to pay my phone bill',
  ],
};

const corpus: Utterance[] = Object.entries(INTENTS).flatMap(([intent, texts]) =>
  texts.map((text, i) => ({ id: `${intent}-${i}`, text })),
);
const intentOf = (id: string): string => id.split('-')[0]!;

describe('clustering utterances into intents', () => {
  it('separates an obviously three-intent set into three clean clusters', () => {
    const result = clusterUtterances(corpus);
    assert.equal(result.clusters.length, 3);
    for (const cluster of result.clusters) {
      const intents = new Set(cluster.members.map(intentOf));
      assert.equal(intents.size, 1, `${cluster.label} mixes ${[...intents].join(', ')}`);
      assert.equal(cluster.members.length, 12);
    }
    assert.equal(result.assignments.size, corpus.length);
  });

  it('names clusters the way a person would, from the verb and its object', () => {
    const labels = clusterUtterances(corpus).clusters.map((c) => c.label).sort();
    assert.deepEqual(labels, ['Cancel subscription', 'Pay bill', 'Reset password']);
  });

  it('gives keyphrases and typical utterances drawn from the cluster', () => {
    for (const cluster of clusterUtterances(corpus).clusters) {
      assert.ok(cluster.keyphrases.length > 0);
      assert.ok(cluster.representative.length > 0 && cluster.representative.length <= 3);
      const members = new Set(cluster.members.map((id) => corpus.find((u) => u.id === id)!.text));
      for (const text of cluster.representative) assert.ok(members.has(text), `${text} is not a member`);
    }
  });

  it('returns the same clusters for the same seed', () => {
    const first = clusterUtterances(corpus, { seed: 7 });
    const second = clusterUtterances(corpus, { seed: 7 });
    assert.deepEqual([...first.assignments], [...second.assignments]);
    assert.deepEqual(first.clusters, second.clusters);
  });

  it('honours an exact k', () => {
    assert.equal(clusterUtterances(corpus, { k: 2 }).clusters.length, 2);
  });

  it('chooses a number of clusters within range as granularity changes', () => {
    const coarse = clusterUtterances(corpus, { granularity: 0.3 }).clusters.length;
    const fine = clusterUtterances(corpus, { granularity: 3 }).clusters.length;
    assert.ok(coarse >= 1 && coarse <= 3, `coarse gave ${coarse}`);
    assert.ok(fine >= 3 && fine <= corpus.length / 2, `fine gave ${fine}`);
  });

  it('groups clusters into families and lists every cluster in exactly one group', () => {
    const result = clusterUtterances(corpus);
    const listed = result.groups.flatMap((g) => g.clusters).sort();
    assert.deepEqual(listed, result.clusters.map((c) => c.id).sort());
    for (const cluster of result.clusters) {
      assert.ok(result.groups.find((g) => g.id === cluster.groupId)?.clusters.includes(cluster.id));
    }
  });

  it('returns nothing for no utterances', () => {
    const result = clusterUtterances([]);
    assert.deepEqual(result.clusters, []);
    assert.equal(result.assignments.size, 0);
    assert.deepEqual(result.groups, []);
  });

  it('puts a single utterance in a cluster of its own', () => {
    const result = clusterUtterances([{ id: 'only', text: 'I want to cancel my subscription' }]);
    assert.equal(result.clusters.length, 1);
    assert.deepEqual(result.clusters[0]!.members, ['only']);
    assert.equal(result.assignments.get('only'), result.clusters[0]!.id);
  });

  it('keeps identical texts together and shows each text once', () => {
    const copies = Array.from({ length: 6 }, (_, i) => ({ id: `copy-${i}`, text: 'I need to reset my password' }));
    const result = clusterUtterances([...copies, ...corpus.slice(0, 12)]);
    const cluster = result.clusters.find((c) => c.members.includes('copy-0'))!;
    for (const copy of copies) assert.equal(result.assignments.get(copy.id), cluster.id);
    assert.equal(new Set(cluster.representative).size, cluster.representative.length);
  });

  it('sets small talk with nothing to cluster on apart as unclear', () => {
    const result = clusterUtterances([...corpus, { id: 'chat-1', text: 'Okay.' }, { id: 'chat-2', text: 'Sure!' }]);
    const unclear = result.clusters.find((c) => c.unclear);
    assert.deepEqual(unclear?.members, ['chat-1', 'chat-2']);
    assert.equal(result.clusters.filter((c) => !c.unclear).length, 3);
  });

  it('rejects bad input with a message naming what is wrong', () => {
    assert.throws(() => clusterUtterances([{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }]), /utterances\[1\]\.id duplicate id "a"/);
    assert.throws(() => clusterUtterances([{ id: '', text: 'x' }]), /utterances\[0\]\.id must not be empty/);
    assert.throws(() => clusterUtterances('text' as unknown as Utterance[]), /utterances must be an array/);
    assert.throws(() => clusterUtterances(corpus, { k: 0 }), /options\.k must be positive/);
    assert.throws(() => clusterUtterances(corpus, { granularity: -1 }), /options\.granularity must be positive/);
  });
});

describe('discover: clustering with what the agent asked', () => {
  // Requests worded alike ("a hotel in ...") that agents handle in two ways: searches get asked where, bookings when and how long.
  const cities = ['Paris', 'Rome', 'Berlin', 'Madrid', 'Vienna', 'Prague', 'Lisbon', 'Dublin', 'Oslo', 'Athens', 'Warsaw', 'Zurich'];
  const search = cities.map((city, i) => ({ id: `s${i}`, text: `I need a hotel ${i % 2 ? 'in' : 'near'} ${city}` }));
  const book = cities.map((city, i) => ({ id: `b${i}`, text: `I need a hotel ${i % 2 ? 'near' : 'in'} ${city}` }));
  const utterances = [...search, ...book];
  const context = [...search.map(() => ['asked:area', 'asked:star']), ...book.map(() => ['asked:checkin', 'asked:night', 'asked:guest'])];
  const together = (result: ReturnType<typeof clusterUtterances>, a: string, b: string) => result.assignments.get(a) === result.assignments.get(b);

  it('tells apart requests worded alike but handled differently, and leaves clustering as it was without context', () => {
    const withContext = clusterUtterances(utterances, { seed: 1, k: 2, context });
    assert.ok(search.every((u) => together(withContext, u.id, 's0')) && book.every((u) => together(withContext, u.id, 'b0')) && !together(withContext, 's0', 'b0'));
    const words = clusterUtterances(utterances, { seed: 1, k: 2 });
    assert.ok(!search.every((u) => together(words, u.id, 's0')) || together(words, 's0', 'b0'), 'the words alone cannot tell them apart');
    assert.deepEqual(clusterUtterances(utterances, { seed: 1, k: 2, context: utterances.map(() => []) }).assignments, words.assignments);
  });

  it('refuses context that does not line up with the utterances', () => {
    assert.throws(() => clusterUtterances(utterances, { context: [['asked:area']] }), /options\.context has 1 entries for 24 utterances/);
  });
});

describe('discover: clustering with what the agent told the customer', () => {
  // Three wordings with no word in common; agents answer the first two alike (where the parcel is), the third otherwise.
  const variants = (texts: string[], prefix: string) => texts.map((text, i) => ({ id: `${prefix}${i}`, text }));
  const where = variants(['where is my package', 'where is the package now', 'where could my package be', 'package where is it', 'where is that package', 'wheres my package', 'where did my package go', 'where is my package today', 'so where is my package', 'where is our package'], 'w');
  const shipped = variants(['has it shipped yet', 'has it shipped', 'did it ship yet', 'shipped yet?', 'has it been shipped', 'is it shipped yet', 'has it shipped already', 'did it ship already', 'shipped already?', 'was it shipped yet'], 's');
  const cancel = variants(['cancel my purchase', 'cancel the purchase', 'please cancel my purchase', 'cancel this purchase', 'cancel purchase now', 'cancel my purchase today', 'i must cancel my purchase', 'cancel that purchase', 'cancel our purchase', 'cancel my last purchase'], 'c');
  const utterances = [...where, ...shipped, ...cancel];
  const context = [...[...where, ...shipped].map(() => ['said:carrier', 'said:deliveri', 'said:track', 'said:link']), ...cancel.map(() => ['said:cancel', 'said:refund', 'said:payment'])];
  const trackingPartition = (result: ReturnType<typeof clusterUtterances>) => {
    const of = (id: string) => result.assignments.get(id);
    return [...where, ...shipped].every((u) => of(u.id) === of('w0')) && cancel.every((u) => of(u.id) === of('c0')) && of('c0') !== of('w0');
  };

  it('brings together requests worded apart that the agent resolved alike', () => {
    // The same seeds, with the words alone, each put "has it shipped" with "cancel my purchase" or "where is my package" with it.
    for (const seed of [1, 2, 4]) {
      assert.ok(trackingPartition(clusterUtterances(utterances, { seed, k: 2, context })), `seed ${seed}, with what the agent told`);
      assert.ok(!trackingPartition(clusterUtterances(utterances, { seed, k: 2 })), `seed ${seed}, words alone`);
    }
  });
});
