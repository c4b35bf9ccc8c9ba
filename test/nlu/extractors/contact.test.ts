import assert from 'node:assert/strict';
import { email, extract, phone, values } from './fixtures.js';

describe('email and phone answers', () => {
  it('takes an email address, its domain in lower case', () => {
    const found = extract('sure, it is Jane.Doe+orders@Example.COM thanks', [email], 'email');
    assert.deepEqual(values(found), { email: 'Jane.Doe+orders@example.com' });
    assert.equal(found[0]?.text, 'Jane.Doe+orders@Example.COM');
  });

  it("keeps an apostrophe in the name part of an address (pat.o'neil@...)", () => {
    assert.deepEqual(values(extract("the account is under pat.o'neil@example.net", [email])), { email: "pat.o'neil@example.net" });
    assert.deepEqual(values(extract("it's 'jo@example.com'", [email], 'email')), { email: 'jo@example.com' });
  });

  it('reads an address written as said aloud, but not a place one was at', () => {
    assert.deepEqual(values(extract("it's jo.smith at gmail.com", [email], 'email')), { email: 'jo.smith@gmail.com' });
    assert.deepEqual(values(extract('jo dot smith at Gmail dot com', [email], 'email')), { email: 'jo.smith@gmail.com' });
    assert.deepEqual(values(extract('pat at brightline dot co dot uk please', [email], 'email')), { email: 'pat@brightline.co.uk' });
    assert.deepEqual(extract('I bought it at Best Buy', [email]), []);
    assert.deepEqual(extract('I saw it at walmart.com last week', [email]), []);
  });

  it('takes an email address mentioned before it was asked', () => {
    assert.deepEqual(values(extract('you can reach me at jane.doe@example.com', [email, phone])), { email: 'jane.doe@example.com' });
  });

  it('reads a national phone number in the default region as E.164', () => {
    assert.deepEqual(values(extract('(212) 555-0134', [phone], 'phone', 'US')), { phone: '+12125550134' });
    assert.deepEqual(values(extract('020 7946 0958', [phone], 'phone', 'GB')), { phone: '+442079460958' });
  });

  it('reads an international number without a default region', () => {
    assert.deepEqual(values(extract('+44 20 7946 0958', [phone], 'phone')), { phone: '+442079460958' });
    assert.deepEqual(extract('(212) 555-0134', [phone], 'phone'), []);
  });

  it('ignores an unknown default region instead of failing', () => {
    assert.deepEqual(values(extract('+1 212 555 0134', [phone], 'phone', 'Narnia')), { phone: '+12125550134' });
  });

  it('takes a written-out phone number unasked, but not a bare digit run', () => {
    assert.deepEqual(values(extract('call me on 212-555-0134', [phone], undefined, 'US')), { phone: '+12125550134' });
    assert.deepEqual(extract('2125550134', [phone], undefined, 'US'), []);
  });
});
