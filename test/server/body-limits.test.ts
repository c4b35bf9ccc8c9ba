import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../src/config.js';
import { BODY_LIMITS, describeLimit } from '../../src/server/body-limits.js';

/** How the docs state a limit: "256 KiB (262,144 bytes)". */
function stated(bytes: number): string {
  return `${describeLimit(bytes)} (${bytes.toLocaleString('en-US')} bytes)`;
}

describe('the body limits are documented where each surface is', () => {
  const doc = (name: string) => readFile(path.join(packageRoot, 'docs', name), 'utf8');

  it('docs/skill.md states the limits of /api/messages and of the local Direct Line endpoint', async () => {
    const skill = await doc('skill.md');
    assert.ok(skill.includes(`**Body limit:** \`/api/messages\` takes at most ${stated(BODY_LIMITS.botMessages)}`), 'the /api/messages limit');
    assert.ok(skill.includes(`**Body limit:** the local Direct Line endpoint (\`/v3/directline/...\`) takes at most ${stated(BODY_LIMITS.directLine)}`), 'the Direct Line limit');
  });

  it('docs/assist.md states the limit of the assist API', async () => {
    assert.ok((await doc('assist.md')).includes(`**Body limit:** every \`POST\` takes at most ${stated(BODY_LIMITS.assistApi)}`));
  });

  it('docs/mcp.md states the limit of /mcp', async () => {
    assert.ok((await doc('mcp.md')).includes(`**Body limit:** \`/mcp\` takes at most ${stated(BODY_LIMITS.mcp)}`));
  });
});
