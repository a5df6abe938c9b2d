/**
 * A searchable word: letters, marks and digits of any script, optionally joined by `-`, `.` or `_`
 * (`kube-proxy`, `v1.31`, `metallb_speaker`). Everything else, including every tsquery and SQL
 * metacharacter (`&|!():*<>'\`), separates words and is never part of one.
 */
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+(?:[-._][\p{L}\p{M}\p{N}]+)*/gu;

/** Characters that join the parts of a compound word. */
const CONNECTOR_PATTERN = /[-._]/u;

/** Words longer than this are dropped: PostgreSQL refuses to index them and no one types them. */
export const MAX_WORD_LENGTH = 100;

/** Lower-cases in a locale-independent way and composes accents so `é` typed two ways compares equal. */
export function foldCase(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/** The words of a text, case-folded, in order (duplicates kept). */
export function extractWords(text: string): string[] {
  return foldCase(text).match(WORD_PATTERN) ?? [];
}

/** The parts of a compound word (`kube-proxy` → `kube`, `proxy`); a simple word gives itself. */
export function splitCompoundWord(word: string): string[] {
  return word.split(CONNECTOR_PATTERN).filter((part) => part.length > 0);
}

/** Length in code points, so an emoji counts as one character. */
export function codePointLength(text: string): number {
  return [...text].length;
}

/** Turns a typed operator value into slug form: `"Day  Two"` → `day-two`. */
export function toSlugValue(value: string): string {
  return foldCase(value).trim().replace(/\s+/gu, "-");
}
