import type { ParsedSearchQuery, SearchDocumentType, SearchStatus } from "./parsed-search-query.js";

/** Roles that can gate a document beyond its audience. A steward holds every moderator right too. */
export type SearchRole = "steward" | "moderator";

/**
 * Who may see a document. Visible when the audience matches (`public`, or `signedIn` and the viewer is signed in,
 * or the viewer belongs to one of `cooperativeIds`) AND, if `requiresRole` is set, the viewer holds that role. So
 * `{ public: true, requiresRole: "moderator" }` is "every moderator"; `{ public: false, cooperativeIds: ["c1"] }` is
 * "members of c1"; `{ public: false, signedIn: true }` is "any signed-in person".
 */
export interface SearchVisibility {
  public: boolean;
  /** Visible to any signed-in person. */
  signedIn?: boolean;
  cooperativeIds?: string[];
  requiresRole?: SearchRole;
}

/** Identifies one indexed document. `(type, id)` is unique across the index. */
export interface SearchDocumentRef {
  type: SearchDocumentType;
  id: string;
}

/**
 * One thing that can be found, flattened for indexing. Text fields are plain text (no HTML, no Markdown); strip
 * the highlight markers (`stripHighlightMarkers`) from them. Slugs, tags, handles and releases are compared
 * case-insensitively against the (lower-case) query filters.
 */
export interface SearchDocument extends SearchDocumentRef {
  title: string;
  headings?: string[];
  body: string;
  /** Path inside the hub, for example `/forum/t/123#post-4`. */
  url: string;
  /** Owning cooperative (id), if any. */
  cooperativeId?: string;
  /** Owning cooperative's slug; what `coop:` matches and what the cooperative facet counts. */
  cooperativeSlug?: string;
  categorySlug?: string;
  tags?: string[];
  authorHandle?: string;
  /** Manual release this page belongs to (`2026.10`). */
  release?: string;
  /** Topics only. */
  status?: SearchStatus;
  createdAt: Date;
  updatedAt: Date;
  visibility: SearchVisibility;
}

/** The person searching. Anonymous visitors have no `personId`, are not signed in, and have no cooperatives or roles. */
export interface SearchViewer {
  personId?: string;
  /** Whether the viewer is signed in (sees `signedIn` documents). */
  signedIn: boolean;
  cooperativeIds: string[];
  /** Hub roles; anything other than steward or moderator is ignored by search. */
  roles: string[];
}

/** Relay-style page request. `first` is clamped by providers to 1..MAX_SEARCH_PAGE_SIZE. */
export interface SearchPageRequest {
  first: number;
  after?: string;
  /** Whether to compute facets (default true). Providers may return empty facets when false. */
  facets?: boolean;
}

/** Where the search happens: inside a manual release, that release's pages rank first. */
export interface SearchContext {
  release?: string;
}

/** One result. */
export interface SearchHit extends SearchDocumentRef {
  title: string;
  url: string;
  /** Escaped text in which only `<mark>` and `</mark>` are markup. Safe to inject as HTML. */
  snippetHtml: string;
  /** Provider-specific relevance; only its order within one page of one provider means anything. */
  score: number;
  /** Opaque; passing it as `after` continues right after this hit. */
  cursor: string;
  release?: string;
  cooperativeSlug?: string;
  updatedAt: Date;
}

/** Value → number of matching visible documents. */
export type SearchFacetCounts = Record<string, number>;

/** Facets over the whole result set (not just the page). */
export interface SearchFacets {
  type: SearchFacetCounts;
  category: SearchFacetCounts;
  tag: SearchFacetCounts;
  cooperative: SearchFacetCounts;
  release: SearchFacetCounts;
}

/** One page of results. */
export interface SearchResultPage {
  hits: SearchHit[];
  /** Number of visible documents matching the query, across all pages. */
  totalCount: number;
  /**
   * True when the provider stopped counting at `totalCount` (more documents match: "1,000+"). Facets then count
   * the documents counted, and pages end there.
   */
  totalIsLowerBound?: boolean;
  facets: SearchFacets;
  pageInfo: { hasNextPage: boolean; endCursor?: string };
}

/** Progress of a rebuild, reported at least once at the end. */
export interface SearchRebuildProgress {
  indexed: number;
}

/**
 * A search backend. PostgreSQL full-text is the default; Meilisearch serves large alliances. Every implementation
 * must pass `describeSearchProviderContract` (contract/search-provider.contract.ts).
 *
 * Permission rule: hits, `totalCount` and every facet count are computed ONLY over documents the viewer may see
 * (`canSee` in visibility.ts). A hidden document must not influence any number, or counts would leak that it
 * exists (a tag used only in a cooperative-private post must not appear in the tag facet of an outsider).
 */
export interface SearchProvider {
  /** Inserts or replaces documents by `(type, id)`. Resolves once they are searchable (read-your-writes). */
  index(documents: SearchDocument[]): Promise<void>;
  /** Removes documents; unknown refs are ignored. Resolves once they no longer appear. */
  remove(refs: SearchDocumentRef[]): Promise<void>;
  /**
   * Replaces the whole index with `source`. Documents absent from `source` disappear. Searches keep working
   * (against the old index) while the rebuild runs.
   */
  rebuild(
    source: AsyncIterable<SearchDocument>,
    onProgress?: (progress: SearchRebuildProgress) => void,
  ): Promise<SearchRebuildProgress>;
  /**
   * Runs a query for a viewer. Throws `InvalidCursorError` for a bad `page.after` and `SearchUnavailableError`
   * when the backend cannot answer. Order is deterministic for an unchanged index, so cursors are stable.
   */
  search(
    query: ParsedSearchQuery,
    viewer: SearchViewer,
    page: SearchPageRequest,
    context?: SearchContext,
  ): Promise<SearchResultPage>;
}
