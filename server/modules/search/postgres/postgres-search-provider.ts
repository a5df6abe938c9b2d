import { clampPageSize, encodeSearchCursor, pageStartOffset } from "../core/cursor.js";
import { hasTextCriteria, type ParsedSearchQuery } from "../core/parsed-search-query.js";
import type {
  SearchContext,
  SearchDocument,
  SearchDocumentRef,
  SearchFacets,
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
  plainSnippetHtml,
  stripHighlightMarkers,
} from "../core/snippet.js";
import { foldCase } from "../core/search-text.js";
import { chooseTrigramTerms } from "../core/typo-tolerance.js";
import type { Queryable } from "./queryable.js";
import { type PreparedTsquery, prepareTsquery, rememberLexemes } from "./search-lexemes.js";
import { buildSearchConditions } from "./search-sql.js";
import { type HitRow, runSearchStatement } from "./search-statement.js";
import { closestTerm, rememberTerms, wordsOf } from "./search-terms.js";
import { upsertSearchDocument } from "./upsert-search-document.js";

/** One search as the provider runs it, after the cursor and page size are decoded. */
interface SearchRequest {
  viewer: SearchViewer;
  context: SearchContext;
  offset: number;
  size: number;
  facets: boolean;
}

function emptyFacets(): SearchFacets {
  return { type: {}, category: {}, tag: {}, cooperative: {}, release: {} };
}

function emptyResultPage(): SearchResultPage {
  return { hits: [], totalCount: 0, facets: emptyFacets(), pageInfo: { hasNextPage: false } };
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
    await rememberLexemes(this.database, documents);
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
    await this.database.query("DELETE FROM search_lexeme");
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
    const request = {
      viewer,
      context,
      offset: pageStartOffset(page.after),
      size: clampPageSize(page.first),
      facets: page.facets !== false,
    };
    try {
      const prepared = await prepareTsquery(this.database, query);
      if (prepared.unknownTerms.length > 0) {
        // A word no document contains: the search would find nothing, so correct it first (one search, not two).
        const corrected = await this.correctTypos(query, prepared.unknownTerms);
        if (!corrected) return emptyResultPage();
        const preparedCorrection = await prepareTsquery(this.database, corrected);
        if (preparedCorrection.unknownTerms.length > 0) return emptyResultPage();
        return this.runSearch(corrected, preparedCorrection, request);
      }
      const first = await this.runSearch(query, prepared, request);
      if (first.totalCount > 0 || !hasTextCriteria(query)) return first;
      const corrected = await this.correctTypos(query, query.terms);
      return corrected
        ? this.runSearch(corrected, await prepareTsquery(this.database, corrected), request)
        : first;
    } catch (error) {
      if (error instanceof Error && /connect|terminated|ECONNREFUSED/i.test(error.message)) {
        throw new SearchUnavailableError("The search index is not reachable");
      }
      throw error;
    }
  }

  /**
   * The query with misspelt words (among `suspects`) replaced by the closest indexed words, or undefined when
   * nothing changes.
   */
  private async correctTypos(
    query: ParsedSearchQuery,
    suspects: readonly string[],
  ): Promise<ParsedSearchQuery | undefined> {
    const candidates = new Set(chooseTrigramTerms(suspects));
    let changed = false;
    const terms: string[] = [];
    for (const term of query.terms) {
      const replacement = candidates.has(foldCase(term)) ? await closestTerm(this.database, term) : undefined;
      if (replacement) changed = true;
      terms.push(replacement ?? term);
    }
    return changed ? { ...query, terms } : undefined;
  }

  private async runSearch(
    query: ParsedSearchQuery,
    prepared: PreparedTsquery,
    request: SearchRequest,
  ): Promise<SearchResultPage> {
    if (prepared.onlyStopWords) return emptyResultPage();
    const { conditions, tsqueryExpression } = buildSearchConditions(query, request.viewer, prepared.tsquery);
    const result = await runSearchStatement(this.database, {
      conditions,
      tsqueryExpression,
      release: request.context.release,
      offset: request.offset,
      size: request.size,
      facets: request.facets,
    });
    const hits = result.hits.map((row, index) => ({
      type: row.doc_type,
      id: row.doc_id,
      title: row.title,
      url: row.url,
      snippetHtml: snippetOf(row),
      score: Number(row.score),
      cursor: encodeSearchCursor({ offset: request.offset + index + 1 }),
      release: row.release ?? undefined,
      cooperativeSlug: row.cooperative_slug ?? undefined,
      updatedAt: new Date(row.updated_at),
    }));
    return {
      hits,
      totalCount: result.totalCount,
      totalIsLowerBound: result.totalIsLowerBound,
      facets: result.facets ?? emptyFacets(),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: hits.at(-1)?.cursor },
    };
  }
}
