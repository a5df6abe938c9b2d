import type { ParsedSearchQuery } from "./parsed-search-query.js";
import { codePointLength, foldCase } from "./search-text.js";

/** Terms shorter than this are matched exactly: `a:*` or `k8:*` would match half the index. */
export const MIN_PREFIX_LENGTH = 3;

/** Terms shorter than this have too few trigrams for similarity to mean anything. */
export const MIN_TRIGRAM_TERM_LENGTH = 4;

/** At most this many terms go to the trigram fallback; each one costs an index scan. */
export const MAX_TRIGRAM_TERMS = 5;

/**
 * `pg_trgm.similarity_threshold` to use for the fallback (`kubeam` ~ `kubeadm` scores 0.5). It is loose
 * (`stalls` ~ `installs` scores 0.45), which is acceptable only because the fallback runs when full-text search
 * found nothing; it must still apply every filter, the visibility condition and AND across terms.
 */
export const TRIGRAM_SIMILARITY_THRESHOLD = 0.3;

const LEXEME_PIECE = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Quotes one lexeme for `to_tsquery`: wrapped in single quotes with `'` doubled and `\` escaped. Pieces come from
 * `LEXEME_PIECE` so they hold no metacharacters anyway; quoting is the second line of defence.
 */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/gu, "\\\\").replace(/'/gu, "''")}'`;
}

/**
 * The tsquery for one term: its word pieces ANDed, each prefix-matched when long enough
 * (`metal` → `'metal':*`, `kube-proxy` → `'kube':* & 'proxy':*`). Returns undefined if nothing searchable is left.
 */
export function termToPrefixTsquery(term: string): string | undefined {
  const parts = termTsqueryParts(term).map((part) => part.text);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `(${parts.join(" & ")})`;
}

/**
 * The tsquery of each word piece of a term, to be ANDed (`kube-proxy` → `'kube':*`, `'proxy':*`); empty when
 * nothing searchable is left. Pieces of MIN_PREFIX_LENGTH or more are prefix-matched; `raw` is then the folded
 * piece itself (for matching lexemes that start with it).
 */
export function termTsqueryParts(term: string): Array<{ text: string; raw?: string }> {
  const pieces = foldCase(term).match(LEXEME_PIECE) ?? [];
  return pieces.map((piece) =>
    codePointLength(piece) >= MIN_PREFIX_LENGTH
      ? { text: `${quoteLexeme(piece)}:*`, raw: piece }
      : { text: quoteLexeme(piece) },
  );
}

/** The tsquery for a phrase: its pieces in order (`<->`), no prefix matching. */
export function phraseToTsquery(phrase: string): string | undefined {
  const pieces = foldCase(phrase).match(LEXEME_PIECE) ?? [];
  if (pieces.length === 0) return undefined;
  const parts = pieces.map(quoteLexeme);
  return parts.length === 1 ? parts[0] : `(${parts.join(" <-> ")})`;
}

/**
 * The full tsquery text for `to_tsquery(config, $n)`: all terms (prefix) and phrases ANDed, excluded words and
 * phrases negated. Always well-formed, so PostgreSQL never raises a syntax error on user input. Returns undefined
 * when the query has no positive text (list by filters; apply exclusions with `excludedTsquery`).
 */
export function buildPrefixTsquery(query: ParsedSearchQuery): string | undefined {
  const positive = [...query.terms.map(termToPrefixTsquery), ...query.phrases.map(phraseToTsquery)].filter(
    (part): part is string => part !== undefined,
  );
  if (positive.length === 0) return undefined;
  const negative = query.excluded.map(phraseToTsquery).filter((part): part is string => part !== undefined);
  return [...positive, ...negative.map((part) => `!${part}`)].join(" & ");
}

/** A tsquery matching any excluded word or phrase (to use as `NOT (vector @@ q)`), or undefined if none. */
export function excludedTsquery(query: ParsedSearchQuery): string | undefined {
  const parts = query.excluded.map(phraseToTsquery).filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(" | ");
}

/**
 * Terms worth a pg_trgm similarity fallback when full-text search finds too little: long enough, not pure
 * numbers (version numbers make poor fuzzy matches), without duplicates, longest first, at most MAX_TRIGRAM_TERMS.
 */
export function chooseTrigramTerms(terms: readonly string[]): string[] {
  const chosen = new Set<string>();
  for (const term of terms) {
    const folded = foldCase(term);
    if (codePointLength(folded) < MIN_TRIGRAM_TERM_LENGTH) continue;
    if (/^[\p{N}._-]+$/u.test(folded)) continue;
    chosen.add(folded);
  }
  return [...chosen]
    .sort((first, second) => codePointLength(second) - codePointLength(first) || first.localeCompare(second))
    .slice(0, MAX_TRIGRAM_TERMS);
}

/** Whether to run the trigram fallback: only when the query has terms and full-text search found nothing. */
export function shouldUseTrigramFallback(query: ParsedSearchQuery, fullTextHitCount: number): boolean {
  return fullTextHitCount === 0 && chooseTrigramTerms(query.terms).length > 0;
}
