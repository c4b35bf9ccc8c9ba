import assert from 'node:assert/strict';
import { isAddressAttribute } from '../../../src/nlu/extractors/addresses.js';
import { attribute, errorCode, extract, orderNumber, values } from './fixtures.js';

const newDeliveryAddress = attribute({
  name: 'newDeliveryAddress',
  type: 'text',
  label: 'New delivery address',
  description: 'Address or pickup location the order should go to instead.',
  question: 'What address should we deliver it to instead?',
});
const newValue = attribute({ name: 'newValue', type: 'text', description: 'The new email address, phone number, postal address or name.', question: 'What should we change it to?' });
const deviceModel = attribute({ name: 'deviceModel', type: 'text', label: 'Device model', question: 'Which model is it?' });
const declineMessage = attribute({ name: 'declineMessage', type: 'text', label: 'Decline message', question: 'What exactly does the error message say?' });
const missingItem = attribute({ name: 'missingItem', type: 'text', question: 'Which item is missing from the package?' });
const exchangeFor = attribute({ name: 'exchangeFor', type: 'text', question: 'What would you like instead?' });
const closeReason = attribute({ name: 'closeReason', type: 'text', label: 'Reason for closing', question: 'Why do you want to close the account?' });
const competitorName = attribute({ name: 'competitorName', type: 'text', label: 'Store with the lower price', question: 'Where did you see the lower price?' });

describe('addresses the customer states', () => {
  it('takes an address said with a cue before its question is asked', () => {
    assert.deepEqual(values(extract('the new address is 12 Main Street, Springfield', [orderNumber, newDeliveryAddress])), { newDeliveryAddress: '12 Main Street, Springfield' });
    assert.deepEqual(values(extract('order BL-4471220, please ship it to 450 Oak Ave Apt 3B, Portland, OR 97205 instead', [orderNumber, newDeliveryAddress])), {
      orderNumber: 'BL-4471220',
      newDeliveryAddress: '450 Oak Ave Apt 3B, Portland, OR 97205',
    });
    assert.deepEqual(values(extract('we moved to 9 Harbor View Road, Seattle', [newValue])), { newValue: '9 Harbor View Road, Seattle' });
  });

  it('keeps the postcode that ends an address', () => {
    assert.deepEqual(values(extract('deliver to 3 Church Lane, Oxford OX1 4AB', [newDeliveryAddress])), { newDeliveryAddress: '3 Church Lane, Oxford OX1 4AB' });
  });

  it('takes only the address from an answer to the address question', () => {
    assert.deepEqual(values(extract('my work address, 1600 Market St Suite 400, Philadelphia', [newDeliveryAddress], 'newDeliveryAddress')), {
      newDeliveryAddress: '1600 Market St Suite 400, Philadelphia',
    });
  });

  it('does not take an old or wrong address, an address without a cue, or a floor number', () => {
    assert.deepEqual(extract('my old address was 5 Elm St', [newValue]), []);
    assert.deepEqual(extract('it went to 14 Main St instead of my house', [newDeliveryAddress]), []);
    assert.deepEqual(extract('I walked past 14 Main St today', [newDeliveryAddress]), []);
    assert.deepEqual(extract('I live on the 3rd floor so please knock', [newDeliveryAddress]), []);
  });

  it('knows an address attribute by its words, but not an email address', () => {
    assert.equal(isAddressAttribute(newDeliveryAddress), true);
    assert.equal(isAddressAttribute(newValue), true);
    assert.equal(isAddressAttribute(attribute({ name: 'contact', type: 'text', description: 'The email address to reply to.', question: 'Where should we reply?' })), false);
    assert.equal(isAddressAttribute(attribute({ name: 'homeAddress', type: 'email', question: 'What is your address?' })), false);
  });
});

describe('free text the customer states in words that name it', () => {
  it('takes a value after the words that name the attribute', () => {
    assert.deepEqual(values(extract('the model is X500 and it shows E21', [errorCode, deviceModel])), { errorCode: 'E21', deviceModel: 'X500' });
    assert.deepEqual(values(extract('the error message says card declined', [declineMessage])), { declineMessage: 'card declined' });
    assert.deepEqual(values(extract("the message said 'insufficient funds' but I have money", [declineMessage])), { declineMessage: 'insufficient funds' });
    assert.deepEqual(values(extract('it just says "do not honor" when I pay', [declineMessage])), { declineMessage: 'do not honor' });
  });

  it('takes a code named by the attribute right before or after it', () => {
    assert.deepEqual(values(extract('model number BL-LP14X, error E88 on boot', [errorCode, deviceModel])), { errorCode: 'E88', deviceModel: 'BL-LP14X' });
    assert.deepEqual(values(extract("it's a BL-TV55Q7 model and I can't get past the region screen", [deviceModel])), { deviceModel: 'BL-TV55Q7' });
  });

  it('reads names made of a state or of a verb and preposition, and reasons after "because"', () => {
    assert.deepEqual(values(extract("I'm missing the power adapter", [missingItem])), { missingItem: 'the power adapter' });
    assert.deepEqual(values(extract('the remote is missing from the box', [missingItem])), { missingItem: 'the remote' });
    assert.deepEqual(values(extract('can I swap it for a black one', [exchangeFor])), { exchangeFor: 'a black one' });
    assert.deepEqual(values(extract("I want to close my account because I'm moving abroad", [closeReason])), { closeReason: "I'm moving abroad" });
    assert.deepEqual(values(extract('the store is Walmart, they have it cheaper', [competitorName])), { competitorName: 'Walmart' });
  });

  it('takes nothing from a question, a negation or words that name no value', () => {
    assert.deepEqual(extract('which model is it?', [deviceModel]), []);
    assert.deepEqual(extract('the model is not on the box', [deviceModel]), []);
    assert.deepEqual(extract('the model is it', [deviceModel]), []);
    assert.deepEqual(extract('nothing is missing but it is scratched', [missingItem]), []);
    assert.deepEqual(extract('my phone is broken', [deviceModel, missingItem]), []);
  });

  it('prefers the stated value to the whole answer when the question was asked', () => {
    assert.deepEqual(values(extract('um the model is Q7 Pro', [deviceModel], 'deviceModel')), { deviceModel: 'Q7 Pro' });
  });
});

describe('answers to a question that asks for a place', () => {
  const area = attribute({ name: 'area', type: 'text', question: 'Which area are you looking in?' });
  const destination = attribute({ name: 'destinationCity', type: 'text', question: 'Where are you going?' });

  it('takes the named place, not the whole sentence around it', () => {
    assert.deepEqual(values(extract('I want an apartment in San Jose.', [area], 'area')), { area: 'San Jose' });
    assert.deepEqual(values(extract('Search in the San Francisco area please', [area], 'area')), { area: 'San Francisco' });
    assert.deepEqual(values(extract("I'm heading to Berkeley on Friday", [destination], 'destinationCity')), { destinationCity: 'Berkeley' });
    assert.deepEqual(values(extract('I saw it at Best Buy for less', [competitorName], 'competitorName')), { competitorName: 'Best Buy' });
  });

  it('keeps the answer whole when it names no place with capitals, or the question asks for no place', () => {
    assert.deepEqual(values(extract('somewhere near the river', [area], 'area')), { area: 'somewhere near the river' });
    assert.deepEqual(values(extract('San Jose', [area], 'area')), { area: 'San Jose' });
    assert.deepEqual(values(extract('the charger that came in the Box', [missingItem], 'missingItem')), { missingItem: 'the charger that came in the Box' });
  });

  it('ends the place where its sentence ends, and reads a sentence that starts with the preposition', () => {
    assert.deepEqual(values(extract('I need an apartment in Mountain View. It must have a garden.', [area], 'area')), { area: 'Mountain View' });
    assert.deepEqual(values(extract('In San Jose, one bath.', [area], 'area')), { area: 'San Jose' });
  });
});

describe('a place the customer names without being asked', () => {
  const area = attribute({ name: 'area', type: 'text', description: 'Area where the apartment is located', question: 'Which area are you looking in?' });
  const beds = attribute({ name: 'bedrooms', type: 'number', question: 'How many bedrooms?' });
  const restaurant = attribute({ name: 'restaurantName', type: 'text', question: 'Which restaurant?' });
  const origin = attribute({ name: 'originCity', type: 'text', question: 'Where are you leaving from?' });
  const destination = attribute({ name: 'destinationCity', type: 'text', question: 'Where are you going?' });

  it('goes to the one attribute that is a place, with the other values of the turn', () => {
    assert.deepEqual(values(extract('Can you find me a three bedroom apartment in Livermore?', [area, beds])), { area: 'Livermore', bedrooms: 3 });
    assert.deepEqual(values(extract('Please look for an apartment in Pleasant Hill.', [area, beds])), { area: 'Pleasant Hill' });
    assert.deepEqual(values(extract('Please search around Hayward', [area, beds], 'bedrooms')), { area: 'Hayward' });
  });

  it('is less sure than an answer to the question', () => {
    const [unasked] = extract('an apartment in Livermore', [area]);
    const [answered] = extract('an apartment in Livermore', [area], 'area');
    assert.ok(unasked && answered && unasked.confidence < answered.confidence, `${unasked?.confidence} < ${answered?.confidence}`);
  });

  it('is not taken where a question about "where" is figurative, where two attributes are places, or where "at" names a restaurant', () => {
    const setupStep = attribute({ name: 'setupStep', type: 'text', question: 'Where in the setup are you getting stuck?' });
    assert.deepEqual(extract('How do I set up my TV in Spanish?', [setupStep]), []);
    assert.deepEqual(extract('I want a bus ticket in San Diego', [origin, destination]), []);
    assert.deepEqual(extract('Book a table at Bourbon Steak', [area, restaurant]), []);
    assert.deepEqual(extract('I want to go in March', [area]), []);
  });

  it('leaves a place inside the answer to another free-text question to that answer', () => {
    assert.deepEqual(values(extract('Bourbon Steak in Napa', [area, restaurant], 'restaurantName')), { restaurantName: 'Bourbon Steak in Napa' });
  });
});
