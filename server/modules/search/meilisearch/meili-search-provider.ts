import { Meilisearch } from "meilisearch";
import { clampPageSize, encodeSearchCursor, pageStartOffset } from "../core/cursor.js";
import { hasTextCriteria, type ParsedSearchQuery } from "../core/parsed-search-query.js";
import { SearchUnavailableError } from "../core/search-errors.js";
import type {
  SearchContext,
  SearchDocument,
  SearchDocumentRef,
  SearchFacetCounts,
  SearchHit,
  SearchPageRequest,
  SearchProvider,
  SearchRebuildProgress,
  SearchResultPage,
  SearchViewer,
} from "../core/search-provider.js";
import { highlightedTextToSafeHtml, MEILI_HIGHLIGHT_OPTIONS, plainSnippetHtml } from "../core/snippet.js";
import { MEILI_INDEX_SETTINGS, type MeiliDocument, meiliUid, toMeiliDocument } from "./meili-document.js";
import { meiliFilter, meiliQueryText } from "./meili-filter.js";

const FACET_ATTRIBUTES = {
  type: "type",
  category: "category",
  tag: "tags",
  cooperative: "cooperative",
  release: "release",
} as const;
const REBUILD_BATCH = 1_000;

/** Turns any client failure into SEARCH_UNAVAILABLE: the hub keeps working without its search engine. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new SearchUnavailableError("The search engine (Meilisearch) is not reachable", { cause: error });
  }
}

/**
 * Meilisearch, for large alliances: typo tolerance and prefix search built in, permission filters at query time.
 * Writes go through the search outbox, so a content change is never lost while Meilisearch is away.
 * Known limit: the release being read is ranked first within each page only (Meilisearch has no per-query boost).
 */
export class MeiliSearchProvider implements SearchProvider {
  constructor(
    host: string,
    apiKey: string | undefined,
    private readonly indexUid = "hub_documents",
    /** Injected by unit tests (a recording stub: no Meilisearch server runs on CI machines). */
    private readonly client: Meilisearch = new Meilisearch({ host, apiKey }),
  ) {}

  /** Creates the index with its settings if needed. */
  async ensureIndex(uid = this.indexUid): Promise<void> {
    await guarded(async () => {
      if (!(await this.client.getIndexes()).results.some((index) => index.uid === uid)) {
        await this.client.createIndex(uid, { primaryKey: "uid" }).waitTask();
      }
      await this.client.index(uid).updateSettings(MEILI_INDEX_SETTINGS).waitTask();
    });
  }

  async index(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await guarded(async () => {
      await this.client
        .index<MeiliDocument>(this.indexUid)
        .addDocuments(documents.map(toMeiliDocument))
        .waitTask();
    });
  }

  async remove(refs: SearchDocumentRef[]): Promise<void> {
    if (refs.length === 0) return;
    await guarded(async () => {
      await this.client.index(this.indexUid).deleteDocuments(refs.map(meiliUid)).waitTask();
    });
  }

  /** Fills a fresh index, then swaps it in atomically: searches never see a half-built index. */
  async rebuild(
    source: AsyncIterable<SearchDocument>,
    onProgress?: (progress: SearchRebuildProgress) => void,
  ): Promise<SearchRebuildProgress> {
    const next = `${this.indexUid}_rebuild`;
    await guarded(() => this.client.deleteIndexIfExists(next));
    await this.ensureIndex(next);
    await this.ensureIndex();
    let batch: MeiliDocument[] = [];
    let indexed = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await guarded(async () => {
        await this.client.index<MeiliDocument>(next).addDocuments(batch).waitTask();
      });
      indexed += batch.length;
      batch = [];
      onProgress?.({ indexed });
    };
    for await (const document of source) {
      batch.push(toMeiliDocument(document));
      if (batch.length >= REBUILD_BATCH) await flush();
    }
    await flush();
    await guarded(async () => {
      await this.client.swapIndexes([{ indexes: [this.indexUid, next], rename: false }]).waitTask();
      await this.client.deleteIndex(next).waitTask();
    });
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
    const limit = clampPageSize(page.first);
    const result = await guarded(() =>
      this.client.index<MeiliDocument>(this.indexUid).search(meiliQueryText(query), {
        filter: meiliFilter(query, viewer),
        facets: page.facets === false ? [] : Object.values(FACET_ATTRIBUTES),
        offset,
        limit: limit + 1,
        attributesToHighlight: ["title", "body"],
        attributesToCrop: ["body"],
        cropLength: 40,
        ...MEILI_HIGHLIGHT_OPTIONS,
        ...(query.filters.inTitle ? { attributesToSearchOn: ["title"] } : {}),
        ...(hasTextCriteria(query) ? {} : { sort: ["updatedAtMs:desc"] }),
      }),
    );
    const release = context.release?.toLowerCase();
    const ordered = result.hits
      .slice(0, limit)
      .map((hit, index) => ({ hit, index }))
      .sort(
        (first, second) =>
          Number(second.hit.release === release) - Number(first.hit.release === release) ||
          first.index - second.index,
      );
    const hits: SearchHit[] = ordered.map(({ hit }, index) => {
      const formatted = typeof hit._formatted?.body === "string" ? hit._formatted.body : undefined;
      return {
        type: hit.type as SearchHit["type"],
        id: hit.id,
        title: hit.title,
        url: hit.url,
        snippetHtml: formatted ? highlightedTextToSafeHtml(formatted) : plainSnippetHtml(hit.body),
        score: limit - index,
        cursor: encodeSearchCursor({ offset: offset + index + 1 }),
        release: hit.release ?? undefined,
        cooperativeSlug: hit.cooperative ?? undefined,
        updatedAt: new Date(hit.updatedAtMs),
      };
    });
    const distribution = result.facetDistribution ?? {};
    const facet = (attribute: string): SearchFacetCounts => ({ ...(distribution[attribute] ?? {}) });
    return {
      hits,
      totalCount: result.estimatedTotalHits ?? hits.length,
      facets: {
        type: facet(FACET_ATTRIBUTES.type),
        category: facet(FACET_ATTRIBUTES.category),
        tag: facet(FACET_ATTRIBUTES.tag),
        cooperative: facet(FACET_ATTRIBUTES.cooperative),
        release: facet(FACET_ATTRIBUTES.release),
      },
      pageInfo: { hasNextPage: result.hits.length > limit, endCursor: hits.at(-1)?.cursor },
    };
  }
}
