import assert from 'node:assert/strict';
import { pino } from 'pino';
import { skillActions } from '../../src/actions/index.js';
import { runAction } from '../../src/actions/run.js';
import { openApp, type App } from '../../src/app/app.js';
import { azureConfig, LOCAL_OPENAI_KEY } from './azure-helpers.js';
import { startOpenAIPeer, NO_ACTS, userData, type OpenAIPeer } from './peers/openai-peer.js';

const logger = pino({ level: 'silent' });
const TEXT = 'the thing I bought is not working right';

describe('one intent ranker for every edge, Azure OpenAI when configured', function () {
  this.timeout(60_000);
  let openai: OpenAIPeer;
  let app: App;

  before(async () => {
    openai = await startOpenAIPeer();
    // A model that disagrees with the local classifier: it always picks the last candidate it is offered.
    openai.answer('intent_ranking', (chat) => {
      const candidates = userData(chat).candidates as Array<{ id: string }>;
      return { ranking: [{ intent: candidates.at(-1)!.id, confidence: 0.9 }], acts: NO_ACTS };
    });
    openai.answer('attribute_values', (chat) => ({
      values: Object.fromEntries((userData(chat).attributes as Array<{ name: string }>).map((attribute) => [attribute.name, null])),
    }));
    const config = azureConfig({
      SQLITE_PATH: ':memory:',
      AZURE_OPENAI_ENDPOINT: openai.endpoint,
      AZURE_OPENAI_API_KEY: LOCAL_OPENAI_KEY,
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
      AZURE_OPENAI_TIMEOUT_MS: '2000',
    });
    app = await openApp(config, logger);
  });

  after(async () => {
    await app.close();
    await openai.close();
  });

  /** The intent the model was told to pick for the latest ranking it was asked. */
  function modelPick(): string {
    const rankings = openai.chats.filter((chat) => chat.body.response_format?.json_schema?.name === 'intent_ranking');
    const candidates = userData(rankings.at(-1)!).candidates as Array<{ id: string }>;
    return candidates.at(-1)!.id;
  }

  it('DetectIntent, the Assist step and reject-intent all rank with the model, so the same words get the same intent', async () => {
    const local = app.live().classifier.classify(TEXT).ranking[0]?.intent;
    const detected = await runAction(skillActions, { name: 'DetectIntent', value: { text: TEXT }, conversationId: 'ranker-1', channel: 'test' }, app, logger);
    assert.ok(detected.ok, JSON.stringify(detected));
    const picked = modelPick();
    assert.notEqual(picked, local, 'the model and the local classifier disagree on these words');
    assert.equal(detected.output.intentId, picked);

    const turned = await runAction(skillActions, { name: 'Assist', value: { text: TEXT }, conversationId: 'ranker-1', channel: 'test' }, app, logger);
    assert.ok(turned.ok, JSON.stringify(turned));
    assert.equal(turned.output.intentId, detected.output.intentId);

    const asked = openai.chats.length;
    const view = await app.assist.rejectIntent('ranker-1', picked);
    assert.ok(openai.chats.length > asked, 'the rejection asked the model again');
    const offered = userData(openai.chats.filter((chat) => chat.body.response_format?.json_schema?.name === 'intent_ranking').at(-1)!).candidates as Array<{ id: string }>;
    assert.ok(!offered.some((candidate) => candidate.id === picked), 'without offering it the intent the representative rejected');
    assert.notEqual(view.intent?.id, picked);
    assert.equal(view.intent?.id, modelPick(), "the next intent is the model's choice among the rest");
  });
});
