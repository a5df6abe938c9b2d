import type { EntityManager } from "typeorm";
import type { SearchDocument } from "./core/search-provider.js";
import { blueprintSearchSource } from "../blueprints/search/blueprint-search-source.js";
import { manualPageSearchSource } from "../manuals/search/manual-page-search-source.js";
import { forumSearchSource } from "../forum/search/forum-search-source.js";
import { memberClusterSearchSource } from "../clusters/search/cluster-search-source.js";

/**
 * Everything of one kind that should be searchable, read from the database for a full rebuild. Reads go through
 * the given manager: a PostgreSQL rebuild runs inside one transaction (and PGlite has a single connection).
 */
export interface SearchSource {
  name: string;
  /** Rough number of documents, for progress display. */
  count(manager: EntityManager): Promise<number>;
  documents(manager: EntityManager): AsyncIterable<SearchDocument>;
}

/** Every domain's search source. A domain appends its own (forum posts and topics, manual pages, blueprints...). */
export const SEARCH_SOURCES: SearchSource[] = [
  blueprintSearchSource,
  manualPageSearchSource,
  forumSearchSource,
  memberClusterSearchSource,
];

/** All documents of all sources, one source after the other. */
export async function* allSearchDocuments(
  manager: EntityManager,
  sources = SEARCH_SOURCES,
): AsyncIterable<SearchDocument> {
  for (const source of sources) yield* source.documents(manager);
}
