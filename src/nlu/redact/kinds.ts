export const personalDataKinds = ['email', 'phone', 'card', 'account', 'name', 'address'] as const;

export type PersonalDataKind = (typeof personalDataKinds)[number];

export const PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  card: '[CARD]',
  account: '[ACCOUNT]',
  name: '[NAME]',
  address: '[ADDRESS]',
};

/** A stretch of personal data in the input text: [start, end) in UTF-16 code units. */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** Spans of every match of `pattern`, or of its capture `group` (the pattern then needs the `d` flag). */
export function spansOf(kind: PersonalDataKind, pattern: RegExp, text: string, group = 0): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const [start, end] = group === 0 ? [match.index, match.index + match[0].length] : (match.indices?.[group] ?? [0, 0]);
    if (end > start) spans.push({ kind, start, end });
  }
  return spans;
}
