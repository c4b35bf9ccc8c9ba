import assert from 'node:assert/strict';
import { languageName, otherLanguageOf } from '../../src/nlu/language.js';

describe('the language a customer writes in', () => {
  for (const text of ['hola, necesito ayuda con mi pedido', "mon colis n'est pas arrivé", 'ich möchte meine Bestellung stornieren', '我的订单在哪里', 'где мой заказ, пожалуйста']) {
    it(`tells that "${text}" is not English`, () => assert.notEqual(otherLanguageOf(text, 'en-US'), null));
  }

  for (const text of ['where is my order BL-4471220?', 'sounds good thanks', 'Las Vegas please', 'Los Angeles', 'I want to fly to San Jose de Costa Rica', 'asdf qwer zxcv', 'BL-4471220']) {
    it(`does not take "${text}" for another language`, () => assert.equal(otherLanguageOf(text, 'en-US'), null));
  }

  it("takes the library's own language as its own", () => {
    assert.equal(otherLanguageOf('ich möchte meine Bestellung stornieren', 'de-DE'), null);
    assert.equal(otherLanguageOf('I would like to cancel my order please', 'de-DE'), 'en');
  });

  it('names a language in the words of the locale', () => {
    assert.equal(languageName('en-US', 'en-US'), 'English');
    assert.equal(languageName('de', 'en-US'), 'German');
  });
});
