/**
 * The catalog page's query (also what `bench/blueprints.bench.ts` sends): one page of blueprints with the facts a
 * card shows, including the latest version's signature status for its badge.
 */
export const CATALOG_QUERY = `query Catalog($first: Int, $after: String, $filter: BlueprintFilter, $sort: BlueprintSort) {
  blueprints(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name title description kind category keywords deprecated verified downloadCount
      publisher { official name cooperative { slug } } latestVersion { version signature { status } } } }
  }
}`;

/** The catalog's filters as kept in the address (`?q=…&category=…`); empty strings are "any". */
export interface CatalogAddressFilters {
  q: string;
  category: string;
  kind: string;
  publisher: string;
  verified: string;
  sort: string;
}

/** The variables the catalog page sends for its filters and the cursor of the page shown. */
export function catalogVariables(filters: CatalogAddressFilters, after: string | null) {
  return {
    first: 24,
    after,
    sort: filters.sort || "NAME",
    filter: {
      search: filters.q || null,
      category: filters.category || null,
      kind: filters.kind || null,
      publisher: filters.publisher || null,
      verified: filters.verified ? filters.verified === "yes" : null,
    },
  };
}
