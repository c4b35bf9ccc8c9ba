import assert from 'node:assert/strict';
import { findMalformed } from '../../../src/nlu/extractors/malformed.js';
import { attribute, deviceType, email, errorCode, orderNumber, phone, purchaseDate, serialNumber } from './fixtures.js';

const itemPrice = attribute({ name: 'chargeAmount', type: 'number', question: 'How much was the charge?' });
const deviceModel = attribute({ name: 'deviceModel', type: 'text', question: 'Which model is it?' });
const cardLast4 = attribute({ name: 'cardLast4', type: 'identifier', pattern: '\\b\\d{4}\\b', question: 'What are the last four digits of the card?' });
const rma = attribute({ name: 'returnAuthorization', type: 'identifier', pattern: '\\bRMA-\\d{6}\\b', question: 'What is the return authorization number?' });
const paymentMethod = attribute({
  name: 'paymentMethod',
  type: 'enum',
  values: ['credit-card', 'paypal', 'gift-card'],
  question: 'How did you pay: credit card, PayPal or a gift card?',
});
const intent = [serialNumber, orderNumber, purchaseDate, itemPrice, deviceModel, errorCode];
const wrong = (text: string, asked = serialNumber, attributes = intent): string | null => findMalformed(text, asked, { attributes, defaultRegion: 'US' });

describe('values given in the wrong form', () => {
  it('reports a serial number in another form, as the customer typed it', () => {
    assert.equal(wrong('serial SN-88213-XK'), 'SN-88213-XK');
    assert.equal(wrong("it's TV4011827"), 'TV4011827');
    assert.equal(wrong('the serial number is 4011-8273'), '4011-8273');
  });

  it('reports identifiers with the wrong length or prefix, and short tries', () => {
    assert.equal(wrong('RMA-1234567', rma), 'RMA-1234567');
    assert.equal(wrong('RA 12', rma), 'RA 12');
    assert.equal(wrong('447122', orderNumber), '447122');
    assert.equal(wrong('it is 4471220X', orderNumber), '4471220X');
    assert.equal(wrong('E4', errorCode), 'E4');
    assert.equal(wrong('ends in 42', cardLast4), '42');
  });

  it('picks the try the customer named when a turn holds several codes', () => {
    assert.equal(wrong('my TV shows E42, serial SN-88213-XK', serialNumber), 'SN-88213-XK');
  });

  it('does not take a date, an amount or a count for a try at a code', () => {
    assert.equal(wrong('I bought it on March 3'), null);
    assert.equal(wrong('I bought it on 3/14/2024'), null);
    assert.equal(wrong('it cost $499'), null);
    assert.equal(wrong('$23.50', cardLast4, [cardLast4, itemPrice]), null);
    assert.equal(wrong("it's about 2 years old"), null);
    assert.equal(wrong('the 55 inch one'), null);
    assert.equal(wrong('2 times', cardLast4), null);
    assert.equal(wrong("it's been 3 weeks", orderNumber), null);
    assert.equal(wrong('I ordered it 3 days ago', orderNumber), null);
    assert.equal(wrong('it is on version 3.8'), null);
  });

  it("does not take another attribute's value for a try at this one", () => {
    assert.equal(wrong('BL-4471220'), null, 'an order number while the serial number is asked');
    assert.equal(wrong('the model is X500'), null, 'a model named as such');
    assert.equal(wrong('E42'), null, 'an error code');
    assert.equal(wrong('BL-4471220', serialNumber, [serialNumber]), 'BL-4471220', 'without the other attributes, a code is a code');
  });

  it('says nothing about ordinary words', () => {
    for (const text of ["it's on the back I think", 'I have two orders', 'it just blinks red', 'why do you need that?', 'ok']) {
      assert.equal(wrong(text), null, text);
      assert.equal(wrong(text, orderNumber), null, text);
    }
  });

  it('reports an email that is cut short or spoken', () => {
    assert.equal(findMalformed('jo.smith@', email), 'jo.smith@');
    assert.equal(findMalformed('maria.g@mail', email), 'maria.g@mail');
    assert.equal(findMalformed('jo dot smith at gmail', email), 'jo dot smith at gmail');
    assert.equal(findMalformed("I'm at work right now", email), null);
    assert.equal(findMalformed('my email is the same as always', email), null);
  });

  it('reports a phone number too short to be one, but not a time or a count', () => {
    assert.equal(findMalformed('555-01', phone, { defaultRegion: 'US' }), '555-01');
    assert.equal(findMalformed('212 555', phone, { defaultRegion: 'US' }), '212 555');
    assert.equal(findMalformed('call me after 5', phone, { defaultRegion: 'US' }), null);
    assert.equal(findMalformed('(212) 555-0134', phone, { defaultRegion: 'US' }), null);
    assert.equal(findMalformed('order BL-4471220', phone, { attributes: [phone, orderNumber], defaultRegion: 'US' }), null);
  });

  it('reports an answer to a choice that names none of the choices', () => {
    assert.equal(findMalformed('bank transfer', paymentMethod), 'bank transfer');
    assert.equal(findMalformed('a speaker', deviceType), 'speaker');
    assert.equal(findMalformed('the cheapest one', paymentMethod), 'cheapest one');
  });

  it('does not report a question back, "I don\'t know" or another value as a wrong choice', () => {
    for (const text of ['why do you need that?', "I don't know", 'not sure', 'yes', 'BL-4471220', 'jo@example.com', 'it stopped working after the update last week and now it only shows a logo']) {
      assert.equal(findMalformed(text, paymentMethod, { attributes: [paymentMethod, orderNumber] }), null, text);
    }
  });

  it('has nothing to say for types without a form, or for empty and odd input', () => {
    assert.equal(findMalformed('whenever', purchaseDate), null);
    assert.equal(findMalformed('', serialNumber), null);
    assert.equal(findMalformed(42 as unknown as string, serialNumber), null);
  });
});
