/** Terminal escape sequences: CSI (`ESC [ ... m`, also the one-byte CSI), OSC (`ESC ] ... BEL`) and two-character escapes. */
const TERMINAL_ESCAPES = /\u001B\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B[@-Z\\-_]/g;
/** Bidirectional embeddings, overrides, isolates and marks: they reorder what is shown around them and say nothing. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Control characters other than tab and newline (C0, DEL, C1). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text as a person meant it, safe to store, log and show: terminal escape codes and bidirectional controls are
 * removed (they only change how text looks or in which order it is drawn), other control characters become a
 * space, and the result is NFC-normalised. The words, their order and their script are kept.
 */
export function neutralizeText(text: string): string {
  return text.replace(TERMINAL_ESCAPES, '').replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').normalize('NFC');
}
