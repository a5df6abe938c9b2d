import { type FormEvent, useState } from "react";
import { CursorPagination } from "../components/cursor-pagination.js";
import { ErrorList } from "../components/error-list.js";
import { SearchFacets } from "../components/search/search-facets.js";
import { SearchHelp } from "../components/search/search-help.js";
import { SearchSnippet } from "../components/search/search-snippet.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { SEARCH_UNAVAILABLE_MESSAGE, searchErrorView } from "../lib/search-errors.js";
import { navigate, queryParameter } from "../lib/router.js";
import {
  RESULT_TYPE_LABELS,
  resultCountText,
  SEARCH_QUERY,
  type SearchResultsData,
} from "../lib/search-types.js";
import { useQuery } from "../lib/use-query.js";

const PAGE_SIZE = 20;

/** Full search results with facets, notices, operators help and pages. The query lives in the address. */
export function SearchPage({ location }: { location: string }) {
  const query = queryParameter(location, "q");
  usePageTitle(query ? `Search: ${query}` : "Search");
  const [text, setText] = useState(query);
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1) ?? null;
  const { data, errors, loading, reload } = useQuery<SearchResultsData>(SEARCH_QUERY, {
    query,
    first: PAGE_SIZE,
    after,
  });
  const results = data?.search;
  const shown = searchErrorView(errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCursors([]);
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };

  return (
    <div className="page">
      <h1>Search</h1>
      <search>
        <form className="search-form" onSubmit={submit}>
          <label htmlFor="search-query">Search the forum, manuals, blueprints and clusters</label>
          <div className="input-with-button">
            <input
              id="search-query"
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="button button-primary">
              Search
            </button>
          </div>
        </form>
      </search>
      <SearchHelp />
      {shown.unavailable ? (
        <div className="notice notice-error" role="alert">
          <p>{SEARCH_UNAVAILABLE_MESSAGE}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      ) : null}
      <ErrorList errors={shown.errors} />
      {results?.notices.map((notice) => (
        <p key={notice} className="notice notice-info">
          {notice}
        </p>
      ))}
      <p className="result-count" aria-live="polite">
        {loading ? "Searching…" : results ? resultCountText(results) : ""}
      </p>
      <div className="search-layout">
        <ol className="search-results">
          {results?.edges.map(({ node }) => (
            <li key={`${node.type}-${node.objectId}`} className="search-result">
              <p className="eyebrow">
                {RESULT_TYPE_LABELS[node.type] ?? node.type}
                {node.release ? ` · release ${node.release}` : ""}
                {node.cooperativeSlug ? ` · ${node.cooperativeSlug}` : ""}
              </p>
              <h2>
                <Link to={node.url}>{node.title}</Link>
              </h2>
              <SearchSnippet html={node.snippetHtml} />
            </li>
          ))}
        </ol>
        {results ? <SearchFacets query={query} facets={results.facets} /> : null}
      </div>
      <CursorPagination cursors={cursors} onChange={setCursors} pageInfo={results?.pageInfo} />
    </div>
  );
}
