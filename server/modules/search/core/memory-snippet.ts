import { extractWords, splitCompoundWord } from "./search-text.js";
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  highlightedTextToSafeHtml,
  plainSnippetHtml,
  stripHighlightMarkers,
} from "./snippet.js";

/** Chunks (words with their punctuation) shown before and after the first highlight. */
const CHUNKS_BEFORE = 12;
const CHUNKS_AFTER = 28;

/**
 * A snippet of `body` around the first matched word, matched words marked, as safe HTML. Built the way the real
 * providers do it (markers first, escaping last) so it exercises the same code path.
 */
export function memorySnippetHtml(body: string, highlightWords: ReadonlySet<string>): string {
  const chunks = stripHighlightMarkers(body)
    .split(/\s+/u)
    .filter((chunk) => chunk.length > 0);
  const marked = chunks.map((chunk) =>
    isHighlighted(chunk, highlightWords) ? `${HIGHLIGHT_START}${chunk}${HIGHLIGHT_STOP}` : chunk,
  );
  const first = marked.findIndex((chunk, index) => chunk !== chunks[index]);
  if (first === -1) return plainSnippetHtml(body);
  const from = Math.max(0, first - CHUNKS_BEFORE);
  const to = Math.min(marked.length, first + CHUNKS_AFTER);
  const prefix = from > 0 ? "… " : "";
  const suffix = to < marked.length ? " …" : "";
  return highlightedTextToSafeHtml(`${prefix}${marked.slice(from, to).join(" ")}${suffix}`);
}

function isHighlighted(chunk: string, highlightWords: ReadonlySet<string>): boolean {
  return extractWords(chunk).some(
    (word) => highlightWords.has(word) || splitCompoundWord(word).some((part) => highlightWords.has(part)),
  );
}
