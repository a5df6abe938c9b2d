import type { ParsedSearchQuery, SearchListFilters } from "./parsed-search-query.js";
import type { SearchDocument } from "./search-provider.js";
import { codePointLength, extractWords, foldCase, splitCompoundWord } from "./search-text.js";
import { allowedTypos, boundedEditDistance } from "./edit-distance.js";
import { MIN_PREFIX_LENGTH } from "./typo-tolerance.js";

/** Match quality per kind; title matches count double. */
const EXACT_SCORE = 3;
const PREFIX_SCORE = 2;
const TYPO_SCORE = 1;
const PHRASE_SCORE = 5;
const TITLE_WEIGHT = 2;

/** A document with its words precomputed for matching. */
export interface PreparedDocument {
  document: SearchDocument;
  titleWords: string[];
  /** Title, headings and body. */
  allWords: string[];
}

/** How well a document matches the text of a query, and which of its words to highlight. */
export interface TextMatch {
  score: number;
  highlightWords: Set<string>;
}

/** Precomputes the words of a document. */
export function prepareDocument(document: SearchDocument): PreparedDocument {
  const titleWords = extractWords(document.title);
  const otherWords = extractWords([...(document.headings ?? []), document.body].join("\n"));
  return { document, titleWords, allWords: [...titleWords, ...otherWords] };
}

/** Whether the document passes every filter and no negated filter of the query. */
export function matchesFilters(document: SearchDocument, query: ParsedSearchQuery): boolean {
  const { filters } = query;
  if (!matchesListFilters(document, filters, "all")) return false;
  if (!matchesListFilters(document, query.excludedFilters, "none")) return false;
  if (filters.status !== undefined && document.status !== filters.status) return false;
  if (filters.before !== undefined && document.createdAt.getTime() >= filters.before.getTime()) return false;
  if (filters.after !== undefined && document.createdAt.getTime() < filters.after.getTime()) return false;
  return true;
}

/**
 * Scores a document against the query's words: every term (exact, prefix or typo) and every phrase must match
 * and no excluded word or phrase may occur. Returns undefined when the document does not match.
 */
export function matchText(prepared: PreparedDocument, query: ParsedSearchQuery): TextMatch | undefined {
  if (query.excluded.some((excluded) => containsSequence(prepared.allWords, excluded.split(" ")))) {
    return undefined;
  }
  const searched = query.filters.inTitle ? prepared.titleWords : prepared.allWords;
  const titleWords = new Set(prepared.titleWords);
  const highlightWords = new Set<string>();
  let score = 0;
  for (const term of query.terms) {
    let best = 0;
    for (const word of new Set(searched)) {
      const quality = termQuality(term, word);
      if (quality === 0) continue;
      highlightWords.add(word);
      best = Math.max(best, quality * (titleWords.has(word) ? TITLE_WEIGHT : 1));
    }
    if (best === 0) return undefined;
    score += best;
  }
  for (const phrase of query.phrases) {
    const phraseWords = phrase.split(" ");
    if (!containsSequence(searched, phraseWords)) return undefined;
    for (const word of phraseWords) highlightWords.add(word);
    score += PHRASE_SCORE;
  }
  return { score, highlightWords };
}

/** Whether `word` (or one part of it, for `kube-proxy`) answers `term`, and how well: 0 means no. */
function termQuality(term: string, word: string): number {
  const candidates = [word, ...splitCompoundWord(word)];
  if (candidates.includes(term)) return EXACT_SCORE;
  if (
    codePointLength(term) >= MIN_PREFIX_LENGTH &&
    candidates.some((candidate) => candidate.startsWith(term))
  ) {
    return PREFIX_SCORE;
  }
  // Typo tolerance follows Meilisearch's defaults (edit distance by term length), the stricter of the two
  // production behaviours, so the reference provider does not bless matches that Meilisearch would miss.
  const typos = allowedTypos(codePointLength(term));
  if (typos > 0 && candidates.some((candidate) => boundedEditDistance(term, candidate, typos) <= typos)) {
    return TYPO_SCORE;
  }
  return 0;
}

function containsSequence(words: string[], sequence: string[]): boolean {
  const expanded = words.flatMap((word) => {
    const parts = splitCompoundWord(word);
    return parts.length > 1 && sequence.length > 1 ? parts : [word];
  });
  for (const haystack of [words, expanded]) {
    for (let start = 0; start + sequence.length <= haystack.length; start += 1) {
      if (sequence.every((word, offset) => haystack[start + offset] === word)) return true;
    }
  }
  return false;
}

function matchesListFilters(
  document: SearchDocument,
  filters: SearchListFilters,
  mode: "all" | "none",
): boolean {
  const checks: [string[] | undefined, string[]][] = [
    [filters.type, [document.type]],
    [filters.category, optional(document.categorySlug)],
    [filters.tag, document.tags ?? []],
    [filters.person, optional(document.authorHandle)],
    [filters.cooperative, optional(document.cooperativeSlug)],
    [filters.release, optional(document.release)],
  ];
  for (const [wanted, actual] of checks) {
    if (wanted === undefined || wanted.length === 0) continue;
    const hit = actual.some((value) => wanted.includes(foldCase(value)));
    if (mode === "all" && !hit) return false;
    if (mode === "none" && hit) return false;
  }
  return true;
}

function optional(value: string | undefined): string[] {
  return value === undefined ? [] : [value];
}
