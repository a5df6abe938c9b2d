import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { mergeSearchFilters } from "./core/merge-search-filters.js";
import { hasTextCriteria, type ParsedSearchQuery, type SearchFilters } from "./core/parsed-search-query.js";
import { parseSearchQuery } from "./core/query-parser.js";
import type { SearchIndexer } from "./search-indexer.js";
import type {
  SearchContext,
  SearchPageRequest,
  SearchProvider,
  SearchResultPage,
  SearchViewer,
} from "./core/search-provider.js";

/** Longest query text kept in the miss log. */
const MAX_MISS_LENGTH = 200;

const EMPTY_PAGE: SearchResultPage = {
  hits: [],
  totalCount: 0,
  facets: { type: {}, category: {}, tag: {}, cooperative: {}, release: {} },
  pageInfo: { hasNextPage: false },
};

/**
 * What the API calls: parses the query (operators, limits), asks the configured provider, and records queries that
 * found nothing so maintainers see what the manuals lack.
 */
export class SearchService {
  constructor(
    readonly provider: SearchProvider,
    /** For content modules: keeps the index current inside their transactions. */
    readonly indexer: SearchIndexer,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async search(
    raw: string,
    viewer: SearchViewer,
    page: SearchPageRequest,
    context: SearchContext = {},
    /** Structured filters (the API's `filters`), combined with the query's operators. */
    filters: SearchFilters = {},
  ): Promise<{ parsed: ParsedSearchQuery; result: SearchResultPage }> {
    const { query: parsed, nothingMatches } = mergeSearchFilters(parseSearchQuery(raw), filters);
    if (nothingMatches) return { parsed, result: EMPTY_PAGE };
    const result = await this.provider.search(parsed, viewer, page, context);
    // A miss narrowed by structured filters (a facet click) says little about what the manuals lack.
    const filtered = Object.keys(filters).length > 0;
    if (result.totalCount === 0 && hasTextCriteria(parsed) && !page.after && !filtered) {
      await this.recordMiss(raw.trim().toLowerCase().replace(/\s+/g, " ").slice(0, MAX_MISS_LENGTH));
    }
    return { parsed, result };
  }

  private async recordMiss(query: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO search_miss (query, count, last_searched_at) VALUES ($1, 1, $2)
       ON CONFLICT (query) DO UPDATE SET count = search_miss.count + 1, last_searched_at = EXCLUDED.last_searched_at`,
      [query, this.clock.now()],
    );
  }
}
