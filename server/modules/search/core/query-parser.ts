import type { ParsedSearchQuery } from "./parsed-search-query.js";
import { applyOperator, applyPerson, isKnownOperator } from "./query-operators.js";
import { tokenizeQuery } from "./query-tokenizer.js";
import { codePointLength, extractWords, MAX_WORD_LENGTH } from "./search-text.js";

/** Queries longer than this many characters (code points) are cut at a word boundary. */
export const MAX_QUERY_LENGTH = 500;

/** `@handle`, allowing trailing sentence punctuation (`@alice,`). */
const PERSON_TOKEN = /^@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)[.,;:!?)]*$/u;

/**
 * Control characters and lone surrogates become spaces: PostgreSQL rejects NUL in text parameters and
 * nothing a person types legitimately contains them.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cs}]/gu;

/**
 * Parses what a person typed into the search box. Never throws: anything it cannot use is searched as words
 * or ignored with a notice. See README.md for the operators.
 */
export function parseSearchQuery(raw: string): ParsedSearchQuery {
  const query: ParsedSearchQuery = {
    terms: [],
    phrases: [],
    excluded: [],
    filters: {},
    excludedFilters: {},
    notices: [],
    truncated: false,
  };
  const cleaned = raw.replace(UNSAFE_CHARACTERS, " ");
  const text = truncateAtWordBoundary(cleaned, MAX_QUERY_LENGTH);
  if (text !== cleaned) {
    query.truncated = true;
    query.notices.push(`The search was longer than ${MAX_QUERY_LENGTH} characters and was shortened.`);
  }
  const { tokens, notices } = tokenizeQuery(text);
  query.notices.push(...notices);
  for (const token of tokens) {
    if (token.kind === "phrase") {
      addPhrase(query, token.text, token.negated);
    } else if (token.kind === "operator" && isKnownOperator(token.name)) {
      applyOperator(query, token);
    } else {
      const person = token.kind === "word" ? PERSON_TOKEN.exec(token.text) : null;
      if (person !== null) applyPerson(query, person[1], token.negated);
      else addWords(query, token.text, token.negated);
    }
  }
  return query;
}

/**
 * Cuts `text` to at most `limit` code points, backing up to the last whitespace so no word is split. A single
 * word longer than the limit is cut hard (on a code point, never inside an emoji's surrogate pair).
 */
export function truncateAtWordBoundary(text: string, limit: number): string {
  const characters = [...text];
  if (characters.length <= limit) return text;
  const kept = characters.slice(0, limit);
  const cutInsideWord = !/\s/u.test(characters[limit]);
  if (cutInsideWord) {
    const lastSpace = kept.findLastIndex((character) => /\s/u.test(character));
    if (lastSpace > 0) return kept.slice(0, lastSpace).join("").trimEnd();
  }
  return kept.join("").trimEnd();
}

function addWords(query: ParsedSearchQuery, text: string, negated: boolean): void {
  for (const word of usableWords(query, text)) {
    const target = negated ? query.excluded : query.terms;
    if (!target.includes(word)) target.push(word);
  }
}

function addPhrase(query: ParsedSearchQuery, text: string, negated: boolean): void {
  const words = usableWords(query, text);
  if (words.length === 0) return;
  const phrase = words.join(" ");
  const target = negated ? query.excluded : query.phrases;
  if (!target.includes(phrase)) target.push(phrase);
}

function usableWords(query: ParsedSearchQuery, text: string): string[] {
  const words = extractWords(text);
  const usable = words.filter((word) => codePointLength(word) <= MAX_WORD_LENGTH);
  if (usable.length < words.length) {
    query.notices.push(`Words longer than ${MAX_WORD_LENGTH} characters were ignored.`);
  }
  return usable;
}
