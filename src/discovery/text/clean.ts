/**
 * Removes transcription artefacts that carry no meaning: disfluency markers ("#Uh", "#Um"),
 * stutters ("to-to", "Y-yeah") and cut-off word fragments ("ju- just").
 */
export function cleanUtterance(text: string): string {
  return text
    .replace(/#\w+/g, ' ')
    .replace(/\b(\w+)-\1\b/gi, '$1')
    .replace(/\b(\w{1,2})-(\w+)\b/gi, (whole, head: string, word: string) =>
      word.toLowerCase().startsWith(head.toLowerCase()) ? word : whole,
    )
    .replace(/\b\w+-(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
