import type { ParsedSearchQuery, SearchListFilters } from "../core/parsed-search-query.js";
import type { SearchViewer } from "../core/search-provider.js";
import { quoteMeiliValue, visibilityFilterForMeili } from "../core/visibility.js";

const ATTRIBUTE: Record<keyof SearchListFilters, string> = {
  type: "type",
  category: "category",
  tag: "tags",
  person: "person",
  cooperative: "cooperative",
  release: "release",
};

const list = (values: string[]) =>
  `[${values.map((value) => quoteMeiliValue(value.toLowerCase())).join(", ")}]`;

/** The Meilisearch filter expression for a query's filters plus the viewer's visibility. Values are always quoted. */
export function meiliFilter(query: ParsedSearchQuery, viewer: SearchViewer): string {
  const parts = [`(${visibilityFilterForMeili(viewer)})`];
  for (const filter of Object.keys(ATTRIBUTE) as Array<keyof SearchListFilters>) {
    const values = query.filters[filter];
    if (values?.length) parts.push(`${ATTRIBUTE[filter]} IN ${list(values)}`);
    const negated = query.excludedFilters[filter];
    if (negated?.length) parts.push(`${ATTRIBUTE[filter]} NOT IN ${list(negated)}`);
  }
  if (query.filters.status) parts.push(`status = ${quoteMeiliValue(query.filters.status)}`);
  if (query.filters.before) parts.push(`createdAtMs < ${query.filters.before.getTime()}`);
  if (query.filters.after) parts.push(`createdAtMs >= ${query.filters.after.getTime()}`);
  return parts.join(" AND ");
}

/** The `q` text: words, "phrases" and -exclusions, in Meilisearch's own syntax. */
export function meiliQueryText(query: ParsedSearchQuery): string {
  const phrases = query.phrases.map((phrase) => `"${phrase.replace(/"/g, "")}"`);
  const excluded = query.excluded.map((word) =>
    word.includes(" ") ? `-"${word.replace(/"/g, "")}"` : `-${word}`,
  );
  return [...query.terms, ...phrases, ...excluded].join(" ");
}
