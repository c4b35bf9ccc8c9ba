/**
 * Word lists for fake attribute values. Keys are the attribute names and enum values of the demo library;
 * attributes of other libraries fall back to forms built from their type and name.
 */

/** How an enum value reads: `mention` inside a sentence, `answers` when given as the reply to a question. */
export interface ValueWords {
  mention: string;
  answers: readonly string[];
}

const DEVICE_WORDS: Record<string, ValueWords> = {
  phone: { mention: 'phone', answers: ['my phone', 'a phone', "it's a phone", 'cell phone', 'phone'] },
  laptop: { mention: 'laptop', answers: ['laptop', 'my laptop', 'a laptop, the 14 inch one', "it's a laptop"] },
  tv: { mention: 'TV', answers: ['TV', 'the TV', 'a television', "it's a 55 inch TV", 'tv'] },
  headphones: { mention: 'headphones', answers: ['headphones', 'wireless earbuds', 'my headset', 'noise cancelling headphones'] },
  tablet: { mention: 'tablet', answers: ['tablet', 'my tablet', 'an 11 inch tablet', "it's a tablet"] },
  'smart-home': { mention: 'smart speaker', answers: ['smart speaker', 'a smart plug', 'the smart home hub', 'doorbell camera', 'smart thermostat'] },
  other: { mention: 'camera', answers: ['a camera', 'smartwatch', 'a projector', "it's a printer actually"] },
};

const PAYMENT_WORDS: Record<string, ValueWords> = {
  'credit-card': { mention: 'credit card', answers: ['credit card', 'my Visa', 'a credit card', 'mastercard'] },
  'debit-card': { mention: 'debit card', answers: ['debit card', 'my debit card', 'bank card'] },
  paypal: { mention: 'PayPal', answers: ['PayPal', 'paypal', 'through PayPal'] },
  'apple-pay': { mention: 'Apple Pay', answers: ['Apple Pay', 'apple pay on my phone'] },
  'google-pay': { mention: 'Google Pay', answers: ['Google Pay', 'gpay'] },
  'gift-card': { mention: 'gift card', answers: ['gift card', 'a Brightline gift card', 'store gift card'] },
};

const PLAN_WORDS: Record<string, ValueWords> = {
  basic: { mention: 'Basic', answers: ['Basic', 'the basic one', 'Plus Basic'] },
  premium: { mention: 'Premium', answers: ['Premium', 'premium', 'the premium plan'] },
  family: { mention: 'Family', answers: ['Family', 'the family plan', 'family one'] },
};

export const ENUM_WORDS: Record<string, Record<string, ValueWords>> = {
  deviceType: DEVICE_WORDS,
  paymentMethod: PAYMENT_WORDS,
  plan: PLAN_WORDS,
  newPlan: PLAN_WORDS,
  billingPeriod: {
    monthly: { mention: 'monthly', answers: ['monthly', 'month to month', 'every month'] },
    annual: { mention: 'annual', answers: ['annually', 'yearly', 'once a year'] },
  },
  returnReason: {
    'no-longer-needed': { mention: 'not needed', answers: ["I just don't need it anymore", 'changed my mind', 'no longer need it'] },
    defective: { mention: 'defective', answers: ["it's defective", "it doesn't work properly", 'faulty'] },
    'wrong-item': { mention: 'wrong item', answers: ['you sent the wrong item', 'wrong model', 'not the one I ordered'] },
    'not-as-described': { mention: 'not as described', answers: ["it's not what the website said", 'not as described'] },
    other: { mention: 'other', answers: ["I just don't like it", 'other reasons'] },
  },
  cancelReason: {
    'changed-mind': { mention: 'changed my mind', answers: ['changed my mind', "I don't need it anymore"] },
    'found-cheaper': { mention: 'found it cheaper', answers: ['found it cheaper elsewhere', 'another store has it for less'] },
    'ordered-by-mistake': { mention: 'ordered by mistake', answers: ['ordered it by mistake', 'I ordered the wrong one'] },
    'delivery-too-slow': { mention: 'delivery too slow', answers: ['delivery takes too long', 'I need it sooner than that'] },
    other: { mention: 'other', answers: ['personal reasons', "I'd rather not say"] },
  },
  updateScope: {
    'account-wallet': { mention: 'saved cards', answers: ['the cards on my account', 'my saved cards', 'just my account'] },
    subscription: { mention: 'subscription', answers: ['my Plus subscription', 'the membership', 'for the subscription'] },
    'pending-order': { mention: 'pending order', answers: ["an order that hasn't shipped", 'my pending order'] },
  },
  detailToUpdate: {
    email: { mention: 'email', answers: ['my email', 'email address', 'the email'] },
    phone: { mention: 'phone number', answers: ['phone number', 'my number', 'mobile number'] },
    address: { mention: 'address', answers: ['my address', 'home address', 'shipping address'] },
    name: { mention: 'name', answers: ['my name', 'last name', 'the name on the account'] },
    password: { mention: 'password', answers: ['password', 'my password'] },
    preferences: { mention: 'preferences', answers: ['marketing emails', 'notification preferences'] },
  },
  signInChannel: {
    website: { mention: 'website', answers: ['the website', 'on your site', 'website, on my computer'] },
    app: { mention: 'app', answers: ['the app', 'Brightline app on my phone', 'app'] },
    device: { mention: 'device', answers: ['on my TV', 'on the tablet', 'on the device itself'] },
  },
};

/** Replies to yes/no questions, per attribute; `*` is the fallback. */
export const BOOLEAN_WORDS: Record<string, { yes: readonly string[]; no: readonly string[] }> = {
  '*': {
    yes: ['yes', 'yep', 'yeah', "yes, that's right", 'sure', 'Yes.'],
    no: ['no', 'nope', 'no, not really', 'No.', 'not that I know of'],
  },
  photosAvailable: {
    yes: ['yes I took some photos', 'sure, I can send pictures', 'yes, of the box too'],
    no: ['no, I already threw the box away', "I can't right now, sorry"],
  },
  triedOtherPower: {
    yes: ['yes, tried two different outlets', 'yeah, different charger too', 'yes I tried all that'],
    no: ['no, not yet', "I haven't, let me try", 'no'],
  },
  itemOpened: {
    yes: ['yes I opened it', 'opened but barely used', 'yes, used it once'],
    no: ['no, still sealed', 'nope, never opened', 'no, still in the plastic'],
  },
  batterySwollen: {
    yes: ['yes, the back is bulging a bit', 'yeah the screen is lifting on one side'],
    no: ['no, it looks normal', 'no, nothing like that'],
  },
  businessInvoice: {
    yes: ['yes, for my company', "yes please, it's for work", 'yes, company name and tax ID'],
    no: ['no, personal is fine', 'no, just my name'],
  },
  confirmDataDeletion: {
    yes: ["yes, that's fine", 'yes I understand', 'yes, go ahead'],
    no: ["oh, I didn't know that. Let me download my data first", 'hmm no, can I keep the backups?'],
  },
};

/** Free-text answers, per attribute name. */
export const TEXT_VALUES: Record<string, readonly string[]> = {
  missingItem: [
    'charging cable', 'power adapter', 'remote control', 'TV stand', 'screws for the stand', 'carrying case', 'screen protector',
    'USB-C cable', 'wall mount', 'ear tips', 'HDMI cable', 'stylus pen', 'keyboard cover', 'second pair of earbuds',
  ],
  damageDescription: [
    'the screen is cracked in the corner', "there's a big dent on the back", 'the stand is snapped in half', 'the case is scratched all over',
    'one of the hinges is broken', 'the box was crushed and the screen has lines on it', 'the glass on the front is shattered',
    "it rattles and won't turn on",
  ],
  exchangeFor: [
    'the 256GB version', 'the same one in white', 'the 65 inch model', 'a size larger', 'the pro model', 'a new unit of the same model',
    'the blue one', 'the version with more RAM', 'the noise cancelling version',
  ],
  deviceModel: [
    'Brightline Vista 55', 'Brightline Vista 65 OLED', 'Nova X2', 'Nova X2 Pro', 'AirTone 300', 'AirTone Buds', 'PixelSlate 11',
    'Homely Hub mini', 'Homely Cam 2', 'Voltbook 14', 'Voltbook 16 Pro', 'SoundArc 500',
  ],
  setupStep: [
    "it won't connect to the wifi", "it's stuck on the update screen during setup", "the app can't find the device",
    "I can't get past the account sign-in step", "the remote won't pair", "it asks for a code I don't have", 'bluetooth pairing fails',
    'it says setup failed at the very end',
  ],
  issueDescription: [
    'the screen flickers all the time', 'it shuts off randomly', 'the left speaker crackles', 'the keyboard stopped working',
    "it won't charge anymore", 'there are dead pixels in the middle of the screen', 'the fan makes a grinding noise',
    'one earbud has no sound', 'the hinge cracked', 'the camera is blurry',
  ],
  declineMessage: [
    'Payment declined, please try another card', "We couldn't process your payment", 'Card verification failed',
    'Billing address does not match', 'Transaction not authorized', 'something went wrong, try again later',
  ],
  competitorName: [
    'TechMart', 'ValueVolt', 'CircuitHub', 'MegaByte Store', 'ElectroWorld', 'your own website', 'the Brightline app', 'a store across town',
  ],
  closeReason: [
    "I don't use it anymore", "I'm moving abroad", 'I have too many accounts', 'privacy reasons', "I wasn't happy with the service",
    'I just want fewer online accounts',
  ],
  leaveReason: [
    "I don't use it anymore", "it's too expensive", 'just cutting back on subscriptions', 'I found a better deal', "I don't need the cloud backup",
  ],
};

export const FIRST_NAMES = [
  'alex', 'sam', 'jordan', 'taylor', 'casey', 'morgan', 'jamie', 'riley', 'drew', 'avery', 'quinn', 'robin', 'chris', 'pat', 'lee', 'dana',
];
export const LAST_NAMES = ['rivera', 'nguyen', 'patel', 'smith', 'kim', 'garcia', 'baker', 'lopez', 'chen', 'walker', 'young', 'hall'];
export const STREETS = ['Maple', 'Oak', 'Cedar', 'Lakeview', 'Hillcrest', 'Birch', 'Willow', 'Park', 'Elm', 'Sunset'];
export const STREET_KINDS = ['Street', 'Avenue', 'Road', 'Lane', 'Drive'];
export const CITIES = ['Springfield', 'Riverton', 'Fairview', 'Greenville', 'Madison', 'Franklin', 'Clinton', 'Georgetown'];
export const AREA_CODES = ['212', '312', '415', '617', '206', '303', '512', '704', '919', '503'];

const PLAN_CUES: Record<string, RegExp> = { basic: /\bbasic\b/iu, premium: /\bpremium\b/iu, family: /\bfamily (plan|one)\b/iu };

/** Words by which a customer names an enum value in passing ("my laptop won't start" -> deviceType laptop). */
export const ENUM_CUES: Record<string, Record<string, RegExp>> = {
  deviceType: {
    phone: /\b(phone|cell ?phone|cell|mobile|smartphone)\b(?! number)/iu,
    laptop: /\b(laptop|notebook|computer)\b/iu,
    tv: /\b(tv|television)\b/iu,
    headphones: /\b(headphones?|earbuds?|headset|earphones)\b/iu,
    tablet: /\btablet\b/iu,
    'smart-home': /\b(smart (speaker|plug|display|hub|thermostat|home)|doorbell|thermostat|light bulbs|speaker|soundbar)\b/iu,
    other: /\b(camera|smart ?watch|projector|printer|monitor)\b/iu,
  },
  paymentMethod: {
    'credit-card': /\bcredit card\b/iu,
    'debit-card': /\bdebit card\b/iu,
    paypal: /\bpaypal\b/iu,
    'apple-pay': /\bapple pay\b/iu,
    'google-pay': /\bgoogle pay\b/iu,
    'gift-card': /\bgift card\b/iu,
  },
  plan: PLAN_CUES,
  newPlan: PLAN_CUES,
};
