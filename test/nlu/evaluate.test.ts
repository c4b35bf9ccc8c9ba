import assert from 'node:assert/strict';
import { evaluateClassifier } from '../../src/nlu/evaluate/evaluate.js';
import { LabelledDataError, parseLabelledJsonl } from '../../src/nlu/evaluate/labelled-jsonl.js';
import { computeMetrics, expectedCalibrationError, percentile } from '../../src/nlu/evaluate/metrics.js';
import { escapeHtml } from '../../src/text/html-escape.js';
import { confusedIntents, renderEvaluationReport } from '../../src/nlu/evaluate/report-html.js';
import type { Classification, IntentClassifier } from '../../src/nlu/types.js';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

/** A classifier that answers from a table, for evaluation tests that must not depend on training. */
function tableClassifier(answers: Record<string, Classification>): IntentClassifier {
  return {
    intents: ['a', 'b', 'c'],
    classify: (text) => answers[text] ?? { ranking: [{ intent: 'a', confidence: 0.4 }], outOfScopeScore: 0.99 },
  };
}

describe('evaluation metrics', () => {
  it('computes accuracy, per-intent precision/recall/F1 and macro-F1 as by hand', () => {
    const metrics = computeMetrics(['a', 'a', 'b', 'c'], ['a', 'b', 'b', 'a']);
    close(metrics.accuracy, 50);
    const byIntent = new Map(metrics.perIntent.map((m) => [m.intent, m]));
    close(byIntent.get('a')?.precision ?? -1, 50);
    close(byIntent.get('a')?.recall ?? -1, 50);
    close(byIntent.get('b')?.precision ?? -1, 50);
    close(byIntent.get('b')?.recall ?? -1, 100);
    close(byIntent.get('b')?.f1 ?? -1, 200 / 3);
    close(byIntent.get('c')?.f1 ?? -1, 0);
    close(metrics.macroF1, (50 + 200 / 3 + 0) / 3);
    close(metrics.inScopeAccuracy, 50);
    assert.equal(metrics.oosRecall, null);
  });

  it('lists the costliest confusions first', () => {
    const metrics = computeMetrics(['a', 'a', 'a', 'b', 'c'], ['b', 'b', 'c', 'a', 'c']);
    assert.deepEqual(metrics.confusions, [
      { gold: 'a', predicted: 'b', count: 2 },
      { gold: 'a', predicted: 'c', count: 1 },
      { gold: 'b', predicted: 'a', count: 1 },
    ]);
  });

  it('separates in-scope accuracy from out-of-scope recall when an out-of-scope label is given', () => {
    const metrics = computeMetrics(['a', 'b', 'oos', 'oos'], ['a', 'a', 'oos', 'b'], 'oos');
    close(metrics.accuracy, 50);
    close(metrics.inScopeAccuracy, 50);
    close(metrics.oosRecall ?? -1, 50);
    assert.equal(computeMetrics(['a'], ['a'], 'oos').oosRecall, null);
  });

  it('measures calibration error and percentiles', () => {
    close(expectedCalibrationError([0.9, 0.9], [true, false]), 40);
    close(expectedCalibrationError([0.25, 0.95, 1], [false, true, true]), (25 + 5 + 0) / 3);
    assert.equal(expectedCalibrationError([], []), 0);
    assert.equal(percentile([5, 1, 3, 2, 4], 0.5), 3);
    assert.equal(percentile([5, 1, 3, 2, 4], 0.95), 5);
    assert.equal(percentile([], 0.5), 0);
  });
});

describe('labelled JSONL', () => {
  it('reads {text, intent} rows, skipping blank lines and ignoring other fields', () => {
    const rows = parseLabelledJsonl('\uFEFF{"text":"hi","intent":" greet ","id":7}\n\n{"text":"","intent":"x"}\r\n', 'rows.jsonl');
    assert.deepEqual(rows, [
      { text: 'hi', intent: 'greet' },
      { text: '', intent: 'x' },
    ]);
  });

  it('names the file, the line and the problem of a malformed row', () => {
    const cases: [string, RegExp][] = [
      ['{"text":"a","intent":"x"}\n{"text": oops}', /^rows\.jsonl, line 2: not valid JSON/],
      ['["a","x"]', /^rows\.jsonl, line 1: expected an object .* found an array/],
      ['{"text":"a","intent":"x"}\n\n{"intent":"x"}', /^rows\.jsonl, line 3: "text" must be a string, found nothing/],
      ['{"text":"a","intent":""}', /^rows\.jsonl, line 1: "intent" must be a non-empty string, found an empty string/],
      ['{"text":"a","intent":3}', /^rows\.jsonl, line 1: "intent" must be a non-empty string, found a number/],
      ['\n\n', /^rows\.jsonl: no labelled rows/],
    ];
    for (const [content, message] of cases) {
      assert.throws(() => parseLabelledJsonl(content, 'rows.jsonl'), (error: unknown) => {
        assert.ok(error instanceof LabelledDataError);
        assert.match(error.message, message);
        return true;
      });
    }
  });
});

describe('classifier evaluation', () => {
  const answers: Record<string, Classification> = {
    'first a': { ranking: [{ intent: 'a', confidence: 0.9 }, { intent: 'b', confidence: 0.05 }], outOfScopeScore: 0.1 },
    'first b': { ranking: [{ intent: 'a', confidence: 0.5 }, { intent: 'b', confidence: 0.45 }], outOfScopeScore: 0.2 },
    'weather?': { ranking: [{ intent: 'c', confidence: 0.3 }], outOfScopeScore: 0.95 },
  };
  const rows = [
    { text: 'first a', intent: 'a' },
    { text: 'first b', intent: 'b' },
    { text: 'weather?', intent: 'oos' },
  ];

  it('predicts the out-of-scope label when the decision rule rejects a row', () => {
    let clock = 0;
    const result = evaluateClassifier(tableClassifier(answers), rows, { oosLabel: 'oos', now: () => (clock += 2) });
    assert.deepEqual(
      result.predictions.map((p) => [p.predicted, p.decision]),
      [
        ['a', 'intent'],
        ['a', 'clarify'],
        ['oos', 'out-of-scope'],
      ],
    );
    close(result.inScopeAccuracy, 50);
    close(result.oosRecall ?? -1, 100);
    close(result.clarifyRate, 100 / 3);
    close(result.outOfScopeRate, 100 / 3);
    assert.equal(result.latencyMsP50, 2);
    assert.equal(result.oosLabel, 'oos');
  });

  it('scores the top intent alone without an out-of-scope label', () => {
    const result = evaluateClassifier(tableClassifier(answers), rows.slice(0, 2));
    assert.deepEqual(result.predictions.map((p) => p.predicted), ['a', 'a']);
    close(result.accuracy, 50);
    assert.equal(result.oosRecall, null);
  });
});

describe('evaluation report', () => {
  const hostile = '<script>alert("x")</script>';
  const classifier = tableClassifier({
    [hostile]: { ranking: [{ intent: 'b&c', confidence: 0.7 }], outOfScopeScore: 0.1 },
    plain: { ranking: [{ intent: 'a', confidence: 0.8 }], outOfScopeScore: 0.1 },
  });
  const result = evaluateClassifier(classifier, [
    { text: hostile, intent: '<img src=x>' },
    { text: 'plain', intent: 'a' },
  ]);
  const html = renderEvaluationReport(result, {
    title: 'Eval <1>',
    trainedOn: 'train "set".jsonl',
    testedOn: 'test.jsonl',
    generatedAt: new Date('2025-01-02T03:04:05Z'),
  });

  it('draws a confusion heat map of the intents that get mixed up', () => {
    assert.deepEqual(confusedIntents(result.confusions), ['<img src=x>', 'b&c']);
    assert.match(html, /<table class="heatmap">/);
    assert.match(html, /<th class="row">&lt;img src=x&gt;<\/th><td class="diag"[^>]*><\/td><td style="background: rgba\(200, 30, 30, 1\.00\)"[^>]*>1<\/td>/);
    assert.match(html, /Per intent/);
    assert.match(html, /Errors \(1\)/);
  });

  it('escapes every text it shows and loads nothing from outside', () => {
    assert.ok(!html.includes(hostile));
    assert.ok(!html.includes('<img src=x>'));
    assert.ok(html.includes(escapeHtml(hostile)));
    assert.ok(html.includes('b&amp;c'));
    assert.ok(html.includes('<title>Eval &lt;1&gt;</title>'));
    assert.ok(html.includes('train &quot;set&quot;.jsonl'));
    assert.doesNotMatch(html, /<script|<link|src="http|href="http/);
  });

  it('says so when there is nothing to confuse', () => {
    const perfect = evaluateClassifier(classifier, [{ text: 'plain', intent: 'a' }]);
    assert.match(renderEvaluationReport(perfect, { title: 't', trainedOn: 'x', testedOn: 'y', generatedAt: new Date(0) }), /No confusions/);
  });
});
