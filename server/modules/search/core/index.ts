// The pure core of search. The contract suite (contract/search-provider.contract.ts) is deliberately not
// re-exported: it imports vitest and belongs in test files only.
export {
  clampPageSize,
  decodeSearchCursor,
  encodeSearchCursor,
  MAX_SEARCH_OFFSET,
  MAX_SEARCH_PAGE_SIZE,
  pageStartOffset,
  SEARCH_CURSOR_VERSION,
  type SearchCursor,
} from "./cursor.js";
export { allowedTypos, boundedEditDistance } from "./edit-distance.js";
export { MemorySearchProvider } from "./memory-provider.js";
export {
  hasTextCriteria,
  type ParsedSearchQuery,
  SEARCH_DOCUMENT_TYPES,
  type SearchDocumentType,
  type SearchFilters,
  type SearchListFilters,
  type SearchStatus,
} from "./parsed-search-query.js";
export { parseIsoDay } from "./query-operators.js";
export { MAX_QUERY_LENGTH, parseSearchQuery, truncateAtWordBoundary } from "./query-parser.js";
export {
  InvalidCursorError,
  SearchError,
  type SearchErrorCode,
  SearchUnavailableError,
} from "./search-errors.js";
export type {
  SearchContext,
  SearchDocument,
  SearchDocumentRef,
  SearchFacetCounts,
  SearchFacets,
  SearchHit,
  SearchPageRequest,
  SearchProvider,
  SearchRebuildProgress,
  SearchResultPage,
  SearchRole,
  SearchViewer,
  SearchVisibility,
} from "./search-provider.js";
export { extractWords, foldCase, MAX_WORD_LENGTH } from "./search-text.js";
export {
  escapeHtml,
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  type HighlightMarkers,
  highlightedTextToSafeHtml,
  MEILI_HIGHLIGHT_OPTIONS,
  PG_HEADLINE_OPTIONS,
  plainSnippetHtml,
  stripHighlightMarkers,
} from "./snippet.js";
export { trigramSimilarity, trigrams } from "./trigram.js";
export {
  buildPrefixTsquery,
  chooseTrigramTerms,
  excludedTsquery,
  MAX_TRIGRAM_TERMS,
  MIN_PREFIX_LENGTH,
  MIN_TRIGRAM_TERM_LENGTH,
  phraseToTsquery,
  quoteLexeme,
  shouldUseTrigramFallback,
  TRIGRAM_SIMILARITY_THRESHOLD,
  termToPrefixTsquery,
} from "./typo-tolerance.js";
export {
  canSee,
  type MeiliVisibilityAttributes,
  NO_ROLE_REQUIRED,
  quoteMeiliValue,
  SEARCH_VISIBILITY_COLUMNS,
  type SqlFragment,
  satisfiedRoles,
  toMeiliVisibilityAttributes,
  visibilityFilterForMeili,
  visibilityWhereSql,
} from "./visibility.js";
