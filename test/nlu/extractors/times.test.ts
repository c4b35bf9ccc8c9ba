import assert from 'node:assert/strict';
import { asTime, findTimes } from '../../../src/nlu/extractors/times.js';
import { attribute, extract, NOW, values } from './fixtures.js';

const times = (text: string) => findTimes(text, NOW).map((mention) => [text.slice(mention.start, mention.end), mention.value]);

describe('times of day', () => {
  it('reads digits, words and parts of the day, before or after the hour, as a 24-hour time', () => {
    assert.deepEqual(times('Make it for 7:15 pm'), [['7:15 pm', '19:15']]);
    assert.deepEqual(times('Please reserve a table for 17:00.'), [['17:00', '17:00']]);
    assert.deepEqual(times('Make the booking for six in the evening.'), [['six in the evening', '18:00']]);
    assert.deepEqual(times('make it for 5:15 in the evening'), [['5:15 in the evening', '17:15']]);
    assert.deepEqual(times('At evening 6, please'), [['evening 6', '18:00']]);
    assert.deepEqual(times('change it to the morning 10:45'), [['the morning 10:45', '10:45']]);
    assert.deepEqual(times('quarter past 7 in the evening'), [['quarter past 7 in the evening', '19:15']]);
    assert.deepEqual(times('half past eleven in the morning'), [['half past eleven in the morning', '11:30']]);
    assert.deepEqual(times('quarter to 8 pm'), [['quarter to 8 pm', '19:45']]);
    assert.deepEqual(times('around noon'), [['noon', '12:00']]);
  });

  it('is no time in durations, relative times, dates, counts and other numbers', () => {
    assert.deepEqual(times('I waited for 2 hours'), []);
    assert.deepEqual(times('call me back in 30 minutes'), []);
    assert.deepEqual(times('on the 5th of March'), []);
    assert.deepEqual(times('a table for 3 people in the evening'), []);
    assert.deepEqual(times('order 12345 arrived'), []);
  });

  it('keeps a date and its time apart, so each attribute takes its own words', () => {
    const date = attribute({ name: 'visitDate', type: 'date', question: 'Which day would you like to come?' });
    const time = attribute({ name: 'visitTime', type: 'time', question: 'At what time?' });
    const seats = attribute({ name: 'partySize', type: 'number', question: 'For how many people?' });
    assert.deepEqual(values(extract('tomorrow at 6pm, for 4 people', [date, time, seats], 'visitDate')), {
      visitDate: '2025-03-13',
      visitTime: '18:00',
      partySize: 4,
    });
    assert.deepEqual(values(extract('at 7', [time, seats], 'visitTime')), { visitTime: '07:00' }, 'a bare hour answers its question');
  });

  it('writes a time as HH:MM from either form, and nothing for words that are no time', () => {
    assert.equal(asTime('9:05', NOW), '09:05');
    assert.equal(asTime('seven thirty pm', NOW), '19:30');
    assert.equal(asTime('whenever', NOW), null);
  });
});
