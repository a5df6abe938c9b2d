import { useState } from "react";
import { CursorPagination } from "../components/cursor-pagination.js";
import { ErrorList } from "../components/error-list.js";
import { SearchMissList, type SearchMissRow } from "../components/search/search-miss-list.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";

const MISSES_QUERY = `query SearchMisses($first: Int, $after: String) {
  searchMisses(first: $first, after: $after) {
    edges { node { query count lastSearchedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface SearchMissesData {
  searchMisses: {
    edges: Array<{ node: SearchMissRow }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** For manual maintainers, moderators and stewards: what people searched for and did not find. */
export function SearchMissesPage() {
  usePageTitle("Searches that found nothing");
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, errors, loading } = useQuery<SearchMissesData>(MISSES_QUERY, {
    first: 50,
    after: cursors.at(-1) ?? null,
  });
  return (
    <section className="page">
      <h1>Searches that found nothing</h1>
      <p className="lead">
        What people looked for in vain, most frequent first: candidates for new manual pages.
      </p>
      <ErrorList errors={errors} />
      {loading && !data ? <p>Loading…</p> : null}
      {data ? <SearchMissList misses={data.searchMisses.edges.map((edge) => edge.node)} /> : null}
      <CursorPagination cursors={cursors} onChange={setCursors} pageInfo={data?.searchMisses.pageInfo} />
    </section>
  );
}
