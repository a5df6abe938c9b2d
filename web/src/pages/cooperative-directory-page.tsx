import { useState } from "react";
import { CursorPagination } from "../components/cursor-pagination.js";
import { CooperativeCard, type CooperativeSummary } from "../components/cooperative-card.js";
import { type DirectoryFilter, DirectoryFilters } from "../components/directory-filters.js";
import { ErrorList } from "../components/error-list.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { navigate, queryParameter } from "../lib/router.js";
import { useQuery } from "../lib/use-query.js";

const PAGE_SIZE = 12;

const DIRECTORY_QUERY = `query Directory($first: Int, $after: String, $filter: CooperativeFilter) {
  cooperatives(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id slug name country tier status memberCount description } }
  }
}`;

interface DirectoryData {
  cooperatives: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: CooperativeSummary }>;
  } | null;
}

function addressOf(filter: DirectoryFilter): string {
  const query = new URLSearchParams();
  if (filter.search) query.set("q", filter.search);
  if (filter.tier) query.set("tier", filter.tier);
  const text = query.toString();
  return text ? `/cooperatives?${text}` : "/cooperatives";
}

/** The cooperative directory: search, tier filter and pages of cards. Filters live in the address. */
export function CooperativeDirectoryPage({ location }: { location: string }) {
  usePageTitle("Cooperatives");
  const filter: DirectoryFilter = {
    search: queryParameter(location, "q"),
    tier: queryParameter(location, "tier"),
  };
  // The cursors of the pages already passed, so "Previous" can go back without backward pagination.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1) ?? null;
  const variables = {
    first: PAGE_SIZE,
    after,
    filter: { search: filter.search || null, tier: filter.tier || null },
  };
  const { data, errors, loading } = useQuery<DirectoryData>(DIRECTORY_QUERY, variables);
  const connection = data?.cooperatives;
  const cooperatives = connection?.edges.map((edge) => edge.node) ?? [];

  const changeFilter = (next: DirectoryFilter) => {
    setCursors([]);
    navigate(addressOf(next), { replace: true });
  };

  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Cooperatives</h1>
          <p className="lead">The member organisations of the alliance.</p>
        </div>
        <Link to="/cooperatives/new" className="button button-primary">
          Found a cooperative
        </Link>
      </div>
      <DirectoryFilters key={location} filter={filter} onChange={changeFilter} />
      <ErrorList errors={errors} />
      <p className="result-count" aria-live="polite">
        {loading ? "Loading…" : connection ? `${connection.totalCount} found` : ""}
      </p>
      {!loading && connection && cooperatives.length === 0 ? (
        <p className="empty">No cooperative matches these filters.</p>
      ) : null}
      <div className="card-grid">
        {cooperatives.map((cooperative) => (
          <CooperativeCard key={cooperative.id} cooperative={cooperative} />
        ))}
      </div>
      <CursorPagination cursors={cursors} onChange={setCursors} pageInfo={connection?.pageInfo} />
    </div>
  );
}
