/**
 * Text without the byte-order mark (U+FEFF) that Windows editors and Excel write at the start of UTF-8 files,
 * and that `cat` carries into the middle of a file made by joining such files. JSON.parse refuses it.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
