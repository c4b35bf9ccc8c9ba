import assert from 'node:assert/strict';
import { actionActivity, endOfConversation, postActivity, startService, type RunningService } from './helpers/service.js';

describe('the skill endpoint with bad input', () => {
  let service: RunningService;

  before(async () => {
    service = await startService();
  });

  after(async () => {
    await service.close();
  });

  it('answers invalid JSON with 400', async () => {
    const result = await postActivity(service.origin, '{"type": "event", ');
    assert.equal(result.status, 400);
  });

  it('refuses a 1 MB body with 413', async () => {
    const big = JSON.stringify(actionActivity('Assist', { text: 'x'.repeat(1024 * 1024) }));
    const result = await postActivity(service.origin, big);
    assert.equal(result.status, 413);
  });

  it('answers a body that is not an activity with 400 naming what is missing', async () => {
    const notObject = await postActivity(service.origin, [1, 2]);
    assert.equal(notObject.status, 400);
    const noConversation = await postActivity(service.origin, { type: 'event', name: 'DetectIntent', channelId: 'test', serviceUrl: 'http://127.0.0.1:9' });
    assert.equal(noConversation.status, 400);
    assert.match(JSON.stringify(noConversation.body), /activity\.conversation: is required/);
    const badServiceUrl = await postActivity(service.origin, { ...actionActivity('DetectIntent', { text: 'hi' }), serviceUrl: 'file:///etc/passwd' });
    assert.equal(badServiceUrl.status, 400);
    assert.match(JSON.stringify(badServiceUrl.body), /activity\.serviceUrl/);
  });

  it('ends an unknown action with a SkillError listing the actions there are', async () => {
    const eoc = endOfConversation(await postActivity(service.origin, actionActivity('DeleteEverything', {})));
    assert.equal(eoc.code, 'SkillError');
    assert.equal(eoc.value.errorCode, 'unknown-action');
    assert.match(String(eoc.text), /unknown action "DeleteEverything".*DetectIntent, GetNextQuestions, SearchSolutions, Assist, Handoff/);
  });

  it('names a missing input', async () => {
    const eoc = endOfConversation(await postActivity(service.origin, actionActivity('Assist', {})));
    assert.equal(eoc.code, 'SkillError');
    assert.equal(eoc.value.errorCode, 'invalid-input');
    assert.match(String(eoc.value.errorMessage), /^Assist: text: is required/);
  });

  it('names a wrong-typed input and an inputs value that is not an object', async () => {
    const wrongType = endOfConversation(await postActivity(service.origin, actionActivity('DetectIntent', { text: 42 })));
    assert.equal(wrongType.value.errorCode, 'invalid-input');
    assert.match(String(wrongType.value.errorMessage), /text: .*expected string, received number/);
    const notObject = endOfConversation(await postActivity(service.origin, actionActivity('DetectIntent', 'my tv is broken')));
    assert.match(String(notObject.value.errorMessage), /the inputs must be an object, got string/);
  });

  it('explains bad JSON inputs and unknown intents', async () => {
    const badJson = endOfConversation(
      await postActivity(service.origin, actionActivity('GetNextQuestions', { intentId: 'order-status', knownAttributesJson: '{orderNumber: 1' })),
    );
    assert.match(String(badJson.value.errorMessage), /knownAttributesJson: not valid JSON/);
    const unknownAttribute = endOfConversation(
      await postActivity(service.origin, actionActivity('GetNextQuestions', { intentId: 'order-status', knownAttributesJson: '{"shoeSize": 44}' })),
    );
    assert.match(String(unknownAttribute.value.errorMessage), /"shoeSize" is not an attribute of intent "order-status"/);
    const unknownIntent = endOfConversation(await postActivity(service.origin, actionActivity('SearchSolutions', { intentId: 'time-travel' })));
    assert.equal(unknownIntent.value.errorCode, 'unknown-intent');
    assert.match(String(unknownIntent.value.errorMessage), /intentId: "time-travel" is not an intent/);
  });

  it('treats null inputs as not given, as Copilot Studio sends blank optional inputs', async () => {
    const eoc = endOfConversation(await postActivity(service.origin, actionActivity('DetectIntent', { text: 'where is my order', conversationId: null })));
    assert.equal(eoc.code, 'completedSuccessfully');
  });

  it('still serves after all of the above', async () => {
    const health = await fetch(`${service.origin}/healthz`);
    assert.equal(health.status, 200);
  });
});
