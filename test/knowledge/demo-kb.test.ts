import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../src/config.js';
import { loadArticles, type LoadedArticles } from '../../src/knowledge/load-articles.js';

/** Intent ids are kebab-case; topical tags in the demo KB are plain words ("error codes", "tv"). */
const looksLikeIntentId = (tag: string) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(tag);

describe('the demo knowledge base', () => {
  let kb: LoadedArticles;
  let intentIds: Set<string>;

  before(async () => {
    kb = await loadArticles(path.join(packageRoot, 'samples', 'kb'));
    const library = JSON.parse(await readFile(path.join(packageRoot, 'samples', 'library.json'), 'utf8')) as { intents: { id: string }[] };
    intentIds = new Set(library.intents.map((intent) => intent.id));
  });

  it('loads at least 45 articles without warnings, each with a support url named after its file', () => {
    assert.deepEqual(kb.warnings, []);
    assert.ok(kb.articles.length >= 45, `only ${kb.articles.length} articles`);
    for (const article of kb.articles) {
      assert.equal(article.url, `https://support.brightline.example/articles/${article.id}`);
    }
  });

  it('tags articles only with intent ids that exist in the demo library', () => {
    const unknown = kb.articles.flatMap((article) =>
      article.tags.filter((tag) => looksLikeIntentId(tag) && !intentIds.has(tag)).map((tag) => `${article.id}: ${tag}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('has at least one article for every intent of the demo library', () => {
    const tagged = new Set(kb.articles.flatMap((article) => article.tags));
    assert.deepEqual([...intentIds].filter((id) => !tagged.has(id)), []);
  });
});
