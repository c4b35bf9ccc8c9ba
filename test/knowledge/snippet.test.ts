import assert from 'node:assert/strict';
import { makeSnippet } from '../../src/knowledge/snippet.js';

describe('solution snippets', () => {
  it('returns short text whole, on one line', () => {
    assert.equal(makeSnippet('Hold the button.\nWait 10 seconds.', ['button']), 'Hold the button. Wait 10 seconds.');
  });

  it('centres a long text on the rarest query word, such as the error code row of a table', () => {
    const rows = ['E10 - HDMI source not recognized', 'E21 - Wi-Fi password rejected', 'E23 - no internet', 'E42 - Power supply or backlight fault', 'E55 - download interrupted'];
    const text = `The TV shows an error code when something goes wrong. ${'Filler about the TV error screen. '.repeat(8)}\n${rows.join('\n')}`;

    const snippet = makeSnippet(text, ['tv', 'error', 'e42'], 120);

    assert.ok(snippet.length <= 120, `snippet is ${snippet.length} characters`);
    assert.match(snippet, /E42 - Power supply/);
    assert.match(snippet, /^…/);
  });

  it('starts at the beginning when no query word occurs', () => {
    const text = `First sentence here. ${'more words '.repeat(40)}`;
    const snippet = makeSnippet(text, ['absent'], 80);

    assert.match(snippet, /^First sentence here\./);
    assert.match(snippet, /…$/);
    assert.ok(snippet.length <= 80);
  });
});
