import assert from 'node:assert/strict';
import { inferValueType } from '../../src/discovery/value-types.js';
import { mineAttributes, countQuestions } from '../../src/discovery/attributes.js';
import type { Exchange } from '../../src/discovery/turns.js';

describe('discover: attribute value types from customers\' answers', () => {
  it('recognises dates, identifiers with their pattern, numbers, emails and phones', () => {
    assert.deepEqual(inferValueType(['10/30', 'last week', 'back in June', 'Nov 21st.', 'not sure'], 'When did you buy it?'), { type: 'date' });
    assert.deepEqual(inferValueType(['BL-7032768.', 'here you go: BL-8477071', 'sure, BL-4512814', 'one sec'], 'What is the order number?'), { type: 'identifier', pattern: 'BL-\\d{7}' });
    assert.equal(inferValueType(['about 50 bucks', '$1199.99', '$349.95', 'no idea'], 'What was the amount charged?').type, 'number');
    assert.equal(inferValueType(['[EMAIL]', 'my email is [EMAIL]', 'it is [EMAIL]'], 'What email did you use?').type, 'email');
    assert.equal(inferValueType(['[PHONE]', 'call me on [PHONE]'], 'What phone number is on the account?').type, 'phone');
  });

  it('makes recurring short answers an enum and anything else free text', () => {
    const plan = inferValueType(['the family plan', 'family plan', 'Basic', 'basic please', 'premium', 'Premium'], 'Which plan would you like?');
    assert.equal(plan.type, 'enum');
    assert.ok(plan.values?.includes('family plan') && plan.values.includes('premium'), JSON.stringify(plan));
    assert.deepEqual(inferValueType(['it just stopped working', 'the screen flickers when hot', 'it makes a weird noise'], 'What is wrong with it?'), { type: 'text' });
    assert.equal(inferValueType(['Voltbook 16 Pro', 'Nova X2', 'AirTone Buds'], 'Which model is it?').type !== 'number', true);
  });

  it('weights an attribute by the share of conversations that asked it and leaves out questions asked everywhere', () => {
    const intent: Exchange[][] = [
      [{ question: 'What is the order number, please?', answer: 'BL-1000001' }, { question: 'Anything new with you?', answer: 'not much' }],
      [{ question: 'Could I get your order number?', answer: 'BL-1000002' }],
      [{ question: 'What is the order number, please?', answer: 'sure, BL-1000003' }],
      [{ question: 'Anything new with you?', answer: 'nope' }],
    ];
    const others: Exchange[][] = Array.from({ length: 12 }, () => [{ question: 'Anything new with you?', answer: 'all good' }]);
    const mined = mineAttributes(intent, countQuestions([...intent, ...others]));
    assert.equal(mined.length, 1);
    assert.equal(mined[0]!.name, 'orderNumber');
    assert.equal(mined[0]!.type, 'identifier');
    assert.equal(mined[0]!.weight, 0.75);
    assert.equal(mined[0]!.question, 'What is the order number, please?');
  });
});
