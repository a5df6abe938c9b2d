import type { ParsedSearchQuery, SearchListFilters } from "../core/parsed-search-query.js";
import type { SearchViewer } from "../core/search-provider.js";
import { excludedTsquery } from "../core/typo-tolerance.js";
import { visibilityWhereSql } from "../core/visibility.js";

/** The text search configuration: English stemming, so "timers" finds "timer". */
export const TEXT_SEARCH_CONFIG = "english";

/** A WHERE clause under construction; values only ever travel as parameters. */
export class SqlConditions {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a parameter and returns its placeholder (`$3`). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.conditions.push(condition);
  }

  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(" AND ")}` : "";
  }
}

/** Columns compared case-insensitively with each list filter. Tags are stored lower case in an array. */
const LIST_FILTER_COLUMNS: Record<keyof SearchListFilters, string> = {
  type: "doc_type",
  category: "lower(category_slug)",
  tag: "tags",
  person: "lower(author_handle)",
  cooperative: "lower(cooperative_slug)",
  release: "lower(release)",
};

function listCondition(
  conditions: SqlConditions,
  filter: keyof SearchListFilters,
  values: string[],
  negated: boolean,
) {
  const column = LIST_FILTER_COLUMNS[filter];
  const placeholder = conditions.param(values);
  const match =
    filter === "tag" ? `${column} && ${placeholder}::text[]` : `${column} = ANY(${placeholder}::text[])`;
  conditions.add(negated ? `NOT coalesce(${match}, false)` : match);
}

/**
 * Translates a parsed query and a viewer into SQL conditions over `search_document`: text match (whole document, or
 * titles only with `in:title`), exclusions, every filter and negated filter, dates, and visibility. `tsquery` is
 * the positive text already normalised by `prepareTsquery` (cast, not parsed again).
 */
export function buildSearchConditions(
  query: ParsedSearchQuery,
  viewer: SearchViewer,
  tsquery: string | undefined,
): { conditions: SqlConditions; tsqueryExpression?: string } {
  const conditions = new SqlConditions();
  let tsqueryExpression: string | undefined;
  if (tsquery) {
    tsqueryExpression = `${conditions.param(tsquery)}::tsquery`;
    const vector = query.filters.inTitle ? `to_tsvector('${TEXT_SEARCH_CONFIG}', title)` : "search_vector";
    conditions.add(`${vector} @@ ${tsqueryExpression}`);
  }
  const excluded = excludedTsquery(query);
  if (excluded) {
    conditions.add(
      `NOT (search_vector @@ to_tsquery('${TEXT_SEARCH_CONFIG}', ${conditions.param(excluded)}))`,
    );
  }
  for (const filter of Object.keys(LIST_FILTER_COLUMNS) as Array<keyof SearchListFilters>) {
    const values = query.filters[filter];
    if (values?.length)
      listCondition(
        conditions,
        filter,
        values.map((value) => value.toLowerCase()),
        false,
      );
    const negatedValues = query.excludedFilters[filter];
    if (negatedValues?.length)
      listCondition(
        conditions,
        filter,
        negatedValues.map((value) => value.toLowerCase()),
        true,
      );
  }
  if (query.filters.status) conditions.add(`status = ${conditions.param(query.filters.status)}`);
  if (query.filters.before) conditions.add(`created_at < ${conditions.param(query.filters.before)}`);
  if (query.filters.after) conditions.add(`created_at >= ${conditions.param(query.filters.after)}`);
  const visibility = visibilityWhereSql(viewer, conditions.params.length);
  conditions.params.push(...visibility.params);
  conditions.add(visibility.sql);
  return { conditions, tsqueryExpression };
}
