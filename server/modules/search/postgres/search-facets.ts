import type { SearchFacetCounts, SearchFacets } from "../core/search-provider.js";
import type { SqlConditions } from "./search-sql.js";
import { type Queryable, queryRows } from "./queryable.js";

interface FacetRow {
  total: string;
  type: SearchFacetCounts | null;
  category: SearchFacetCounts | null;
  tag: SearchFacetCounts | null;
  cooperative: SearchFacetCounts | null;
  release: SearchFacetCounts | null;
}

function counts(value: SearchFacetCounts | null): SearchFacetCounts {
  return Object.fromEntries(Object.entries(value ?? {}).map(([key, count]) => [key, Number(count)]));
}

/**
 * The total and every facet over the whole visible result set in one statement (the conditions already include
 * visibility, so hidden documents never count).
 */
export async function searchTotals(
  database: Queryable,
  conditions: SqlConditions,
): Promise<{ totalCount: number; facets: SearchFacets }> {
  const facet = (expression: string) =>
    `(SELECT json_object_agg(value, n) FROM (SELECT ${expression} AS value, count(*) AS n FROM matches GROUP BY 1) f WHERE value IS NOT NULL)`;
  const [row] = await queryRows<FacetRow>(
    database,
    `WITH matches AS (SELECT doc_type, category_slug, tags, cooperative_slug, release FROM search_document ${conditions.where})
     SELECT (SELECT count(*) FROM matches) AS total,
       ${facet("doc_type")} AS type,
       ${facet("lower(category_slug)")} AS category,
       (SELECT json_object_agg(tag, n) FROM (SELECT tag, count(*) AS n FROM matches, unnest(tags) AS tag GROUP BY 1) t) AS tag,
       ${facet("lower(cooperative_slug)")} AS cooperative,
       ${facet("lower(release)")} AS release`,
    conditions.params,
  );
  return {
    totalCount: Number(row?.total ?? 0),
    facets: {
      type: counts(row?.type ?? null),
      category: counts(row?.category ?? null),
      tag: counts(row?.tag ?? null),
      cooperative: counts(row?.cooperative ?? null),
      release: counts(row?.release ?? null),
    },
  };
}
