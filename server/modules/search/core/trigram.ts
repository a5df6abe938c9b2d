import { foldCase } from "./search-text.js";

/** Word characters as pg_trgm sees them (it splits on everything else). */
const TRIGRAM_WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The trigram set of a text, computed like PostgreSQL's pg_trgm: each word is lower-cased, padded with two
 * spaces before and one after, and cut into overlapping three-character pieces.
 */
export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of foldCase(text).match(TRIGRAM_WORD) ?? []) {
    const padded = [..." ", ..." ", ...word, ..." "];
    for (let index = 0; index + 3 <= padded.length; index += 1) {
      result.add(padded.slice(index, index + 3).join(""));
    }
  }
  return result;
}

/** pg_trgm's `similarity(a, b)`: shared trigrams divided by all distinct trigrams, 0..1. */
export function trigramSimilarity(first: string, second: string): number {
  const firstTrigrams = trigrams(first);
  const secondTrigrams = trigrams(second);
  if (firstTrigrams.size === 0 || secondTrigrams.size === 0) return 0;
  let shared = 0;
  for (const trigram of firstTrigrams) {
    if (secondTrigrams.has(trigram)) shared += 1;
  }
  return shared / (firstTrigrams.size + secondTrigrams.size - shared);
}
