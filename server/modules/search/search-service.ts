import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { hasTextCriteria, type ParsedSearchQuery } from "./core/parsed-search-query.js";
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
  ): Promise<{ parsed: ParsedSearchQuery; result: SearchResultPage }> {
    const parsed = parseSearchQuery(raw);
    const result = await this.provider.search(parsed, viewer, page, context);
    if (result.totalCount === 0 && hasTextCriteria(parsed) && !page.after) {
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
