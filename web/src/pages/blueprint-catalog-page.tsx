import { type FormEvent, useState } from "react";
import { CursorPagination } from "../components/cursor-pagination.js";
import { BlueprintBadges } from "../components/blueprint-badges.js";
import { CATALOG_QUERY, catalogVariables } from "../components/blueprint-catalog-query.js";
import { ErrorList } from "../components/error-list.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { navigate, queryParameter } from "../lib/router.js";
import { useQuery } from "../lib/use-query.js";

interface CatalogEntry {
  id: string;
  name: string;
  title: string;
  description: string;
  kind: string;
  category: string;
  keywords: string[];
  deprecated: boolean;
  verified: boolean;
  downloadCount: number;
  publisher: { official: boolean; name: string; cooperative: { slug: string } | null };
  latestVersion: { version: string; signature: { status: string } } | null;
}

interface CatalogData {
  blueprints: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: CatalogEntry }>;
  } | null;
}

const CATEGORIES = [
  "CLUSTER",
  "NETWORKING",
  "STORAGE",
  "SECURITY",
  "MANAGEMENT",
  "APPLICATION",
  "OBSERVABILITY",
];
const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
const FILTER_KEYS = ["q", "category", "kind", "publisher", "verified", "sort"] as const;
type Filters = Record<(typeof FILTER_KEYS)[number], string>;

function addressOf(filters: Filters): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) query.set(key, filters[key]);
  const text = query.toString();
  return text ? `/blueprints?${text}` : "/blueprints";
}

/** The blueprint catalog: search, filters (category, kind, publisher, verified) and sort, kept in the address. */
export function BlueprintCatalogPage({ location }: { location: string }) {
  usePageTitle("Blueprints");
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, queryParameter(location, key)]),
  ) as Filters;
  const [search, setSearch] = useState(filters.q);
  const [cursors, setCursors] = useState<string[]>([]);
  const variables = catalogVariables(filters, cursors.at(-1) ?? null);
  const { data, errors, loading } = useQuery<CatalogData>(CATALOG_QUERY, variables);
  const connection = data?.blueprints;
  const change = (key: keyof Filters, value: string) => {
    setCursors([]);
    navigate(addressOf({ ...filters, q: search.trim(), [key]: value }), { replace: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change("q", search.trim());
  };
  const select = (key: keyof Filters, title: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`catalog-${key}`}>{title}</label>
      <select
        id={`catalog-${key}`}
        value={filters[key]}
        onChange={(event) => change(key, event.target.value)}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Blueprints</h1>
          <p className="lead">
            Reviewed cluster and app blueprints: render them with your parameters, verify, install.
          </p>
        </div>
        <Link to="/blueprints/publish" className="button button-secondary">
          Publish a blueprint
        </Link>
      </div>
      <search>
        <form className="filters" onSubmit={submit}>
          <div className="field">
            <label htmlFor="catalog-search">Search blueprints</label>
            <div className="input-with-button">
              <input
                id="catalog-search"
                type="search"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
              <button type="submit" className="button button-secondary">
                Search
              </button>
            </div>
          </div>
          {select("category", "Category", [
            ["", "All categories"],
            ...CATEGORIES.map((value): [string, string] => [value, label(value)]),
          ])}
          {select("kind", "Kind", [
            ["", "All kinds"],
            ["CLUSTER_BLUEPRINT", "Cluster blueprints"],
            ["APP_BLUEPRINT", "App blueprints"],
          ])}
          {select("publisher", "Publisher", [
            ["", "All publishers"],
            ["alliance", "The Alliance (official)"],
            ...(filters.publisher && filters.publisher !== "alliance"
              ? [[filters.publisher, `Cooperative ${filters.publisher}`] as [string, string]]
              : []),
          ])}
          {select("verified", "Verification", [
            ["", "Any"],
            ["yes", "Official or verified signature"],
            ["no", "Neither official nor verified"],
          ])}
          {select("sort", "Sort by", [
            ["", "Name"],
            ["RECENTLY_UPDATED", "Recently updated"],
            ["MOST_DOWNLOADED", "Most downloaded"],
          ])}
        </form>
      </search>
      <ErrorList errors={errors} />
      <p className="result-count" aria-live="polite">
        {loading ? "Loading…" : connection ? `${connection.totalCount} found` : ""}
      </p>
      {!loading && connection?.edges.length === 0 ? (
        <p className="empty">No blueprint matches these filters.</p>
      ) : null}
      <div className="card-grid">
        {connection?.edges.map(({ node }) => (
          <article key={node.id} className="card">
            <h2 className="card-title">
              <Link to={`/blueprints/${node.name}`}>{node.title}</Link>
            </h2>
            <p className="card-meta">
              <code>{node.name}</code> {node.latestVersion ? `v${node.latestVersion.version}` : ""} ·{" "}
              {label(node.category)} · {node.kind === "CLUSTER_BLUEPRINT" ? "Cluster" : "App"} ·{" "}
              <Link to={`/blueprints/publishers/${node.publisher.cooperative?.slug ?? "alliance"}`}>
                {node.publisher.name}
              </Link>
            </p>
            <BlueprintBadges
              facts={{
                official: node.publisher.official,
                verified: node.verified,
                deprecated: node.deprecated,
                signature: node.latestVersion?.signature,
              }}
            />
            <p>{node.description}</p>
            <p className="card-meta">{node.downloadCount} downloads</p>
          </article>
        ))}
      </div>
      <CursorPagination cursors={cursors} onChange={setCursors} pageInfo={connection?.pageInfo} />
    </div>
  );
}
