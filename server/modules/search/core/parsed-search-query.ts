/** Every kind of document the search covers, in the order facets and filters list them. */
export const SEARCH_DOCUMENT_TYPES = ["post", "topic", "manual_page", "blueprint", "cluster"] as const;

/** One kind of searchable document. */
export type SearchDocumentType = (typeof SEARCH_DOCUMENT_TYPES)[number];

/** Whether a forum topic has an accepted answer. */
export type SearchStatus = "solved" | "unsolved";

/**
 * Filters that hold a list of values. Values inside one filter are alternatives (OR); different filters must all
 * hold (AND). These are also the filters a user may negate (`-tag:x`).
 */
export interface SearchListFilters {
  type?: SearchDocumentType[];
  /** Category slugs, lower case. */
  category?: string[];
  /** Tag slugs, lower case. */
  tag?: string[];
  /** Author handles without the `@`, lower case. */
  person?: string[];
  /** Cooperative slugs, lower case (matched against `SearchDocument.cooperativeSlug`). */
  cooperative?: string[];
  /** Manual release names, lower case (for example `2026.10`). */
  release?: string[];
}

/** Everything a query can restrict besides its words. */
export interface SearchFilters extends SearchListFilters {
  status?: SearchStatus;
  /** Words and phrases must occur in the title. */
  inTitle?: boolean;
  /** Only documents created before this instant (UTC midnight of the given day, exclusive). */
  before?: Date;
  /** Only documents created on or after this instant (UTC midnight of the given day, inclusive). */
  after?: Date;
}

/** The structured form of what a person typed into the search box. */
export interface ParsedSearchQuery {
  /** Lower-case words that must all match (prefix and typo tolerant). */
  terms: string[];
  /** Lower-case word sequences that must occur exactly, in order. */
  phrases: string[];
  /** Lower-case words or word sequences (space separated) that must not occur. */
  excluded: string[];
  filters: SearchFilters;
  /** Negated list filters (`-tag:x`): a document matching any of these values is left out. */
  excludedFilters: SearchListFilters;
  /** Human-readable explanations of what was ignored or changed. Never fatal. */
  notices: string[];
  /** The raw query was longer than the limit and was cut. */
  truncated: boolean;
}

/** True when the query has words or phrases to match; otherwise results are listed by filters only. */
export function hasTextCriteria(query: ParsedSearchQuery): boolean {
  return query.terms.length > 0 || query.phrases.length > 0;
}
