import { parseSearchQuery } from "../query-parser.js";
import type {
  SearchContext,
  SearchFacetCounts,
  SearchProvider,
  SearchResultPage,
  SearchViewer,
} from "../search-provider.js";
import { CONTRACT_DOCUMENTS, CONTRACT_VIEWERS } from "./fixtures.js";

/** Large enough to hold every fixture in one page. */
export const WHOLE_PAGE = 100;

/** Loads the fixture set into a fresh provider. */
export async function indexContractFixtures(provider: SearchProvider): Promise<void> {
  await provider.index(CONTRACT_DOCUMENTS.map((document) => ({ ...document })));
}

/** Parses `raw` like the search box does and returns one whole page. */
export async function searchPage(
  provider: SearchProvider,
  raw: string,
  viewer: SearchViewer = CONTRACT_VIEWERS.anonymous,
  context?: SearchContext,
): Promise<SearchResultPage> {
  return provider.search(parseSearchQuery(raw), viewer, { first: WHOLE_PAGE }, context);
}

/** The ids found for `raw`, sorted (for set comparisons). */
export async function foundIds(
  provider: SearchProvider,
  raw: string,
  viewer: SearchViewer = CONTRACT_VIEWERS.anonymous,
): Promise<string[]> {
  const page = await searchPage(provider, raw, viewer);
  return page.hits.map((hit) => hit.id).sort();
}

/** Facet counts without zero entries, so "absent" and "0" compare equal across providers. */
export function nonZero(counts: SearchFacetCounts): SearchFacetCounts {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

/** Sorted copy, for comparing id sets. */
export function sorted(ids: string[]): string[] {
  return [...ids].sort();
}
