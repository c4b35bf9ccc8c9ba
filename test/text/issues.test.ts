import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeFirstIssue, describeIssues, formatPath, problemsOf } from '../../src/text/issues.js';

const schema = z.object({
  text: z.string(),
  top: z.number().max(10, 'must be at most 10').optional(),
  turns: z.array(z.object({ role: z.enum(['customer', 'agent'], 'must be "customer" or "agent"') })).optional(),
});

function issuesOf(value: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(value, { reportInput: true });
  assert.equal(result.success, false);
  return result.error!.issues;
}

describe('zod issues, worded one way', () => {
  it('writes a path the way code reads it, under a root when given', () => {
    assert.equal(formatPath(['intents', 3, 'attributes', 1, 'type']), 'intents[3].attributes[1].type');
    assert.equal(formatPath([0, 'id'], 'utterances'), 'utterances[0].id');
    assert.equal(formatPath([]), '');
  });

  it('says a missing field is required, and keeps the schema message of a wrong one', () => {
    assert.deepEqual(problemsOf(issuesOf({ top: 11 }), 'body'), [
      { path: 'body.text', message: 'is required (string)' },
      { path: 'body.top', message: 'must be at most 10' },
    ]);
  });

  it('puts every problem on one line, naming the root of a value that is wrong as a whole', () => {
    assert.equal(describeIssues(issuesOf({ top: 11 })), 'text: is required (string); top: must be at most 10');
    assert.match(describeIssues(issuesOf('plain text')), /^\(root\): /);
  });

  it('words the first problem as a sentence with its path as the subject', () => {
    assert.equal(describeFirstIssue(issuesOf({ text: 'hi', turns: [{ role: 'bot' }] })), 'turns[0].role must be "customer" or "agent"');
    assert.match(describeFirstIssue(issuesOf(42), 'options'), /^options /);
    assert.equal(describeFirstIssue([]), '');
  });
});
