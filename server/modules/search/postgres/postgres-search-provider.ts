import { clampPageSize, encodeSearchCursor, pageStartOffset } from "../core/cursor.js";
import { hasTextCriteria, type ParsedSearchQuery } from "../core/parsed-search-query.js";
import type {
  SearchContext,
  SearchDocument,
  SearchDocumentRef,
  SearchHit,
  SearchPageRequest,
  SearchProvider,
  SearchRebuildProgress,
  SearchResultPage,
  SearchViewer,
} from "../core/search-provider.js";
import { SearchUnavailableError } from "../core/search-errors.js";
import {
  HIGHLIGHT_START,
  highlightedTextToSafeHtml,
  PG_HEADLINE_OPTIONS,
  plainSnippetHtml,
  stripHighlightMarkers,
} from "../core/snippet.js";
import { chooseTrigramTerms } from "../core/typo-tolerance.js";
import { type Queryable, queryRows } from "./queryable.js";
import { searchTotals } from "./search-facets.js";
import { buildSearchConditions, TEXT_SEARCH_CONFIG } from "./search-sql.js";
import { closestTerm, rememberTerms, wordsOf } from "./search-terms.js";
import { upsertSearchDocument } from "./upsert-search-document.js";

interface HitRow {
  doc_type: SearchHit["type"];
  doc_id: string;
  title: string;
  url: string;
  release: string | null;
  cooperative_slug: string | null;
  updated_at: Date;
  score: number;
  headline: string | null;
  title_headline: string | null;
  body: string;
}

const REBUILD_BATCH = 200;

/** The body's highlighted fragment; when the words matched only the title or headings, theirs instead. */
function snippetOf(row: HitRow): string {
  if (row.headline?.includes(HIGHLIGHT_START)) return highlightedTextToSafeHtml(row.headline);
  if (row.title_headline?.includes(HIGHLIGHT_START)) return highlightedTextToSafeHtml(row.title_headline);
  return plainSnippetHtml(row.body);
}

/**
 * The default search engine: PostgreSQL full-text search (weighted tsvector, English stemming, prefix matching)
 * with pg_trgm typo correction, on PostgreSQL and on the embedded PGlite alike. Give it the EntityManager of a
 * transaction (`withDatabase`) to index in the same transaction as the content change.
 */
export class PostgresSearchProvider implements SearchProvider {
  constructor(private readonly database: Queryable) {}

  /** The same provider writing through another connection (e.g. a transaction's manager). */
  withDatabase(database: Queryable): PostgresSearchProvider {
    return new PostgresSearchProvider(database);
  }

  async index(documents: SearchDocument[]): Promise<void> {
    const words = new Set<string>();
    for (const document of documents) {
      const clean = {
        ...document,
        title: stripHighlightMarkers(document.title),
        body: stripHighlightMarkers(document.body),
        headings: (document.headings ?? []).map(stripHighlightMarkers),
      };
      await upsertSearchDocument(this.database, clean);
      for (const word of wordsOf(`${clean.title} ${clean.headings.join(" ")} ${clean.body}`)) words.add(word);
    }
    await rememberTerms(this.database, [...words]);
  }

  async remove(refs: SearchDocumentRef[]): Promise<void> {
    for (const ref of refs) {
      await this.database.query("DELETE FROM search_document WHERE doc_type = $1 AND doc_id = $2", [
        ref.type,
        ref.id,
      ]);
    }
  }

  /**
   * Replaces the index. Callers run it in one transaction (the whole rebuild commits at once), so searches keep
   * reading the old index until then.
   */
  async rebuild(
    source: AsyncIterable<SearchDocument>,
    onProgress?: (progress: SearchRebuildProgress) => void,
  ): Promise<SearchRebuildProgress> {
    await this.database.query("DELETE FROM search_document");
    let batch: SearchDocument[] = [];
    let indexed = 0;
    for await (const document of source) {
      batch.push(document);
      if (batch.length >= REBUILD_BATCH) {
        await this.index(batch);
        indexed += batch.length;
        batch = [];
        onProgress?.({ indexed });
      }
    }
    await this.index(batch);
    indexed += batch.length;
    onProgress?.({ indexed });
    return { indexed };
  }

  async search(
    query: ParsedSearchQuery,
    viewer: SearchViewer,
    page: SearchPageRequest,
    context: SearchContext = {},
  ): Promise<SearchResultPage> {
    const offset = pageStartOffset(page.after);
    const size = clampPageSize(page.first);
    try {
      const first = await this.runSearch(query, viewer, offset, size, context);
      if (first.totalCount > 0 || !hasTextCriteria(query)) return first;
      const corrected = await this.correctTypos(query);
      return corrected ? this.runSearch(corrected, viewer, offset, size, context) : first;
    } catch (error) {
      if (error instanceof Error && /connect|terminated|ECONNREFUSED/i.test(error.message)) {
        throw new SearchUnavailableError("The search index is not reachable");
      }
      throw error;
    }
  }

  /** The query with misspelt words replaced by the closest indexed words, or undefined when nothing changes. */
  private async correctTypos(query: ParsedSearchQuery): Promise<ParsedSearchQuery | undefined> {
    const candidates = new Set(chooseTrigramTerms(query.terms));
    let changed = false;
    const terms: string[] = [];
    for (const term of query.terms) {
      const replacement = candidates.has(term) ? await closestTerm(this.database, term) : undefined;
      if (replacement) changed = true;
      terms.push(replacement ?? term);
    }
    return changed ? { ...query, terms } : undefined;
  }

  private async runSearch(
    query: ParsedSearchQuery,
    viewer: SearchViewer,
    offset: number,
    size: number,
    context: SearchContext,
  ): Promise<SearchResultPage> {
    const { conditions, tsqueryPlaceholder } = buildSearchConditions(query, viewer);
    const totals = await searchTotals(this.database, conditions);
    const queryExpression = tsqueryPlaceholder
      ? `to_tsquery('${TEXT_SEARCH_CONFIG}', ${tsqueryPlaceholder})`
      : undefined;
    const release = conditions.param(context.release?.toLowerCase() ?? null);
    const limit = conditions.param(size + 1);
    const skip = conditions.param(offset);
    const rows = await queryRows<HitRow>(
      this.database,
      `SELECT doc_type, doc_id, title, url, release, cooperative_slug, updated_at, body,
         ${queryExpression ? `ts_rank_cd(search_vector, ${queryExpression})` : "0"}::float8 AS score,
         ${queryExpression ? `ts_headline('${TEXT_SEARCH_CONFIG}', body, ${queryExpression}, '${PG_HEADLINE_OPTIONS}')` : "NULL"} AS headline,
         ${queryExpression ? `ts_headline('${TEXT_SEARCH_CONFIG}', title || ' · ' || headings, ${queryExpression}, '${PG_HEADLINE_OPTIONS}')` : "NULL"} AS title_headline
       FROM search_document ${conditions.where}
       ORDER BY (lower(release) IS NOT DISTINCT FROM ${release}::text AND ${release}::text IS NOT NULL) DESC,
         score DESC, updated_at DESC, doc_type, doc_id
       LIMIT ${limit} OFFSET ${skip}`,
      conditions.params,
    );
    const hits = rows.slice(0, size).map((row, index) => ({
      type: row.doc_type,
      id: row.doc_id,
      title: row.title,
      url: row.url,
      snippetHtml: snippetOf(row),
      score: Number(row.score),
      cursor: encodeSearchCursor({ offset: offset + index + 1 }),
      release: row.release ?? undefined,
      cooperativeSlug: row.cooperative_slug ?? undefined,
      updatedAt: new Date(row.updated_at),
    }));
    return {
      hits,
      ...totals,
      pageInfo: { hasNextPage: rows.length > size, endCursor: hits.at(-1)?.cursor },
    };
  }
}
