import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { buildCatalog } from '../../src/library/catalog.js';
import { diffLibraries } from '../../src/library/diff.js';
import { instructionsFor } from '../../src/library/instructions.js';
import { LibraryValidationError, parseLibrary } from '../../src/library/io.js';
import { resolveRoute } from '../../src/library/routing.js';
import type { IntentLibraryInput } from '../../src/library/schema.js';

/** Two lines of business, a parent group and its child, and intents with and without their own routing. */
function library(): IntentLibraryInput {
  return {
    schemaVersion: 1,
    id: 'routes',
    name: 'Routes',
    instructions: 'Greet the customer.',
    linesOfBusiness: [
      { id: 'retail', name: 'Retail orders', routing: { queue: 'retail', skills: ['orders'], priority: 5 } },
      { id: 'devices', name: 'Devices & tech support', routing: { queue: 'devices', priority: 6 } },
    ],
    groups: [
      { id: 'orders', name: 'Orders', lineOfBusinessId: 'retail', instructions: 'Check the order first.', routing: { queue: 'orders', skills: ['orders', 'carriers'] } },
      { id: 'express', name: 'Express orders', parentId: 'orders', instructions: 'Express orders ship the same day.', routing: { priority: 2 } },
      { id: 'repairs', name: 'Repairs', lineOfBusinessId: 'devices' },
      { id: 'misc', name: 'Other' },
    ],
    intents: [
      { id: 'order-status', groupId: 'orders', name: 'Track an order', instructions: 'Give the tracking link.' },
      { id: 'express-late', groupId: 'express', name: 'Late express order', routing: { skills: ['escalations'] } },
      { id: 'repair-status', groupId: 'repairs', name: 'Repair status', routing: { queue: 'repair-desk' } },
      { id: 'other', groupId: 'misc', name: 'Anything else' },
    ],
    updatedAt: '2026-11-01T00:00:00Z',
  };
}

function problemsOf(value: unknown): string[] {
  try {
    parseLibrary(value);
  } catch (error) {
    assert.ok(error instanceof LibraryValidationError, String(error));
    return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
  assert.fail('expected the library to be refused');
}

describe('routing and instructions in the library', () => {
  const catalog = buildCatalog(parseLibrary(library()));

  it('takes each routing field from the most specific level that sets it: intent, group, parent group, line of business', () => {
    assert.deepEqual(resolveRoute(catalog, 'order-status'), {
      intentId: 'order-status',
      intentName: 'Track an order',
      groupId: 'orders',
      groupName: 'Orders',
      lineOfBusinessId: 'retail',
      lineOfBusinessName: 'Retail orders',
      queue: 'orders',
      skills: ['orders', 'carriers'],
      priority: 5,
    });
    const late = resolveRoute(catalog, 'express-late');
    assert.equal(late?.lineOfBusinessId, 'retail', 'a child group takes its parent group’s line of business');
    assert.equal(late?.queue, 'orders', 'from the parent group');
    assert.deepEqual(late?.skills, ['escalations'], 'the intent’s own skills replace the inherited ones');
    assert.equal(late?.priority, 2, 'from the intent’s own group');
    const repair = resolveRoute(catalog, 'repair-status');
    assert.deepEqual([repair?.queue, repair?.skills, repair?.priority], ['repair-desk', [], 6]);
  });

  it('routes an intent outside any line of business with nothing but its intent and group', () => {
    assert.deepEqual(resolveRoute(catalog, 'other'), { intentId: 'other', intentName: 'Anything else', groupId: 'misc', groupName: 'Other', skills: [] });
    assert.equal(resolveRoute(catalog, 'no-such-intent'), null);
  });

  it('gives the instructions of every level, the most specific last', () => {
    assert.deepEqual(instructionsFor(catalog, 'express-late'), ['Greet the customer.', 'Check the order first.', 'Express orders ship the same day.']);
    assert.deepEqual(instructionsFor(catalog, 'order-status'), ['Greet the customer.', 'Check the order first.', 'Give the tracking link.']);
    assert.deepEqual(instructionsFor(catalog, 'other'), ['Greet the customer.']);
  });

  it('refuses a line of business or group that is not in the library, naming the exact path', () => {
    const value = library();
    value.groups![2]!.lineOfBusinessId = 'telecom';
    value.groups![3]!.parentId = 'support';
    value.intents[2]!.groupId = 'warranty';
    assert.deepEqual(problemsOf(value).sort(), [
      'groups[2].lineOfBusinessId: unknown line of business id "telecom" (known: retail, devices)',
      'groups[3].parentId: unknown group id "support"',
      'intents[2].groupId: unknown group id "warranty"',
    ]);
    const none = { ...library(), linesOfBusiness: undefined };
    assert.deepEqual(problemsOf(none), ['groups[0].lineOfBusinessId: unknown line of business id "retail" (the library has no linesOfBusiness)', 'groups[2].lineOfBusinessId: unknown line of business id "devices" (the library has no linesOfBusiness)']);
  });

  it('refuses routing it cannot pass on: a priority outside 1-10, a skill with a comma, a duplicate line of business, parent groups in a loop', () => {
    const value = library();
    value.intents[0]!.routing = { priority: 0, skills: ['orders,returns'] };
    value.linesOfBusiness!.push({ id: 'retail', name: 'Retail again' });
    value.groups![0]!.parentId = 'express';
    assert.deepEqual(problemsOf(value).sort(), [
      'groups[0].parentId: the parent groups of "orders" lead back to it',
      'groups[1].parentId: the parent groups of "express" lead back to it',
      'intents[0].routing.priority: Too small: expected number to be >=1',
      'intents[0].routing.skills[0]: must be 1-100 characters without commas',
      'linesOfBusiness[2].id: duplicate line of business id "retail" (first at linesOfBusiness[0])',
    ]);
  });

  it('says what a change of routing, line of business or instructions would publish', () => {
    const before = parseLibrary(library());
    const changed = library();
    changed.groups![0]!.routing = { queue: 'orders-2', skills: ['orders', 'carriers'] };
    changed.groups![2]!.lineOfBusinessId = 'retail';
    changed.intents[0]!.instructions = 'Give the tracking link and the carrier.';
    delete changed.intents[1]!.routing;
    assert.deepEqual(
      diffLibraries(before, parseLibrary(changed)).map((change) => [change.what, change.id, change.details]),
      [
        ['intent', 'order-status', ['instructions changed']],
        ['intent', 'express-late', ['routing skills escalations → none']],
        ['group', 'orders', ['routing queue "orders" → "orders-2"']],
        ['group', 'repairs', ['line of business "devices" → "retail"']],
      ],
    );
  });

  it('routes every intent of the demo library to a queue within a line of business', async () => {
    const demo = buildCatalog(parseLibrary(JSON.parse(await readFile(new URL('../../samples/library.json', import.meta.url), 'utf8'))));
    for (const intent of demo.library.intents) {
      const route = resolveRoute(demo, intent.id);
      assert.ok(route?.queue && route.lineOfBusinessId && route.skills.length > 0 && route.priority, `${intent.id}: ${JSON.stringify(route)}`);
    }
    assert.deepEqual(resolveRoute(demo, 'battery-problem')?.priority, 1, 'the demo overrides the priority of a swollen battery');
  });
});
