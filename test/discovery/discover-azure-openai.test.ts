import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import sinon from 'sinon';
import { registerDiscoverCommand } from '../../src/cli/discover.js';
import { mapConcurrently } from '../../src/discovery/azure-openai/concurrently.js';
import { clusterUtterances } from '../../src/discovery/cluster/index.js';
import { parseLibraryJson } from '../../src/library/io.js';
import type { IntentLibrary } from '../../src/library/schema.js';
import { Random } from '../../src/text/random.js';
import { LOCAL_OPENAI_KEY } from '../azure/azure-helpers.js';
import { startOpenAIPeer, userData, type ChatRequest, type OpenAIPeer } from '../azure/peers/openai-peer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'discover-azure-openai-'));
const EMAIL = 'jane.roe@example.org';
const PHONE = '+1 415-555-0134';

/** A slice of the sample transcripts, plus a request that carries an email and a phone number. */
const transcripts = readFileSync(new URL('../../samples/transcripts.jsonl', import.meta.url), 'utf8').split('\n').slice(0, 160);
const injected = {
  conversationId: 'conv-personal-1',
  turns: [
    { role: 'customer', text: `The blender lid cracked on day two, email me at ${EMAIL} or call ${PHONE}` },
    { role: 'agent', text: 'Sorry to hear that. What is your order number?' },
    { role: 'customer', text: `BL-4471220, and again my number is ${PHONE}` },
  ],
};
const input = path.join(dir, 'transcripts.jsonl');
writeFileSync(input, `${[...transcripts, JSON.stringify(injected)].join('\n')}\n`);
const personal = new Set([EMAIL, PHONE, '555-0134']);
for (const line of transcripts) {
  for (const m of line.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+|(?:\+\d{1,3}[ -]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}/g)) personal.add(m[0]);
}

interface Run {
  summary: string;
  stderr: string;
}

async function discover(args: string[]): Promise<Run> {
  const program = new Command().exitOverride();
  registerDiscoverCommand(program);
  const log = sinon.stub(console, 'log');
  const written: string[] = [];
  const stderr = sinon.stub(process.stderr, 'write').callsFake((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['node', 'intent-skill', 'discover', ...args]);
    return { summary: log.args.map((a) => a.join(' ')).join('\n'), stderr: written.join('') };
  } finally {
    log.restore();
    stderr.restore();
  }
}

/** The fake chat model: "Model intent N" for each intent, "Model group N" for the group; too short a name for `badIntent`. */
function namer(badIntent: { id?: string }): (chat: ChatRequest) => unknown {
  let intents = 0;
  let groups = 0;
  return (chat) => {
    const data = userData(chat) as { intents: Array<{ id: string }> };
    return {
      group: { name: `Model group ${(groups += 1)}`, description: 'Requests the model put together for review.' },
      intents: data.intents.map((intent) => ({
        id: intent.id,
        name: intent.id === badIntent.id ? 'X' : `Model intent ${(intents += 1)}`,
        description: 'One request the model described in a sentence.',
      })),
    };
  };
}

function sentToPeer(peer: OpenAIPeer): string {
  return JSON.stringify([...peer.embeddings.map((e) => e.body), ...peer.chats.map((c) => c.body)]);
}

describe('discover with Azure OpenAI: embeddings and model-written names', function () {
  this.timeout(60_000);
  let peer: OpenAIPeer;
  const saved: Record<string, string | undefined> = {};
  const out = path.join(dir, 'draft.json');
  const report = path.join(dir, 'report.html');
  const assignments = path.join(dir, 'assignments.jsonl');

  function setEnv(values: Record<string, string | undefined>): void {
    for (const [name, value] of Object.entries(values)) {
      if (!(name in saved)) saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }

  before(async () => {
    peer = await startOpenAIPeer();
    setEnv({
      AZURE_OPENAI_ENDPOINT: peer.endpoint,
      AZURE_OPENAI_API_KEY: LOCAL_OPENAI_KEY,
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat-4o',
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed-3',
      AZURE_OPENAI_EMBEDDING_DIMENSIONS: '48',
    });
  });
  function reset(): void {
    peer.faults.clear();
    peer.embeddings.length = 0;
    peer.chats.length = 0;
    rmSync(out, { force: true });
    peer.answer('intent_names', namer({}));
  }
  after(async () => {
    setEnv(Object.fromEntries(Object.keys(saved).map((name) => [name, saved[name]])));
    await peer.close();
  });

  describe('a run with --azure-openai', () => {
    let run: Run;
    let library: IntentLibrary;
    const bad: { id?: string } = {};

    before(async () => {
      reset();
      // The first intent offered gets a name too short to use: it keeps its local name.
      const names = namer(bad);
      peer.answer('intent_names', (chat) => {
        bad.id ??= (userData(chat) as { intents: Array<{ id: string }> }).intents[0]!.id;
        return names(chat);
      });
      run = await discover([input, '--out', out, '--report', report, '--assignments', assignments, '--azure-openai', '--run', 'azure-run']);
      library = parseLibraryJson(readFileSync(out, 'utf8'), out);
    });

    it('sends the peer masked request texts only: no email or phone number of the input', () => {
      assert.ok(peer.embeddings.length > 0 && peer.chats.length > 0);
      const sent = sentToPeer(peer);
      assert.ok(personal.size > 5, `${personal.size} personal values in the input`);
      for (const value of personal) assert.equal(sent.includes(value), false, `${value} reached the peer`);
      const inputs = peer.embeddings.flatMap((e) => e.body.input as string[]);
      assert.ok(
        inputs.some((text) => text.includes('blender lid cracked')),
        'the request with personal data was embedded, masked',
      );
    });

    it('embeds each distinct request text once, in bounded batches on the embedding deployment', () => {
      const inputs = peer.embeddings.flatMap((e) => e.body.input as string[]);
      assert.equal(new Set(inputs).size, inputs.length, 'a text embedded twice');
      for (const call of peer.embeddings) {
        assert.equal(call.deployment, 'embed-3');
        assert.ok((call.body.input as string[]).length <= 64);
        assert.equal(call.body.dimensions, 48);
      }
      assert.match(run.summary, new RegExp(`${inputs.length} distinct requests embedded`));
    });

    it('names intents and groups with the chat model, with ids slugged from the new names', () => {
      assert.ok(library.intents.length >= 3, `${library.intents.length} intents`);
      const fromModel = library.intents.filter((intent) => /^Model intent \d+$/.test(intent.name));
      assert.equal(fromModel.length, library.intents.length - 1);
      for (const intent of fromModel) {
        assert.equal(intent.id, intent.name.toLowerCase().replace(/ /g, '-'));
        assert.equal(intent.description, 'One request the model described in a sentence.');
      }
      for (const group of library.groups) {
        assert.match(group.name, /^Model group \d+$/);
        assert.equal(group.id, group.name.toLowerCase().replace(/ /g, '-'));
        assert.ok(library.intents.some((intent) => intent.groupId === group.id));
      }
      for (const chat of peer.chats) {
        assert.equal(chat.deployment, 'chat-4o');
        assert.equal(chat.body.response_format?.json_schema?.strict, true);
        const offered = (userData(chat) as { intents: Array<{ keyPhrases: string[]; exampleRequests: string[] }> }).intents;
        assert.ok(offered.length > 0 && offered.every((intent) => intent.exampleRequests.length > 0 && intent.exampleRequests.length <= 6));
      }
      assert.match(run.summary, new RegExp(`names from the model for ${fromModel.length} of ${library.intents.length} intents and ${library.groups.length} of ${library.groups.length} groups`));
    });

    it('keeps the local name of an intent whose model name fails the checks, and says so', () => {
      const kept = library.intents.filter((intent) => !/^Model intent/.test(intent.name));
      assert.equal(kept.length, 1);
      assert.notEqual(kept[0]!.name, 'X');
      assert.match(run.stderr, new RegExp(`warning: model name not used, local name kept for intent ${bad.id}: the name "X" is not 3-60 characters long`));
    });

    it('writes assignments and a report that use the new ids', () => {
      const ids = new Set(library.intents.map((intent) => intent.id));
      const rows = readFileSync(assignments, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { intentId: string | null });
      assert.ok(rows.filter((row) => row.intentId !== null).length > 100);
      for (const row of rows) if (row.intentId !== null) assert.ok(ids.has(row.intentId), row.intentId);
      const html = readFileSync(report, 'utf8');
      assert.ok(html.includes('Model intent 1'));
      for (const value of personal) assert.equal(html.includes(value), false, value);
    });
  });

  describe('when to call the model, and what happens when it fails', () => {
    beforeEach(reset);

    it('stays local without the flag, even when Azure OpenAI is configured', async () => {
      const run = await discover([input, '--out', out]);
      assert.equal(peer.faults.requests.length, 0);
      assert.doesNotMatch(run.summary, /model/);
      assert.ok(parseLibraryJson(readFileSync(out, 'utf8'), out).intents.every((intent) => !intent.name.startsWith('Model intent')));
    });

    it('retries a failed embeddings call once and goes on', async () => {
      peer.faults.inject({ kind: 'status', status: 500, retryAfterMs: 5 }, { match: (r) => r.path.endsWith('/embeddings') });
      const run = await discover([input, '--out', out, '--azure-openai']);
      assert.match(run.summary, /distinct requests embedded/);
      assert.ok(existsSync(out));
      assert.equal(peer.faults.requests.filter((r) => r.path.endsWith('/embeddings')).length, peer.embeddings.length + 1);
    });

    it('fails the run, naming the call and writing nothing, when embeddings keep failing', async () => {
      peer.faults.inject({ kind: 'status', status: 500, retryAfterMs: 5 }, { match: (r) => r.path.endsWith('/embeddings'), times: 100 });
      await assert.rejects(
        discover([input, '--out', out, '--azure-openai']),
        /^CliError: Azure OpenAI embeddings failed on deployment "embed-3" \(batch \d of 3, \d+ texts\): 500 injected 500\. Nothing was written; run again, or without --azure-openai to discover locally\.$/,
      );
      // Each batch tried twice (the client's retry), then no more.
      assert.ok(peer.faults.requests.length <= 6, `${peer.faults.requests.length} requests`);
      assert.equal(existsSync(out), false);
      assert.equal(peer.chats.length, 0);
    });

    it('fails the run when naming runs past --azure-openai-timeout', async () => {
      peer.faults.inject({ kind: 'delay', ms: 5000 }, { match: (r) => r.path.endsWith('/chat/completions'), times: 100 });
      await assert.rejects(
        discover([input, '--out', out, '--azure-openai', '--azure-openai-timeout', '400']),
        /Azure OpenAI naming failed on deployment "chat-4o" \(group "[^"]+"\): no answer within 400 ms\. Nothing was written/,
      );
      assert.equal(existsSync(out), false);
    });

    it('keeps every local name when the model answers with something unusable, and warns for each', async () => {
      peer.answer('intent_names', () => 'not json');
      const run = await discover([input, '--out', out, '--azure-openai']);
      const library = parseLibraryJson(readFileSync(out, 'utf8'), out);
      assert.ok(library.intents.every((intent) => !intent.name.startsWith('Model')));
      assert.match(run.summary, /names from the model for 0 of \d+ intents and 0 of \d+ groups/);
      assert.equal(run.stderr.match(/local name kept for (intent|group) [^:]+: the answer is not JSON/g)?.length, library.intents.length + library.groups.length);
    });

    it('names only, clustering on words, without an embedding deployment', async () => {
      setEnv({ AZURE_OPENAI_EMBEDDING_DEPLOYMENT: undefined });
      try {
        const run = await discover([input, '--out', out, '--azure-openai']);
        assert.equal(peer.embeddings.length, 0);
        assert.ok(peer.chats.length > 0);
        assert.match(run.stderr, /no AZURE_OPENAI_EMBEDDING_DEPLOYMENT, so clustering on words alone/);
        assert.doesNotMatch(run.summary, /embedded/);
      } finally {
        setEnv({ AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed-3' });
      }
    });

    it('says what to set when --azure-openai is given without Azure OpenAI configured', async () => {
      setEnv({ AZURE_OPENAI_ENDPOINT: undefined, AZURE_OPENAI_CHAT_DEPLOYMENT: undefined, AZURE_OPENAI_EMBEDDING_DEPLOYMENT: undefined });
      try {
        await assert.rejects(discover([input, '--out', out, '--azure-openai']), /--azure-openai needs AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_CHAT_DEPLOYMENT/);
        assert.equal(existsSync(out), false);
      } finally {
        setEnv({ AZURE_OPENAI_ENDPOINT: peer.endpoint, AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat-4o', AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed-3' });
      }
    });
    });
  });

  describe('clustering with embeddings', () => {
    // Words say nothing here: both intents draw their words from one pool. The embeddings tell them apart.
    const random = new Random(5);
    const verbs = ['check', 'change', 'send', 'update', 'see', 'fix'];
    const objects = ['account', 'order', 'card', 'address', 'plan', 'invoice'];
    const pick = (list: string[]) => random.pick(list);
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: `${i % 2 ? 'a' : 'b'}-${i}`, text: `please ${pick(verbs)} my ${pick(objects)} and ${pick(verbs)} the ${pick(objects)}` }));
    const embeddings = rows.map((row) => Array.from({ length: 16 }, (_, d) => (d === (row.id.startsWith('a') ? 0 : 1) ? 1 : 0) + 0.1 * random.float()));
    const purity = (result: ReturnType<typeof clusterUtterances>) =>
      result.clusters.reduce((sum, c) => sum + Math.max(c.members.filter((m) => m.startsWith('a')).length, c.members.filter((m) => m.startsWith('b')).length), 0) / rows.length;

    it('separates requests by their embeddings where their words do not', () => {
      const withEmbeddings = clusterUtterances(rows, { embeddings, k: 2 });
      const wordsOnly = clusterUtterances(rows, { k: 2 });
      assert.equal(purity(withEmbeddings), 1);
      assert.ok(purity(wordsOnly) < 0.9, `words alone gave purity ${purity(wordsOnly)}`);
    });

    it('is deterministic for a seed and still names clusters from their words', () => {
      const first = clusterUtterances(rows, { embeddings, seed: 3 });
      assert.deepEqual(clusterUtterances(rows, { embeddings, seed: 3 }), first);
      for (const cluster of first.clusters) assert.ok(cluster.keyphrases.every((phrase) => [...verbs, ...objects].some((word) => phrase.includes(word))));
    });

    it('clusters a request in words no other request uses by its embedding, instead of calling it unclear', () => {
    const odd = { id: 'a-odd', text: 'zorbly quanth' };
    const result = clusterUtterances([...rows, odd], { embeddings: [...embeddings, embeddings[1]!], k: 2 });
    const cluster = result.clusters.find((c) => c.members.includes(odd.id))!;
    assert.equal(cluster.unclear, false);
    assert.ok(cluster.members.filter((m) => m !== odd.id).every((m) => m.startsWith('a')));
    assert.equal(clusterUtterances([...rows, odd], { k: 2 }).clusters.find((c) => c.members.includes(odd.id))?.unclear, true);
  });

  it('rejects embeddings that do not match the utterances', () => {
      assert.throws(() => clusterUtterances(rows, { embeddings: embeddings.slice(1) }), /options\.embeddings has 39 vectors for 40 utterances/);
      assert.throws(() => clusterUtterances(rows, { embeddings: [[1], ...embeddings.slice(1)] }), /options\.embeddings\[1\] has 16 dimensions, expected 1/);
      assert.throws(() => clusterUtterances(rows.slice(0, 1), { embeddings: [[Number.NaN]] }), /options\.embeddings\[0\]\[0\] is not a finite number/);
  });
});

describe('calls to the model in flight', () => {
  it('keeps at most the limit in flight, returns results in order, and stops starting calls after a failure', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const work = async (n: number): Promise<number> => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 3) throw new Error('call 3 failed');
      return n * 10;
    };
    assert.deepEqual(await mapConcurrently([0, 1, 2, 4, 5, 6, 7, 8], 3, work), [0, 10, 20, 40, 50, 60, 70, 80]);
    assert.equal(most, 3);
    started.length = 0;
    await assert.rejects(mapConcurrently(Array.from({ length: 20 }, (_, i) => i), 2, work), /call 3 failed/);
    assert.ok(started.length < 20, `${started.length} calls started`);
  });
});
