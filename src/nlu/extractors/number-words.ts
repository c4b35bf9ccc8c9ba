const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1_000, million: 1_000_000 };

const WORD = [...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'dozen', ...Object.keys(SCALES)].join('|');

/** A run of English number words: "twenty five", "a hundred and ten", "one thousand two hundred". */
export const NUMBER_WORDS = new RegExp(
  `\\b(?:an?\\s+(?=(?:hundred|thousand|million|dozen)\\b))?(?:${WORD})(?:(?:\\s+|-|\\s+and\\s+)(?:${WORD}))*\\b`,
  'gi',
);

/**
 * The value of a run matched by NUMBER_WORDS, or null when the words do not make one number
 * ("one two three" is spelled digits, not a number).
 */
export function parseNumberWords(words: string): number | null {
  let total = 0;
  let current = 0;
  let previous: 'unit' | 'ten' | 'hundred' | 'scale' | null = null;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'a' || word === 'an') {
      current = 1;
      previous = 'unit';
    } else if (word in UNITS) {
      if (previous === 'unit' || (previous === 'ten' && (UNITS[word] ?? 0) >= 10)) return null;
      current += UNITS[word] ?? 0;
      previous = 'unit';
    } else if (word in TENS) {
      if (previous === 'unit' || previous === 'ten') return null;
      current += TENS[word] ?? 0;
      previous = 'ten';
    } else if (word === 'hundred') {
      if (previous === 'hundred') return null;
      current = (current || 1) * 100;
      previous = 'hundred';
    } else if (word === 'dozen') {
      current = (current || 1) * 12;
      previous = 'hundred';
    } else {
      total += (current || 1) * (SCALES[word] ?? 1);
      current = 0;
      previous = 'scale';
    }
  }
  return total + current;
}
