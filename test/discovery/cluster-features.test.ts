import assert from 'node:assert/strict';
import { buildFeatures, slotValueShare } from '../../src/discovery/cluster/features.js';
import { analyzeUtterance } from '../../src/discovery/text/analyze.js';

const KINDS = ['life', 'pet', 'car', 'home', 'health', 'travel', 'renter', 'boat', 'dental'];

describe('features learned from the corpus', () => {
  const analyses = [
    ...KINDS.map((kind) => analyzeUtterance(`I want a quote for ${kind} insurance`)),
    ...KINDS.map((kind) => analyzeUtterance(`Please cancel my ${kind} insurance`)),
  ];

  it('learns that words qualifying a many-kinded head are slot values, not the request', () => {
    const share = slotValueShare(analyses, 8);
    assert.equal(share.get('pet'), 1);
    assert.equal(share.get('cancel'), 0);
    assert.equal(share.get('quote'), 0);
  });

  it('weighs the request above the slot value in an utterance', () => {
    const features = buildFeatures(analyses);
    const row = features.rows[1]!;
    const weight = (text: string): number => {
      const column = features.features.findIndex((f) => f.kind === 'term' && f.text === text);
      const at = row.indices.indexOf(column);
      return at === -1 ? 0 : row.values[at]!;
    };
    assert.ok(weight('quote') > 0);
    assert.ok(weight('pet') < weight('quote') / 4, `pet ${weight('pet')} vs quote ${weight('quote')}`);
  });

  it('keeps verb-object pairs as features of their own', () => {
    const features = buildFeatures(analyses);
    const pairs = features.features.filter((f) => f.kind === 'pair').map((f) => f.text);
    assert.ok(pairs.includes('cancel insurance'), pairs.join(', '));
  });
});
