/** Shapes of the `search` query the search box and the results page share. */
export interface SearchHitNode {
  type: string;
  objectId: string;
  title: string;
  url: string;
  snippetHtml: string;
  release: string | null;
  cooperativeSlug: string | null;
  updatedAt: string;
}

export interface SearchFacetValue {
  value: string;
  count: number;
}

export interface SearchResultsData {
  search: {
    totalCount: number;
    /** More matched than were counted: show "1,000+". */
    totalIsLowerBound: boolean;
    notices: string[];
    truncated: boolean;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: SearchHitNode }>;
    facets: Record<"type" | "category" | "tag" | "cooperative" | "release", SearchFacetValue[]>;
  } | null;
}

export const SEARCH_QUERY = `query Search($query: String!, $first: Int, $after: String, $context: SearchContextInput) {
  search(query: $query, first: $first, after: $after, context: $context) {
    totalCount totalIsLowerBound notices truncated
    pageInfo { hasNextPage endCursor }
    edges { cursor node { type objectId title url snippetHtml release cooperativeSlug updatedAt } }
    facets { type { value count } category { value count } tag { value count } cooperative { value count } release { value count } }
  }
}`;

/** What the header's instant results need: the first hits only (no facets, which cost a pass over every match). */
export const SEARCH_BOX_QUERY = `query SearchBox($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    edges { node { type objectId title url snippetHtml release cooperativeSlug updatedAt } }
  }
}`;

/** The header box's answer. */
export interface SearchBoxData {
  search: { edges: Array<{ node: SearchHitNode }> } | null;
}

/** "1,000+ found" when the count stopped at its limit. */
export function resultCountText(search: { totalCount: number; totalIsLowerBound: boolean }): string {
  return `${search.totalCount.toLocaleString("en")}${search.totalIsLowerBound ? "+" : ""} found`;
}

/** Human names of result types. */
export const RESULT_TYPE_LABELS: Record<string, string> = {
  POST: "Forum posts",
  TOPIC: "Forum topics",
  MANUAL_PAGE: "Manual pages",
  BLUEPRINT: "Blueprints",
  CLUSTER: "Clusters",
};

/** The operator that filters by a facet value, as a person would type it. */
export function facetOperator(facet: string, value: string): string {
  const quoted = /\s/.test(value) ? `"${value}"` : value;
  switch (facet) {
    case "type":
      return `type:${value.toLowerCase() === "manual_page" ? "manual" : value.toLowerCase()}`;
    case "cooperative":
      return `coop:${quoted}`;
    default:
      return `${facet}:${quoted}`;
  }
}
