import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/knowledge/article.js';
import { createArticleSolutionSearch, createLocalSolutionSearch } from '../../src/knowledge/local-search.js';

const articles: Article[] = [
  {
    id: 'tv-errors',
    title: 'TV error codes',
    tags: ['device-error-code', 'tv'],
    url: 'https://support.example.test/articles/tv-errors',
    body: [
      'Your TV shows an error code when something goes wrong.',
      '## Code table',
      '| Code | Meaning |\n| --- | --- |\n| E10 | The HDMI source is not recognized. |\n| E42 | Power supply or backlight fault: unplug for 60 seconds. |',
      '## Before you call',
      'Write down the code and the serial number from the label on the back. '.repeat(12),
    ].join('\n\n'),
  },
  {
    id: 'refunds',
    title: 'When will I get my refund?',
    tags: ['refund-status', 'returns'],
    body: 'Refunds go back to your card within 3 to 5 business days after we receive the returned item.',
  },
  {
    id: 'return-policy',
    title: 'Return policy',
    tags: ['start-return', 'returns'],
    body: 'You can return most items within 30 days of delivery. Refunds are issued after inspection.',
  },
  {
    id: 'battery',
    title: 'Battery drains quickly',
    tags: ['battery-problem'],
    body: 'Lower the screen brightness and check battery health in settings.',
  },
];

describe('searching the knowledge base', () => {
  const search = createArticleSolutionSearch(articles);

  it('puts the article that answers an obvious question first, with its title, url, tags and a snippet', async () => {
    const [first] = await search.search({ text: 'my tv shows error E42' });

    assert.equal(first?.id, 'tv-errors');
    assert.equal(first?.title, 'TV error codes');
    assert.equal(first?.url, 'https://support.example.test/articles/tv-errors');
    assert.deepEqual(first?.tags, ['device-error-code', 'tv']);
    assert.match(first?.snippet ?? '', /E42 - Power supply or backlight fault/);
    assert.ok((first?.score ?? 0) > 0);
  });

  it('returns each article once, ordered by score, at most `top` of them', async () => {
    const all = await search.search({ text: 'refund return items card', top: 10 });
    const two = await search.search({ text: 'refund return items card', top: 2 });

    assert.equal(new Set(all.map((solution) => solution.id)).size, all.length);
    assert.deepEqual(all.map((s) => s.score), [...all.map((s) => s.score)].sort((a, b) => b - a));
    assert.deepEqual(two.map((s) => s.id), all.slice(0, 2).map((s) => s.id));
  });

  it('ranks articles tagged with the intent higher without hiding the others', async () => {
    const plain = await search.search({ text: 'refunds after return', top: 10 });
    const boosted = await search.search({ text: 'refunds after return', intentId: 'start-return', top: 10 });

    assert.equal(plain[0]?.id, 'refunds');
    assert.equal(boosted[0]?.id, 'return-policy');
    assert.ok(boosted.some((solution) => solution.id === 'refunds'));
  });

  it('still finds the best text match when the intent tags nothing relevant', async () => {
    const [first] = await search.search({ text: 'battery drains', intentId: 'unknown-intent' });
    assert.equal(first?.id, 'battery');
  });

  it('refuses two articles with the same id, naming it', () => {
    assert.throws(() => createArticleSolutionSearch([articles[1] as Article, articles[1] as Article]), /duplicate knowledge-base article id "refunds"/);
  });

  it('matches other word forms and small typos', async () => {
    assert.equal((await search.search({ text: 'refunded' }))[0]?.id, 'refunds');
    assert.equal((await search.search({ text: 'batery draining' }))[0]?.id, 'battery');
  });
});

describe('knowledge search with awkward queries', () => {
  const search = createArticleSolutionSearch(articles);

  it('returns nothing for an empty, blank or stop-word-only query', async () => {
    assert.deepEqual(await search.search({ text: '' }), []);
    assert.deepEqual(await search.search({ text: '  \n\t ' }), []);
    assert.deepEqual(await search.search({ text: 'the and of it', intentId: 'refund-status' }), []);
  });

  it('returns nothing for top 0 and caps absurd top values', async () => {
    assert.deepEqual(await search.search({ text: 'refund', top: 0 }), []);
    assert.ok((await search.search({ text: 'refund return battery tv', top: 1e9 })).length <= articles.length);
  });

  it('answers a 100 KB query from its beginning', async () => {
    const text = `tv error E42 ${'lorem ipsum dolor sit amet '.repeat(4000)}`;
    assert.ok(text.length > 100_000);

    const [first] = await search.search({ text });

    assert.equal(first?.id, 'tv-errors');
  });

  it('treats search-syntax characters as plain text', async () => {
    for (const text of ['"refund', 'refund*', 'title:refund', 'refund AND (card OR "return")', 'NOT refund', '^refund -x +y ~z', "refund's \\ ' ;--"]) {
      const results = await search.search({ text });
      assert.equal(results[0]?.id, 'refunds', `query ${text}`);
    }
  });

  it('finds an error code in a non-English sentence and returns nothing for unmatched scripts', async () => {
    assert.equal((await search.search({ text: 'mi televisor muestra el código E42' }))[0]?.id, 'tv-errors');
    assert.deepEqual(await search.search({ text: '電視無法開機' }), []);
  });

  it('ignores accents and case', async () => {
    assert.equal((await search.search({ text: 'RÈFUNDS' }))[0]?.id, 'refunds');
  });

  it('does not throw on a malformed query from an untyped caller', async () => {
    const malformed = { text: 42, intentId: {}, top: 'many' } as unknown as { text: string };
    assert.deepEqual(await search.search(malformed), []);
  });
});

describe('the local knowledge search over a folder', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kb-search-'));
    await writeFile(path.join(dir, 'refunds.md'), '---\ntitle: Refund timeline\ntags: [refund-status]\n---\nRefunds take 3 to 5 business days.');
    await writeFile(path.join(dir, 'broken.md'), '---\ntags: [x]\n---\nNo title here.');
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('searches the articles that loaded and reports the skipped files', async () => {
    const search = await createLocalSolutionSearch(dir);

    assert.equal(search.articleCount, 1);
    assert.deepEqual(search.warnings.map((warning) => path.basename(warning.file)), ['broken.md']);
    assert.deepEqual((await search.search({ text: 'refund timeline' })).map((solution) => solution.id), ['refunds']);
  });
});
