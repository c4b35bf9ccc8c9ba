import assert from 'node:assert/strict';
import { maskPersonalData, type PersonalDataKind } from '../../src/nlu/redact.js';
import { Random } from '../../src/text/random.js';


/** A piece of a generated sentence: literal text, personal data to mask, or a product value to keep. */
type Piece = string | { kind: PersonalDataKind; text: string } | { keep: string };

interface Sample {
  text: string;
  planted: Array<{ kind: PersonalDataKind; start: number; end: number; text: string }>;
  kept: string[];
}

function assemble(pieces: readonly Piece[]): Sample {
  const sample: Sample = { text: '', planted: [], kept: [] };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      sample.text += piece;
    } else if ('keep' in piece) {
      sample.kept.push(piece.keep);
      sample.text += piece.keep;
    } else {
      sample.planted.push({ kind: piece.kind, start: sample.text.length, end: sample.text.length + piece.text.length, text: piece.text });
      sample.text += piece.text;
    }
  }
  return sample;
}

// Obviously fake data only: 555-01xx and Ofcom drama numbers, example.* domains, published test card numbers.
const FIRST = ['Jane', 'John', 'Maria', 'Ahmed', 'Wei', 'Olivia', 'Liam', 'Sofia', 'Noah', 'Aisha', 'Kenji', 'Priya', 'Tomasz', 'Chloe', 'Mateo', 'Zoë'];
const LAST = ['Doe', 'Roe', 'Sample', 'Example', 'Testwood', 'Fakerly', 'Mockford', 'Placeholder', 'Dummyson', "O'Test", 'Lorem-Ipsum'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'test.example'];
const AREA = ['212', '415', '312', '617', '206', '303', '404', '512'];
const CARDS = ['4111111111111111', '4242424242424242', '5555555555554444', '5105105105105100', '378282246310005', '6011111111111117', '3530111333300000', '4012888888881881'];
const IBANS = ['GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'FR14 2004 1010 0505 0001 3M02 606'];
const STREETS = ['Main', 'Elm', 'Oak', 'Maple', 'Cedar', 'Sample', 'Example', 'Test', 'Pine', 'Lakeview', 'Sunset Hill', 'Old Mill'];
const SUFFIXES = ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd.', 'Boulevard', 'Lane', 'Drive', 'Court', 'Way', 'Place', 'Terrace'];
const CITIES = ['Springfield, IL 62704', 'Anytown, CA 90210', 'Exampleville, NY 10001', 'Testburg, TX 73301-0001'];

function generators(random: Random): Record<PersonalDataKind, () => Piece[]> & { product: () => Piece[] } {
  const fullName = (): string => `${random.pick(FIRST)} ${random.pick(LAST)}`;
  const phoneNumber = (): string => {
    const area = random.pick(AREA);
    const line = `01${random.digits(2)}`;
    return random.pick([
      `(${area}) 555-${line}`,
      `${area}-555-${line}`,
      `${area}.555.${line}`,
      `+1 ${area} 555 ${line}`,
      `+1-${area}-555-${line}`,
      `${area}555${line}`,
      `555-${line}`,
      `+44 20 7946 0${random.digits(3)}`,
      `+44 7700 900${random.digits(3)}`,
    ]);
  };
  const card = (): string => {
    const number = random.pick(CARDS);
    const grouped = number.length === 15 ? `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}` : number.replace(/(\d{4})(?=\d)/g, '$1 ');
    return random.pick([number, grouped, grouped.replace(/ /g, '-')]);
  };
  const address = (): string => {
    const street = `${random.int(1, 9800)} ${random.pick(STREETS)} ${random.pick(SUFFIXES)}`;
    const unit = random.pick(['', '', `, Apt ${random.int(1, 40)}`, ` Unit ${random.digits(1)}B`, `, Suite ${random.digits(3)}`]);
    const city = random.pick(['', `, ${random.pick(CITIES)}`]);
    return `${street}${unit}${city}`;
  };
  return {
    email: () => [
      random.pick(['my email is ', 'email me at ', 'reach me on ', 'send it to ', 'contact: ']),
      { kind: 'email', text: `${random.pick(FIRST).toLowerCase()}${random.pick(['.', '_', '', '+orders.'])}${random.pick(LAST).toLowerCase().replace(/\W/g, '')}${random.digits(2)}@${random.pick(DOMAINS)}` },
    ],
    phone: () => [random.pick(['call me at ', 'my number is ', 'phone: ', 'text ', 'you can reach me on ']), { kind: 'phone', text: phoneNumber() }],
    card: () => [random.pick(['my card number is ', 'I paid with ', 'card ', 'charge it to ']), { kind: 'card', text: card() }],
    account: () =>
      random.pick<Piece[]>([
        ['my IBAN is ', { kind: 'account', text: random.pick(IBANS) }],
        ['account number ', { kind: 'account', text: random.digits(8) }],
        ['the account is ', { kind: 'account', text: `${random.int(1, 9)}${random.digits(9)}` }],
        ['routing ', { kind: 'account', text: `0${random.digits(8)}` }],
        ['SSN ', { kind: 'account', text: `123-45-67${random.digits(2)}` }],
      ]),
    name: () =>
      random.pick<Piece[]>([
        ['my name is ', { kind: 'name', text: fullName() }],
        ['My name is ', { kind: 'name', text: fullName().toLowerCase() }],
        ['This is ', { kind: 'name', text: random.pick(FIRST) }],
        ["I'm ", { kind: 'name', text: fullName() }],
        ['the name on the card is ', { kind: 'name', text: fullName() }],
        ['Hi ', { kind: 'name', text: random.pick(FIRST) }, ','],
        ['Thanks, ', { kind: 'name', text: random.pick(FIRST) }, '!'],
        ['please ask for ', { kind: 'name', text: `Ms. ${random.pick(LAST)}` }],
      ]),
    address: () =>
      random.pick<Piece[]>([
        ['ship it to ', { kind: 'address', text: address() }],
        ['I live at ', { kind: 'address', text: address() }],
        ['the address is ', { kind: 'address', text: address() }],
        ['deliver to ', { kind: 'address', text: address() }],
        ['send the box to ', { kind: 'address', text: `P.O. Box ${random.digits(4)}` }],
        ['my zip code is ', { kind: 'address', text: random.digits(5) }],
      ]),
    product: () =>
      random.pick<Piece[]>([
        ['order ', { keep: `BL-${random.digits(7)}` }],
        ['return ', { keep: `RMA-${random.digits(6)}` }],
        ['serial ', { keep: `${random.pick(['TV', 'SN', 'LP', 'HP'])}${random.digits(8)}` }],
        ['it shows error ', { keep: `E${random.digits(random.pick([2, 3]))}` }],
        ['invoice ', { keep: `INV-${random.digits(8)}` }],
        ['it cost ', { keep: random.pick(['$1,299.50', '$49.99', '€20', '349.00 dollars']) }],
        ['I bought it on ', { keep: random.pick(['2024-11-02', '12/25/2024', 'March 3', 'last Tuesday', 'the 3rd']) }],
      ]),
  };
}

const KINDS: readonly PersonalDataKind[] = ['email', 'phone', 'card', 'account', 'name', 'address'];

function generateSamples(seed: number, count: number): Sample[] {
  const random = new Random(seed);
  const make = generators(random);
  const openers = ['', '', 'Hello. ', 'Hi there, ', 'Ok so ', 'Yes, '];
  const joins = [', ', ' and ', '. ', '; also ', ' - '];
  const closers = ['', '.', ' thanks!', ', thank you.', ' please.'];
  return Array.from({ length: count }, () => {
    const parts: Piece[][] = [];
    const personal = random.int(1, 3);
    for (let i = 0; i < personal; i += 1) parts.push(make[random.pick(KINDS)]());
    for (let i = random.int(0, 2); i > 0; i -= 1) parts.splice(random.int(0, parts.length), 0, make.product());
    const pieces: Piece[] = [random.pick(openers)];
    parts.forEach((part, index) => pieces.push(...(index > 0 ? [random.pick(joins)] : []), ...part));
    pieces.push(random.pick(closers));
    return assemble(pieces);
  });
}

describe('personal-data masking', () => {
  it('replaces each kind of personal data with its placeholder', () => {
    const { text } = maskPersonalData(
      'My name is Jane Doe, email jane.doe@example.com, phone (212) 555-0134, card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, and I live at 42 Elm Street, Apt 3, Springfield, IL 62704.',
    );
    assert.equal(text, 'My name is [NAME], email [EMAIL], phone [PHONE], card [CARD], IBAN [ACCOUNT], and I live at [ADDRESS].');
  });

  it('reports what it replaced as offsets into the input', () => {
    const input = 'Call 212-555-0134 or write to jane@example.com';
    const { found } = maskPersonalData(input);
    assert.deepEqual(
      found.map((span) => [span.kind, input.slice(span.start, span.end)]),
      [
        ['phone', '212-555-0134'],
        ['email', 'jane@example.com'],
      ],
    );
  });

  it('keeps order, return, serial and invoice numbers, error codes, prices and dates', () => {
    const input = 'Order BL-4471220 (RMA-123456, invoice INV-20250311) for serial TV40118273 shows E105; it cost $1,299.50 on 2024-11-02, delivered 12/25/2024.';
    assert.deepEqual(maskPersonalData(input), { text: input, found: [] });
  });

  it('masks a card number only when it passes the Luhn check, and a long failing one as an account number', () => {
    assert.equal(maskPersonalData('card 4111-1111-1111-1111').text, 'card [CARD]');
    assert.equal(maskPersonalData('card 4111-1111-1111-1112').text, 'card [ACCOUNT]');
  });

  it('masks a card security code and expiry date', () => {
    assert.equal(maskPersonalData('exp 12/27 and cvv 123').text, 'exp [CARD] and cvv [CARD]');
  });

  it('does not take ordinary capitalized words after "I\'m" or "this is" for names', () => {
    const input = "I'm Sorry to bother you. This is Brightline support. I'm Not happy with it, call me tomorrow.";
    assert.equal(maskPersonalData(input).text, input);
  });

  it('does not take counts, store names or delivery dates for street addresses', () => {
    for (const input of ['I bought 3 at the Main St store and waited 2 days on the way home', 'send it to me before March 3 2025']) {
      assert.equal(maskPersonalData(input).text, input);
    }
  });

  it('masks an address without a street suffix after "ship it to", up to where the sentence moves on', () => {
    assert.equal(maskPersonalData('ship it to Rue de Rivoli 42, 75001 Paris and my order is BL-4471220').text, 'ship it to [ADDRESS] and my order is BL-4471220');
  });

  it('refuses a non-string with an error that says so', () => {
    assert.throws(() => maskPersonalData(undefined as unknown as string), /maskPersonalData: text must be a string, got undefined/);
  });

  it('masks all of a 100 KB text', () => {
    const input = 'Order BL-4471220, call me at (212) 555-0134. '.repeat(2500);
    const { text, found } = maskPersonalData(input);
    assert.equal(found.length, 2500);
    assert.ok(!text.includes('555-0134'));
    assert.equal(text.split('BL-4471220').length - 1, 2500);
  });

  describe('on a generated set of 600 sentences', () => {
    const samples = generateSamples(20250312, 600);
    const results = samples.map((sample) => ({ sample, masked: maskPersonalData(sample.text) }));

    it('plants hundreds of values of every kind', () => {
      const planted = samples.flatMap((s) => s.planted);
      assert.ok(planted.length >= 900, `${planted.length} planted`);
      for (const kind of KINDS) assert.ok(planted.filter((p) => p.kind === kind).length >= 100, kind);
    });

    it('masks at least 99% of the personal data', () => {
      let total = 0;
      let masked = 0;
      const missed: string[] = [];
      for (const { sample, masked: result } of results) {
        for (const planted of sample.planted) {
          total += 1;
          const covered = result.found.some((span) => span.start <= planted.start && span.end >= planted.end);
          if (covered) masked += 1;
          else missed.push(`${planted.kind} ${JSON.stringify(planted.text)} in ${JSON.stringify(sample.text)} -> ${JSON.stringify(result.text)}`);
        }
      }
      const recall = masked / total;
      assert.ok(recall >= 0.99, `recall ${recall.toFixed(4)}; missed:\n${missed.join('\n')}`);
    });

    it('keeps every product identifier, price and date', () => {
      const lost = results.flatMap(({ sample, masked }) => sample.kept.filter((value) => !masked.text.includes(value)).map((value) => `${value} in ${masked.text}`));
      assert.deepEqual(lost, []);
    });

    it('leaves sentences without personal data unchanged', () => {
      const make = generators(new Random(7));
      for (let i = 0; i < 200; i += 1) {
        const sample = assemble(['Hi, ', ...make.product(), ' and ', ...make.product(), '.']);
        assert.equal(maskPersonalData(sample.text).text, sample.text);
      }
    });
  });
});
