import type { Random } from '../text/random.js';

/** Misspellings customers really make, keyed by the correct lower-case word. */
const MISSPELLINGS: Record<string, readonly string[]> = {
  receive: ['recieve'],
  received: ['recieved', 'recived'],
  definitely: ['definately'],
  warranty: ['warrenty', 'waranty'],
  address: ['adress', 'addres'],
  tomorrow: ['tommorow', 'tomorow'],
  delivery: ['delivary', 'delievery'],
  delivered: ['delieverd', 'deliverd'],
  account: ['acount', 'accout'],
  battery: ['batery', 'battey'],
  update: ['udpate', 'updte'],
  charged: ['chraged', 'charge'],
  password: ['pasword', 'passwrod'],
  subscription: ['subscripton', 'subcription'],
  cancel: ['cancell', 'cancle'],
  refund: ['refnd', 'refun'],
  because: ['becuase', 'bc'],
  please: ['pls', 'plz', 'pleas'],
  thanks: ['thx', 'thanx', 'tnx'],
  laptop: ['labtop', 'laptpo'],
  headphones: ['headphone', 'hedphones'],
  again: ['agian'],
  weird: ['wierd'],
  know: ['kno'],
  order: ['oder', 'ordr'],
  error: ['eror', 'errror'],
  invoice: ['invoce'],
  replacement: ['replacment'],
  technician: ['techician'],
};

/** Same-meaning rewordings that customers use interchangeably. */
const SYNONYMS: Record<string, readonly string[]> = {
  laptop: ['notebook', 'computer'],
  tv: ['television', 'TV set'],
  phone: ['cell', 'mobile', 'cellphone'],
  headphones: ['headset', 'earphones'],
  package: ['parcel', 'box'],
  "can't": ['cannot', 'cant', 'can not'],
  "won't": ['wont', 'will not'],
  "don't": ['dont', 'do not'],
  "didn't": ['didnt', 'did not'],
  "i'm": ['im', 'I am'],
  'want to': ['wanna', 'would like to', 'need to'],
  wifi: ['wi-fi', 'WiFi', 'the internet'],
  received: ['gotten', 'got'],
  broken: ['busted'],
  quickly: ['fast'],
  yesterday: ['yday'],
  tomorrow: ['tmrw'],
  because: ['cause', 'since'],
  membership: ['subscription'],
  'brightline plus': ['Plus', 'BL Plus', 'the Plus membership'],
};

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sqwz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wrds', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'uojk',
  j: 'huikmn', k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iplk', p: 'ol', q: 'wa', r: 'etfd', s: 'awedxz',
  t: 'rygf', u: 'yihj', v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tugh', z: 'asx',
};

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function matchCase(original: string, replacement: string): string {
  if (/^[A-Z]/u.test(original) && /^[a-z]/u.test(replacement)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

const SYNONYM_PATTERNS = Object.entries(SYNONYMS).map(
  ([word, options]) => [new RegExp(`(?<![\\w'])${escapeRegExp(word)}(?![\\w'])`, 'giu'), options] as const,
);

/** Replaces some words by synonyms; each candidate word is reworded with probability `rate`. */
export function rewordSynonyms(random: Random, text: string, rate: number): string {
  let result = text;
  for (const [pattern, options] of SYNONYM_PATTERNS) {
    result = result.replace(pattern, (found) => (random.chance(rate) ? matchCase(found, random.pick(options)) : found));
  }
  return result;
}

function mangle(random: Random, word: string): string {
  const known = MISSPELLINGS[word.toLowerCase()];
  if (known && random.chance(0.7)) return matchCase(word, random.pick(known));
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default: {
      const neighbours = KEYBOARD_NEIGHBOURS[word[at]!.toLowerCase()];
      return neighbours ? word.slice(0, at) + random.pick([...neighbours]) + word.slice(at + 1) : word;
    }
  }
}

/** Introduces 1-2 typos in plain words; identifiers, numbers and addresses (anything with a digit or "@") are left intact. */
export function addTypos(random: Random, text: string): string {
  const words = [...text.matchAll(/(?<![\w@.-])[A-Za-z]{4,}(?![\w@-]|\.\w)/gu)];
  if (words.length === 0) return text;
  let result = text;
  const count = words.length >= 8 && random.chance(0.25) ? 2 : 1;
  for (const match of random.shuffle(words).slice(0, count).sort((a, b) => (b.index ?? 0) - (a.index ?? 0))) {
    const start = match.index ?? 0;
    result = result.slice(0, start) + mangle(random, match[0]) + result.slice(start + match[0].length);
  }
  return result;
}

/** How people type in chat: typos, all lower case, missing apostrophes and final full stops. */
export function chatStyle(random: Random, text: string, typoRate: number): string {
  let result = text.length >= 12 && random.chance(typoRate) ? addTypos(random, text) : text;
  if (random.chance(0.2)) result = result.replace(/(?<=[a-z])'(?=[a-z])/giu, '');
  if (random.chance(0.25)) result = result.replace(/(?<![\w@-])[A-Z][a-z]/gu, (word) => word.toLowerCase());
  if (random.chance(0.4)) result = result.replace(/\.$/u, '');
  return result;
}
