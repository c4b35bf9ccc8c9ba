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

  it('cuts only between words, with an ellipsis on each side that was cut', () => {
    const text =
      'To reset the router, unplug the power cable, wait thirty seconds and plug it back in. ' +
      'If the status light stays orange, hold the reset button on the back for ten seconds with a paperclip. ' +
      'The router restarts with its factory settings; sign in again with the password printed on the label underneath. ' +
      'Reconnect every device to the network name on that label, then check for a firmware update in the app.';
    let cutBoth = 0;
    for (const query of [['reset'], ['paperclip'], ['firmware', 'app'], ['label'], ['nothing']]) {
      for (const maxChars of [60, 73, 90, 121, 160]) {
        const snippet = makeSnippet(text, query, maxChars);
        assert.ok(snippet.length <= maxChars, `${snippet.length} > ${maxChars}: ${snippet}`);
        const body = snippet.replace(/^…/, '').replace(/…$/, '');
        const at = text.indexOf(body);
        assert.ok(at >= 0, `not a stretch of the text: ${snippet}`);
        assert.match(text.charAt(at - 1), /^$|\s/, `starts mid-word: ${snippet}`);
        assert.match(text.charAt(at + body.length), /^$|[\s,;.]/, `ends mid-word: ${snippet}`);
        assert.equal(snippet.startsWith('…'), at > 0, `start marked: ${snippet}`);
        assert.equal(snippet.endsWith('…'), at + body.length < text.length, `end marked: ${snippet}`);
        if (at > 0 && at + body.length < text.length) cutBoth += 1;
      }
    }
    assert.ok(cutBoth > 0, 'some snippets are cut on both sides');
  });

  it('leaves no comma dangling before the ellipsis', () => {
    const snippet = makeSnippet(`Unplug the cable, ${'then wait, '.repeat(20)}`, ['cable'], 40);
    assert.equal(snippet, 'Unplug the cable, then wait, then wait…');
  });

  it('cuts a single very long word (a URL) at a joiner inside it', () => {
    const url = `https://support.example.com/${'articles/'.repeat(12)}router-reset`;
    const snippet = makeSnippet(url, ['absent'], 50);
    assert.ok(snippet.length <= 50);
    const body = snippet.replace(/…$/, '');
    assert.ok(snippet.endsWith('…') && url.startsWith(body), snippet);
    assert.match(url.charAt(body.length), /[/.-]/, snippet);
  });
});
