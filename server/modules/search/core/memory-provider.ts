import { clampPageSize, encodeSearchCursor, MAX_SEARCH_OFFSET, pageStartOffset } from "./cursor.js";
import { matchesFilters, matchText, type PreparedDocument, prepareDocument } from "./memory-matcher.js";
import { memorySnippetHtml } from "./memory-snippet.js";
import type { ParsedSearchQuery } from "./parsed-search-query.js";
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
} from "./search-provider.js";
import { canSee } from "./visibility.js";

/** Report rebuild progress after this many documents. */
const PROGRESS_INTERVAL = 100;

/** Documents of the release the person is reading score this many times higher. */
const RELEASE_BOOST = 2;

interface RankedDocument {
  prepared: PreparedDocument;
  score: number;
  highlightWords: Set<string>;
}

/**
 * The reference provider: everything in memory, straightforward scoring (exact > prefix > typo, title counts
 * double, phrases add a fixed amount). It exists to prove the contract suite can pass and to serve tests; it is
 * not meant for production data sizes.
 */
export class MemorySearchProvider implements SearchProvider {
  private documents = new Map<string, PreparedDocument>();

  async index(documents: SearchDocument[]): Promise<void> {
    for (const document of documents) this.documents.set(refKey(document), prepareDocument({ ...document }));
  }

  async remove(refs: SearchDocumentRef[]): Promise<void> {
    for (const ref of refs) this.documents.delete(refKey(ref));
  }

  async rebuild(
    source: AsyncIterable<SearchDocument>,
    onProgress?: (progress: SearchRebuildProgress) => void,
  ): Promise<SearchRebuildProgress> {
    // Built aside and swapped at the end, so searches see the old index until the new one is complete.
    const next = new Map<string, PreparedDocument>();
    for await (const document of source) {
      next.set(refKey(document), prepareDocument({ ...document }));
      if (next.size % PROGRESS_INTERVAL === 0) onProgress?.({ indexed: next.size });
    }
    this.documents = next;
    onProgress?.({ indexed: next.size });
    return { indexed: next.size };
  }

  async search(
    query: ParsedSearchQuery,
    viewer: SearchViewer,
    page: SearchPageRequest,
    context?: SearchContext,
  ): Promise<SearchResultPage> {
    const start = pageStartOffset(page.after);
    const ranked = this.rank(query, viewer, context);
    const end = Math.min(start + clampPageSize(page.first), ranked.length, MAX_SEARCH_OFFSET);
    const hits = ranked
      .slice(start, Math.max(start, end))
      .map(({ prepared, score, highlightWords }, index) => {
        const { document } = prepared;
        return {
          type: document.type,
          id: document.id,
          title: document.title,
          url: document.url,
          snippetHtml: memorySnippetHtml(document.body, highlightWords),
          score,
          cursor: encodeSearchCursor({ offset: start + index + 1 }),
          release: document.release,
          cooperativeSlug: document.cooperativeSlug,
          updatedAt: document.updatedAt,
        };
      });
    return {
      hits,
      totalCount: ranked.length,
      facets: countFacets(ranked),
      // Results past MAX_SEARCH_OFFSET cannot be reached by a cursor, so they do not count as a next page.
      pageInfo: {
        hasNextPage: start + hits.length < Math.min(ranked.length, MAX_SEARCH_OFFSET),
        endCursor: hits.at(-1)?.cursor,
      },
    };
  }

  private rank(query: ParsedSearchQuery, viewer: SearchViewer, context?: SearchContext): RankedDocument[] {
    const ranked: RankedDocument[] = [];
    for (const prepared of this.documents.values()) {
      const { document } = prepared;
      if (!canSee(viewer, document.visibility) || !matchesFilters(document, query)) continue;
      const match = matchText(prepared, query);
      if (match === undefined) continue;
      const inContext = context?.release !== undefined && document.release === context.release;
      const score = (match.score + 1) * (inContext ? RELEASE_BOOST : 1);
      ranked.push({ prepared, score, highlightWords: match.highlightWords });
    }
    // Ties break on recency, then on the ref, so the order (and therefore every cursor) is deterministic.
    return ranked.sort(
      (first, second) =>
        second.score - first.score ||
        second.prepared.document.updatedAt.getTime() - first.prepared.document.updatedAt.getTime() ||
        refKey(first.prepared.document).localeCompare(refKey(second.prepared.document)),
    );
  }
}

function refKey(ref: SearchDocumentRef): string {
  return `${ref.type}:${ref.id}`;
}

function countFacets(ranked: RankedDocument[]): SearchFacets {
  const facets: SearchFacets = { type: {}, category: {}, tag: {}, cooperative: {}, release: {} };
  const increment = (counts: Record<string, number>, value: string | undefined) => {
    if (value !== undefined) counts[value] = (counts[value] ?? 0) + 1;
  };
  for (const { prepared } of ranked) {
    const { document } = prepared;
    increment(facets.type, document.type);
    increment(facets.category, document.categorySlug);
    for (const tag of new Set(document.tags ?? [])) increment(facets.tag, tag);
    increment(facets.cooperative, document.cooperativeSlug);
    increment(facets.release, document.release);
  }
  return facets;
}
