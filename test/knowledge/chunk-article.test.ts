import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/article.js';
import { chunkArticle } from '../../src/knowledge/chunk-article.js';

function article(body: string): Article {
  return { id: 'guide', title: 'Guide', tags: [], body };
}

const paragraph = (word: string) => `${`${word} `.repeat(60).trim()}.`;

describe('chunking articles by heading', () => {
  it('keeps a short article as one plain-text chunk without Markdown syntax', () => {
    const chunks = chunkArticle(article('Intro with **bold** and a [link](https://x.test).\n\n## Steps\n1. Do *this*.\n2. Then `that`.'));

    assert.equal(chunks.length, 1);
    assert.deepEqual(chunks[0], {
      id: 'guide#0',
      articleId: 'guide',
      heading: '',
      text: 'Intro with bold and a link.\nSteps\nDo this.\nThen that.',
    });
  });

  it('splits a long article at its headings, one chunk per section in reading order', () => {
    const body = [paragraph('intro'), '## Charging', paragraph('charge'), '### Cables', paragraph('cable'), '## Storage', paragraph('store')].join('\n\n');

    const chunks = chunkArticle(article(body), { maxChars: 500, minChars: 100 });

    assert.deepEqual(
      chunks.map((chunk) => [chunk.id, chunk.heading, chunk.text.split(' ')[0]]),
      [
        ['guide#0', '', 'intro'],
        ['guide#1', 'Charging', 'charge'],
        ['guide#2', 'Cables', 'cable'],
        ['guide#3', 'Storage', 'store'],
      ],
    );
  });

  it('joins a short introduction to the first section', () => {
    const body = ['Read this first.', '## Charging', paragraph('charge'), '## Storage', paragraph('store')].join('\n\n');

    const chunks = chunkArticle(article(body), { maxChars: 500, minChars: 100 });

    assert.equal(chunks.length, 2);
    assert.equal(chunks[0]?.heading, 'Charging');
    assert.match(chunks[0]?.text ?? '', /^Read this first\.\ncharge/);
  });

  it('treats level-4 headings and "#" lines in code blocks as content, not section breaks', () => {
    const body = ['## Setup', paragraph('setup'), '#### Detail', '```\n# not a heading\n```', '## Next', paragraph('next')].join('\n\n');

    const chunks = chunkArticle(article(body), { maxChars: 500, minChars: 10 });

    assert.deepEqual(chunks.map((chunk) => chunk.heading), ['Setup', 'Next']);
    assert.match(chunks[0]?.text ?? '', /Detail\n# not a heading/);
  });

  it('turns each table row into one line of cells', () => {
    const body = '| Code | Meaning |\n| --- | --- |\n| E42 | Power **fault** |\n| E10 | No signal |';

    assert.equal(chunkArticle(article(body))[0]?.text, 'Code - Meaning\nE42 - Power fault\nE10 - No signal');
  });

  it('cuts a section longer than the limit into pieces under the same heading', () => {
    const body = ['## Long', paragraph('alpha'), paragraph('beta'), paragraph('gamma')].join('\n\n');

    const chunks = chunkArticle(article(body), { maxChars: 500, minChars: 10 });

    assert.ok(chunks.length >= 2);
    assert.ok(chunks.every((chunk) => chunk.heading === 'Long' && chunk.text.length <= 500));
    assert.equal(chunks.map((chunk) => chunk.text).join('\n'), [paragraph('alpha'), paragraph('beta'), paragraph('gamma')].join('\n'));
  });

  it('gives an article with only a title one empty chunk so the title stays searchable', () => {
    assert.deepEqual(chunkArticle(article('')), [{ id: 'guide#0', articleId: 'guide', heading: '', text: '' }]);
  });
});
