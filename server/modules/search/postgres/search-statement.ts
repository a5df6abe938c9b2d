import type { SearchFacetCounts, SearchFacets, SearchHit } from "../core/search-provider.js";
import { PG_HEADLINE_OPTIONS } from "../core/snippet.js";
import { type Queryable, queryRows } from "./queryable.js";
import { type SqlConditions, TEXT_SEARCH_CONFIG } from "./search-sql.js";

/**
 * At most this many matches are counted, faceted and ranked. A word in a twentieth of 100,000 documents has 5,000
 * matches; reading and ranking every one of them cost 25 ms of database CPU per search (bench/README.md). Past
 * the cap the total is reported as a lower bound ("1,000+"), facets count the first 1,000 matches, and the
 * ranking is over those 1,000 (in index order for text searches, the newest for operator-only ones).
 */
export const SEARCH_CANDIDATE_CAP = 1000;

/** One hit as the statement returns it (inside JSON: dates are strings). */
export interface HitRow {
  doc_type: SearchHit["type"];
  doc_id: string;
  title: string;
  url: string;
  release: string | null;
  cooperative_slug: string | null;
  updated_at: string;
  score: number;
  headline: string | null;
  title_headline: string | null;
  body: string;
}

/** What one search statement found. */
export interface StatementResult {
  hits: HitRow[];
  /** Matches counted, at most SEARCH_CANDIDATE_CAP. */
  totalCount: number;
  totalIsLowerBound: boolean;
  /** Undefined when facets were not asked for. */
  facets?: SearchFacets;
  hasNextPage: boolean;
}

export interface StatementOptions {
  conditions: SqlConditions;
  tsqueryExpression?: string;
  release?: string;
  offset: number;
  size: number;
  facets: boolean;
}

const FACET_NAMES = ["type", "category", "tag", "cooperative", "release"] as const;

function facetSql(expression: string): string {
  return `(SELECT json_object_agg(value, n) FROM (SELECT ${expression} AS value, count(*) AS n FROM counted GROUP BY 1) f WHERE value IS NOT NULL)`;
}

const FACETS_SQL = `json_build_object(
  'type', ${facetSql("doc_type")},
  'category', ${facetSql("lower(category_slug)")},
  'tag', (SELECT json_object_agg(tag, n) FROM (SELECT tag, count(*) AS n FROM counted, unnest(tags) AS tag GROUP BY 1) t),
  'cooperative', ${facetSql("lower(cooperative_slug)")},
  'release', ${facetSql("lower(release)")})`;

function counts(value: SearchFacetCounts | null | undefined): SearchFacetCounts {
  return Object.fromEntries(Object.entries(value ?? {}).map(([key, count]) => [key, Number(count)]));
}

/**
 * The page, the total and the facets in ONE statement: the matches are read once into a MATERIALIZED CTE (at most
 * SEARCH_CANDIDATE_CAP + 1 of them, so the scan stops there), and total, facets and page are computed from it.
 * Snippets (`ts_headline`, the costliest function per row) only for the hits of the page.
 */
export async function runSearchStatement(
  database: Queryable,
  options: StatementOptions,
): Promise<StatementResult> {
  const { conditions, tsqueryExpression: tsquery } = options;
  const release = conditions.param(options.release?.toLowerCase() ?? null);
  const cap = conditions.param(SEARCH_CANDIDATE_CAP);
  const limit = conditions.param(options.size + 1);
  const skip = conditions.param(options.offset);
  // Only the hits of the page get snippets, not the one extra row that tells whether there is a next page.
  const last = tsquery ? conditions.param(options.offset + options.size) : undefined;
  // Operator-only searches list the newest first: the scan walks search_document_updated_idx and stops early.
  const candidateOrder = tsquery ? "" : "ORDER BY updated_at DESC, doc_type, doc_id";
  const pageOrder = `(lower(release) IS NOT DISTINCT FROM ${release}::text AND ${release}::text IS NOT NULL) DESC,
    score DESC, updated_at DESC, doc_type, doc_id`;
  const headline = (text: string) =>
    tsquery
      ? `CASE WHEN p.position <= ${last} THEN ts_headline('${TEXT_SEARCH_CONFIG}', ${text}, ${tsquery}, '${PG_HEADLINE_OPTIONS}') END`
      : "NULL";
  const [row] = await queryRows<{
    total: number;
    facets: Record<(typeof FACET_NAMES)[number], SearchFacetCounts | null> | null;
    hits: HitRow[] | null;
  }>(
    database,
    `WITH candidates AS MATERIALIZED (
       SELECT id, doc_type, doc_id, category_slug, tags, cooperative_slug, release, updated_at,
         ${tsquery ? `ts_rank_cd(search_vector, ${tsquery})` : "0"}::float8 AS score,
         row_number() OVER (${candidateOrder}) AS candidate
       FROM search_document ${conditions.where}
       ${candidateOrder}
       LIMIT ${cap}::int + 1
     ),
     counted AS (SELECT * FROM candidates WHERE candidate <= ${cap}::int),
     page AS (
       SELECT id, score, row_number() OVER (ORDER BY ${pageOrder}) AS position
       FROM counted ORDER BY ${pageOrder} LIMIT ${limit} OFFSET ${skip}
     )
     SELECT (SELECT count(*) FROM candidates)::int AS total,
       ${options.facets ? FACETS_SQL : "NULL"} AS facets,
       (SELECT json_agg(h ORDER BY h.position) FROM (
         SELECT p.position, d.doc_type, d.doc_id, d.title, d.url, d.release, d.cooperative_slug, d.updated_at, d.body,
           p.score, ${headline("d.body")} AS headline, ${headline("d.title || ' · ' || d.headings")} AS title_headline
         FROM page p JOIN search_document d ON d.id = p.id) h) AS hits`,
    conditions.params,
  );
  const hits = row?.hits ?? [];
  const total = Number(row?.total ?? 0);
  return {
    hits: hits.slice(0, options.size),
    totalCount: Math.min(total, SEARCH_CANDIDATE_CAP),
    totalIsLowerBound: total > SEARCH_CANDIDATE_CAP,
    facets: row?.facets
      ? {
          type: counts(row.facets.type),
          category: counts(row.facets.category),
          tag: counts(row.facets.tag),
          cooperative: counts(row.facets.cooperative),
          release: counts(row.facets.release),
        }
      : undefined,
    hasNextPage: hits.length > options.size,
  };
}
