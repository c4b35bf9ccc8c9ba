import assert from 'node:assert/strict';
import { Activity } from '@microsoft/agents-activity';
import { checkInboundActivity } from '../../src/bot/inbound-activity.js';

describe('the inbound activity check', () => {
  const fields = { type: 'event', name: 'DetectIntent', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c1' } };

  it('takes the channel an Agents SDK Activity serializes as _channelId', () => {
    const wire = JSON.parse(JSON.stringify(Activity.fromObject({ ...fields, channelId: 'msteams' }))) as Record<string, unknown>;
    assert.equal(wire._channelId, 'msteams', 'the SDK still sends _channelId (if this fails, the compatibility may go)');
    const check = checkInboundActivity(wire);
    assert.ok(check.ok);
    assert.equal(check.activity.channelId, 'msteams');
    assert.ok(!('_channelId' in check.activity));
  });

  it('keeps channelId when both are sent, and still names a missing channel', () => {
    const both = checkInboundActivity({ ...fields, channelId: 'test', _channelId: 'other' });
    assert.ok(both.ok);
    assert.equal(both.activity.channelId, 'test');
    const neither = checkInboundActivity(fields);
    assert.deepEqual(neither, { ok: false, message: 'activity.channelId: is required (string)' });
  });
});
