import type { ParsedSearchQuery, SearchFilters, SearchListFilters } from "./parsed-search-query.js";

const LIST_FILTERS: Array<keyof SearchListFilters> = [
  "type",
  "category",
  "tag",
  "person",
  "cooperative",
  "release",
];

/**
 * Adds structured filters (the API's `filters` argument, the web app's facet clicks) to a parsed query: both must
 * hold. Where both name values of one filter, only values in both remain (a document has one type, category,
 * author, cooperative and release). Tags follow the same rule, so a query's `tag:a` with a filter tag `b` finds
 * nothing, even for a document tagged with both: a filter is one list of alternatives. Dates narrow to the tighter
 * bound; `inTitle` holds if either asks for it. Returns `nothingMatches` when the two contradict each other.
 */
export function mergeSearchFilters(
  query: ParsedSearchQuery,
  extra: SearchFilters,
): { query: ParsedSearchQuery; nothingMatches: boolean } {
  const filters: SearchFilters = { ...query.filters };
  let nothingMatches = false;
  for (const name of LIST_FILTERS) {
    const added = extra[name];
    if (!added?.length) continue;
    const existing = filters[name] as string[] | undefined;
    const merged = existing?.length ? existing.filter((value) => (added as string[]).includes(value)) : added;
    if (merged.length === 0) nothingMatches = true;
    (filters as Record<string, string[]>)[name] = [...new Set(merged as string[])];
  }
  if (extra.status) {
    if (filters.status && filters.status !== extra.status) nothingMatches = true;
    filters.status = extra.status;
  }
  if (extra.inTitle) filters.inTitle = true;
  if (extra.before && (!filters.before || extra.before < filters.before)) filters.before = extra.before;
  if (extra.after && (!filters.after || extra.after > filters.after)) filters.after = extra.after;
  if (filters.before && filters.after && filters.after >= filters.before) nothingMatches = true;
  const notices = nothingMatches
    ? [...query.notices, "The filters contradict the query's operators, so nothing can match."]
    : query.notices;
  return { query: { ...query, filters, notices }, nothingMatches };
}
