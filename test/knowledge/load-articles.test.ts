import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KnowledgeBaseError, loadArticles } from '../../src/knowledge/load-articles.js';
import { ArticleError, parseArticle } from '../../src/knowledge/parse-article.js';

const goodArticle = `---
title: Reset the widget
tags: [device-setup, widget]
url: https://support.example.test/articles/reset-the-widget
---
Hold the button for 10 seconds.
`;

describe('loading knowledge-base articles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kb-load-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads title, tags, url and body from front matter, with the file name as id', async () => {
    await writeFile(path.join(dir, 'reset-the-widget.md'), goodArticle);

    const { articles, warnings } = await loadArticles(dir);

    assert.deepEqual(warnings, []);
    assert.deepEqual(articles, [
      {
        id: 'reset-the-widget',
        title: 'Reset the widget',
        tags: ['device-setup', 'widget'],
        url: 'https://support.example.test/articles/reset-the-widget',
        body: 'Hold the button for 10 seconds.',
      },
    ]);
  });

  it('skips a file without a title and names it in a warning, keeping the other articles', async () => {
    await writeFile(path.join(dir, 'a-good.md'), goodArticle);
    await writeFile(path.join(dir, 'b-untitled.md'), '---\ntags: [x]\n---\nBody');

    const { articles, warnings } = await loadArticles(dir);

    assert.deepEqual(articles.map((article) => article.id), ['a-good']);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.file, path.join(dir, 'b-untitled.md'));
    assert.match(warnings[0]?.message ?? '', /b-untitled\.md: front matter "title" is required/);
  });

  it('reports broken YAML front matter as a warning instead of failing the load', async () => {
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\ntags: x\n---\nBody');

    const { articles, warnings } = await loadArticles(dir);

    assert.deepEqual(articles, []);
    assert.match(warnings[0]?.message ?? '', /broken\.md: front matter is not valid YAML/);
  });

  it('gives the same YAML error when the broken file is loaded a second time', async () => {
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: "unterminated\n---\nBody');

    const first = await loadArticles(dir);
    const second = await loadArticles(dir);

    assert.match(first.warnings[0]?.message ?? '', /not valid YAML/);
    assert.deepEqual(second.warnings, first.warnings);
  });

  it('ignores files that are not Markdown', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'not an article');
    await writeFile(path.join(dir, 'article.md'), goodArticle);

    const { articles, warnings } = await loadArticles(dir);

    assert.equal(articles.length, 1);
    assert.deepEqual(warnings, []);
  });

  it('fails with an error naming the folder when it does not exist', async () => {
    const missing = path.join(dir, 'nope');
    await assert.rejects(loadArticles(missing), (error: unknown) => {
      assert.ok(error instanceof KnowledgeBaseError);
      assert.match(error.message, new RegExp(`${missing.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} does not exist`));
      return true;
    });
  });
});

describe('parsing one article', () => {
  it('accepts tags written as a comma-separated string', () => {
    const article = parseArticle('a', 'a.md', '---\ntitle: A\ntags: billing, invoice\n---\nText');
    assert.deepEqual(article.tags, ['billing', 'invoice']);
  });

  it('defaults to no tags and no url', () => {
    const article = parseArticle('a', 'a.md', '---\ntitle: A\n---\nText');
    assert.deepEqual(article.tags, []);
    assert.equal(article.url, undefined);
  });

  it('rejects a relative url, naming the file and the field', () => {
    assert.throws(
      () => parseArticle('a', 'kb/a.md', '---\ntitle: A\nurl: /articles/a\n---\nText'),
      (error: unknown) => error instanceof ArticleError && /^kb\/a\.md: front matter "url" must be an absolute URL/.test(error.message),
    );
  });

  it('rejects an empty title and a title that is not text', () => {
    assert.throws(() => parseArticle('a', 'a.md', '---\ntitle: "  "\n---\n'), /front matter "title" must not be empty/);
    assert.throws(() => parseArticle('a', 'a.md', '---\ntitle: [1, 2]\n---\n'), /front matter "title" is required and must be text/);
  });

  it('rejects a file without front matter because it has no title', () => {
    assert.throws(() => parseArticle('a', 'a.md', '# Just Markdown\n'), /a\.md: front matter "title" is required/);
  });
});
