/** An id from a name: "Cancel plan" -> "cancel-plan", made unique against `taken` with a number. */
export function uniqueSlug(name: string, taken: Set<string>, fallback = 'intent'): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
