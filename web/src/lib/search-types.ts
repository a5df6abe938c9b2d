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
    notices: string[];
    truncated: boolean;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: SearchHitNode }>;
    facets: Record<"type" | "category" | "tag" | "cooperative" | "release", SearchFacetValue[]>;
  } | null;
}

export const SEARCH_QUERY = `query Search($query: String!, $first: Int, $after: String, $context: SearchContextInput) {
  search(query: $query, first: $first, after: $after, context: $context) {
    totalCount notices truncated
    pageInfo { hasNextPage endCursor }
    edges { cursor node { type objectId title url snippetHtml release cooperativeSlug updatedAt } }
    facets { type { value count } category { value count } tag { value count } cooperative { value count } release { value count } }
  }
}`;

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
